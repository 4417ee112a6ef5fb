/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return -- OpenAPI documents and JSON Schemas are walked as plain JSON here; the assertions check their shape. */
import assert from 'node:assert/strict';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { requireActsFor, requireBureau } from '../../server/domain/companies/access.js';
import { POSTING_STATUSES } from '../../server/domain/postings/schemas.js';
import { checkTransition } from '../../server/domain/postings/transitions.js';
import type { BackfillOfferRecord } from '../../server/domain/live/service.js';
import { notFound } from '../../server/domain/sessions/access.js';
import { authenticate, requireRole, type Principal } from '../../server/http/auth.js';
import { toProblem } from '../../server/http/errors.js';
import { FOUNDATION_OPERATIONS } from '../../server/http/openapi/foundation.js';
import { hasTranslation, translate } from '../../server/http/messages.js';
import { HttpProblem } from '../../server/http/problem.js';
import type { AnyRoute } from '../../server/http/route.js';
import { issuesToProblems, PARSE_OPTIONS } from '../../server/http/validate.js';
import { apiRoutes } from '../../server/routes.js';
import { INVITATION_STATUSES, REQUEST_STATUSES, SESSION_STATUSES } from '../../server/store/schemas/sessions.js';
import { DuplicateKeyError, StoreUnavailableError, ValidationError, VersionConflictError } from '../../server/store/port.js';
import { PARTICIPANT_EVENTS, STAFF_EVENTS } from '../../server/live/events.js';
import { VERSION } from '../../server/version.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { fitsTemplate, scanMessages, sourceFiles, type MessageScan } from './message-sources.js';

const HAN = /\p{Script=Han}/u;

/** Backfill offer statuses (server/domain/live/service.ts keeps them as a type only). */
const OFFER_STATUSES = ['offered', 'accepted', 'declined', 'expired'] as const satisfies readonly BackfillOfferRecord['status'][];

/** Field messages of a parse, as the validation wrapper reports them (English) and as a zh reader gets them. */
function messagesOf(schema: z.ZodType, value: unknown): { path: string; en: string; zh: string }[] {
  const result = schema.safeParse(value, PARSE_OPTIONS);
  if (result.success) return [];
  return issuesToProblems('body', result.error.issues).map((p) => ({ path: p.path, en: p.message, zh: translate(p.message, 'zh') }));
}

function assertTranslated(messages: { path: string; en: string; zh: string }[], context: string): void {
  for (const m of messages) {
    assert.match(m.zh, HAN, `${context}: "${m.en}" at ${m.path} has no zh entry in server/http/messages.ts`);
    assert.doesNotMatch(m.en, HAN, `${context}: "${m.en}" at ${m.path} should be English`);
  }
}

/** Every message a schema words itself (`.max(100, 'must be …')`, `refine(…, { message })`, `z.enum(…, '…')`). */
function schemaMessages(schema: z.core.$ZodType, found = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (seen.has(schema)) return found;
  seen.add(schema);
  const def = schema._zod.def as any;
  const record = (error: unknown) => {
    if (typeof error !== 'function') return;
    const message = error({ code: 'custom', input: undefined, path: [] });
    const text = typeof message === 'string' ? message : message?.message;
    if (typeof text === 'string') found.add(text);
  };
  record(def.error);
  for (const check of def.checks ?? []) record(check._zod.def.error);
  const children = [def.innerType, def.in, def.out, def.element, def.keyType, def.valueType, def.left, def.right, def.rest, def.catchall];
  children.push(...(def.options ?? []), ...(def.items ?? []), ...Object.values(def.shape ?? {}));
  if (def.type === 'lazy') children.push(def.getter());
  for (const child of children) if (child?._zod) schemaMessages(child, found, seen);
  return found;
}

function routeSchemas(routes: readonly Pick<AnyRoute, 'operationId' | 'params' | 'query' | 'body'>[]): { name: string; schema: z.ZodType }[] {
  return routes.flatMap((r) =>
    (['params', 'query', 'body'] as const).flatMap((part) => (r[part] ? [{ name: `${r.operationId}.${part}`, schema: r[part] as z.ZodType }] : [])),
  );
}

// ---- Inputs that break a schema in every way its JSON Schema tells of -------------------------------------------

type Json = Record<string, any>;

function sample(schema: Json | undefined, defs: Json): unknown {
  const s = resolve(schema, defs);
  const type = [s.type ?? []].flat()[0];
  if (s.enum) return s.enum[0];
  if (s.default !== undefined) return s.default;
  if (type === 'string') return s.format === 'email' ? 'a@example.cn' : s.format === 'uri' ? 'https://example.cn' : 'x';
  if (type === 'integer' || type === 'number') return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
  if (type === 'boolean') return true;
  if (type === 'array') return [];
  if (type === 'object') return Object.fromEntries((s.required ?? []).map((k: string) => [k, sample(s.properties?.[k], defs)]));
  if (s.anyOf) return sample(s.anyOf[0], defs);
  return 'x';
}

function resolve(schema: Json | undefined, defs: Json): Json {
  const ref: unknown = schema?.$ref;
  return typeof ref === 'string' ? (defs[ref.replace('#/$defs/', '')] ?? {}) : (schema ?? {});
}

