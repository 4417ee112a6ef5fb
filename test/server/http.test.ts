import assert from 'node:assert/strict';
import { pino } from 'pino';
import request from 'supertest';
import { z } from 'zod';
import { createApp } from '../../server/app.js';
import { adminTokenSource } from '../../server/http/auth.js';
import type { DependencyStatus, Pingable } from '../../server/http/health.js';
import { HttpProblem } from '../../server/http/problem.js';
import { route } from '../../server/http/route.js';
import { DuplicateKeyError, StoreUnavailableError } from '../../server/store/port.js';

const TOKEN = 'test-admin-token-0123456789abcdef';

function dependency(adapter: string, reachable = true): Pingable & { status: DependencyStatus } {
  const target = {
    adapter,
    status: { adapter, reachable },
    ping: () => Promise.resolve(target.status),
  };
  return target;
}

function thrower(path: string, error: Error) {
  return route({ method: 'get', path, operationId: path, summary: 'throws', tags: ['test'], access: 'authenticated', responses: {}, handler: () => {
    throw error;
  } });
}

function buildApp(options: { production?: boolean; queueDown?: boolean; hangingSearch?: boolean } = {}) {
  const search: Pingable = options.hangingSearch
    ? { adapter: 'meilisearch', ping: () => new Promise<DependencyStatus>(() => undefined) }
    : dependency('embedded');
  return createApp({
    logger: pino({ level: 'silent' }),
    version: '9.9.9',
    production: options.production ?? false,
    probes: { store: dependency('embedded-sqlite'), search, queue: dependency('bullmq', !options.queueDown) },
    credentials: [adminTokenSource(TOKEN)],
    routes: [
      route({
        method: 'post',
        path: '/probe',
        operationId: 'probe',
        summary: 'echo',
        tags: ['test'],
        access: 'authenticated',
        body: z.strictObject({
          name: z.string().min(1).max(10),
          employees: z.number().int().optional(),
          contacts: z.array(z.strictObject({ name: z.string().min(1), email: z.email().optional() })).optional(),
        }),
        responses: { 201: { description: 'echo' } },
        handler: ({ body }, _req, res) => {
          res.status(201).json(body);
        },
      }),
      thrower('/boom', new Error('secret internals at /srv/app.ts:12')),
      thrower('/teapot', new HttpProblem('forbidden', 'not yours')),
      thrower('/dup', new DuplicateKeyError('companies', ['creditCode'])),
      thrower('/down', new StoreUnavailableError('mongo is down')),
    ],
  });
}

const auth = { Authorization: `Bearer ${TOKEN}` };

