/**
 * The zh catalogue of the messages a person reads in problem documents (`detail` and `errors[].message`) and in
 * import reports (`failed[].message`).
 *
 * Code writes messages in English; the English text is the key (as with gettext), so a schema keeps reading
 * naturally (`text(100)` says "must be at most 100 characters") and a message without an entry is still sent,
 * in English, rather than lost. Messages that carry values are matched by a pattern and the values are carried
 * into the translation. `test/server/messages.test.ts` walks every schema of every mounted route, and parses the
 * source under server/ for the messages code writes (problem details, `{ path, message }`, import report failures),
 * and fails when one has no entry here: adding a message means adding its translation. A pattern whose values need
 * translating too (an action, a status) declines values it does not know, so those are caught the same way.
 *
 * zh is the default audience; English is chosen by `Accept-Language` (see `preferredLanguage` in ./problem.ts).
 */

export type Language = 'zh' | 'en';

/** A replacement string, or a function of the captured values; a function returns undefined for values it does not know. */
type Translation = string | ((...groups: string[]) => string | undefined);

/** `open, paused or fulfilled` → `open、paused 或 fulfilled`. */
function orListZh(list: string): string {
  const items = list.split(/, | or /);
  return items.length === 1 ? list : `${items.slice(0, -1).join('、')} 或 ${items.at(-1) ?? ''}`;
}

