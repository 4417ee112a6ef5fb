import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/app.js';

const STAFF_TOKEN = /^zms_[A-Za-z0-9_-]{43}$/;

describe('Staff accounts (/api/v1/users)', () => {
  let app: TestApp;

  before(async () => {
    app = await startTestApp();
  });

  after(async () => {
    await app.stop();
  });

  async function createUser(body: Record<string, unknown>, token?: string) {
    const res = await app.as(token).post('/api/v1/users').send(body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as { id: string; name: string; email?: string; role: string; token: string; disabled: boolean };
  }

  it('When an admin creates a staff account, then the response carries a token that authenticates as that account', async () => {
    const res = await app.as().post('/api/v1/users').send({ name: ' 李科员 ', email: 'Li@Example.CN', role: 'staff' }).expect(201);
    assert.equal(res.body.name, '李科员');
    assert.equal(res.body.email, 'li@example.cn');
    assert.equal(res.body.role, 'staff');
    assert.equal(res.body.disabled, false);
    assert.match(res.body.id, /^[0-9a-f]{24}$/);
    assert.match(res.body.token, STAFF_TOKEN);
    assert.equal(res.headers.location, `/api/v1/users/${res.body.id}`);

    const me = await app.as(res.body.token).get('/api/v1/me').expect(200);
    assert.deepEqual(me.body, { role: 'staff', id: res.body.id });
  });

  it('When an account is read or listed, then neither its token nor its digest is ever shown again', async () => {
    const user = await createUser({ name: '张处长', role: 'admin' });
    const one = await app.as().get(`/api/v1/users/${user.id}`).expect(200);
    assert.deepEqual(Object.keys(one.body).sort(), ['createdAt', 'disabled', 'id', 'name', 'role']);
    const list = await app.as().get('/api/v1/users?limit=100').expect(200);
    const text = JSON.stringify(list.body);
    assert.ok(text.includes(user.id));
    assert.ok(!text.includes(user.token), 'the token appears in the list');
    assert.ok(!/token|hash/i.test(text), 'a token field appears in the list');
  });

  it('When an administrator account is created, then its token may manage accounts too', async () => {
    const admin = await createUser({ name: '管理员二', role: 'admin' });
    const staff = await createUser({ name: '科员', role: 'staff' }, admin.token);
    assert.equal(staff.role, 'staff');
  });

  it('When a staff member tries to manage accounts, then every /users operation is 403', async () => {
    const staff = await createUser({ name: '王科员', role: 'staff' });
    await app.as(staff.token).post('/api/v1/users').send({ name: '自建', role: 'admin' }).expect(403);
    await app.as(staff.token).get('/api/v1/users').expect(403);
    await app.as(staff.token).get(`/api/v1/users/${staff.id}`).expect(403);
    await app.as(staff.token).post(`/api/v1/users/${staff.id}/token`).expect(403);
    await app.as(staff.token).delete(`/api/v1/users/${staff.id}`).expect(403);
  });

  it('When the body has an unknown field, a bad role or a bad e-mail, then 400 names each field', async () => {
    const res = await app.as().post('/api/v1/users').send({ name: 'x', role: 'root', email: 'nope', tokenHash: 'f'.repeat(64) }).expect(400);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    const paths = (res.body.errors as { path: string }[]).map((e) => e.path).sort();
    assert.deepEqual(paths, ['body.email', 'body.role', 'body.tokenHash']);
  });

  it('When an account is disabled, then its token stops working at once and the account shows as disabled', async () => {
    const staff = await createUser({ name: '赵科员', role: 'staff' });
    await app.as(staff.token).get('/api/v1/me').expect(200); // recognised (and remembered) before the change
    await app.as().delete(`/api/v1/users/${staff.id}`).expect(204);
    const denied = await app.as(staff.token).get('/api/v1/me').expect(401);
    assert.equal(denied.body.type, 'urn:zonematch:problem:unauthorized');
    const read = await app.as().get(`/api/v1/users/${staff.id}`).expect(200);
    assert.equal(read.body.disabled, true);
    await app.as().delete(`/api/v1/users/${staff.id}`).expect(204);
  });

  it('When a token is rotated, then the new token works and the old one is refused at once', async () => {
    const staff = await createUser({ name: '钱科员', role: 'staff' });
    await app.as(staff.token).get('/api/v1/me').expect(200);
    const rotated = await app.as().post(`/api/v1/users/${staff.id}/token`).expect(200);
    assert.match(rotated.body.token, STAFF_TOKEN);
    assert.notEqual(rotated.body.token, staff.token);
    assert.equal(rotated.body.id, staff.id);
    await app.as(staff.token).get('/api/v1/me').expect(401);
    const me = await app.as(rotated.body.token).get('/api/v1/me').expect(200);
    assert.equal(me.body.id, staff.id);
  });

  it('When a disabled account is rotated, then 409 and it stays without a working token', async () => {
    const staff = await createUser({ name: '孙科员', role: 'staff' });
    await app.as().delete(`/api/v1/users/${staff.id}`).expect(204);
    await app.as().post(`/api/v1/users/${staff.id}/token`).expect(409);
    await app.as(staff.token).get('/api/v1/me').expect(401);
  });

  it('When the account does not exist, then read, disable and rotate are 404; a malformed id is 400', async () => {
    const missing = 'ffffffffffffffffffffffff';
    await app.as().get(`/api/v1/users/${missing}`).expect(404);
    await app.as().delete(`/api/v1/users/${missing}`).expect(404);
    await app.as().post(`/api/v1/users/${missing}/token`).expect(404);
    await app.as().get('/api/v1/users/not-an-id').expect(400);
  });

  it('When a token has the staff shape but is unknown, or is malformed, then 401', async () => {
    await app.as(`zms_${'A'.repeat(43)}`).get('/api/v1/me').expect(401);
    await app.as('zms_short').get('/api/v1/me').expect(401);
  });

  it('When accounts are listed a page at a time, then the cursor walks through all of them in creation order', async () => {
    const fresh = await startTestApp();
    try {
      const ids: string[] = [];
      for (const name of ['甲', '乙', '丙']) {
        const res = await fresh.as().post('/api/v1/users').send({ name, role: 'staff' }).expect(201);
        ids.push(res.body.id as string);
      }
      const first = await fresh.as().get('/api/v1/users?limit=2').expect(200);
      assert.deepEqual(first.body.items.map((u: { id: string }) => u.id), ids.slice(0, 2));
      assert.equal(typeof first.body.nextCursor, 'string');
      const second = await fresh.as().get(`/api/v1/users?limit=2&cursor=${first.body.nextCursor}`).expect(200);
      assert.deepEqual(second.body.items.map((u: { id: string }) => u.id), ids.slice(2));
      assert.equal(second.body.nextCursor, null);
      await fresh.as().get('/api/v1/users?limit=0').expect(400);
      await fresh.as().get('/api/v1/users?role=admin').expect(400);
    } finally {
      await fresh.stop();
    }
  });
});