function invalidValues(schema: Json | undefined, defs: Json, depth = 0): unknown[] {
  const s = resolve(schema, defs);
  const types: string[] = [s.type ?? []].flat();
  const out: unknown[] = [undefined, null];
  if (s.enum) out.push('zz-not-allowed');
  if (types.includes('string')) {
    out.push(42, '', '   ', '!! not valid !!', 'x'.repeat(3000));
    if (typeof s.maxLength === 'number') out.push('x'.repeat(s.maxLength + 1), '名'.repeat(s.maxLength + 1));
  }
  if (types.includes('number') || types.includes('integer')) {
    out.push('12', 1.5, -1, 0, 1e13);
    if (typeof s.maximum === 'number') out.push(s.maximum + 1);
    if (typeof s.minimum === 'number') out.push(s.minimum - 1);
  }
  if (types.includes('boolean')) out.push('yes');
  if (types.includes('array')) {
    out.push('not a list', [], { 0: 'x' });
    if (typeof s.maxItems === 'number') out.push(Array.from({ length: s.maxItems + 1 }, () => sample(s.items, defs)));
    if (depth < 3) for (const item of invalidValues(s.items, defs, depth + 1)) out.push([item]);
  }
  if (types.includes('object')) {
    out.push('not an object', [], {}, { zzUnknown: 1 });
    const base = sample(s, defs) as Json;
    if (depth < 3) {
      for (const [key, property] of Object.entries<Json>(s.properties ?? {})) {
        for (const value of invalidValues(property, defs, depth + 1)) out.push({ ...base, [key]: value });
      }
    }
  }
  for (const option of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) out.push(...invalidValues(option, defs, depth + 1));
  return out;
}