// A Map, not an object literal: a message such as "constructor" must not find Object.prototype members.
const EXACT = new Map<string, string>(Object.entries({
  // Field messages of the validation wrapper and zod's built-in issues (./issue-messages.ts).
  'is required': '必填字段',
  'unknown field': '未知字段',
  'unknown fields': '未知字段',
  'must not be empty': '不能为空',
  'must be a string': '必须是字符串',
  'must be a number': '必须是数字',
  'must be a whole number': '必须是整数',
  'must be a list': '必须是列表（数组）',
  'must be an object': '必须是对象',
  'must be a date': '必须是日期',
  'must be null': '必须为 null',
  'is too large': '过大',
  'is too small': '过小',
  'must be an e-mail address': '必须是有效的电子邮件地址',
  'must be a URL': '必须是有效的网址',
  'must be a UUID': '必须是 UUID',
  'must be an ISO 8601 date-time': '必须是 ISO 8601 日期时间',
  'must be an ISO 8601 date (YYYY-MM-DD)': '必须是 ISO 8601 日期（YYYY-MM-DD）',
  'must be an ISO 8601 time': '必须是 ISO 8601 时间',
  'must be an ISO 8601 duration': '必须是 ISO 8601 时长',
  'must be an IPv4 address': '必须是 IPv4 地址',
  'must be an IPv6 address': '必须是 IPv6 地址',
  'must be a phone number in E.164 form': '必须是 E.164 格式的电话号码',
  'is not in the expected format': '格式不正确',
  'matches none of the allowed forms': '不符合任何一种允许的格式',
  'has a key that is not valid': '含有无效的键',
  'has an item that is not valid': '含有无效的元素',
  'is not valid': '无效',

  // Messages written by the domain schemas (server/domain/**).
  'must be a 24-character hexadecimal id': '必须是 24 位十六进制 ID',
  'must be a phone number of digits, spaces and dashes': '必须是由数字、空格和短横线组成的电话号码',
  'must be an 18-character unified social credit code with a valid check character': '必须是 18 位且校验码正确的统一社会信用代码',
  'must name at least one industry': '至少填写一个行业代码',
  'must be an http(s) URL': '必须是 http 或 https 网址',
  'must be a GB/T 4754-2017 code such as C3982': '必须是 GB/T 4754-2017 行业代码，例如 C3982',
  'is not a GB/T 4754-2017 industry code (see GET /api/v1/industries)': '不是有效的 GB/T 4754-2017 行业代码（可用 GET /api/v1/industries 查询）',
  'is not a GB/T 4754-2017 code': '不是有效的 GB/T 4754-2017 行业代码',
  'is not a valid page cursor': '不是有效的分页游标',
  'must be an ISO 8601 date or date-time': '必须是 ISO 8601 日期或日期时间',
  'must be a single entity tag such as "3"': '必须是单个实体标签，例如 "3"',

  // Field messages and details of the HTTP foundation (./errors.ts, ./body-guard.ts, ./auth.ts, ./validate.ts).
  'malformed JSON': 'JSON 格式错误',
  'too large': '过大',
  'unsupported encoding': '不支持的字符编码',
  'already in use': '已被占用',
  'is not in the schema': '不是允许的字段',
  'Some fields are missing or not valid.': '部分字段缺失或无效。',
  'Some fields are not valid.': '部分字段无效。',
  'The body could not be parsed as JSON.': '请求体不是有效的 JSON，无法解析。',
  'The body must be UTF-8 encoded.': '请求体必须使用 UTF-8 编码。',
  'The record was changed by someone else; reload it and try again.': '记录已被他人修改，请重新获取后再试。',
  'A service this request needs is unavailable; try again shortly.': '此请求依赖的服务暂不可用，请稍后重试。',
  'Something went wrong on our side; it has been logged.': '服务器内部出错，已记录日志。',
  'Send "Authorization: Bearer <token or API key>".': '请在请求头中发送 "Authorization: Bearer <令牌或 API 密钥>"。',
  'The token or API key is not valid.': '令牌或 API 密钥无效。',
  'Authentication is required.': '需要身份认证。',
  'The request contains field names that are not allowed.': '请求中含有不允许的字段名。',
  'The page cursor is not one this list gave out.': '分页游标不是此列表给出的。',
  'Too many failed authentications from this address; try again later.': '此地址身份认证失败次数过多，请稍后再试。',
  'If-Match must hold the one entity tag from the ETag header, e.g. "3".': 'If-Match 必须是 ETag 响应头给出的单个实体标签，例如 "3"。',

  // Companies, postings, users and API keys (server/domain/**).
  'only the bureau may set this': '仅管委会可以设置此字段',
  'Only the bureau marks a company as verified.': '只有管委会可以将企业标记为已认证。',
  'A company may read only its own history.': '企业只能查看本企业的变更记录。',
  'must be in the future': '必须是将来的时间',
  'validUntil must be in the future.': 'validUntil 必须是将来的时间。',
  'is required when the bureau creates a posting': '管委会发布供需信息时必须填写',
  'names no company': '没有对应的企业',
  'A company key may post only for its own company.': '企业 API 密钥只能为本企业发布供需信息。',
  'Only the bureau or a company key may create postings.': '只有管委会或企业 API 密钥可以发布供需信息。',
  'An expired posting reopens only with a validUntil in the future; send a new validUntil with status "open".':
    '已过期的供需信息只有在 validUntil 为将来的时间时才能重新开放；请在将 status 设为 "open" 的同时发送新的 validUntil。',
  'An open or paused posting can be paused, resumed or marked fulfilled.': '开放或暂停中的供需信息只能暂停、恢复或标记为已完成。',
  'A fulfilled posting can only be reopened (status "open"), by the bureau.': '已完成的供需信息只能由管委会重新开放（status 设为 "open"）。',
  'An expired posting can only be reopened (status "open"), by the bureau.': '已过期的供需信息只能由管委会重新开放（status 设为 "open"）。',
  'The account is disabled; create a new account instead.': '该账号已停用，请改为新建账号。',
  'An API key acts only for its own company.': 'API 密钥只能代表其所属企业操作。',
  'must be a list of at most 20 contacts { name, phone?, email? }': '必须是最多 20 个联系人的列表，每项为 { name, phone?, email? }',
  'must be a list of { field, before?, after? }': '必须是由 { field, before?, after? } 组成的列表',

  // Bulk import (server/domain/import/**): the file as a whole, and the row failures of its report.
  'Send the file as text/csv or application/json.': '请以 text/csv 或 application/json 格式发送文件。',
  'unsupported content type': '不支持的内容类型',
  'A JSON import is an array of records, one per row.': 'JSON 导入的内容必须是记录数组，每条记录对应一行。',
  'must be an array': '必须是数组',
  'The CSV file has no header row; the first row must name the columns.': 'CSV 文件没有表头行；第一行必须是列名。',
  'no header row': '缺少表头行',
  'a quoted cell is never closed (a closing " is missing)': '有带引号的单元格没有闭合（缺少结尾的 "）',
  'a quoted cell has text after its closing "': '带引号的单元格在结尾的 " 之后还有文字',
  'the CSV syntax is not valid': 'CSV 格式不正确',
  'must be an object with the fields of one record': '必须是包含一条记录各字段的对象',
  'no company has this credit code': '没有使用此统一社会信用代码的企业',
  'no company has exactly this name': '没有名称与此完全相同的企业',
  'is required: name the company by companyId, creditCode or companyName': '必填：请用 companyId、creditCode 或 companyName 指明企业',
}));

