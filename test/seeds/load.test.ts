/**
 * The seed loader against the real product in-process: the demo loads into an empty store with working demo
 * credentials, is never loaded twice, refuses a store with real data unless forced, stops at the first bad record
 * before writing, and undoes a load that fails midway.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { buildDemo } from '../../seeds/demo/index.js';
import { seedDemoZone } from '../../seeds/demo-zone.js';
import { loadSeed, SeedDataError, SeedRefusedError, type CreatedCredentials } from '../../seeds/load.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { tempDataDir } from '../support/process.js';

const NOW = new Date('2026-11-28T08:00:00Z');

describe('Seed loader', function () {
  this.timeout(120_000);
  let app: TestApp;
  afterEach(async () => {
    await app.stop();
  });

  it('When the product starts on an empty store with SEED_DEMO=1, then the demo zone is loaded and its credentials work', async () => {
    app = await startTestApp({ SEED_DEMO: '1' });
    const file = app.server.demoCredentialsFile;
    assert.ok(file, 'no demo credentials file');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const credentials = JSON.parse(readFileSync(file, 'utf8')) as CreatedCredentials;
    assert.equal(credentials.apiKeys.length, 2);
    assert.equal(credentials.users.length, 1);

    const companies = await app.as().get('/api/v1/companies?limit=100').expect(200);
    assert.equal(companies.body.items.length, 100);
    const staff = await app.as(credentials.users[0]?.token).get('/api/v1/postings?kind=need&limit=5').expect(200);
    assert.equal(staff.body.items.length, 5);
    const ems = credentials.apiKeys.find((k) => k.companyKey === 'ems-jinglian');
    assert.ok(ems);
    const own = await app.as(ems.key).get(`/api/v1/postings?companyId=${ems.companyId}&kind=need`).expect(200);
    assert.ok(own.body.items.some((p: { title: string }) => /客户|订单/.test(p.title)), 'the EMS company has no need for customers');
  });

  it('When the demo is already loaded, then loading it again changes nothing', async () => {
    app = await startTestApp();
    const services = app.server.services;
    const tmp = tempDataDir();
    const first = await seedDemoZone(services, { dataDir: tmp, now: NOW });
    assert.equal(first.result.status, 'loaded');
    const count = await services.deps.store.collection('companies').count();
    const second = await seedDemoZone(services, { dataDir: tmp, now: NOW });
    assert.equal(second.result.status, 'already-loaded');
    assert.equal(await services.deps.store.collection('companies').count(), count);
    rmSync(tmp, { recursive: true, force: true });
  });

  it('When the store holds companies no seed run created, then seeding is refused unless forced', async () => {
    app = await startTestApp();
    await app.as().post('/api/v1/companies').send({ name: '真实企业', industries: ['C3982'], description: '真实数据' }).expect(201);
    const demo = buildDemo({ now: NOW });
    const input = { run: 'demo' as const, dataset: 'demo-zone' as const, anchor: NOW, companies: demo.companies.slice(0, 5), postings: [] };
    await assert.rejects(loadSeed(app.server.services, input), SeedRefusedError);
    assert.equal(await app.server.services.deps.store.collection('companies').count(), 1);
    const forced = await loadSeed(app.server.services, input, { force: true });
    assert.equal(forced.status, 'loaded');
    assert.equal(await app.server.services.deps.store.collection('companies').count(), 6);
  });

  it('When a record is invalid, then the run stops naming the record and field, and nothing is written', async () => {
    app = await startTestApp();
    const demo = buildDemo({ now: NOW });
    const companies = demo.companies.slice(0, 10).map((c, i) => (i === 7 ? { ...c, input: { ...c.input, industries: ['X9999'] } } : c));
    const error = await loadSeed(app.server.services, { run: 'demo', dataset: 'demo-zone', anchor: NOW, companies, postings: [] }).catch((e: unknown) => e);
    assert.ok(error instanceof SeedDataError);
    assert.equal(error.record, `company ${companies[7]?.key}`);
    assert.equal(error.field, 'industries.0');
    assert.equal(await app.server.services.deps.store.collection('companies').count(), 0);
  });

  it('When a load fails after companies and postings were written, then they are deleted again', async () => {
    app = await startTestApp();
    const demo = buildDemo({ now: NOW });
    const companies = demo.companies.slice(0, 20);
    const keys = new Set(companies.map((c) => c.key));
    const postings = demo.postings.filter((p) => keys.has(p.companyKey));
    const credentials = { users: [], apiKeys: [{ companyKey: 'no-such-company', label: 'demo' }] };
    await assert.rejects(loadSeed(app.server.services, { run: 'demo', dataset: 'demo-zone', anchor: NOW, companies, postings, credentials }), SeedDataError);
    const { store } = app.server.services.deps;
    assert.equal(await store.collection('companies').count(), 0);
    assert.equal(await store.collection('postings').count(), 0);
    assert.equal(await store.collection('audit').count(), 0);
    assert.equal(await store.collection('seed_runs').count(), 0);
  });
});
