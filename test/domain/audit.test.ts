import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/app.js';
import { companyKey } from '../support/company-key.js';
import { createCompany, createPosting, errorPaths } from './fixtures.js';

describe('audit log API', () => {
  let app: TestApp;
  let company: string;
  let key: string;
  let keyId: string;
  let posting: string;

  before(async () => {
    app = await startTestApp();
    company = await createCompany(app, { employees: 80 });
    key = await companyKey(app, company);
    keyId = ((await app.as(key).get('/api/v1/me')).body as { id: string }).id;
    await app.as(key).patch(`/api/v1/companies/${company}`).send({ employees: 90 });
    posting = (await createPosting(app, { title: '注塑件需求' }, key)).id;
    await app.as().patch(`/api/v1/postings/${posting}`).send({ status: 'paused', title: '注塑件需求（暂停）' });
    await app.as(key).delete(`/api/v1/postings/${posting}`);
  });

  after(async () => {
    await app.stop();
  });

  it('When companies and postings change, then every change is listed in order with who, when and what', async () => {
    const res = await app.as().get('/api/v1/audit').query({ limit: 100 });
    assert.equal(res.status, 200);
    const mine = res.body.items.filter((e: { companyId: string }) => e.companyId === company);
    assert.deepEqual(
      mine.map((e: { entity: string; action: string; actor: { role: string } }) => `${e.entity}:${e.action}:${e.actor.role}`),
      ['company:create:admin', 'company:update:company', 'posting:create:company', 'posting:update:admin', 'posting:delete:company'],
    );
    for (const entry of mine) {
      assert.match(entry.id, /^[0-9a-f]{24}$/);
      assert.ok(Date.now() - Date.parse(entry.at) < 60_000);
    }
  });

  it('When a company key makes a change, then the entry names the key as actor', async () => {
    const res = await app.as().get('/api/v1/audit').query({ entity: 'company', entityId: company });
    const update = res.body.items.find((e: { action: string }) => e.action === 'update');
    assert.deepEqual(update.actor, { role: 'company', id: keyId });
    assert.deepEqual(update.changes, [{ field: 'employees', before: 80, after: 90 }]);
  });

  it('When a posting is updated, then only the changed fields are listed with before and after', async () => {
    const res = await app.as().get('/api/v1/audit').query({ entity: 'posting', entityId: posting });
    const [created, updated, deleted] = res.body.items;
    assert.equal(created.action, 'create');
    assert.ok(created.changes.some((c: { field: string; before?: unknown; after: unknown }) => c.field === 'title' && c.before === undefined && c.after === '注塑件需求'));
    assert.deepEqual(updated.changes, [
      { field: 'title', before: '注塑件需求', after: '注塑件需求（暂停）' },
      { field: 'status', before: 'open', after: 'paused' },
    ]);
    assert.equal(deleted.action, 'delete');
    assert.ok(deleted.changes.some((c: { field: string; before: unknown; after?: unknown }) => c.field === 'status' && c.before === 'paused' && c.after === undefined));
  });

  it('When filtering by actor, then only that actor’s entries come back', async () => {
    const res = await app.as().get('/api/v1/audit').query({ actor: keyId });
    assert.equal(res.status, 200);
    assert.equal(res.body.items.length, 3);
    assert.ok(res.body.items.every((e: { actor: { id: string } }) => e.actor.id === keyId));
  });

  it('When paging with limit 2, then the cursor continues where the page ended', async () => {
    const first = await app.as().get('/api/v1/audit?limit=2');
    const second = await app.as().get('/api/v1/audit').query({ limit: 2, cursor: first.body.nextCursor });
    assert.equal(second.status, 200);
    const ids = [...first.body.items, ...second.body.items].map((e: { id: string }) => e.id);
    assert.equal(new Set(ids).size, 4);
    assert.ok(ids.every((id, i) => i === 0 || (ids[i - 1] as string) < id));
  });

  it('When a company key reads the audit log, then it answers 403', async () => {
    assert.equal((await app.as(key).get('/api/v1/audit')).status, 403);
  });

  it('When no token is sent, then it answers 401', async () => {
    assert.equal((await app.anonymous.get('/api/v1/audit')).status, 401);
  });

  const badQueries: [string, string, string][] = [
    ['entity is unknown', 'entity=user', 'query.entity'],
    ['entityId is not an id', 'entityId=42', 'query.entityId'],
    ['an unknown parameter is sent', 'action=delete', 'query.action'],
    ['the cursor is malformed', 'cursor=abc', 'query.cursor'],
    ['an operator is smuggled into the query', 'actor[$ne]=x', 'query.actor[$ne]'],
  ];
  for (const [what, query, path] of badQueries) {
    it(`When ${what}, then it answers 400 naming ${path}`, async () => {
      const res = await app.as().get(`/api/v1/audit?${query}`);
      assert.equal(res.status, 400);
      assert.ok(errorPaths(res.body).includes(path), JSON.stringify(res.body.errors));
    });
  }
});
