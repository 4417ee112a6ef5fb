import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/app.js';
import { companyBody } from './fixtures.js';

const COMPANY_KEY = /^zmk_[A-Za-z0-9_-]{43}$/;
const MISSING = 'ffffffffffffffffffffffff';

interface CreatedKey {
  id: string;
  key: string;
  prefix: string;
  label: string | null;
  companyId: string;
  createdAt: string;
}

describe('Company API keys (/api/v1/companies/:id/api-keys)', () => {
  let app: TestApp;
  let staffToken: string;

  before(async () => {
    app = await startTestApp();
    const staff = await app.as().post('/api/v1/users').send({ name: '对接科员', role: 'staff' }).expect(201);
    staffToken = staff.body.token as string;
  });

  after(async () => {
    await app.stop();
  });

  async function newCompany(): Promise<string> {
    const res = await app.as().post('/api/v1/companies').send(companyBody());
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as string;
  }

  async function issue(companyId: string, label?: string, token?: string): Promise<CreatedKey> {
    const res = await app.as(token).post(`/api/v1/companies/${companyId}/api-keys`).send(label === undefined ? {} : { label });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as CreatedKey;
  }

  it('When the bureau issues a key, then it is shown once and authenticates as that company only', async () => {
    const companyId = await newCompany();
    const created = await issue(companyId, ' ERP 对接 ');
    assert.match(created.key, COMPANY_KEY);
    assert.equal(created.prefix, created.key.slice(0, 12));
    assert.equal(created.label, 'ERP 对接');
    assert.equal(created.companyId, companyId);
    assert.ok(!Number.isNaN(Date.parse(created.createdAt)));

    const me = await app.as(created.key).get('/api/v1/me').expect(200);
    assert.deepEqual(me.body, { role: 'company', id: created.id, companyId });
  });

  it('When a staff member issues a key without a body, then it is created without a label', async () => {
    const companyId = await newCompany();
    const res = await app.as(staffToken).post(`/api/v1/companies/${companyId}/api-keys`).expect(201);
    assert.equal(res.body.label, null);
    assert.match(res.body.key, COMPANY_KEY);
  });

  it('When keys are listed, then labels and prefixes are shown but never a key or its digest', async () => {
    const companyId = await newCompany();
    const first = await issue(companyId, 'one');
    const second = await issue(companyId, 'two');
    for (const token of [undefined, staffToken, first.key]) {
      const res = await app.as(token).get(`/api/v1/companies/${companyId}/api-keys`).expect(200);
      assert.deepEqual(
        res.body.items.map((k: { id: string; label: string; prefix: string }) => [k.id, k.label, k.prefix]),
        [
          [first.id, 'one', first.prefix],
          [second.id, 'two', second.prefix],
        ],
      );
      const text = JSON.stringify(res.body);
      assert.ok(!text.includes(first.key) && !text.includes(second.key), 'a key appears in the list');
      assert.ok(!/"key"|hash/i.test(text), 'a secret field appears in the list');
    }
  });

  it("When a company key reaches for another company's keys, then listing and revoking are 403", async () => {
    const mine = await newCompany();
    const theirs = await newCompany();
    const myKey = await issue(mine);
    const theirKey = await issue(theirs);
    await app.as(myKey.key).get(`/api/v1/companies/${theirs}/api-keys`).expect(403);
    await app.as(myKey.key).delete(`/api/v1/companies/${theirs}/api-keys/${theirKey.id}`).expect(403);
    // Naming its own company does not reach another company's key either.
    await app.as(myKey.key).delete(`/api/v1/companies/${mine}/api-keys/${theirKey.id}`).expect(404);
    await app.as(theirKey.key).get('/api/v1/me').expect(200);
  });

  it('When a company key tries to issue a key, even for its own company, then 403', async () => {
    const companyId = await newCompany();
    const own = await issue(companyId);
    await app.as(own.key).post(`/api/v1/companies/${companyId}/api-keys`).send({}).expect(403);
  });

  it('When the bureau revokes a key, then it is refused at once and leaves the list', async () => {
    const companyId = await newCompany();
    const doomed = await issue(companyId, 'doomed');
    const kept = await issue(companyId, 'kept');
    await app.as(doomed.key).get('/api/v1/me').expect(200); // recognised (and remembered) before the revocation
    await app.as(staffToken).delete(`/api/v1/companies/${companyId}/api-keys/${doomed.id}`).expect(204);
    const denied = await app.as(doomed.key).get('/api/v1/me').expect(401);
    assert.equal(denied.body.type, 'urn:zonematch:problem:unauthorized');
    const list = await app.as().get(`/api/v1/companies/${companyId}/api-keys`).expect(200);
    assert.deepEqual(list.body.items.map((k: { id: string }) => k.id), [kept.id]);
    await app.as().delete(`/api/v1/companies/${companyId}/api-keys/${doomed.id}`).expect(404);
    await app.as(kept.key).get('/api/v1/me').expect(200);
  });

  it('When a company revokes its own key with that key, then the key stops working at once', async () => {
    const companyId = await newCompany();
    const own = await issue(companyId);
    await app.as(own.key).delete(`/api/v1/companies/${companyId}/api-keys/${own.id}`).expect(204);
    await app.as(own.key).get('/api/v1/me').expect(401);
  });

  it('When the company does not exist, then issuing, listing and revoking are 404', async () => {
    await app.as().post(`/api/v1/companies/${MISSING}/api-keys`).send({}).expect(404);
    await app.as().get(`/api/v1/companies/${MISSING}/api-keys`).expect(404);
    await app.as().delete(`/api/v1/companies/${MISSING}/api-keys/${MISSING}`).expect(404);
  });

  it('When the company is deleted, then its keys stop working at once', async () => {
    const companyId = await newCompany();
    const key = await issue(companyId);
    await app.as(key.key).get('/api/v1/me').expect(200);
    await app.as().delete(`/api/v1/companies/${companyId}`).expect(204);
    await app.as(key.key).get('/api/v1/me').expect(401);
  });

  it('When a key has the right shape but was never issued, or is malformed, then 401', async () => {
    await app.as(`zmk_${'A'.repeat(43)}`).get('/api/v1/me').expect(401);
    await app.as('zmk_short').get('/api/v1/me').expect(401);
  });

  it('When the body has an unknown field or the ids are malformed, then 400 names them', async () => {
    const companyId = await newCompany();
    const res = await app.as().post(`/api/v1/companies/${companyId}/api-keys`).send({ label: 'x', companyId: MISSING }).expect(400);
    assert.deepEqual(res.body.errors.map((e: { path: string }) => e.path), ['body.companyId']);
    await app.as().get('/api/v1/companies/nope/api-keys').expect(400);
    await app.as().delete(`/api/v1/companies/${companyId}/api-keys/nope`).expect(400);
  });

  it('When a company already has 20 active keys, then a 21st is 409 until one is revoked', async () => {
    const companyId = await newCompany();
    const keys: CreatedKey[] = [];
    for (let i = 0; i < 20; i++) keys.push(await issue(companyId, `k${i}`));
    await app.as().post(`/api/v1/companies/${companyId}/api-keys`).send({}).expect(409);
    await app.as().delete(`/api/v1/companies/${companyId}/api-keys/${keys[0]?.id}`).expect(204);
    await issue(companyId, 'replacement');
  });
});
