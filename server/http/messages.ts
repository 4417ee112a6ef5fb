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

  // Matchmaking sessions: their fields, participants, invitations, meeting requests, agenda and outcomes
  // (server/domain/sessions/**), the outbox (server/domain/outbox/**) and jobs (server/domain/jobs/**).
  'must be an ISO 8601 date-time with an offset, e.g. 2026-12-18T14:00:00+08:00': '必须是带时区偏移的 ISO 8601 日期时间，例如 2026-12-18T14:00:00+08:00',
  'must be a whole number of minutes': '必须是整数分钟',
  'must be a whole number of hours': '必须是整数小时',
  'must not be negative': '不能为负数',
  'must not be after startsAt': '不能晚于 startsAt',
  'must be later than now': '必须晚于当前时间',
  'must name at least one company': '至少指定一家企业',
  'must not name a company twice': '不能重复指定同一家企业',
  'must not list a slot twice': '不能重复列出同一个时段',
  'must be a whole slot index': '时段编号必须是整数',
  'must be a whole table number': '桌号必须是整数',
  'must be 1, 2 or 3 (3 = must meet)': '必须是 1、2 或 3（3 表示必须安排洽谈）',
  'must be cancelled': '必须是 cancelled',
  'a participant cannot request a meeting with itself': '参会企业不能向自己申请洽谈',
  'is a participant of another session': '是其他对接会的参会企业',
  'has withdrawn from the session': '已退出本场对接会',
  'is not a valid invitation token': '不是有效的邀请令牌',
  'is not a job id': '不是有效的任务 ID',
  'The session is closed.': '对接会已结束。',
  'The session is closed; it can no longer change.': '对接会已结束，不能再修改。',
  'The session has no agenda yet: run the scheduler (POST /sessions/{id}/schedule).': '对接会还没有日程：请先运行排期（POST /sessions/{id}/schedule）。',
  'The session changed while this request ran; read it again and retry.': '处理此请求期间对接会已被他人修改，请重新获取后再试。',
  'Registration must close before the session starts.': '报名截止时间不能晚于对接会开始时间。',
  'Registration is only possible while the session is open.': '只有在对接会开放报名期间才能报名。',
  'Registration for this session has closed.': '本场对接会已截止报名。',
  'The company does not exist.': '该企业不存在。',
  'Some companies do not exist.': '部分企业不存在。',
  'The company is already a participant.': '该企业已在参会名单中。',
  'The bureau must name the company.': '管委会代为报名时必须指明企业。',
  'Only the bureau or a company may register participants.': '只有管委会或企业可以报名参会。',
  'A company key registers its own company only.': '企业 API 密钥只能为本企业报名。',
  'Only the bureau or the participant itself may change its registration.': '只有管委会或该参会企业本身可以修改其报名信息。',
  'A withdrawn participant registers again with POST /sessions/{id}/participants.': '已退出的参会企业请用 POST /sessions/{id}/participants 重新报名。',
  'Only the bureau or the company may issue a new join token.': '只有管委会或该企业可以重新签发参会令牌。',
  'A slot index is outside the session.': '有时段编号超出了本场对接会的时段范围。',
  'The invitation is not valid.': '该邀请无效。',
  'The invitation was answered meanwhile.': '该邀请在此期间已被答复。',
  'Only the bureau or the requesting participant itself may ask for this meeting.': '只有管委会或发起申请的参会企业本身可以申请此洽谈。',
  'Only the participant asked (or the bureau) may accept or decline this request.': '只有被邀约的参会企业（或管委会）可以接受或拒绝此洽谈申请。',
  'The request was decided or expired meanwhile.': '该洽谈申请在此期间已被处理或已过期。',
  'Both ends of a request must be active participants of this session.': '洽谈申请的双方都必须是本场对接会中未退出的参会企业。',
  'The request is not part of this session.': '该洽谈申请不属于本场对接会。',
  'A schedule run is already in progress.': '已有排期任务正在运行。',
  'A schedule run is in progress; edit the agenda when it has finished.': '排期任务正在运行，请在其完成后再编辑日程。',
  'The agenda changed while this edit was checked; read it again and retry.': '核对此次修改期间日程已被他人更改，请重新获取日程后再试。',
  'The slot is outside the session.': '该时段超出了本场对接会的时段范围。',
  'The table is outside the session.': '该桌号超出了本场对接会的桌数。',
  'The meeting is cancelled; place its request again with POST /sessions/{id}/meetings.': '该洽谈已取消；如需恢复，请用 POST /sessions/{id}/meetings 重新安排其洽谈申请。',
  'The meeting has a recorded outcome; it cannot be cancelled.': '该洽谈已记录结果，不能取消。',
  'The meeting was cancelled; there is no outcome to record.': '该洽谈已取消，没有可记录的结果。',
  'The meeting was cancelled meanwhile.': '该洽谈在此期间已被取消。',
  'The meeting has not started yet.': '该洽谈尚未开始。',
  'A follow-up must be in the future.': '跟进时间必须是将来的时间。',

  // The live session on the day: clock, check-in, backfill offers (server/domain/live/**) and the /live
  // Socket.IO events (server/live/**), whose acknowledgements carry the same details.
  'The session is already live.': '本场对接会已在进行中。',
  'A schedule run is in progress; start when it has finished.': '排期任务正在运行，请在其完成后再开始。',
  'The session changed meanwhile; read it again.': '对接会在此期间已有变动，请重新获取。',
  'The session is already paused.': '对接会已暂停。',
  'The session is not paused.': '对接会并未暂停。',
  'The last slot has ended.': '最后一个时段已结束。',
  'The clock moved meanwhile; read the state again.': '现场计时在此期间已有变动，请重新获取现场状态。',
  'The bureau must name the participant.': '管委会代为操作时必须指明参会企业。',
  'The offer lapsed when its slot ended.': '补位邀请已随时段结束失效。',
  'The offer’s slot is over.': '该补位邀请所在的时段已结束。',
  'The proposed partner is no longer free.': '推荐的洽谈对象已有其他安排。',
  'The offer was answered meanwhile.': '该补位邀请在此期间已被答复。',
  'The event is not one of this namespace; it was ignored.': '不支持此事件，已忽略。',
  'A field of the event is missing or not valid.': '事件中有字段缺失或无效。',
  'The event could not be handled.': '服务器未能处理此事件，请稍后重试。',
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
  // Matchmaking sessions (server/domain/sessions/**).
  'create sessions': '创建对接会',
  'change sessions': '修改对接会',
  'schedule sessions': '为对接会排期',
  'edit the agenda': '编辑日程',
  'invite companies': '邀请企业',
  'see invitations': '查看邀请',
  'see invitation suggestions': '查看推荐邀请的企业',
  'propose meetings': '推荐洽谈',
  'read session reports': '查看对接会报告',
  // The live session (server/domain/live/**, and the staff events of server/live/gateway.ts).
  'run the live session': '主持现场对接会',
  'make announcements': '发布现场通知',
  'steer the session': '控制对接会的现场进程',
}));

