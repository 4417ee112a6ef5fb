/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return -- OpenAPI documents and JSON Schemas are walked as plain JSON here; the assertions check their shape. */
import assert from 'node:assert/strict';
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { authenticate, requireRole } from '../../server/http/auth.js';
import { toProblem } from '../../server/http/errors.js';
import { FOUNDATION_OPERATIONS } from '../../server/http/openapi/foundation.js';
import { hasTranslation, translate } from '../../server/http/messages.js';
import { HttpProblem } from '../../server/http/problem.js';
import type { AnyRoute } from '../../server/http/route.js';
import { issuesToProblems, PARSE_OPTIONS } from '../../server/http/validate.js';
import { apiRoutes } from '../../server/routes.js';
import { DuplicateKeyError, StoreUnavailableError, ValidationError, VersionConflictError } from '../../server/store/port.js';
import { VERSION } from '../../server/version.js';
import { startTestApp, type TestApp } from '../support/app.js';

const HAN = /\p{Script=Han}/u;

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
      for (const text of ['only the bureau may set this', 'constructor', '__proto__', 'must be an array', 'must be an ISO 8601 date or something']) {
        assert.equal(translate(text, 'zh'), text);
        assert.equal(hasTranslation(text), false);
      }
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
});
