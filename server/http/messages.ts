/**
 * The zh catalogue of the messages a person reads in problem documents (`detail` and `errors[].message`).
 *
 * Code writes messages in English; the English text is the key (as with gettext), so a schema keeps reading
 * naturally (`text(100)` says "must be at most 100 characters") and a message without an entry is still sent,
 * in English, rather than lost. Messages that carry values are matched by a pattern and the values are carried
 * into the translation. `test/server/messages.test.ts` walks every schema of every mounted route and fails when
 * one of their messages has no entry here, so adding a schema message means adding its translation.
 *
 * zh is the default audience; English is chosen by `Accept-Language` (see `preferredLanguage` in ./problem.ts).
 */

export type Language = 'zh' | 'en';

type Translation = string | ((...groups: string[]) => string);

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
}));

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
  // Enumerations, from zod (`must be "need" or "capability"`) and from schemas (`must be admin or staff`).
  [new RegExp(`^must be (${VALUE}(?:, ${VALUE})* or ${VALUE})$`), (list) => `必须是 ${orListZh(list)}`],
  [/^must be ("[^"]*"|-?\d[\d.]*|true|false)$/, '必须是 $1'],
  [/^field names may not contain "\$" or name a prototype \((".*")\)$/, (key) => `字段名不能包含 "$" 或使用原型属性名（${key}）`],
  [/^The body exceeds the limit of (\d+) bytes\.$/, '请求体超过了 $1 字节的上限。'],
  [/^Another record already has the same (.+)\.$/, '已有其他记录使用相同的 $1。'],
  [/^No route (\S+) (.*)\.$/, '没有这个接口：$1 $2。'],
  [/^This needs the role (.+)\.$/, (roles) => `此操作需要以下角色：${orListZh(roles)}。`],
];

/** The message in `language`; English text without a catalogue entry is returned as it is. */
export function translate(message: string, language: Language): string {
  if (language === 'en') return message;
  const exact = EXACT.get(message);
  if (exact !== undefined) return exact;
  for (const [pattern, zh] of PATTERNS) {
    const match = pattern.exec(message);
    if (!match) continue;
    return typeof zh === 'string' ? message.replace(pattern, zh) : zh(...match.slice(1).map((group) => group ?? ''));
  }
  return message;
}

/** Whether `message` has a zh entry (used by tests to find messages nobody translated). */
export function hasTranslation(message: string): boolean {
  return translate(message, 'zh') !== message;
}
