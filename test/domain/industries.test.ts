import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/app.js';
import { companyKey } from '../support/company-key.js';
import { createCompany, errorPaths } from './fixtures.js';

describe('industries API', () => {
  let app: TestApp;

  before(async () => {
    app = await startTestApp();
  });

  after(async () => {
    await app.stop();
  });

  const codes = (body: { items: { code: string }[] }) => body.items.map((i) => i.code);

  it('When searching by a code prefix, then the node and its descendants come first, shallow ones first', async () => {
    const res = await app.as().get('/api/v1/industries?q=C398&limit=3');
    assert.equal(res.status, 200);
    assert.deepEqual(codes(res.body), ['C398', 'C3981', 'C3982']);
    assert.deepEqual(res.body.items[0], {
      code: 'C398',
      level: 'group',
      parent: 'C39',
      zh: '电子元件及电子专用材料制造',
      en: 'Manufacture of electronic components and electronic materials',
    });
  });

  it('When searching by a Chinese or English name, then matching industries come back with both names', async () => {
    const zh = await app.as().get('/api/v1/industries').query({ q: '集成电路' });
    assert.ok(codes(zh.body).includes('C3973'));
    const en = await app.as().get('/api/v1/industries').query({ q: 'integrated circuit' });
    assert.ok(codes(en.body).includes('C3973'));
  });

  it('When a level is given, then only nodes of that level come back', async () => {
    const res = await app.as().get('/api/v1/industries?level=section&limit=100');
    assert.equal(res.status, 200);
    assert.equal(res.body.items.length, 20);
    assert.ok(res.body.items.every((i: { level: string }) => i.level === 'section'));
    const divisions = await app.as().get('/api/v1/industries?q=C&level=division&limit=5');
    assert.ok(divisions.body.items.every((i: { code: string; level: string }) => i.level === 'division' && i.code.startsWith('C')));
  });

  it('When no query is given, then the first 20 nodes come in code order', async () => {
    const res = await app.as().get('/api/v1/industries');
    assert.equal(res.body.items.length, 20);
    assert.equal(res.body.items[0].code, 'A');
  });

  it('When one industry is read, then it comes with its ancestors (section first) and its children', async () => {
    const res = await app.as().get('/api/v1/industries/C398');
    assert.equal(res.status, 200);
    assert.equal(res.body.zh, '电子元件及电子专用材料制造');
    assert.deepEqual(res.body.ancestors.map((i: { code: string }) => i.code), ['C', 'C39']);
    assert.ok(res.body.children.map((i: { code: string }) => i.code).includes('C3982'));
    const leaf = await app.as().get('/api/v1/industries/c3982');
    assert.equal(leaf.body.code, 'C3982');
    assert.deepEqual(leaf.body.children, []);
  });

  it('When the code is unknown, then it answers 404', async () => {
    assert.equal((await app.as().get('/api/v1/industries/C9999')).status, 404);
    assert.equal((await app.as().get('/api/v1/industries/nonsense')).status, 404);
  });

  const badQueries: [string, string, string][] = [
    ['the level is unknown', 'level=subclass', 'query.level'],
    ['limit is 0', 'limit=0', 'query.limit'],
    ['an unknown parameter is sent', 'parent=C', 'query.parent'],
  ];
  for (const [what, query, path] of badQueries) {
    it(`When ${what}, then it answers 400 naming ${path}`, async () => {
      const res = await app.as().get(`/api/v1/industries?${query}`);
      assert.equal(res.status, 400);
      assert.ok(errorPaths(res.body).includes(path), JSON.stringify(res.body.errors));
    });
  }

  it('When a company key reads the taxonomy, then it is allowed', async () => {
    const key = await companyKey(app, await createCompany(app));
    assert.equal((await app.as(key).get('/api/v1/industries/C39')).status, 200);
  });

  it('When no token is sent, then it answers 401', async () => {
    assert.equal((await app.anonymous.get('/api/v1/industries')).status, 401);
    assert.equal((await app.anonymous.get('/api/v1/industries/C39')).status, 401);
  });
});
