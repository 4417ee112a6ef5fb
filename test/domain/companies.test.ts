import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/app.js';
import { companyKey } from '../support/company-key.js';
import { companyBody, createCompany, createPosting, creditCode, errorPaths } from './fixtures.js';

describe('companies API', () => {
  let app: TestApp;

  before(async () => {
    app = await startTestApp();
  });

  after(async () => {
    await app.stop();
  });

  describe('POST /companies', () => {
    it('When the bureau registers a company with every field, then it answers 201 with the company, its ETag and Location', async () => {
      const body = companyBody({
        creditCode: creditCode(101),
        employees: 320,
        certifications: ['ISO 9001', 'IATF 16949'],
        website: 'https://example.cn',
        industries: ['c3982', 'C3982', 'I6520'],
      });
      const res = await app.as().post('/api/v1/companies').send(body);
      assert.equal(res.status, 201);
      assert.match(res.body.id, /^[0-9a-f]{24}$/);
      assert.equal(res.headers.etag, '"0"');
      assert.equal(res.headers.location, `/api/v1/companies/${res.body.id}`);
      assert.equal(res.body._id, undefined);
      assert.deepEqual(res.body.industries, ['C3982', 'I6520']);
      assert.equal(res.body.creditCode, creditCode(101));
      assert.equal(res.body.employees, 320);
      assert.equal(res.body.verified, false);
      assert.equal(res.body.version, 0);
      assert.deepEqual(res.body.contacts, body.contacts);
      assert.ok(!Number.isNaN(Date.parse(res.body.createdAt)));
    });

    it('When text fields arrive decomposed or padded, then they are stored NFC-normalised and trimmed', async () => {
      const res = await app.as().post('/api/v1/companies').send(companyBody({ name: '  Cafe\u0301 Électronique  ' }));
      assert.equal(res.status, 201);
      assert.equal(res.body.name, 'Caf\u00e9 Électronique');
    });

    const invalid: [string, Record<string, unknown>, string][] = [
      ['a required field is missing', { name: undefined }, 'body.name'],
      ['a field has the wrong type', { employees: 'many' }, 'body.employees'],
      ['an unknown field is sent', { founded: 1999 }, 'body.founded'],
      ['the client sets id', { id: '0123456789abcdef01234567' }, 'body.id'],
      ['the client sets createdAt', { createdAt: '2020-01-01T00:00:00Z' }, 'body.createdAt'],
      ['the client sets version', { version: 7 }, 'body.version'],
      ['the client sets verified at creation', { verified: true }, 'body.verified'],
      ['an industry code is unknown', { industries: ['C3982', 'X9999'] }, 'body.industries.1'],
      ['no industry is given', { industries: [] }, 'body.industries'],
      ['the credit code has a wrong check character', { creditCode: creditCode(5).slice(0, 17) + (creditCode(5).endsWith('0') ? '1' : '0') }, 'body.creditCode'],
      ['the name is too long', { name: '名'.repeat(101) }, 'body.name'],
      ['a contact e-mail is not an address', { contacts: [{ name: '李', email: 'nope' }] }, 'body.contacts.0.email'],
      ['the website is not http(s)', { website: 'ftp://example.cn' }, 'body.website'],
    ];
    for (const [what, overrides, path] of invalid) {
      it(`When ${what}, then it answers 400 naming ${path}`, async () => {
        const res = await app.as().post('/api/v1/companies').send(companyBody(overrides));
        assert.equal(res.status, 400, JSON.stringify(res.body));
        assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
        assert.ok(errorPaths(res.body).includes(path), JSON.stringify(res.body.errors));
      });
    }

    it('When a field carries a MongoDB operator object, then it answers 400 and stores nothing', async () => {
      const before = (await app.as().get('/api/v1/companies?limit=100')).body.items.length;
      const res = await app.as().post('/api/v1/companies').send({ ...companyBody(), name: { $gt: '' } });
      assert.equal(res.status, 400);
      assert.ok(errorPaths(res.body).includes('body.name.$gt'));
      assert.equal((await app.as().get('/api/v1/companies?limit=100')).body.items.length, before);
    });

    it('When two companies give the same credit code, then the second is a 409 conflict', async () => {
      await createCompany(app, { creditCode: creditCode(202) });
      const res = await app.as().post('/api/v1/companies').send(companyBody({ creditCode: creditCode(202) }));
      assert.equal(res.status, 409);
      assert.ok(errorPaths(res.body).includes('body.creditCode'));
    });

    it('When no token is sent, then it answers 401', async () => {
      const res = await app.anonymous.post('/api/v1/companies').send(companyBody());
      assert.equal(res.status, 401);
    });

    it('When a company key registers a company, then it answers 403', async () => {
      const key = await companyKey(app, await createCompany(app));
      const res = await app.as(key).post('/api/v1/companies').send(companyBody());
      assert.equal(res.status, 403);
    });
  });

  describe('GET /companies/:id', () => {
    it('When the bureau reads a company, then it gets contacts and the version as ETag', async () => {
      const id = await createCompany(app);
      const res = await app.as().get(`/api/v1/companies/${id}`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.etag, '"0"');
      assert.equal(res.body.contacts.length, 1);
    });

    it("When a company key reads another company, then it gets the public profile without contacts but with the credit code", async () => {
      const other = await createCompany(app, { creditCode: creditCode(303) });
      const key = await companyKey(app, await createCompany(app));
      const res = await app.as(key).get(`/api/v1/companies/${other}`);
      assert.equal(res.status, 200);
      assert.equal(res.body.contacts, undefined);
      assert.equal(res.body.creditCode, creditCode(303));
      assert.equal(res.body.name.length > 0, true);
    });

    it('When a company key reads its own company, then it gets its contacts', async () => {
      const own = await createCompany(app);
      const key = await companyKey(app, own);
      const res = await app.as(key).get(`/api/v1/companies/${own}`);
      assert.equal(res.status, 200);
      assert.equal(res.body.contacts.length, 1);
    });

    it('When the id is unknown, then it answers 404; when it is malformed, then 400 naming params.id', async () => {
      assert.equal((await app.as().get('/api/v1/companies/0123456789abcdef01234567')).status, 404);
      const res = await app.as().get('/api/v1/companies/not-an-id');
      assert.equal(res.status, 400);
      assert.deepEqual(errorPaths(res.body), ['params.id']);
    });

    it('When no token is sent, then it answers 401', async () => {
      assert.equal((await app.anonymous.get('/api/v1/companies/0123456789abcdef01234567')).status, 401);
    });
  });

  describe('PATCH /companies/:id', () => {
    it('When the bureau changes fields, then only they change, the version rises and the ETag follows', async () => {
      const id = await createCompany(app, { employees: 10 });
      const res = await app.as().patch(`/api/v1/companies/${id}`).send({ employees: 12, verified: true });
      assert.equal(res.status, 200);
      assert.equal(res.body.employees, 12);
      assert.equal(res.body.verified, true);
      assert.equal(res.body.version, 1);
      assert.equal(res.headers.etag, '"1"');
      assert.equal(res.body.contacts.length, 1);
    });

    it('When a patch changes nothing, then the version stays the same', async () => {
      const id = await createCompany(app, { employees: 10 });
      const res = await app.as().patch(`/api/v1/companies/${id}`).send({ employees: 10 });
      assert.equal(res.status, 200);
      assert.equal(res.body.version, 0);
    });

    it('When If-Match names the current version, then the update applies; when it names an old one, then 412', async () => {
      const id = await createCompany(app);
      const first = await app.as().patch(`/api/v1/companies/${id}`).set('If-Match', '"0"').send({ park: '综合保税区' });
      assert.equal(first.status, 200);
      const stale = await app.as().patch(`/api/v1/companies/${id}`).set('If-Match', '"0"').send({ park: '高新区 B 园' });
      assert.equal(stale.status, 412);
      assert.equal(stale.body.type, 'urn:zonematch:problem:precondition-failed');
      assert.equal((await app.as().get(`/api/v1/companies/${id}`)).body.park, '综合保税区');
    });

    it('When If-Match is a weak tag, then it never matches (412); when it is not an entity tag, then 400', async () => {
      const id = await createCompany(app);
      assert.equal((await app.as().patch(`/api/v1/companies/${id}`).set('If-Match', 'W/"0"').send({ employees: 3 })).status, 412);
      const res = await app.as().patch(`/api/v1/companies/${id}`).set('If-Match', '0').send({ employees: 3 });
      assert.equal(res.status, 400);
      assert.deepEqual(errorPaths(res.body), ['headers.if-match']);
    });

    it('When a client tries to set id, _id, createdAt or version, then it answers 400 naming each', async () => {
      const id = await createCompany(app);
      const res = await app
        .as()
        .patch(`/api/v1/companies/${id}`)
        .send({ id: 'x', createdAt: '2020-01-01', version: 9 });
      assert.equal(res.status, 400);
      assert.deepEqual(errorPaths(res.body).sort(), ['body.createdAt', 'body.id', 'body.version']);
      const underscore = await app.as().patch(`/api/v1/companies/${id}`).send({ _id: 'x' });
      assert.equal(underscore.status, 400);
      assert.deepEqual(errorPaths(underscore.body), ['body._id']);
    });

    it('When a company key changes its own profile, then it applies and the key sees its contacts', async () => {
      const own = await createCompany(app);
      const key = await companyKey(app, own);
      const res = await app.as(key).patch(`/api/v1/companies/${own}`).send({ description: '新增 FPC 贴装能力' });
      assert.equal(res.status, 200);
      assert.equal(res.body.description, '新增 FPC 贴装能力');
      assert.equal(res.body.contacts.length, 1);
    });

    it('When a company key sets verified on its own profile, then it answers 400 naming body.verified', async () => {
      const own = await createCompany(app);
      const key = await companyKey(app, own);
      const res = await app.as(key).patch(`/api/v1/companies/${own}`).set('Accept-Language', 'en').send({ verified: true });
      assert.equal(res.status, 400);
      assert.deepEqual(res.body.errors, [{ path: 'body.verified', message: 'only the bureau may set this' }]);
    });

    it("When a company key changes another company's profile, then it answers 403 and nothing changes", async () => {
      const other = await createCompany(app);
      const key = await companyKey(app, await createCompany(app));
      const res = await app.as(key).patch(`/api/v1/companies/${other}`).send({ description: '被篡改' });
      assert.equal(res.status, 403);
      assert.equal(res.body.type, 'urn:zonematch:problem:forbidden');
      assert.notEqual((await app.as().get(`/api/v1/companies/${other}`)).body.description, '被篡改');
    });

    it('When the patch sets a credit code another company has, then it answers 409', async () => {
      await createCompany(app, { creditCode: creditCode(404) });
      const id = await createCompany(app);
      const res = await app.as().patch(`/api/v1/companies/${id}`).send({ creditCode: creditCode(404) });
      assert.equal(res.status, 409);
    });
  });

  describe('DELETE /companies/:id', () => {
    it('When the bureau deletes a company, then it and its postings are gone and each deletion is audited', async () => {
      const id = await createCompany(app);
      const posting = await createPosting(app, { companyId: id });
      assert.equal((await app.as().delete(`/api/v1/companies/${id}`)).status, 204);
      assert.equal((await app.as().get(`/api/v1/companies/${id}`)).status, 404);
      assert.equal((await app.as().get(`/api/v1/postings/${posting.id}`)).status, 404);
      const history = await app.as().get(`/api/v1/companies/${id}/history`);
      assert.equal(history.status, 200);
      const deletions = history.body.items.filter((e: { action: string }) => e.action === 'delete');
      assert.deepEqual(
        deletions.map((e: { entity: string; entityId: string }) => [e.entity, e.entityId]),
        [
          ['posting', posting.id],
          ['company', id],
        ],
      );
    });

    it('When a company key deletes a company, even its own, then it answers 403', async () => {
      const own = await createCompany(app);
      const key = await companyKey(app, own);
      assert.equal((await app.as(key).delete(`/api/v1/companies/${own}`)).status, 403);
      assert.equal((await app.as().get(`/api/v1/companies/${own}`)).status, 200);
    });

    it('When the company does not exist, then it answers 404', async () => {
      assert.equal((await app.as().delete('/api/v1/companies/0123456789abcdef01234567')).status, 404);
    });
  });

  describe('GET /companies', () => {
    let fresh: TestApp;
    const ids: Record<string, string> = {};

    before(async () => {
      fresh = await startTestApp();
      ids.smt = await createCompany(fresh, { name: '锡山 SMT 贴片厂', industries: ['C3982'], park: '高新区 A 园' });
      ids.chip = await createCompany(fresh, { name: '华芯集成电路', description: 'IC 设计与封测', industries: ['C3973'], park: '高新区 B 园' });
      ids.software = await createCompany(fresh, { name: 'Cloudsoft', description: 'ERP (a.k.a. 企业资源计划) 实施', industries: ['I6513'], park: '高新区 A 园' });
      ids.cafe = await createCompany(fresh, { name: 'Café Électronique', description: 'Design house', industries: ['C3989'] });
    });

    after(async () => {
      await fresh.stop();
    });

    const names = (body: { items: { id: string }[] }) => body.items.map((c) => Object.entries(ids).find(([, id]) => id === c.id)?.[0]);

    it('When listing without filters, then every company comes in registration order with a null nextCursor', async () => {
      const res = await fresh.as().get('/api/v1/companies');
      assert.equal(res.status, 200);
      assert.deepEqual(names(res.body), ['smt', 'chip', 'software', 'cafe']);
      assert.equal(res.body.nextCursor, null);
    });

    it('When q is given, then it matches name or description case-insensitively and literally', async () => {
      assert.deepEqual(names((await fresh.as().get('/api/v1/companies').query({ q: 'smt' })).body), ['smt']);
      assert.deepEqual(names((await fresh.as().get('/api/v1/companies').query({ q: '封测' })).body), ['chip']);
      assert.deepEqual(names((await fresh.as().get('/api/v1/companies').query({ q: '(a.k.a.' })).body), ['software']);
      assert.deepEqual(names((await fresh.as().get('/api/v1/companies').query({ q: '.*' })).body), []);
      assert.deepEqual(names((await fresh.as().get('/api/v1/companies').query({ q: 'CAFE\u0301' })).body), ['cafe']);
    });

    it('When industry is given, then it matches the code and its sub-industries', async () => {
      assert.deepEqual(names((await fresh.as().get('/api/v1/companies?industry=C39')).body), ['smt', 'chip', 'cafe']);
      assert.deepEqual(names((await fresh.as().get('/api/v1/companies?industry=C398')).body), ['smt', 'cafe']);
      assert.deepEqual(names((await fresh.as().get('/api/v1/companies?industry=c3973')).body), ['chip']);
      assert.deepEqual(names((await fresh.as().get('/api/v1/companies?industry=I65')).body), ['software']);
    });

    it('When park is given, then only companies of that park come back, also combined with other filters', async () => {
      assert.deepEqual(names((await fresh.as().get('/api/v1/companies').query({ park: '高新区 B 园' })).body), ['chip']);
      const res = await fresh.as().get('/api/v1/companies').query({ park: '高新区 A 园', industry: 'C' });
      assert.deepEqual(names(res.body), ['smt', 'cafe']);
    });

    it('When paging with limit 3, then the cursor leads to the rest without overlap', async () => {
      const first = await fresh.as().get('/api/v1/companies?limit=3');
      assert.deepEqual(names(first.body), ['smt', 'chip', 'software']);
      assert.equal(typeof first.body.nextCursor, 'string');
      const second = await fresh.as().get('/api/v1/companies').query({ limit: 3, cursor: first.body.nextCursor });
      assert.deepEqual(names(second.body), ['cafe']);
      assert.equal(second.body.nextCursor, null);
    });

    it('When a company key lists, then it sees contacts only on its own company', async () => {
      const key = await companyKey(fresh, ids.chip as string);
      const res = await fresh.as(key).get('/api/v1/companies');
      assert.equal(res.status, 200);
      for (const company of res.body.items) assert.equal(company.contacts !== undefined, company.id === ids.chip, company.name);
    });

    const badQueries: [string, string, string][] = [
      ['the cursor is not one the list gave out', 'cursor=abc', 'query.cursor'],
      ['the cursor has characters a cursor never has', 'cursor=%24%24', 'query.cursor'],
      ['limit is 0', 'limit=0', 'query.limit'],
      ['limit is above 100', 'limit=101', 'query.limit'],
      ['limit is not a number', 'limit=ten', 'query.limit'],
      ['an unknown parameter is sent', 'sort=name', 'query.sort'],
      ['the industry code is unknown', 'industry=Z99', 'query.industry'],
      ['a parameter is repeated', 'q=a&q=b', 'query.q'],
    ];
    for (const [what, query, path] of badQueries) {
      it(`When ${what}, then it answers 400 naming ${path}`, async () => {
        const res = await fresh.as().get(`/api/v1/companies?${query}`);
        assert.equal(res.status, 400, JSON.stringify(res.body));
        assert.ok(errorPaths(res.body).includes(path), JSON.stringify(res.body.errors));
      });
    }

    it('When the query smuggles an operator (industry[$ne]=x), then it answers 400', async () => {
      const res = await fresh.as().get('/api/v1/companies?industry[$ne]=x');
      assert.equal(res.status, 400);
      assert.ok(errorPaths(res.body)[0]?.startsWith('query.industry'));
    });

    it('When no token is sent, then it answers 401', async () => {
      assert.equal((await fresh.anonymous.get('/api/v1/companies')).status, 401);
    });
  });

  describe('GET /companies/:id/history', () => {
    it('When a company changed, then the bureau reads who changed which field from what to what', async () => {
      const id = await createCompany(app, { employees: 50 });
      await app.as().patch(`/api/v1/companies/${id}`).send({ employees: 55, park: '综保区' });
      const res = await app.as().get(`/api/v1/companies/${id}/history`);
      assert.equal(res.status, 200);
      const [created, updated] = res.body.items;
      assert.equal(created.action, 'create');
      assert.deepEqual(created.actor, { role: 'admin', id: 'admin' });
      assert.equal(updated.action, 'update');
      assert.deepEqual(updated.changes, [
        { field: 'employees', before: 50, after: 55 },
        { field: 'park', before: '高新区 A 园', after: '综保区' },
      ]);
    });

    it('When a company key reads its own history, then it gets it; another company’s, then 403', async () => {
      const own = await createCompany(app);
      const other = await createCompany(app);
      const key = await companyKey(app, own);
      const mine = await app.as(key).get(`/api/v1/companies/${own}/history`);
      assert.equal(mine.status, 200);
      assert.equal(mine.body.items[0].entityId, own);
      assert.equal((await app.as(key).get(`/api/v1/companies/${other}/history`)).status, 403);
    });

    it('When the company never existed, then it answers 404', async () => {
      assert.equal((await app.as().get('/api/v1/companies/0123456789abcdef01234567/history')).status, 404);
    });
  });
});