describe('Message catalogue (zh / en)', () => {
  describe('translate', () => {
    it('When a message has an entry, then zh gets the translation with its values and en the message as written', () => {
      assert.equal(translate('must be at most 100 characters', 'zh'), '最多 100 个字符');
      assert.equal(translate('must be at most 100 characters', 'en'), 'must be at most 100 characters');
      assert.equal(translate('is required', 'zh'), '必填字段');
      assert.equal(translate('must be a whole number from 1 to 100', 'zh'), '必须是 1 到 100 之间的整数');
      assert.equal(
        translate('is not a GB/T 4754-2017 industry code (see GET /api/v1/industries)', 'zh'),
        '不是有效的 GB/T 4754-2017 行业代码（可用 GET /api/v1/industries 查询）',
      );
      assert.equal(translate('must be open, paused or fulfilled', 'zh'), '必须是 open、paused 或 fulfilled');
      assert.equal(translate('must be "need" or "capability"', 'zh'), '必须是 "need" 或 "capability"');
      assert.equal(translate('must be at least -2.5', 'zh'), '不能小于 -2.5');
      assert.equal(translate('This needs the role admin or staff.', 'zh'), '此操作需要以下角色：admin 或 staff。');
      assert.equal(translate('field names may not contain "$" or name a prototype ("$where")', 'zh'), '字段名不能包含 "$" 或使用原型属性名（"$where"）');
    });

    it('When a message has no entry, then it is sent as written rather than lost', () => {
      for (const text of ['only the mayor may set this', 'constructor', '__proto__', 'must be an arrayish thing', 'must be an ISO 8601 date or something']) {
        assert.equal(translate(text, 'zh'), text);
        assert.equal(hasTranslation(text), false);
      }
    });

    it('When a pattern matches but one of its values has no translation, then the message stays untranslated', () => {
      for (const text of [
        'Only the bureau may juggle companies.',
        'Only the bureau or the company itself may juggle postings.',
        'A posting cannot go from open to archived. An open or paused posting can be paused, resumed or marked fulfilled.',
        'A posting cannot go from open to fulfilled. Some hint nobody translated.',
        'Too many requests (at most 5 a minute for each planet); try again later.',
        'The CSV file could not be read near row 3: the moon is full.',
        'No planet 65f0c0ffee0000000000abcd.',
        'A draft session cannot become archived.',
        'The request is already forgotten.',
        'The invitation was already pending.',
        'These two participants already have a lost meeting request.',
        'The offer was already forgotten.',
        'The session is paused, not live.',
        'Check-in opens when the session is scheduled; it is lunch.',
        'A paused session cannot go live; it needs an agenda (status scheduled).',
        'Only the bureau may juggle the live session.',
      ]) {
        assert.equal(hasTranslation(text), false, text);
      }
    });

    it('When a domain or import message carries values, then zh carries them into a natural sentence', () => {
      assert.equal(translate('only the bureau may set this', 'zh'), '仅管委会可以设置此字段');
      assert.equal(translate('must be in the future', 'zh'), '必须是将来的时间');
      assert.equal(translate('Only the bureau may reopen an expired posting.', 'zh'), '只有管委会可以重新开放已过期的供需信息。');
      assert.equal(
        translate('A posting cannot go from fulfilled to paused. A fulfilled posting can only be reopened (status "open"), by the bureau.', 'zh'),
        '供需信息的状态不能从“已完成”（fulfilled）改为“暂停”（paused）。已完成的供需信息只能由管委会重新开放（status 设为 "open"）。',
      );
      assert.equal(translate('No posting 65f0c0ffee0000000000abcd.', 'zh'), '没有 ID 为 65f0c0ffee0000000000abcd 的供需信息。');
      assert.equal(
        translate('If-Match does not name the current version (now "4"); reload the record and apply your change again.', 'zh'),
        'If-Match 指定的不是当前版本（当前为 "4"）；请重新获取记录后再修改。',
      );
      assert.equal(translate('Too many requests (at most 60 a minute for each client address); try again later.', 'zh'), '请求过于频繁（每个客户端地址每分钟最多 60 次），请稍后再试。');
      assert.equal(
        translate('unknown column "员工人树" (column D); see the column list of this import', 'zh'),
        '未知的列 "员工人树"（第 D 列）；请对照本导入支持的列名',
      );
      assert.equal(translate('must be a number ("约100" is not)', 'zh'), '必须是数字（"约100" 不是数字）');
      assert.equal(translate('row 2 has the same creditCode; a file may name each company once', 'zh'), '与第 2 行的 creditCode 相同；同一文件中每家企业只能出现一次');
      assert.equal(
        translate('3 problem(s) in 2 row(s); nothing was imported. Fix them, or send ?mode=rows to import the valid rows.', 'zh'),
        '2 行共 3 处问题，未导入任何数据。请修正后重试，或使用 ?mode=rows 只导入有效的行。',
      );
    });

    it('When a session message carries values or statuses, then zh carries them into a natural sentence', () => {
      assert.equal(translate('Only the bureau may schedule sessions.', 'zh'), '只有管委会可以为对接会排期。');
      assert.equal(translate('No meeting request 65f0c0ffee0000000000abcd.', 'zh'), '没有 ID 为 65f0c0ffee0000000000abcd 的洽谈申请。');
      assert.equal(translate('A draft session cannot become scheduled.', 'zh'), '对接会的状态不能从“草稿”（draft）改为“已排期”（scheduled）。');
      assert.equal(translate('A draft session cannot be scheduled; open it first.', 'zh'), '对接会处于“草稿”（draft）状态，不能排期，请先开放报名。');
      assert.equal(
        translate('Table 7 is taken in slot 3 (meeting 65f0c0ffee0000000000abcd).', 'zh'),
        '时段 3 的 7 号桌已被占用（洽谈 65f0c0ffee0000000000abcd）。',
      );
      assert.equal(translate('The request is already expired.', 'zh'), '该洽谈申请的状态已经是“已过期”（expired）。');
      assert.equal(translate('The invitation was already declined.', 'zh'), '该邀请此前已答复，状态为“已拒绝”（declined）。');
      assert.equal(translate('slots are numbered 0..11; 12, 14 do not exist', 'zh'), '时段编号为 0 到 11，时段 12、14 不存在');
      assert.equal(
        translate('The session has an agenda; startsAt, tables can no longer change. Close it and create a new session instead.', 'zh'),
        '对接会已有日程，startsAt、tables 不能再修改。请结束本场对接会，另行创建一场。',
      );
      assert.equal(translate('must be one of scheduled, pending, sent', 'zh'), '必须是以下之一：scheduled、pending、sent');
    });

    it('When a live session message carries values or statuses, then zh carries them into a natural sentence', () => {
      assert.equal(translate('The session is already live.', 'zh'), '本场对接会已在进行中。');
      assert.equal(translate('The offer lapsed when its slot ended.', 'zh'), '补位邀请已随时段结束失效。');
      assert.equal(translate('Only the bureau may run the live session.', 'zh'), '只有管委会可以主持现场对接会。');
      assert.equal(translate('Only the bureau may steer the session.', 'zh'), '只有管委会可以控制对接会的现场进程。');
      assert.equal(translate('No backfill offer 65f0c0ffee0000000000abcd.', 'zh'), '没有 ID 为 65f0c0ffee0000000000abcd 的补位邀请。');
      assert.equal(translate('No participant in session 65f0c0ffee0000000000abcd.', 'zh'), 'ID 为 65f0c0ffee0000000000abcd 的对接会中没有对应的参会企业。');
      assert.equal(translate('The offer was already expired.', 'zh'), '该补位邀请的状态已经是“已失效”（expired）。');
      assert.equal(translate('The offer was already declined.', 'zh'), '该补位邀请的状态已经是“已谢绝”（declined）。');
      assert.equal(translate('The session is closed, not live.', 'zh'), '对接会不在进行中，当前状态为“已结束”（closed）。');
      assert.equal(
        translate('A draft session cannot go live; it needs an agenda (status scheduled).', 'zh'),
        '对接会处于“草稿”（draft）状态，不能开始；须先排出日程（状态为“已排期”）。',
      );
      assert.equal(translate('Check-in opens when the session is scheduled; it is open.', 'zh'), '对接会排期后才开放签到；当前状态为“开放报名”（open）。');
      assert.equal(translate('At most 20 events per second.', 'zh'), '事件发送过于频繁（每秒最多 20 个）。');
      assert.equal(translate('must be at least 1 minute', 'zh'), '不能少于 1 分钟');
      assert.equal(translate('must be at most 120 minutes', 'zh'), '不能超过 120 分钟');
    });
  });

  describe("zod's built-in issues", () => {
    const cases: [string, z.ZodType, unknown, string][] = [
      ['missing', z.object({ a: z.string() }), {}, 'is required'],
      ['wrong type', z.string(), 3, 'must be a string'],
      ['not a number', z.number(), 'x', 'must be a number'],
      ['not whole', z.int(), 1.5, 'must be a whole number'],
      ['not boolean', z.boolean(), 'yes', 'must be true or false'],
      ['not a list', z.array(z.string()), 'x', 'must be a list'],
      ['not an object', z.object({}), 'x', 'must be an object'],
      ['long string', z.string().max(3), 'abcd', 'must be at most 3 characters'],
      ['one character', z.string().max(1), 'ab', 'must be at most 1 character'],
      ['short string', z.string().min(2), 'a', 'must be at least 2 characters'],
      ['empty string', z.string().min(1), '', 'must not be empty'],
      ['long list', z.array(z.int()).max(1), [1, 2], 'must have at most 1 item'],
      ['short list', z.array(z.int()).min(2), [1], 'must have at least 2 items'],
      ['big number', z.number().max(10), 11, 'must be at most 10'],
      ['exclusive max', z.number().lt(10), 10, 'must be less than 10'],
      ['small number', z.number().min(1), 0, 'must be at least 1'],
      ['exclusive min', z.number().positive(), 0, 'must be greater than 0'],
      ['multiple', z.number().multipleOf(5), 7, 'must be a multiple of 5'],
      ['email', z.email(), 'x', 'must be an e-mail address'],
      ['url', z.url(), 'x', 'must be a URL'],
      ['uuid', z.uuid(), 'x', 'must be a UUID'],
      ['date-time', z.iso.datetime(), 'x', 'must be an ISO 8601 date-time'],
      ['date', z.iso.date(), 'x', 'must be an ISO 8601 date (YYYY-MM-DD)'],
      ['regex', z.string().regex(/^a+$/), 'b', 'is not in the expected format'],
      ['prefix', z.string().startsWith('ab'), 'x', 'must start with "ab"'],
      ['suffix', z.string().endsWith('yz'), 'x', 'must end with "yz"'],
      ['includes', z.string().includes('mid'), 'x', 'must contain "mid"'],
      ['enum', z.enum(['need', 'capability']), 'x', 'must be "need" or "capability"'],
      ['enum of three', z.enum(['a', 'b', 'c']), 'x', 'must be "a", "b" or "c"'],
      ['literal', z.literal(3), 4, 'must be 3'],
      ['union', z.union([z.int(), z.boolean()]), 'x', 'matches none of the allowed forms'],
      ['record key', z.record(z.string().max(1), z.int()), { ab: 1 }, 'has a key that is not valid'],
      ['refine', z.string().refine((s) => s === 'ok'), 'no', 'is not valid'],
    ];
    for (const [name, schema, value, english] of cases) {
      it(`When the issue is "${name}", then it reads "${english}" and has a zh translation`, () => {
        const messages = messagesOf(schema, value);
        assert.ok(messages.length > 0, 'the value is rejected');
        assert.equal(messages[0]?.en, english);
        assertTranslated(messages, name);
      });
    }

    it('When an unknown field and a missing enum value are sent, then they read "unknown field" and "is required"', () => {
      const schema = z.strictObject({ kind: z.enum(['need', 'capability'], 'must be "need" or "capability"') });
      assert.deepEqual(messagesOf(schema, { extra: 1 }), [
        { path: 'body.kind', en: 'is required', zh: '必填字段' },
        { path: 'body.extra', en: 'unknown field', zh: '未知字段' },
      ]);
    });
  });

  describe('every schema of the product', () => {
    let app: TestApp;
    let routes: AnyRoute[];
    before(async () => {
      app = await startTestApp();
      routes = apiRoutes(app.server.services, VERSION);
    });
    after(async () => {
      await app.stop();
    });

    it('When a schema words a message itself, then the catalogue has its zh translation', () => {
      const missing = new Map<string, string>();
      let count = 0;
      for (const { name, schema } of routeSchemas([...routes, ...FOUNDATION_OPERATIONS])) {
        for (const message of schemaMessages(schema)) {
          count += 1;
          if (!hasTranslation(message)) missing.set(message, name);
        }
      }
      assert.ok(count >= 20, `found ${count} schema messages`);
      assert.deepEqual([...missing.entries()], [], 'messages without a zh entry in server/http/messages.ts (message, where)');
    });

    it('When a /live event schema words a message itself, then the catalogue has its zh translation', () => {
      const missing = new Map<string, string>();
      let count = 0;
      for (const [event, schema] of Object.entries({ ...PARTICIPANT_EVENTS, ...STAFF_EVENTS })) {
        for (const message of schemaMessages(schema)) {
          count += 1;
          if (!hasTranslation(message)) missing.set(message, event);
        }
      }
      assert.ok(count >= 5, `found ${count} event schema messages`);
      assert.deepEqual([...missing.entries()], [], 'messages without a zh entry in server/http/messages.ts (message, event)');
    });

    it('When every request schema is given invalid input of every kind, then no message comes back untranslated in zh', function () {
      this.timeout(60_000);
      let parsed = 0;
      const seen = new Set<string>();
      for (const { name, schema } of routeSchemas(routes)) {
        const { $defs = {}, ...root } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
        for (const value of invalidValues(root, $defs)) {
          const messages = messagesOf(schema, value);
          assertTranslated(messages, `${name} ${JSON.stringify(value)?.slice(0, 120)}`);
          for (const m of messages) seen.add(m.en);
          parsed += 1;
        }
      }
      assert.ok(parsed > 500, `parsed ${parsed} inputs`);
      for (const expected of ['is required', 'unknown field', 'must be at most 100 characters', 'must not be empty']) assert.ok(seen.has(expected), expected);
    });

    it('When a company is posted with mistakes, then a zh reader gets Chinese messages and an en reader English ones', async () => {
      const body = { name: '名'.repeat(101), industries: ['Z9999'], description: '  ', website: 'ftp://example.cn', zzExtra: 1 };
      const zh = await app.as().post('/api/v1/companies').send(body).expect(400);
      assert.equal(zh.body.title, '请求内容不符合要求');
      assert.equal(zh.body.detail, '部分字段缺失或无效。');
      assert.deepEqual(zh.body.errors, [
        { path: 'body.name', message: '最多 100 个字符' },
        { path: 'body.industries.0', message: '不是有效的 GB/T 4754-2017 行业代码（可用 GET /api/v1/industries 查询）' },
        { path: 'body.description', message: '不能为空' },
        { path: 'body.website', message: '必须是 http 或 https 网址' },
        { path: 'body.zzExtra', message: '未知字段' },
      ]);
      const en = await app.as().post('/api/v1/companies').set('Accept-Language', 'en-US,en;q=0.8').send(body).expect(400);
      assert.equal(en.body.title, 'The request is not valid');
      assert.deepEqual(en.body.errors, [
        { path: 'body.name', message: 'must be at most 100 characters' },
        { path: 'body.industries.0', message: 'is not a GB/T 4754-2017 industry code (see GET /api/v1/industries)' },
        { path: 'body.description', message: 'must not be empty' },
        { path: 'body.website', message: 'must be an http(s) URL' },
        { path: 'body.zzExtra', message: 'unknown field' },
      ]);
    });

    it('When a query parameter is wrong, then its message is translated too', async () => {
      const res = await app.as().get('/api/v1/companies?limit=500').expect(400);
      assert.deepEqual(res.body.errors, [{ path: 'query.limit', message: '必须是 1 到 100 之间的整数' }]);
    });

    describe('bulk import reports', () => {
      // Row 2 cannot be converted (kind, amount) and has data under an unknown column; row 3 is valid but names
      // no company. Both kinds of failure, and the header's, must come back in the reader's language.
      const csv = ['企业名称,类型,标题,描述,数量,备注', '无此企业甲,买,标题甲,描述,很多,附注', '无此企业乙,需求,标题乙,描述,,'].join('\r\n');
      const post = (query: string) => app.as().post(`/api/v1/import/postings${query}`).set('Content-Type', 'text/csv');
      const english = [
        { row: 1, field: '备注', message: 'unknown column "备注" (column F); see the column list of this import' },
        { row: 2, field: 'kind', message: 'must be 需求 (need) or 供给/能力 (capability), not "买"' },
        { row: 2, field: 'quantity.amount', message: 'must be a number ("很多" is not)' },
        { row: 2, field: '备注', message: 'unknown column "备注" (column F); see the column list of this import' },
        { row: 3, field: 'companyName', message: 'no company has exactly this name' },
      ];
      const chinese = [
        { row: 1, field: '备注', message: '未知的列 "备注"（第 F 列）；请对照本导入支持的列名' },
        { row: 2, field: 'kind', message: '必须是“需求”（need）或“供给/能力”（capability），不能是 "买"' },
        { row: 2, field: 'quantity.amount', message: '必须是数字（"很多" 不是数字）' },
        { row: 2, field: '备注', message: '未知的列 "备注"（第 F 列）；请对照本导入支持的列名' },
        { row: 3, field: 'companyName', message: '没有名称与此完全相同的企业' },
      ];
      const asErrors = (failed: { row: number; field: string; message: string }[]) => failed.map((f) => ({ path: `rows.${f.row}.${f.field}`, message: f.message }));

      it('When an atomic import is refused, then detail, errors and report read in Chinese by default and in English on request', async () => {
        const zh = await post('').send(Buffer.from(csv));
        assert.equal(zh.status, 400);
        assert.match(zh.headers['content-type'] ?? '', /application\/problem\+json/);
        assert.match(zh.headers.vary ?? '', /Accept-Language/);
        assert.equal(zh.body.title, '请求内容不符合要求');
        assert.equal(zh.body.detail, '3 行共 5 处问题，未导入任何数据。请修正后重试，或使用 ?mode=rows 只导入有效的行。');
        assert.deepEqual(zh.body.errors, asErrors(chinese));
        assert.deepEqual(zh.body.report, { created: 0, updated: 0, failed: chinese });

        const en = await post('').set('Accept-Language', 'en').send(Buffer.from(csv));
        assert.equal(en.status, 400);
        assert.equal(en.body.title, 'The request is not valid');
        assert.equal(en.body.detail, '5 problem(s) in 3 row(s); nothing was imported. Fix them, or send ?mode=rows to import the valid rows.');
        assert.deepEqual(en.body.errors, asErrors(english));
        assert.deepEqual(en.body.report, { created: 0, updated: 0, failed: english });
      });

      it('When mode=rows reports failed rows, then the 200 report reads in Chinese by default and in English on request', async () => {
        const zh = await post('?mode=rows').send(Buffer.from(csv));
        assert.equal(zh.status, 200, JSON.stringify(zh.body));
        assert.match(zh.headers.vary ?? '', /Accept-Language/);
        assert.deepEqual(zh.body, { created: 0, updated: 0, failed: chinese });
        const en = await post('?mode=rows').set('Accept-Language', 'en').send(Buffer.from(csv));
        assert.equal(en.status, 200);
        assert.deepEqual(en.body, { created: 0, updated: 0, failed: english });
      });

      it('When the file as a whole cannot be read, then the refusal is translated too', async () => {
        const unclosed = await post('').send(Buffer.from('企业名称,类型,标题,描述\n甲,需求,"未闭合,描述\n'));
        assert.equal(unclosed.status, 400);
        assert.equal(unclosed.body.detail, 'CSV 文件第 2 行附近无法读取：有带引号的单元格没有闭合（缺少结尾的 "）。');
        assert.deepEqual(unclosed.body.errors, [{ path: 'body', message: '有带引号的单元格没有闭合（缺少结尾的 "）' }]);
        const notArray = await app.as().post('/api/v1/import/postings').send({ title: '甲' });
        assert.equal(notArray.status, 400);
        assert.equal(notArray.body.detail, 'JSON 导入的内容必须是记录数组，每条记录对应一行。');
        assert.deepEqual(notArray.body.errors, [{ path: 'body', message: '必须是数组' }]);
        const wrongType = await app.as().post('/api/v1/import/postings').set('Content-Type', 'text/plain').send('x');
        assert.deepEqual(wrongType.body.errors, [{ path: 'body', message: '不支持的内容类型' }]);
      });
    });
  });

  describe('the HTTP foundation', () => {
    it('When a foundation error becomes a problem, then its detail and field messages have zh translations', () => {
      const problems = [
        toProblem({ type: 'entity.parse.failed', status: 400 }, false),
        toProblem({ type: 'entity.too.large', status: 413, limit: 1048576 }, false),
        toProblem({ type: 'encoding.unsupported', status: 415 }, false),
        toProblem(new ValidationError('companies', [{ path: 'name', message: 'must not be empty' }]), false),
        toProblem(new DuplicateKeyError('companies', ['creditCode']), false),
        toProblem(new VersionConflictError('companies', 'x'), false),
        toProblem(new StoreUnavailableError('down'), false),
        toProblem(new Error('secret'), true),
      ];
      for (const problem of problems) {
        assert.ok(hasTranslation(problem.detail), problem.detail);
        for (const e of problem.errors ?? []) assert.ok(hasTranslation(e.message), e.message);
      }
    });

    it('When authentication or a role check fails, then the detail has a zh translation', async () => {
      const details: string[] = [];
      const next = ((error?: unknown) => {
        if (error instanceof HttpProblem) details.push(error.detail);
      }) as NextFunction;
      const res = { locals: { principal: { role: 'company', id: 'k' } } } as unknown as Response;
      const request = (authorization: string) => ({ get: () => authorization }) as unknown as Request;
      await authenticate([])(request(''), res, next);
      await authenticate([() => null])(request('Bearer abc'), res, next);
      requireRole('admin', 'staff')(request(''), res, next);
      assert.equal(details.length, 3);
      for (const detail of details) assert.ok(hasTranslation(detail), detail);
      assert.equal(translate(details[2] ?? '', 'zh'), '此操作需要以下角色：admin 或 staff。');
    });
  });

  describe('every message in the source', () => {
    const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
    /** Not read by the people the catalogue is for, so not scanned (why, for each). */
    const NOT_SCANNED = new Map<string, string>([
      [join('server', 'config.ts'), 'startup errors for whoever configures the process'],
      [join('server', 'http', 'health.ts'), 'probe details for monitoring tools, mostly raw driver errors'],
      [join('server', 'http', 'openapi'), 'the API description; its examples are already in Chinese'],
    ]);
    /** Functions whose messages are internal: they never reach a client as written. */
    const INTERNAL = new Map<string, string>([
      ['StoreError', 'a store fault: answered 500, whose detail production never shows'],
      ['assertNoScript', 'the store guard against code-built queries; request input never reaches it unchecked'],
    ]);
    /** Examples of each template message, for its catalogue pattern to be checked against. */
    const SAMPLES: Record<string, string[]> = {
      'must be a whole number from 1 to ${MAX_PAGE_SIZE}': ['must be a whole number from 1 to 100'],
      'Only the bureau may ${what}.': ['Only the bureau may import postings.'],
      'Only the bureau or the company itself may ${what}.': ["Only the bureau or the company itself may change a company's profile."],
      'If-Match does not name the current version (now ${etagOf(current)}); reload the record and apply your change again.': [
        'If-Match does not name the current version (now "4"); reload the record and apply your change again.',
      ],
      'No company ${id}.': ['No company 65f0c0ffee0000000000abcd.'],
      'No company ${companyId}.': ['No company 65f0c0ffee0000000000abcd.'],
      'No posting ${id}.': ['No posting 65f0c0ffee0000000000abcd.'],
      'No user ${id}.': ['No user 65f0c0ffee0000000000abcd.'],
      'column ${columnLetter(index)} has no header but holds data': ['column D has no header but holds data', 'column AB has no header but holds data'],
      'unknown column "${name}" (column ${columnLetter(index)}); see the column list of this import': [
        'unknown column "员工人树" (column D); see the column list of this import',
        'unknown column "say "hi"" (column AA); see the column list of this import',
      ],
      'column "${name}" (column ${columnLetter(index)}) fills ${key}, as column ${columnLetter(first)} already does': [
        'column "公司名称" (column C) fills name, as column A already does',
        'column "contacts.0.email" (column L) fills contacts.0.email, as column K already does',
      ],
      'row ${earlier} has the same ${field}; a file may name each company once': [
        'row 2 has the same creditCode; a file may name each company once',
        'row 14 has the same name; a file may name each company once',
      ],
      'row ${earlier} has the same company, kind and title; a file may name each posting once': ['row 3 has the same company, kind and title; a file may name each posting once'],
      'names a different company than ${found.field}': ['names a different company than companyId', 'names a different company than creditCode'],
      'cell in column ${columnLetter(index)} lies beyond the last header; add a header or remove the cell': ['cell in column E lies beyond the last header; add a header or remove the cell'],
      'must be a number ("${text}" is not)': ['must be a number ("约100" is not)', 'must be a number ("" is not)'],
      'must be 需求 (need) or 供给/能力 (capability), not "${text}"': ['must be 需求 (need) or 供给/能力 (capability), not "买"'],
      'The CSV file could not be read near row ${row}: ${reason}.': [
        'The CSV file could not be read near row 3: a quoted cell is never closed (a closing " is missing).',
        'The CSV file could not be read near row 7: a quoted cell has text after its closing ".',
        'The CSV file could not be read near row 12: the CSV syntax is not valid.',
      ],
      '${report.failed.length} problem(s) in ${rows} row(s); nothing was imported. Fix them, or send ?mode=rows to import the valid rows.': [
        '1 problem(s) in 1 row(s); nothing was imported. Fix them, or send ?mode=rows to import the valid rows.',
        '12 problem(s) in 4 row(s); nothing was imported. Fix them, or send ?mode=rows to import the valid rows.',
      ],
      'The file has ${count} rows; one import takes at most ${MAX_ROWS}. Split it into several files.': ['The file has 10001 rows; one import takes at most 10000. Split it into several files.'],
      'more than ${MAX_ROWS} rows': ['more than 10000 rows'],
      '${params.code} is not a GB/T 4754-2017 industry code.': ['Z9999 is not a GB/T 4754-2017 industry code.'],
      'Only the bureau may reopen ${withArticle(from)} posting.': ['Only the bureau may reopen a fulfilled posting.', 'Only the bureau may reopen an expired posting.'],
      'A posting cannot go from ${from} to ${to}. ${hint(from)}': [
        'A posting cannot go from fulfilled to paused. A fulfilled posting can only be reopened (status "open"), by the bureau.',
        'A posting cannot go from expired to paused. An expired posting can only be reopened (status "open"), by the bureau.',
      ],
      'The company already has ${MAX_ACTIVE_KEYS} active keys; revoke one first.': ['The company already has 5 active keys; revoke one first.'],
      'The company has no active API key ${keyId}.': ['The company has no active API key 65f0c0ffee0000000000abcd.'],
      "This needs the role ${roles.join(' or ')}.": ['This needs the role admin.', 'This needs the role admin or staff.'],
      'field names may not contain "$" or name a prototype ("${key}")': ['field names may not contain "$" or name a prototype ("$where")', 'field names may not contain "$" or name a prototype ("__proto__")'],
      'The body exceeds the limit of ${error.limit ?? 1048576} bytes.': ['The body exceeds the limit of 1048576 bytes.'],
      "Another record already has the same ${error.fields.join(', ')}.": ['Another record already has the same creditCode.', 'Another record already has the same companyId, kind, title.'],
      'No route ${req.method} ${req.path}.': ['No route GET /api/v1/nothing.'],
      'Too many requests (at most ${limit} a minute for each ${SUBJECT[name] ?? name}); try again later.': [
        'Too many requests (at most 600 a minute for each client address); try again later.',
        'Too many requests (at most 120 a minute for each token or API key); try again later.',
      ],
      'must be a valid ${err.kind}': ['must be a valid Number', 'must be a valid Date', 'must be a valid ObjectId'],
      // Matchmaking sessions, their agenda and jobs (server/domain/sessions/**, server/domain/jobs/**).
      'No ${what} ${id}.': [
        'No session 65f0c0ffee0000000000abcd.',
        'No participant 65f0c0ffee0000000000abcd.',
        'No meeting 65f0c0ffee0000000000abcd.',
        'No meeting request 65f0c0ffee0000000000abcd.',
        'No participant of yours in session 65f0c0ffee0000000000abcd.',
      ],
      'No job ${params.jobId}.': ['No job schedule.65f0c0ffee0000000000abcd.65f0c0ffee0000000000dcba.'],
      'No participant ${participantId}.': ['No participant 65f0c0ffee0000000000abcd.'],
      'must be a whole number from 1 to ${max}': ['must be a whole number from 1 to 500', 'must be a whole number from 1 to 10'],
      'no company ${id}': ['no company 65f0c0ffee0000000000abcd'],
      'no company ${companyId}': ['no company 65f0c0ffee0000000000abcd'],
      'no participant ${id}': ['no participant 65f0c0ffee0000000000abcd'],
      'no meeting request ${input.requestId} in this session': ['no meeting request 65f0c0ffee0000000000abcd in this session'],
      'A ${session.status} session cannot become ${patch.status}.': [
        'A draft session cannot become scheduled.',
        'A live session cannot become open.',
        'A closed session cannot become draft.',
      ],
      "The session has an agenda; ${moved.join(', ')} can no longer change. Close it and create a new session instead.": [
        'The session has an agenda; slotMinutes can no longer change. Close it and create a new session instead.',
        'The session has an agenda; startsAt, slotCount, tables can no longer change. Close it and create a new session instead.',
      ],
      'The company is already a participant (${existing._id}).': ['The company is already a participant (65f0c0ffee0000000000abcd).'],
      "slots are numbered 0..${session.slotCount - 1}; ${outside.join(', ')} do not exist": [
        'slots are numbered 0..11; 12 do not exist',
        'slots are numbered 0..11; 12, 14, 47 do not exist',
      ],
      'slots are numbered 0..${session.slotCount - 1}': ['slots are numbered 0..11'],
      'tables are numbered 1..${session.tables}': ['tables are numbered 1..20'],
      'A ${session.status} session takes no more invitations.': ['A live session takes no more invitations.', 'A closed session takes no more invitations.'],
      'The invitation was already ${invitation.status}.': ['The invitation was already accepted.', 'The invitation was already declined.'],
      'The session is ${session.status}.': ['The session is closed.', 'The session is draft.', 'The session is open.'],
      'The session is ${session.status}; meetings can no longer be requested.': ['The session is closed; meetings can no longer be requested.'],
      'The session is ${session.status}; meetings are no longer proposed.': [
        'The session is live; meetings are no longer proposed.',
        'The session is closed; meetings are no longer proposed.',
      ],
      'The session is ${session.status}; outcomes are recorded once it has an agenda.': [
        'The session is draft; outcomes are recorded once it has an agenda.',
        'The session is open; outcomes are recorded once it has an agenda.',
      ],
      "These two participants already have a ${live?.status ?? 'live'} meeting request${live ? ` (${live._id})` : ''}.": [
        'These two participants already have a pending meeting request (65f0c0ffee0000000000abcd).',
        'These two participants already have a accepted meeting request (65f0c0ffee0000000000abcd).',
        'These two participants already have a live meeting request.',
      ],
      'The request is already ${request.status}.': ['The request is already accepted.', 'The request is already declined.', 'The request is already expired.'],
      'The request is ${request.status}; only accepted requests become meetings.': [
        'The request is pending; only accepted requests become meetings.',
        'The request is declined; only accepted requests become meetings.',
        'The request is expired; only accepted requests become meetings.',
      ],
      'The request already has a meeting (${before._id}); move it instead.': ['The request already has a meeting (65f0c0ffee0000000000abcd); move it instead.'],
      "A ${session.status} session cannot be scheduled${session.status === 'draft' ? '; open it first' : ''}.": [
        'A draft session cannot be scheduled; open it first.',
        'A live session cannot be scheduled.',
        'A closed session cannot be scheduled.',
      ],
      'A schedule run is already in progress (job ${running.id}).': ['A schedule run is already in progress (job schedule.65f0c0ffee0000000000abcd.65f0c0ffee0000000000dcba).'],
      'The agenda of a ${session.status} session cannot be edited.': ['The agenda of a draft session cannot be edited.', 'The agenda of a closed session cannot be edited.'],
      'Table ${table} is taken in slot ${slot} (meeting ${atTable._id}).': ['Table 7 is taken in slot 3 (meeting 65f0c0ffee0000000000abcd).'],
      'Participant ${participant._id} already meets in slot ${slot} (meeting ${busy._id}).': ['Participant 65f0c0ffee0000000000abcd already meets in slot 0 (meeting 65f0c0ffee0000000000dcba).'],
      'Participant ${participant._id} has withdrawn.': ['Participant 65f0c0ffee0000000000abcd has withdrawn.'],
      'Participant ${participant._id} is not available in slot ${slot}.': ['Participant 65f0c0ffee0000000000abcd is not available in slot 5.'],
      'Participant ${participant._id} already has its maximum of ${participant.maxMeetings} meetings.': ['Participant 65f0c0ffee0000000000abcd already has its maximum of 6 meetings.'],
      // The live session (server/domain/live/**) and its Socket.IO events (server/live/**).
      'No participant of yours in session ${params.id}.': ['No participant of yours in session 65f0c0ffee0000000000abcd.'],
      'A ${session.status} session cannot go live; it needs an agenda (status scheduled).': [
        'A draft session cannot go live; it needs an agenda (status scheduled).',
        'A open session cannot go live; it needs an agenda (status scheduled).',
        'A closed session cannot go live; it needs an agenda (status scheduled).',
      ],
      'Check-in opens when the session is scheduled; it is ${session.status}.': [
        'Check-in opens when the session is scheduled; it is draft.',
        'Check-in opens when the session is scheduled; it is open.',
        'Check-in opens when the session is scheduled; it is closed.',
      ],
      'The offer was already ${offer.status}.': ['The offer was already accepted.', 'The offer was already declined.', 'The offer was already expired.'],
      'The session is ${session.status}, not live.': [
        'The session is draft, not live.',
        'The session is open, not live.',
        'The session is scheduled, not live.',
        'The session is closed, not live.',
      ],
      'At most ${EVENTS_PER_SECOND} events per second.': ['At most 20 events per second.'],
    };

    let scan: MessageScan;
    before(() => {
      const skipped = [...NOT_SCANNED.keys()].map((path) => join(root, path));
      const paths = sourceFiles(join(root, 'server'), (path) => skipped.includes(path));
      scan = scanMessages(paths, root, new Set(INTERNAL.keys()));
    });

    it('When the source is scanned, then it finds the messages of every layer', () => {
      assert.ok(scan.files > 50, `scanned ${scan.files} files`);
      const files = new Set(scan.messages.map((m) => m.file.split(sep).slice(0, 3).join('/')));
      for (const dir of ['server/http/errors.ts', 'server/domain/import', 'server/domain/postings', 'server/domain/users', 'server/store/schemas']) {
        assert.ok([...files].some((f) => f.startsWith(dir)), `no message found in ${dir}`);
      }
      const texts = new Set(scan.messages.map((m) => m.text));
      for (const known of ['only the bureau may set this', 'names no company', 'no company has this credit code', 'a quoted cell is never closed (a closing " is missing)', 'Too many failed authentications from this address; try again later.']) {
        assert.ok(texts.has(known), `the scan missed "${known}"`);
      }
    });

    it('When a message is written as a plain literal, then the catalogue has its zh translation', () => {
      const missing = scan.messages.filter((m) => !m.parts && !hasTranslation(m.text)).map((m) => `${m.file}:${m.line} "${m.text}"`);
      assert.deepEqual(missing, [], 'messages without a zh entry in server/http/messages.ts');
    });

    it('When a message is a template, then its examples fit it and have zh translations', () => {
      const templates = scan.messages.filter((m) => m.parts);
      const problems: string[] = [];
      for (const t of templates) {
        const samples = SAMPLES[t.text];
        if (!samples) {
          problems.push(`${t.file}:${t.line} \`${t.text}\`: add examples to SAMPLES here and a pattern to server/http/messages.ts`);
          continue;
        }
        for (const sample of samples) {
          if (!fitsTemplate(sample, t.parts ?? [])) problems.push(`${t.file}:${t.line}: "${sample}" is not what \`${t.text}\` writes`);
          else if (!hasTranslation(sample)) problems.push(`${t.file}:${t.line}: "${sample}" has no zh entry`);
        }
      }
      const found = new Set(templates.map((t) => t.text));
      for (const key of Object.keys(SAMPLES)) if (!found.has(key)) problems.push(`SAMPLES has \`${key}\`, which the source no longer writes`);
      assert.deepEqual(problems, []);
    });

    it('When an access check names what only the bureau may do, then the resulting detail has a zh translation', () => {
      const company: Principal = { role: 'company', id: 'key', companyId: 'a' };
      const detailOf = (check: () => void): string => {
        try {
          check();
        } catch (error) {
          if (error instanceof HttpProblem) return error.detail;
          throw error;
        }
        return assert.fail('the check let a company key through');
      };
      const checks: Record<string, (what: string) => string> = {
        requireBureau: (what) => detailOf(() => requireBureau(company, what)),
        requireActsFor: (what) => detailOf(() => requireActsFor(company, 'b', what)),
        notFound: (what) => notFound(what, '65f0c0ffee0000000000abcd').detail,
      };
      assert.ok(scan.phrases.length >= 5, `found ${scan.phrases.length} phrases`);
      for (const phrase of scan.phrases) {
        const check = checks[phrase.callee];
        assert.ok(check, `${phrase.file}:${phrase.line}: teach this test how ${phrase.callee} words "${phrase.text}"`);
        assert.ok(!phrase.parts, `${phrase.file}:${phrase.line}: pass ${phrase.callee} a plain phrase, so it can be translated`);
        const detail = check(phrase.text);
        assert.ok(hasTranslation(detail), `${phrase.file}:${phrase.line}: "${detail}" has no zh entry`);
      }
    });

    it('When any posting status change is refused, then its detail has a zh translation', () => {
      const now = new Date();
      let refused = 0;
      for (const from of POSTING_STATUSES) {
        for (const to of POSTING_STATUSES) {
          for (const bureau of [true, false]) {
            for (const validUntil of [undefined, new Date(now.getTime() - 1000)]) {
              try {
                checkTransition(from, to, { bureau, validUntil, now });
              } catch (error) {
                assert.ok(error instanceof HttpProblem);
                assert.ok(hasTranslation(error.detail), `${from} → ${to}: "${error.detail}" has no zh entry`);
                refused += 1;
              }
            }
          }
        }
      }
      assert.ok(refused > 10, `${refused} refusals`);
    });

    it('When a session, meeting request, invitation or backfill offer status appears in a message, then each status has a zh word', () => {
      const messages = [
        ...SESSION_STATUSES.flatMap((from) => SESSION_STATUSES.map((to) => `A ${from} session cannot become ${to}.`)),
        ...SESSION_STATUSES.map((status) => `The agenda of a ${status} session cannot be edited.`),
        ...REQUEST_STATUSES.map((status) => `The request is already ${status}.`),
        ...INVITATION_STATUSES.map((status) => `The invitation was already ${status}.`),
        ...SESSION_STATUSES.filter((status) => status !== 'live').map((status) => `The session is ${status}, not live.`),
        ...SESSION_STATUSES.filter((status) => status !== 'scheduled').map((status) => `A ${status} session cannot go live; it needs an agenda (status scheduled).`),
        ...SESSION_STATUSES.map((status) => `Check-in opens when the session is scheduled; it is ${status}.`),
        ...OFFER_STATUSES.map((status) => `The offer was already ${status}.`),
      ];
      for (const message of messages) assert.ok(hasTranslation(message), `"${message}" has no zh entry`);
    });
  });
});
