import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/app.js';
import { companyKey } from '../support/company-key.js';
import { createCompany, createPosting, daysFromNow, errorPaths, postingBody } from './fixtures.js';

describe('postings API', () => {
  let app: TestApp;
  /** Company A with its key, company B with its key. */
  let a: string;
  let b: string;
  let keyA: string;
  let keyB: string;

  before(async () => {
    app = await startTestApp();
    a = await createCompany(app, { name: '甲电子' });
    b = await createCompany(app, { name: '乙精密' });
    keyA = await companyKey(app, a);
    keyB = await companyKey(app, b);
  });

  after(async () => {
    await app.stop();
  });

  describe('POST /postings', () => {
    it('When the bureau publishes for a company, then it answers 201 with an open posting, the company name and an ETag', async () => {
      const res = await app
        .as()
        .post('/api/v1/postings')
        .send(postingBody({ companyId: a, quantity: { amount: 500, unit: '万点/月' }, validUntil: '2999-12-31', certificationsRequired: ['ISO 9001'] }));
      assert.equal(res.status, 201);
      assert.equal(res.headers.etag, '"0"');
      assert.equal(res.headers.location, `/api/v1/postings/${res.body.id}`);
      assert.equal(res.body.companyId, a);
      assert.equal(res.body.companyName, '甲电子');
      assert.equal(res.body.status, 'open');
      assert.deepEqual(res.body.quantity, { amount: 500, unit: '万点/月' });
      assert.equal(res.body.validUntil, '2999-12-31T00:00:00.000Z');
      assert.deepEqual(res.body.certificationsRequired, ['ISO 9001']);
      assert.equal(res.body._id, undefined);
    });

    it('When a company key omits companyId, then the posting is its own', async () => {
      const res = await app.as(keyA).post('/api/v1/postings').send(postingBody({ kind: 'need' }));
      assert.equal(res.status, 201);
      assert.equal(res.body.companyId, a);
      assert.equal(res.body.kind, 'need');
    });

    it('When a company key names its own company, then it is accepted', async () => {
      const res = await app.as(keyA).post('/api/v1/postings').send(postingBody({ companyId: a }));
      assert.equal(res.status, 201);
    });

    it("When a company key names another company, then it answers 403 and creates nothing", async () => {
      const before = (await app.as().get(`/api/v1/postings?companyId=${b}&limit=100`)).body.items.length;
      const res = await app.as(keyA).post('/api/v1/postings').send(postingBody({ companyId: b }));
      assert.equal(res.status, 403);
      assert.equal((await app.as().get(`/api/v1/postings?companyId=${b}&limit=100`)).body.items.length, before);
    });

    it('When the bureau omits companyId, then it answers 400 naming body.companyId', async () => {
      const res = await app.as().post('/api/v1/postings').send(postingBody());
      assert.equal(res.status, 400);
      assert.deepEqual(errorPaths(res.body), ['body.companyId']);
    });

    it('When companyId names no company, then it answers 400 naming body.companyId', async () => {
      const res = await app.as().post('/api/v1/postings').send(postingBody({ companyId: '0123456789abcdef01234567' }));
      assert.equal(res.status, 400);
      assert.deepEqual(errorPaths(res.body), ['body.companyId']);
    });

    it('When validUntil is in the past, then it answers 400 naming body.validUntil', async () => {
      const res = await app.as().post('/api/v1/postings').send(postingBody({ companyId: a, validUntil: daysFromNow(-1) }));
      assert.equal(res.status, 400);
      assert.deepEqual(errorPaths(res.body), ['body.validUntil']);
    });

    const invalid: [string, Record<string, unknown>, string][] = [
      ['the title is missing', { title: undefined }, 'body.title'],
      ['kind is not need or capability', { kind: 'offer' }, 'body.kind'],
      ['the quantity amount is not a number', { quantity: { amount: 'lots', unit: '件' } }, 'body.quantity.amount'],
      ['the client sets status', { status: 'expired' }, 'body.status'],
      ['the client sets id', { id: '0123456789abcdef01234567' }, 'body.id'],
      ['the client sets createdAt', { createdAt: '2020-01-01T00:00:00Z' }, 'body.createdAt'],
      ['an industry code is unknown', { industries: ['C9999'] }, 'body.industries.0'],
      ['validUntil is not a date', { validUntil: 'next week' }, 'body.validUntil'],
      ['the title is too long', { title: 'x'.repeat(121) }, 'body.title'],
      ['a tag carries an operator object', { tags: [{ $ne: 'x' }] }, 'body.tags.0.$ne'],
    ];
    for (const [what, overrides, path] of invalid) {
      it(`When ${what}, then it answers 400 naming ${path}`, async () => {
        const res = await app.as().post('/api/v1/postings').send(postingBody({ companyId: a, ...overrides }));
        assert.equal(res.status, 400, JSON.stringify(res.body));
        assert.ok(errorPaths(res.body).includes(path), JSON.stringify(res.body.errors));
      });
    }

    it('When no token is sent, then it answers 401', async () => {
      assert.equal((await app.anonymous.post('/api/v1/postings').send(postingBody({ companyId: a }))).status, 401);
    });
  });

  describe('reading another company’s postings', () => {
    it('When a company key reads another company’s open posting, then it gets it', async () => {
      const posting = await createPosting(app, { companyId: a });
      const res = await app.as(keyB).get(`/api/v1/postings/${posting.id}`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.etag, '"0"');
    });

    it('When a company key reads another company’s paused posting, then it answers 404; its owner still reads it', async () => {
      const posting = await createPosting(app, { companyId: a });
      assert.equal((await app.as().patch(`/api/v1/postings/${posting.id}`).send({ status: 'paused' })).status, 200);
      assert.equal((await app.as(keyB).get(`/api/v1/postings/${posting.id}`)).status, 404);
      const own = await app.as(keyA).get(`/api/v1/postings/${posting.id}`);
      assert.equal(own.status, 200);
      assert.equal(own.body.status, 'paused');
    });

    it('When a company key lists postings, then it sees others’ open ones and all of its own', async () => {
      const fresh = await startTestApp();
      try {
        const x = await createCompany(fresh);
        const y = await createCompany(fresh);
        const keyY = await companyKey(fresh, y);
        const xOpen = await createPosting(fresh, { companyId: x });
        const xPaused = await createPosting(fresh, { companyId: x });
        await fresh.as().patch(`/api/v1/postings/${xPaused.id}`).send({ status: 'paused' });
        const yOpen = await createPosting(fresh, { companyId: y });
        const yFulfilled = await createPosting(fresh, { companyId: y });
        await fresh.as().patch(`/api/v1/postings/${yFulfilled.id}`).send({ status: 'fulfilled' });

        const ids = async (query = '') => ((await fresh.as(keyY).get(`/api/v1/postings${query}`)).body.items as { id: string }[]).map((p) => p.id);
        assert.deepEqual(await ids(), [xOpen.id, yOpen.id, yFulfilled.id]);
        assert.deepEqual(await ids('?status=paused'), []);
        assert.deepEqual(await ids(`?status=paused&companyId=${x}`), []);
        assert.deepEqual(await ids('?status=fulfilled'), [yFulfilled.id]);
        const bureau = await fresh.as().get('/api/v1/postings');
        assert.deepEqual(
          bureau.body.items.map((p: { id: string }) => p.id),
          [xOpen.id, xPaused.id, yOpen.id, yFulfilled.id],
        );
      } finally {
        await fresh.stop();
      }
    });
  });

  describe('writing another company’s postings', () => {
    it('When a company key changes another company’s open posting, then it answers 403 and nothing changes', async () => {
      const posting = await createPosting(app, { companyId: a });
      const res = await app.as(keyB).patch(`/api/v1/postings/${posting.id}`).send({ title: '改掉' });
      assert.equal(res.status, 403);
      assert.equal(res.body.type, 'urn:zonematch:problem:forbidden');
      assert.equal((await app.as().get(`/api/v1/postings/${posting.id}`)).body.title, posting.title);
    });

    it('When a company key changes the status of another company’s posting, then it answers 403', async () => {
      const posting = await createPosting(app, { companyId: a });
      assert.equal((await app.as(keyB).patch(`/api/v1/postings/${posting.id}`).send({ status: 'fulfilled' })).status, 403);
    });

    it('When a company key deletes another company’s posting, then it answers 403 and it stays', async () => {
      const posting = await createPosting(app, { companyId: a });
      assert.equal((await app.as(keyB).delete(`/api/v1/postings/${posting.id}`)).status, 403);
      assert.equal((await app.as().get(`/api/v1/postings/${posting.id}`)).status, 200);
    });

    it('When a company key writes to another company’s posting it cannot see, then it answers 404 as for a read', async () => {
      const posting = await createPosting(app, { companyId: a });
      await app.as().patch(`/api/v1/postings/${posting.id}`).send({ status: 'paused' });
      assert.equal((await app.as(keyB).patch(`/api/v1/postings/${posting.id}`).send({ status: 'open' })).status, 404);
      assert.equal((await app.as(keyB).delete(`/api/v1/postings/${posting.id}`)).status, 404);
    });

    it('When a company key changes and deletes its own posting, then both apply', async () => {
      const posting = await createPosting(app, {}, keyA);
      const res = await app.as(keyA).patch(`/api/v1/postings/${posting.id}`).send({ tags: ['FPC'], quantity: { amount: 1, unit: '批' } });
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.tags, ['FPC']);
      assert.equal((await app.as(keyA).delete(`/api/v1/postings/${posting.id}`)).status, 204);
      assert.equal((await app.as(keyA).get(`/api/v1/postings/${posting.id}`)).status, 404);
    });
  });

  describe('status transitions', () => {
    const patch = (id: string, body: Record<string, unknown>, token?: string) => app.as(token).patch(`/api/v1/postings/${id}`).send(body);

    it('When the owner pauses, resumes and fulfils a posting, then each step applies', async () => {
      const posting = await createPosting(app, {}, keyA);
      assert.equal((await patch(posting.id, { status: 'paused' }, keyA)).body.status, 'paused');
      assert.equal((await patch(posting.id, { status: 'open' }, keyA)).body.status, 'open');
      assert.equal((await patch(posting.id, { status: 'paused' }, keyA)).body.status, 'paused');
      const done = await patch(posting.id, { status: 'fulfilled' }, keyA);
      assert.equal(done.status, 200);
      assert.equal(done.body.status, 'fulfilled');
      assert.equal(done.body.version, 4);
    });

    it('When the owner reopens a fulfilled posting, then it answers 403; when the bureau does, then it applies', async () => {
      const posting = await createPosting(app, {}, keyA);
      await patch(posting.id, { status: 'fulfilled' }, keyA);
      assert.equal((await patch(posting.id, { status: 'open' }, keyA)).status, 403);
      const reopened = await patch(posting.id, { status: 'open' });
      assert.equal(reopened.status, 200);
      assert.equal(reopened.body.status, 'open');
    });

    it('When a fulfilled posting is paused, then it answers 409 with a detail saying what is possible', async () => {
      const posting = await createPosting(app, { companyId: a });
      await patch(posting.id, { status: 'fulfilled' });
      const res = await app.as().patch(`/api/v1/postings/${posting.id}`).set('Accept-Language', 'en').send({ status: 'paused' });
      assert.equal(res.status, 409);
      assert.match(res.body.detail, /cannot go from fulfilled to paused/);
    });

    it('When a client sets status expired, then it answers 400 naming body.status', async () => {
      const posting = await createPosting(app, { companyId: a });
      const res = await patch(posting.id, { status: 'expired' });
      assert.equal(res.status, 400);
      assert.deepEqual(errorPaths(res.body), ['body.status']);
    });

    it('When a patch sets validUntil in the past, then it answers 400 naming body.validUntil', async () => {
      const posting = await createPosting(app, { companyId: a });
      const res = await patch(posting.id, { validUntil: daysFromNow(-2) });
      assert.equal(res.status, 400);
      assert.deepEqual(errorPaths(res.body), ['body.validUntil']);
    });

    it('When a client tries to move the posting to another company or change its kind, then it answers 400', async () => {
      const posting = await createPosting(app, { companyId: a });
      const res = await patch(posting.id, { companyId: b, kind: 'need' });
      assert.equal(res.status, 400);
      assert.deepEqual(errorPaths(res.body).sort(), ['body.companyId', 'body.kind']);
    });
  });

  describe('optimistic concurrency', () => {
    it('When If-Match names the current version, then the patch applies; an old version gives 412 and changes nothing', async () => {
      const posting = await createPosting(app, { companyId: a });
      const first = await app.as().patch(`/api/v1/postings/${posting.id}`).set('If-Match', '"0"').send({ title: '第一次修改' });
      assert.equal(first.status, 200);
      assert.equal(first.headers.etag, '"1"');
      const second = await app.as().patch(`/api/v1/postings/${posting.id}`).set('If-Match', '"0"').send({ title: '第二次修改' });
      assert.equal(second.status, 412);
      assert.equal((await app.as().get(`/api/v1/postings/${posting.id}`)).body.title, '第一次修改');
    });

    it('When If-Match is *, then the patch applies whatever the version', async () => {
      const posting = await createPosting(app, { companyId: a });
      assert.equal((await app.as().patch(`/api/v1/postings/${posting.id}`).set('If-Match', '*').send({ title: '任意版本' })).status, 200);
    });
  });

  describe('GET /postings', () => {
    let fresh: TestApp;
    const ids: Record<string, string> = {};

    before(async () => {
      fresh = await startTestApp();
      const x = await createCompany(fresh);
      const y = await createCompany(fresh);
      ids.x = x;
      ids.y = y;
      ids.smt = (await createPosting(fresh, { companyId: x, kind: 'capability', title: 'SMT 贴片加工', tags: ['SMT'], industries: ['C3982'] })).id;
      ids.pcb = (await createPosting(fresh, { companyId: x, kind: 'need', title: '采购 PCB 板', description: '多层板', tags: ['PCB'], industries: ['C3982'] })).id;
      ids.erp = (await createPosting(fresh, { companyId: y, kind: 'need', title: '寻找 ERP 实施商', description: '制造业 ERP', tags: ['软件'], industries: ['I6513'] })).id;
      ids.oem = (await createPosting(fresh, { companyId: y, kind: 'capability', title: '外协加工', description: '钣金', tags: ['OEM', '代工'], industries: [] })).id;
      await fresh.as().patch(`/api/v1/postings/${ids.oem}`).send({ status: 'paused' });
    });

    after(async () => {
      await fresh.stop();
    });

    const names = (body: { items: { id: string }[] }) => body.items.map((p) => Object.entries(ids).find(([, id]) => id === p.id)?.[0]);
    const list = async (query: Record<string, string | number>) => {
      const res = await fresh.as().get('/api/v1/postings').query(query);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return names(res.body);
    };

    it('When filtering by kind, status and companyId, then only matching postings come back', async () => {
      assert.deepEqual(await list({ kind: 'need' }), ['pcb', 'erp']);
      assert.deepEqual(await list({ status: 'paused' }), ['oem']);
      assert.deepEqual(await list({ companyId: ids.y as string }), ['erp', 'oem']);
      assert.deepEqual(await list({ kind: 'capability', status: 'open' }), ['smt']);
    });

    it('When filtering by industry, then sub-industries match too', async () => {
      assert.deepEqual(await list({ industry: 'C39' }), ['smt', 'pcb']);
      assert.deepEqual(await list({ industry: 'I' }), ['erp']);
      assert.deepEqual(await list({ industry: 'C3981' }), []);
    });

    it('When q is given, then it matches title, description or a tag, case-insensitively', async () => {
      assert.deepEqual(await list({ q: 'smt' }), ['smt']);
      assert.deepEqual(await list({ q: '多层' }), ['pcb']);
      assert.deepEqual(await list({ q: '代工' }), ['oem']);
      assert.deepEqual(await list({ q: 'erp' }), ['erp']);
      assert.deepEqual(await list({ q: '[' }), []);
    });

    it('When paging, then the pages join up in order', async () => {
      const first = await fresh.as().get('/api/v1/postings?limit=3');
      assert.deepEqual(names(first.body), ['smt', 'pcb', 'erp']);
      const second = await fresh.as().get('/api/v1/postings').query({ limit: 3, cursor: first.body.nextCursor });
      assert.deepEqual(names(second.body), ['oem']);
      assert.equal(second.body.nextCursor, null);
    });

    const badQueries: [string, string, string][] = [
      ['the cursor is malformed', 'cursor=abc', 'query.cursor'],
      ['kind is unknown', 'kind=offer', 'query.kind'],
      ['status is unknown', 'status=closed', 'query.status'],
      ['companyId is not an id', 'companyId=abc', 'query.companyId'],
      ['an unknown parameter is sent', 'owner=me', 'query.owner'],
      ['limit is too large', 'limit=1000', 'query.limit'],
    ];
    for (const [what, query, path] of badQueries) {
      it(`When ${what}, then it answers 400 naming ${path}`, async () => {
        const res = await fresh.as().get(`/api/v1/postings?${query}`);
        assert.equal(res.status, 400);
        assert.ok(errorPaths(res.body).includes(path), JSON.stringify(res.body.errors));
      });
    }

    it('When the query smuggles an operator (industry[$ne]=x), then it answers 400', async () => {
      assert.equal((await fresh.as().get('/api/v1/postings?industry[$ne]=x')).status, 400);
    });

    it('When no token is sent, then it answers 401', async () => {
      assert.equal((await fresh.anonymous.get('/api/v1/postings')).status, 401);
    });
  });

  it('When the posting does not exist, then read, change and delete answer 404', async () => {
    const id = '0123456789abcdef01234567';
    assert.equal((await app.as().get(`/api/v1/postings/${id}`)).status, 404);
    assert.equal((await app.as().patch(`/api/v1/postings/${id}`).send({ title: 'x' })).status, 404);
    assert.equal((await app.as().delete(`/api/v1/postings/${id}`)).status, 404);
  });
});