/** Posting statuses: the value the API takes, with the word a clerk knows. */
const STATUSES = new Map<string, string>(Object.entries({ open: '开放', paused: '暂停', fulfilled: '已完成', expired: '已过期' }));

/** Session, meeting request and invitation statuses (server/store/schemas/sessions.ts), likewise. */
const SESSION_STATUSES = new Map<string, string>(Object.entries({ draft: '草稿', open: '开放报名', scheduled: '已排期', live: '进行中', closed: '已结束' }));
const REQUEST_STATUSES = new Map<string, string>(Object.entries({ pending: '待处理', accepted: '已接受', declined: '已拒绝', expired: '已过期' }));
const INVITATION_STATUSES = new Map<string, string>(Object.entries({ sent: '已发送', accepted: '已接受', declined: '已拒绝' }));
/** Backfill offer statuses (server/domain/live/service.ts), likewise. */
const OFFER_STATUSES = new Map<string, string>(Object.entries({ offered: '已发出', accepted: '已接受', declined: '已谢绝', expired: '已失效' }));

/** Who a rate limit counts (./rate-limit.ts). */
const RATE_SUBJECTS = new Map<string, string>(Object.entries({ 'client address': '客户端地址', 'token or API key': '令牌或 API 密钥' }));

const RECORDS = new Map<string, string>(Object.entries({
  company: '企业',
  posting: '供需信息',
  user: '用户',
  session: '对接会',
  participant: '参会企业',
  'meeting request': '洽谈申请',
  meeting: '洽谈',
  job: '后台任务',
  'backfill offer': '补位邀请',
}));

/** `open` → `“开放”（open）`, from the posting statuses unless another table is named. */
function statusZh(status: string, words: ReadonlyMap<string, string> = STATUSES): string | undefined {
  const word = words.get(status);
  return word === undefined ? undefined : `“${word}”（${status}）`;
}