/** What the bureau alone (or the bureau and the company itself) may do, as access checks name it (`Only the bureau may …`). */
const ACTIONS = new Map<string, string>(Object.entries({
  'register companies': '登记企业',
  'delete companies': '删除企业',
  'import companies': '导入企业',
  'import postings': '导入供需信息',
  'reopen a fulfilled posting': '重新开放已完成的供需信息',
  'reopen an expired posting': '重新开放已过期的供需信息',
  "change a company's profile": '修改企业资料',
  // "the bureau or the company itself may …": the company named is the posting's own.
  "change another company's postings": '修改该企业的供需信息',
  "delete another company's postings": '删除该企业的供需信息',
  "see another company's partner list": '查看该企业的上下游伙伴',
}));

/** Posting statuses: the value the API takes, with the word a clerk knows. */
const STATUSES = new Map<string, string>(Object.entries({ open: '开放', paused: '暂停', fulfilled: '已完成', expired: '已过期' }));

/** Who a rate limit counts (./rate-limit.ts). */
const RATE_SUBJECTS = new Map<string, string>(Object.entries({ 'client address': '客户端地址', 'token or API key': '令牌或 API 密钥' }));

const RECORDS = new Map<string, string>(Object.entries({ company: '企业', posting: '供需信息', user: '用户' }));

function statusZh(status: string): string | undefined {
  const word = STATUSES.get(status);
  return word === undefined ? undefined : `“${word}”（${status}）`;
}

/** A value in a message: a JSON string, a number or a bare word (enum values are bare words or quoted). */
const VALUE = String.raw`(?:"[^"]*"|[\w.+-]+)`;
const NUMBER = String.raw`(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)`;

