/**
 * The seed loader against the real product in-process: the demo loads into an empty store with working demo
 * credentials and its two matchmaking sessions, is never loaded twice, refuses a store with real data unless forced,
 * stops at the first bad record before writing, and undoes a load that fails midway.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { buildDemo } from '../../seeds/demo/index.js';
import { seedDemoZone } from '../../seeds/demo-zone.js';
import { loadSeed, SeedDataError, SeedRefusedError, type CreatedCredentials } from '../../seeds/load.js';
import { companiesOf } from '../../server/domain/companies/model.js';
import { postingsOf } from '../../server/domain/postings/model.js';
import { pairKeyOf, SessionCollections } from '../../server/domain/sessions/model.js';
import { sessionReport } from '../../server/domain/sessions/report.js';
import { sessionEnd } from '../../server/domain/sessions/timeline.js';
import { hashSecret, looksLike } from '../../server/domain/users/tokens.js';
import { trusted } from '../../server/store/port.js';
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

  it('When the demo is loaded, then its two sessions, their participants and the past session\'s meetings with outcomes are in the store', async () => {
    app = await startTestApp();
    const services = app.server.services;
    const tmp = tempDataDir();
    const loaded = await seedDemoZone(services, { dataDir: tmp, now: NOW });
    assert.equal(loaded.result.status, 'loaded');
    const db = new SessionCollections(services.deps.store);

    const sessions = await db.sessions.find({}, { sort: { startsAt: 1 } });
    assert.deepEqual(
      sessions.map((s) => [s.seedKey, s.status, s.agenda.state, s.agenda.revision, s.createdBy]),
      [
        ['session-electronics-manufacturing', 'closed', 'scheduled', 1, 'system'],
        ['session-nev-robotics', 'open', 'none', 0, 'system'],
      ],
    );
    const [past, upcoming] = sessions;
    assert.ok(past && upcoming);
    // NOW is 16:00 in Beijing: thirty days earlier at 14:00 Beijing time, and three weeks later at 09:30.
    assert.equal(past.startsAt.toISOString(), '2026-10-29T06:00:00.000Z');
    assert.equal(upcoming.startsAt.toISOString(), '2026-12-19T01:30:00.000Z');

    const participants = await db.participants.find({});
    assert.equal(participants.filter((p) => p.sessionId === past._id).length, 15);
    assert.equal(participants.filter((p) => p.sessionId === upcoming._id).length, 16);
    assert.ok(participants.every((p) => p.status === 'active' && p.createdBy === 'system'));
    assert.equal(participants.filter((p) => p.checkedInAt !== undefined).length, 15, 'everyone at the past session checked in; nobody yet at the upcoming one');
    const finance = participants.find((p) => p.sessionId === past._id && p.availability[0] === 1);
    assert.deepEqual(finance?.availability, [1, 2, 3, 4, 5, 6, 7]);

    // Every participant's join token is in the credentials file, and only its digest in the store.
    const credentials = JSON.parse(readFileSync(loaded.credentialsFile ?? '', 'utf8')) as CreatedCredentials;
    assert.equal(credentials.participants.length, participants.length);
    for (const entry of credentials.participants) {
      const participant = participants.find((p) => p._id === entry.participantId);
      assert.ok(participant, `no participant ${entry.participantId}`);
      assert.ok(looksLike('participant', entry.token), entry.token);
      assert.equal(participant.tokenHash, hashSecret(entry.token));
      assert.equal(participant.tokenPrefix, entry.token.slice(0, 12));
      assert.equal(participant.sessionId, entry.sessionId);
    }
    assert.ok(credentials.participants.some((p) => p.sessionKey === 'session-electronics-manufacturing' && p.companyKey === 'ems-jinglian'));

    const meetings = await db.meetings.find({ sessionId: past._id });
    const requests = await db.requests.find({ sessionId: past._id });
    assert.equal(meetings.length, 28);
    assert.equal(requests.length, 28);
    assert.equal(await db.meetings.count({ sessionId: upcoming._id }), 0);
    // The upcoming session has no agenda yet, but accepted requests ready for the scheduler.
    const upcomingRequests = await db.requests.find({ sessionId: upcoming._id });
    assert.equal(upcomingRequests.length, 22);
    assert.ok(upcomingRequests.every((r) => r.status === 'accepted' && r.from !== r.to));
    assert.equal(new Set(upcomingRequests.map((r) => r.pairKey)).size, upcomingRequests.length);
    const requestById = new Map(requests.map((r) => [r._id, r]));
    for (const meeting of meetings) {
      assert.equal(meeting.status, 'scheduled');
      assert.deepEqual(meeting.outcome && [meeting.outcome.recordedBy, meeting.outcome.recordedAt.toISOString()], ['system', sessionEnd(past).toISOString()]);
      const request = requestById.get(meeting.requestId);
      assert.ok(request, `meeting ${meeting._id} has no request`);
      assert.deepEqual([request.from, request.to].sort(), [...meeting.participants].sort());
      assert.deepEqual([request.status, request.origin, request.requestedBy, request.pairKey], ['accepted', 'request', 'system', pairKeyOf(request.from, request.to)]);
    }

    // The past session's report has real figures (the counts README.md gives for the dataset).
    const companyIds = participants.filter((p) => p.sessionId === past._id).map((p) => p.companyId);
    const companies = await companiesOf(services.deps.store).find({ _id: trusted({ $in: companyIds }) });
    const needs = await postingsOf(services.deps.store).find({ companyId: trusted({ $in: companyIds }), kind: 'need', status: 'open' });
    const report = sessionReport({
      session: past,
      participants: participants.filter((p) => p.sessionId === past._id),
      meetings,
      requests,
      companies: new Map(companies.map((c) => [c._id, { name: c.name, industries: c.industries }])),
      openNeeds: needs.map((n) => ({ id: n._id, companyId: n.companyId, title: n.title, industries: n.industries })),
      lang: 'zh',
    });
    assert.deepEqual(report.participants, { registered: 15, withdrawn: 0, checkedIn: 15 });
    assert.deepEqual(report.meetings, { scheduled: 28, held: 27, noShows: 1, cancelled: 0, awaitingOutcome: 0 });
    assert.deepEqual(report.intentions, { none: 2, interested: 14, agreed: 11 });
    assert.deepEqual(report.requests, { pending: 0, accepted: 28, declined: 0, expired: 0, unscheduled: 0 });
    assert.ok(report.byIndustryPair.length > 3);
    assert.ok(report.topUnmetNeeds.length > 0);

    // Loading again is refused as already loaded and adds no session.
    assert.equal((await seedDemoZone(services, { dataDir: tmp, now: NOW })).result.status, 'already-loaded');
    assert.equal(await db.sessions.count(), 2);
    rmSync(tmp, { recursive: true, force: true });
  });

  it('When a seed session books a company twice in one slot, then the run stops naming the session and field, and nothing is written', async () => {
    app = await startTestApp();
    const demo = buildDemo({ now: NOW });
    const [past, ...rest] = demo.sessions;
    assert.ok(past);
    // Meeting 5 (the EMS company and the integrator, slot 1) moved into slot 0, where both already meet someone.
    const broken = { ...past, meetings: past.meetings.map((m, i) => (i === 5 ? { ...m, slot: 0 } : m)) };
    const input = { run: 'demo' as const, dataset: 'demo-zone' as const, anchor: NOW, companies: demo.companies, postings: [], sessions: [broken, ...rest] };
    const error = await loadSeed(app.server.services, input).catch((e: unknown) => e);
    assert.ok(error instanceof SeedDataError);
    assert.equal(error.record, 'session session-electronics-manufacturing');
    assert.equal(error.field, 'meetings.5.participants');
    assert.match(error.reason, /ems-jinglian already meets someone in slot 0/);
    assert.equal(await app.server.services.deps.store.collection('companies').count(), 0);
  });

  it('When a load fails after the sessions were written, then they are deleted with their participants, requests and meetings', async () => {
    app = await startTestApp();
    const demo = buildDemo({ now: NOW });
    const credentials = { users: [], apiKeys: [{ companyKey: 'no-such-company', label: 'demo' }] };
    const input = { run: 'demo' as const, dataset: 'demo-zone' as const, anchor: NOW, companies: demo.companies, postings: [], sessions: demo.sessions, credentials };
    await assert.rejects(loadSeed(app.server.services, input), SeedDataError);
    const db = new SessionCollections(app.server.services.deps.store);
    for (const collection of [db.sessions, db.participants, db.requests, db.meetings]) assert.equal(await collection.count(), 0, collection.name);
    assert.equal(await app.server.services.deps.store.collection('companies').count(), 0);
  });
});