describe('HTTP foundation', () => {
  describe('health', () => {
    it('When every dependency answers, then GET /api/v1/health is 200 naming each adapter', async () => {
      const res = await request(buildApp()).get('/api/v1/health').expect(200);
      assert.deepEqual(res.body, {
        status: 'ok',
        version: '9.9.9',
        store: { adapter: 'embedded-sqlite', reachable: true },
        search: { adapter: 'embedded', reachable: true },
        queue: { adapter: 'bullmq', reachable: true },
      });
    });

    it('When a production dependency is down, then health is 503 and says which', async () => {
      const res = await request(buildApp({ queueDown: true })).get('/api/v1/health').expect(503);
      assert.equal(res.body.status, 'unavailable');
      assert.deepEqual(res.body.queue, { adapter: 'bullmq', reachable: false });
    });

    it('When a dependency hangs, then health answers 503 within its timeout instead of hanging', async () => {
      const res = await request(buildApp({ hangingSearch: true })).get('/api/v1/health').expect(503);
      assert.equal(res.body.search.adapter, 'meilisearch');
      assert.equal(res.body.search.reachable, false);
      assert.match(res.body.search.detail, /no answer within/);
    });
  });

  describe('authentication', () => {
    it('When no Authorization header is sent, then 401 problem+json with WWW-Authenticate', async () => {
      const res = await request(buildApp()).get('/api/v1/me').expect(401);
      assert.match(res.headers['content-type'] ?? '', /^application\/problem\+json/);
      assert.equal(res.headers['www-authenticate'], 'Bearer');
      assert.equal(res.body.status, 401);
    });

    it('When the token is wrong or malformed, then 401', async () => {
      await request(buildApp()).get('/api/v1/me').set('Authorization', `Bearer ${TOKEN}x`).expect(401);
      await request(buildApp()).get('/api/v1/me').set('Authorization', `Basic ${TOKEN}`).expect(401);
      await request(buildApp()).get('/api/v1/me').set('Authorization', 'Bearer ').expect(401);
    });

    it('When the admin token is sent, then the request acts as the bureau administrator', async () => {
      const res = await request(buildApp()).get('/api/v1/me').set(auth).expect(200);
      assert.deepEqual(res.body, { role: 'admin', id: 'admin' });
    });
  });

  describe('bad input', () => {
    it('When the body is malformed JSON, then 400 problem+json naming the body', async () => {
      const res = await request(buildApp()).post('/api/v1/probe').set(auth).type('json').send('{"name": "x",').expect(400);
      assert.match(res.headers['content-type'] ?? '', /^application\/problem\+json/);
      assert.deepEqual(res.body.errors, [{ path: 'body', message: 'JSON 格式错误' }]);
      assert.equal(res.body.detail, '请求体不是有效的 JSON，无法解析。');
      assert.equal(res.body.type, 'urn:zonematch:problem:malformed-json');
      const en = await request(buildApp()).post('/api/v1/probe').set(auth).set('Accept-Language', 'en').type('json').send('{"name": "x",').expect(400);
      assert.deepEqual(en.body.errors, [{ path: 'body', message: 'malformed JSON' }]);
      assert.equal(en.body.detail, 'The body could not be parsed as JSON.');
    });

    it('When a field has the wrong type, then 400 naming the field path', async () => {
      const res = await request(buildApp()).post('/api/v1/probe').set(auth).send({ name: 'ok', employees: 'many' }).expect(400);
      assert.deepEqual(res.body.errors.map((e: { path: string }) => e.path), ['body.employees']);
    });

    it('When a nested field is invalid, then the path goes down to it', async () => {
      const res = await request(buildApp())
        .post('/api/v1/probe')
        .set(auth)
        .send({ name: 'ok', contacts: [{ name: 'a' }, { name: 'b', email: 'not-mail' }] })
        .expect(400);
      assert.deepEqual(res.body.errors.map((e: { path: string }) => e.path), ['body.contacts.1.email']);
    });

    it('When the body has an unknown field, then 400 naming it', async () => {
      const res = await request(buildApp()).post('/api/v1/probe').set(auth).send({ name: 'ok', verified: true }).expect(400);
      assert.deepEqual(res.body.errors, [{ path: 'body.verified', message: '未知字段' }]);
      const en = await request(buildApp()).post('/api/v1/probe').set(auth).set('Accept-Language', 'en').send({ name: 'ok', verified: true }).expect(400);
      assert.deepEqual(en.body.errors, [{ path: 'body.verified', message: 'unknown field' }]);
    });

    it('When a $-prefixed key appears anywhere in the body, then 400 before any route runs', async () => {
      const res = await request(buildApp())
        .post('/api/v1/probe')
        .set(auth)
        .send({ name: { $gt: '' }, contacts: [{ name: 'a', $where: 'sleep(1)' }] })
        .expect(400);
      assert.deepEqual(res.body.errors.map((e: { path: string }) => e.path), ['body.name.$gt', 'body.contacts.0.$where']);
    });

    it('When a query parameter carries an operator, then 400', async () => {
      const res = await request(buildApp()).get('/api/v1/me?industry[$ne]=x').set(auth).expect(400);
      assert.deepEqual(res.body.errors.map((e: { path: string }) => e.path), ['query.industry[$ne]']);
    });

    it('When the body is larger than 1 MB, then 413 problem+json', async () => {
      const big = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) });
      const res = await request(buildApp()).post('/api/v1/probe').set(auth).type('json').send(big).expect(413);
      assert.match(res.headers['content-type'] ?? '', /^application\/problem\+json/);
      assert.equal(res.body.status, 413);
    });

    it('When the route does not exist, then 404 problem+json', async () => {
      const res = await request(buildApp()).get('/nowhere').expect(404);
      assert.match(res.headers['content-type'] ?? '', /^application\/problem\+json/);
      await request(buildApp()).get('/api/v1/nowhere').set(auth).expect(404);
    });
  });

  describe('errors', () => {
    it('When a handler fails unexpectedly in production, then 500 with no message or stack', async () => {
      const res = await request(buildApp({ production: true })).get('/api/v1/boom').set(auth).expect(500);
      assert.doesNotMatch(JSON.stringify(res.body), /secret internals|app\.ts|at /);
    });

    it('When a store dependency is down, then 503 with Retry-After', async () => {
      const res = await request(buildApp()).get('/api/v1/down').set(auth).expect(503);
      assert.equal(res.headers['retry-after'], '5');
    });

    it('When a unique key is taken, then 409 naming the field', async () => {
      const res = await request(buildApp()).get('/api/v1/dup').set(auth).expect(409);
      assert.deepEqual(res.body.errors, [{ path: 'body.creditCode', message: '已被占用' }]);
      const en = await request(buildApp()).get('/api/v1/dup').set(auth).set('Accept-Language', 'en').expect(409);
      assert.deepEqual(en.body.errors, [{ path: 'body.creditCode', message: 'already in use' }]);
      assert.equal(en.body.detail, 'Another record already has the same creditCode.');
    });

    it('When fields are missing, too long or of the wrong type, then each message says so in the chosen language', async () => {
      const body = { name: 'x'.repeat(11), employees: 'many', contacts: [{ email: 'not-mail' }] };
      const zh = await request(buildApp()).post('/api/v1/probe').set(auth).send(body).expect(400);
      assert.equal(zh.body.detail, '部分字段缺失或无效。');
      assert.deepEqual(zh.body.errors, [
        { path: 'body.name', message: '最多 10 个字符' },
        { path: 'body.employees', message: '必须是数字' },
        { path: 'body.contacts.0.name', message: '必填字段' },
        { path: 'body.contacts.0.email', message: '必须是有效的电子邮件地址' },
      ]);
      assert.equal(zh.headers.vary?.includes('Accept-Language'), true);
      const en = await request(buildApp()).post('/api/v1/probe').set(auth).set('Accept-Language', 'en-GB,en;q=0.9,zh;q=0.5').send(body).expect(400);
      assert.equal(en.body.detail, 'Some fields are missing or not valid.');
      assert.deepEqual(en.body.errors, [
        { path: 'body.name', message: 'must be at most 10 characters' },
        { path: 'body.employees', message: 'must be a number' },
        { path: 'body.contacts.0.name', message: 'is required' },
        { path: 'body.contacts.0.email', message: 'must be an e-mail address' },
      ]);
    });

    it('When the client prefers another language than zh or en, then messages are Chinese', async () => {
      const res = await request(buildApp()).get('/api/v1/me').set('Accept-Language', 'fr-FR,fr;q=0.9').expect(401);
      assert.equal(res.body.detail, '请在请求头中发送 "Authorization: Bearer <令牌或 API 密钥>"。');
      const en = await request(buildApp()).get('/api/v1/me').set('Accept-Language', 'en').expect(401);
      assert.equal(en.body.detail, 'Send "Authorization: Bearer <token or API key>".');
    });

    it('When the client prefers English, then the title is English; otherwise Chinese', async () => {
      const en = await request(buildApp()).get('/api/v1/teapot').set(auth).set('Accept-Language', 'en-US,en;q=0.9').expect(403);
      assert.equal(en.body.title, 'You may not do this');
      const zh = await request(buildApp()).get('/api/v1/teapot').set(auth).expect(403);
      assert.equal(zh.body.title, '无权执行此操作');
    });

    it('When any response is sent, then security headers are set and X-Powered-By is not', async () => {
      const res = await request(buildApp()).get('/api/v1/health');
      assert.equal(res.headers['x-powered-by'], undefined);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
    });
  });
});