/** `12, 14` → `12、14`. */
function listZh(list: string): string {
  return list.split(', ').join('、');
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
  [/^must be at least (\d+) minutes?$/, '不能少于 $1 分钟'],
  [/^must be at most (\d+) minutes?$/, '不能超过 $1 分钟'],
  [/^must be at least (\d+) hours?$/, '不能少于 $1 小时'],
  [/^must be at most (\d+) hours?$/, '不能超过 $1 小时'],
  [/^must name at most (\d+) companies$/, '最多指定 $1 家企业'],
  [/^must list at most (\d+) slots$/, '最多列出 $1 个时段'],
  [/^must be a slot index from (\d+)$/, '时段编号不能小于 $1'],
  [/^must be a slot index below (\d+)$/, '时段编号必须小于 $1'],
  [/^must be a table number from (\d+)$/, '桌号不能小于 $1'],
  [/^must be a table number up to (\d+)$/, '桌号不能大于 $1'],
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
  [/^No participant of yours in session (\S+)\.$/, '贵企业没有参加 ID 为 $1 的对接会。'],
  [/^No participant in session (\S+)\.$/, 'ID 为 $1 的对接会中没有对应的参会企业。'],
  [/^No ([a-z]+(?: [a-z]+)?) (\S+)\.$/, (record, id) => ifKnown(RECORDS.get(record), (zh) => `没有 ID 为 ${id} 的${zh}。`)],
  [/^Only the bureau may (.+)\.$/, (action) => ifKnown(ACTIONS.get(action), (zh) => `只有管委会可以${zh}。`)],
  [/^Only the bureau or the company itself may (.+)\.$/, (action) => ifKnown(ACTIONS.get(action), (zh) => `只有管委会或该企业自己可以${zh}。`)],
  [
    /^A posting cannot go from (\w+) to (\w+)\. (.+)$/,
    (from, to, hint) => {
      const [fromZh, toZh, hintZh] = [statusZh(from), statusZh(to), EXACT.get(hint)];
      return fromZh && toZh && hintZh ? `供需信息的状态不能从${fromZh}改为${toZh}。${hintZh}` : undefined;
    },
  ],
  // Matchmaking sessions: values and statuses in their details and field messages (server/domain/sessions/**).
  [/^no (company|participant) ([0-9a-f]{24})$/, (record, id) => ifKnown(RECORDS.get(record), (zh) => `没有 ID 为 ${id} 的${zh}`)],
  [/^no meeting request ([0-9a-f]{24}) in this session$/, '本场对接会中没有 ID 为 $1 的洽谈申请'],
  [
    /^A (\w+) session cannot become (\w+)\.$/,
    (from, to) => {
      const [fromZh, toZh] = [statusZh(from, SESSION_STATUSES), statusZh(to, SESSION_STATUSES)];
      return fromZh && toZh ? `对接会的状态不能从${fromZh}改为${toZh}。` : undefined;
    },
  ],
  [
    /^The session has an agenda; (\w+(?:, \w+)*) can no longer change\. Close it and create a new session instead\.$/,
    (fields) => `对接会已有日程，${listZh(fields)} 不能再修改。请结束本场对接会，另行创建一场。`,
  ],
  [/^slots are numbered 0\.\.(\d+)$/, '时段编号为 0 到 $1'],
  [/^slots are numbered 0\.\.(\d+); (\d+(?:, \d+)*) do not exist$/, (last, outside) => `时段编号为 0 到 ${last}，时段 ${listZh(outside)} 不存在`],
  [/^tables are numbered 1\.\.(\d+)$/, '桌号为 1 到 $1'],
  [/^The company is already a participant \(([0-9a-f]{24})\)\.$/, '该企业已在参会名单中（参会 ID $1）。'],
  [/^A (\w+) session takes no more invitations\.$/, (status) => ifKnown(statusZh(status, SESSION_STATUSES), (zh) => `对接会处于${zh}状态，不能再发送邀请。`)],
  [/^The invitation was already (\w+)\.$/, (status) => ifKnown(statusZh(status, INVITATION_STATUSES), (zh) => `该邀请此前已答复，状态为${zh}。`)],
  [/^The session is (\w+)\.$/, (status) => ifKnown(statusZh(status, SESSION_STATUSES), (zh) => `对接会处于${zh}状态。`)],
  [
    /^The session is (\w+); meetings can no longer be requested\.$/,
    (status) => ifKnown(statusZh(status, SESSION_STATUSES), (zh) => `对接会处于${zh}状态，不能再申请洽谈。`),
  ],
  [
    /^The session is (\w+); meetings are no longer proposed\.$/,
    (status) => ifKnown(statusZh(status, SESSION_STATUSES), (zh) => `对接会处于${zh}状态，不再推荐洽谈。`),
  ],
  [
    /^The session is (\w+); outcomes are recorded once it has an agenda\.$/,
    (status) => ifKnown(statusZh(status, SESSION_STATUSES), (zh) => `对接会处于${zh}状态；排出日程后才能记录洽谈结果。`),
  ],
  [
    /^These two participants already have a (\w+) meeting request(?: \(([0-9a-f]{24})\))?\.$/,
    (status, id) => {
      const which = id === '' ? '' : `（${id}）`;
      // Without the request at hand the message says only that one is live (pending or accepted).
      if (status === 'live') return `这两家参会企业之间已有一条有效的洽谈申请${which}。`;
      return ifKnown(statusZh(status, REQUEST_STATUSES), (zh) => `这两家参会企业之间已有一条${zh}的洽谈申请${which}。`);
    },
  ],
  [/^The request is already (\w+)\.$/, (status) => ifKnown(statusZh(status, REQUEST_STATUSES), (zh) => `该洽谈申请的状态已经是${zh}。`)],
  [
    /^The request is (\w+); only accepted requests become meetings\.$/,
    (status) => ifKnown(statusZh(status, REQUEST_STATUSES), (zh) => `该洽谈申请处于${zh}状态；只有已接受的申请才能安排洽谈。`),
  ],
  [/^The request already has a meeting \(([0-9a-f]{24})\); move it instead\.$/, '该洽谈申请已安排了洽谈（$1），请改为调整这场洽谈。'],
  [
    /^A (\w+) session cannot be scheduled(; open it first)?\.$/,
    (status, openFirst) => ifKnown(statusZh(status, SESSION_STATUSES), (zh) => `对接会处于${zh}状态，不能排期${openFirst === '' ? '' : '，请先开放报名'}。`),
  ],
  [/^A schedule run is already in progress \(job (\S+)\)\.$/, '已有排期任务正在运行（任务 $1）。'],
  [/^The agenda of a (\w+) session cannot be edited\.$/, (status) => ifKnown(statusZh(status, SESSION_STATUSES), (zh) => `对接会处于${zh}状态，不能编辑日程。`)],
  [/^Table (\d+) is taken in slot (\d+) \(meeting ([0-9a-f]{24})\)\.$/, '时段 $2 的 $1 号桌已被占用（洽谈 $3）。'],
  [/^Participant ([0-9a-f]{24}) already meets in slot (\d+) \(meeting ([0-9a-f]{24})\)\.$/, '参会企业 $1 在时段 $2 已有洽谈（洽谈 $3）。'],
  [/^Participant ([0-9a-f]{24}) has withdrawn\.$/, '参会企业 $1 已退出。'],
  [/^Participant ([0-9a-f]{24}) is not available in slot (\d+)\.$/, '时段 $2 不在参会企业 $1 可洽谈的时段内。'],
  [/^Participant ([0-9a-f]{24}) already has its maximum of (\d+) meetings\.$/, '参会企业 $1 的洽谈已达上限（$2 场）。'],
  // The live session: statuses in its details (server/domain/live/**) and the event rate of /live (server/live/**).
  [
    /^A (\w+) session cannot go live; it needs an agenda \(status scheduled\)\.$/,
    (status) => ifKnown(statusZh(status, SESSION_STATUSES), (zh) => `对接会处于${zh}状态，不能开始；须先排出日程（状态为“已排期”）。`),
  ],
  [
    /^Check-in opens when the session is scheduled; it is (\w+)\.$/,
    (status) => ifKnown(statusZh(status, SESSION_STATUSES), (zh) => `对接会排期后才开放签到；当前状态为${zh}。`),
  ],
  [/^The session is (\w+), not live\.$/, (status) => ifKnown(statusZh(status, SESSION_STATUSES), (zh) => `对接会不在进行中，当前状态为${zh}。`)],
  [/^The offer was already (\w+)\.$/, (status) => ifKnown(statusZh(status, OFFER_STATUSES), (zh) => `该补位邀请的状态已经是${zh}。`)],
  [/^At most (\d+) events per second\.$/, '事件发送过于频繁（每秒最多 $1 个）。'],
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
  [new RegExp(`^must be one of (${VALUE}(?:, ${VALUE})*)$`), (list) => `必须是以下之一：${listZh(list)}`],
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
