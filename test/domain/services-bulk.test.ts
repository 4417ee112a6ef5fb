import assert from 'node:assert/strict';
import type { Principal } from '../../server/http/auth.js';
import { HttpProblem } from '../../server/http/problem.js';
import { companyCreateSchema } from '../../server/domain/companies/schemas.js';
import { postingCreateSchema } from '../../server/domain/postings/schemas.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { companyBody, creditCode, postingBody } from './fixtures.js';

const BUREAU: Principal = { role: 'staff', id: 'staff-1' };

describe('bulk service calls (used by imports and seeds)', () => {
  let app: TestApp;

  before(async () => {
    app = await startTestApp();
  });

  after(async () => {
    await app.stop();
  });

  const company = (overrides: Record<string, unknown> = {}) => companyCreateSchema.parse(companyBody(overrides));
  const posting = (overrides: Record<string, unknown> = {}) => postingCreateSchema.parse(postingBody(overrides));

  it('When 10,000 companies and 10,000 postings are created at once, then all are stored and audited within seconds', async function () {
    this.timeout(180_000);
    const { companies, postings, audit } = app.server.services;
    const companyInputs = Array.from({ length: 10_000 }, (_, i) => company({ creditCode: creditCode(100_000 + i) }));
    let started = Date.now();
    const created = await companies.createMany(BUREAU, companyInputs);
    const companiesMs = Date.now() - started;
    const postingInputs = Array.from({ length: 10_000 }, (_, i) => posting({ companyId: created[i % 2000]?.id }));
    started = Date.now();
    const posted = await postings.createMany(BUREAU, postingInputs);
    const postingsMs = Date.now() - started;

    assert.equal(created.length, 10_000);
    assert.equal(posted.length, 10_000);
    // About 4 s each on an idle two-core machine; the bound leaves room for a busy CI runner but catches a return
    // to per-row writes or quadratic lookups (which take minutes at this size).
    assert.ok(companiesMs < 30_000 && postingsMs < 30_000, `companies ${companiesMs} ms, postings ${postingsMs} ms`);
    const codes = await companies.findIdsByCreditCode(created.map((c) => c.creditCode as string));
    assert.equal(codes.size, 10_000);
    const keys = await postings.findIdsByKey(posted.map((p) => ({ companyId: p.companyId, kind: p.kind, title: p.title })));
    assert.equal(keys.size, 10_000);
    const entries = await audit.list({ entityId: created[9_999]?.id, limit: 5 });
    assert.deepEqual(entries.items.map((e) => [e.action, e.actor.id]), [['create', 'staff-1']]);
  });

  it('When one company of a batch breaks a unique credit code, then none of the batch is stored', async () => {
    const { companies } = app.server.services;
    const batch = [company({ name: '批次甲', creditCode: creditCode(7) }), company({ name: '批次乙', creditCode: creditCode(7) })];
    await assert.rejects(companies.createMany(BUREAU, batch));
    assert.equal((await companies.findIdsByName(['批次甲', '批次乙'])).size, 0);
  });

  it('When a posting of a batch names no company, then the batch fails naming its index and nothing is stored', async () => {
    const { companies, postings } = app.server.services;
    const [owner] = await companies.createMany(BUREAU, [company()]);
    assert.ok(owner);
    const batch = [posting({ companyId: owner.id, title: '批次需求一' }), posting({ companyId: '0123456789abcdef01234567', title: '批次需求二' })];
    await assert.rejects(postings.createMany(BUREAU, batch), (error: unknown) => {
      assert.ok(error instanceof HttpProblem);
      assert.equal(error.status, 400);
      assert.deepEqual(error.errors, [{ path: '1.companyId', message: 'names no company' }]);
      return true;
    });
    const found = await postings.findIdsByKey([{ companyId: owner.id, kind: 'capability', title: '批次需求一' }]);
    assert.equal(found.size, 0);
  });

  it('When names and credit codes are looked up, then exact NFC names and registered codes map to ids', async () => {
    const { companies } = app.server.services;
    const [cafe] = await companies.createMany(BUREAU, [company({ name: 'Café Lookup', creditCode: creditCode(8) })]);
    assert.ok(cafe);
    assert.equal((await companies.findIdsByName(['Cafe\u0301 Lookup'])).get('Café Lookup'), cafe.id);
    assert.equal((await companies.findIdsByName(['café lookup'])).size, 0);
    const byCode = await companies.findIdsByCreditCode([creditCode(8), creditCode(9)]);
    assert.deepEqual([...byCode], [[creditCode(8), cafe.id]]);
    assert.equal(await companies.exists(cafe.id), true);
    assert.equal(await companies.exists('0123456789abcdef01234567'), false);
  });

  it('When a company key calls createMany for companies, then it is refused with 403', async () => {
    const key: Principal = { role: 'company', id: 'key-1', companyId: '0123456789abcdef01234567' };
    await assert.rejects(app.server.services.companies.createMany(key, [company()]), (error: unknown) => error instanceof HttpProblem && error.status === 403);
  });
});