/** Checked in order after the exact entries; the first pattern that matches translates. */
const PATTERNS: readonly (readonly [RegExp, Translation])[] = [
  [/^must be at most (\d+) characters?$/, '最多 $1 个字符'],
  [/^must be at least (\d+) characters?$/, '至少 $1 个字符'],
  [/^must have at most (\d+) items?$/, '最多 $1 项'],
  [/^must have at least (\d+) items?$/, '至少 $1 项'],
  [/^must have at most (\d+) codes$/, '最多 $1 个行业代码'],
  [/^must have at most (\d+) contacts$/, '最多 $1 个联系人'],
  [/^must be a whole number from (\d+) to (\d+)$/, '必须是 $1 到 $2 之间的整数'],
  [new RegExp(`^must be at most ${NUMBER}$`), '不能大于 $1'],
  [new RegExp(`^must be less than ${NUMBER}$`), '必须小于 $1'],
  [new RegExp(`^must be at least ${NUMBER}$`), '不能小于 $1'],
  [new RegExp(`^must be greater than ${NUMBER}$`), '必须大于 $1'],
  [new RegExp(`^must be a multiple of ${NUMBER}$`), '必须是 $1 的倍数'],
  [/^must be a valid (\w+)$/, '必须是有效的 $1 值'],
  [/^must start with (".*")$/, '必须以 $1 开头'],
  [/^must end with (".*")$/, '必须以 $1 结尾'],
  [/^must contain (".*")$/, '必须包含 $1'],
  // Domain details and messages that carry values (server/domain/**, ./rate-limit.ts).
  [/^No (company|posting|user) (\S+)\.$/, (record, id) => `没有 ID 为 ${id} 的${RECORDS.get(record) ?? ''}。`],
  [/^Only the bureau may (.+)\.$/, (action) => ifKnown(ACTIONS.get(action), (zh) => `只有管委会可以${zh}。`)],
  [/^Only the bureau or the company itself may (.+)\.$/, (action) => ifKnown(ACTIONS.get(action), (zh) => `只有管委会或该企业自己可以${zh}。`)],
  [
    /^A posting cannot go from (\w+) to (\w+)\. (.+)$/,
    (from, to, hint) => {
      const [fromZh, toZh, hintZh] = [statusZh(from), statusZh(to), EXACT.get(hint)];
      return fromZh && toZh && hintZh ? `供需信息的状态不能从${fromZh}改为${toZh}。${hintZh}` : undefined;
    },
  ],
  [/^If-Match does not name the current version \(now ("\d+")\); reload the record and apply your change again\.$/, 'If-Match 指定的不是当前版本（当前为 $1）；请重新获取记录后再修改。'],
  [
    /^Too many requests \(at most (\d+) a minute for each (.+)\); try again later\.$/,
    (limit, subject) => ifKnown(RATE_SUBJECTS.get(subject), (zh) => `请求过于频繁（每个${zh}每分钟最多 ${limit} 次），请稍后再试。`),
  ],
  [/^The company already has (\d+) active keys; revoke one first\.$/, '该企业已有 $1 个有效的 API 密钥，请先吊销其中一个。'],
  [/^The company has no active API key (\S+)\.$/, '该企业没有 ID 为 $1 的有效 API 密钥。'],
  [/^(.+) is not a GB\/T 4754-2017 industry code\.$/, '$1 不是有效的 GB/T 4754-2017 行业代码。'],
  // Bulk import: the file, its columns and cells, and the rows of its report.
  [
    /^(\d+) problem\(s\) in (\d+) row\(s\); nothing was imported\. Fix them, or send \?mode=rows to import the valid rows\.$/,
    (problems, rows) => `${rows} 行共 ${problems} 处问题，未导入任何数据。请修正后重试，或使用 ?mode=rows 只导入有效的行。`,
  ],
  [/^The file has (\d+) rows; one import takes at most (\d+)\. Split it into several files\.$/, '文件共有 $1 行，单次导入最多 $2 行，请拆分为多个文件。'],
  [/^more than (\d+) rows$/, '超过 $1 行'],
  [/^The CSV file could not be read near row (\d+): (.+)\.$/, (row, reason) => ifKnown(EXACT.get(reason), (zh) => `CSV 文件第 ${row} 行附近无法读取：${zh}。`)],
  [/^column ([A-Z]+) has no header but holds data$/, '第 $1 列没有表头，但填有数据'],
  [/^unknown column (".*") \(column ([A-Z]+)\); see the column list of this import$/, '未知的列 $1（第 $2 列）；请对照本导入支持的列名'],
  [/^column (".*") \(column ([A-Z]+)\) fills (\S+), as column ([A-Z]+) already does$/, '列 $1（第 $2 列）与第 $4 列重复，都对应字段 $3'],
  [/^cell in column ([A-Z]+) lies beyond the last header; add a header or remove the cell$/, '第 $1 列的单元格位于最后一个表头之外；请补上表头或删除该单元格'],
  [/^must be a number \((".*") is not\)$/, '必须是数字（$1 不是数字）'],
  [/^must be 需求 \(need\) or 供给\/能力 \(capability\), not (".*")$/, '必须是“需求”（need）或“供给/能力”（capability），不能是 $1'],
  [/^row (\d+) has the same (\w+); a file may name each company once$/, '与第 $1 行的 $2 相同；同一文件中每家企业只能出现一次'],
  [/^row (\d+) has the same company, kind and title; a file may name each posting once$/, '与第 $1 行的企业、类型和标题都相同；同一文件中每条供需信息只能出现一次'],
  [/^names a different company than (\w+)$/, '与 $1 指向的不是同一家企业'],
  // Enumerations, from zod (`must be "need" or "capability"`) and from schemas (`must be admin or staff`).
  [new RegExp(`^must be (${VALUE}(?:, ${VALUE})* or ${VALUE})$`), (list) => `必须是 ${orListZh(list)}`],
  [/^must be ("[^"]*"|-?\d[\d.]*|true|false)$/, '必须是 $1'],
  [/^field names may not contain "\$" or name a prototype \((".*")\)$/, (key) => `字段名不能包含 "$" 或使用原型属性名（${key}）`],
  [/^The body exceeds the limit of (\d+) bytes\.$/, '请求体超过了 $1 字节的上限。'],
  [/^Another record already has the same (.+)\.$/, '已有其他记录使用相同的 $1。'],
  [/^No route (\S+) (.*)\.$/, '没有这个接口：$1 $2。'],
  [/^This needs the role (.+)\.$/, (roles) => `此操作需要以下角色：${orListZh(roles)}。`],
];

/** `format(value)` when the value has a translation, else undefined (the pattern then does not apply). */
function ifKnown(value: string | undefined, format: (zh: string) => string): string | undefined {
  return value === undefined ? undefined : format(value);
}

/** The message in `language`; English text without a catalogue entry is returned as it is. */
export function translate(message: string, language: Language): string {
  if (language === 'en') return message;
  const exact = EXACT.get(message);
  if (exact !== undefined) return exact;
  for (const [pattern, zh] of PATTERNS) {
    const match = pattern.exec(message);
    if (!match) continue;
    if (typeof zh === 'string') return message.replace(pattern, zh);
    const translated = zh(...match.slice(1).map((group) => group ?? ''));
    if (translated !== undefined) return translated;
  }
  return message;
}

/** Whether `message` has a zh entry (used by tests to find messages nobody translated). */
export function hasTranslation(message: string): boolean {
  return translate(message, 'zh') !== message;
}
