import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { validateSchedule } from '../../matcher/schedule/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { companyKey } from '../support/company-key.js';
import { createCompany, errorPaths } from './fixtures.js';

const HOUR_MS = 3_600_000;
const BUREAU = { role: 'admin' as const, id: 'admin' };

function sessionBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '电子信息产业供需对接会',
    startsAt: new Date(Date.now() + 3 * 24 * HOUR_MS).toISOString(),
    slotMinutes: 20,
    slotCount: 4,
    tables: 2,
    breakMinutes: 5,
    venue: '亦庄 会展中心 3 层',
    industries: ['C39'],
    ...overrides,
  };
}

interface Participant {
  id: string;
  companyId: string;
  joinToken: string;
}

describe('matchmaking sessions API', () => {
  let app: TestApp;
  const companies: string[] = [];
  const keys: string[] = [];

  before(async () => {
    app = await startTestApp();
    for (const name of ['京联电子', '星河算力', '恒睿元件', '极讯通信', '瀚松装备', '亦测检测']) {
      const id = await createCompany(app, { name });
      companies.push(id);
      keys.push(await companyKey(app, id));
    }
  });

  after(async () => {
    await app.stop();
  });

  async function createSession(overrides: Record<string, unknown> = {}, open = true): Promise<string> {
    const res = await app.as().post('/api/v1/sessions').send(sessionBody(overrides));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    if (open) assert.equal((await app.as().patch(`/api/v1/sessions/${res.body.id}`).send({ status: 'open' })).status, 200);
    return res.body.id as string;
  }

  async function register(sessionId: string, companyIndex: number, extra: Record<string, unknown> = {}): Promise<Participant> {
    const res = await app.as().post(`/api/v1/sessions/${sessionId}/participants`).send({ companyId: companies[companyIndex], ...extra });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return { id: res.body.id, companyId: res.body.companyId, joinToken: res.body.joinToken };
  }

  async function acceptedRequest(sessionId: string, from: Participant, to: Participant, priority: 1 | 2 | 3): Promise<string> {
    const made = await app.as(from.joinToken).post(`/api/v1/sessions/${sessionId}/meeting-requests`).send({ from: from.id, to: to.id, priority });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const accepted = await app.as(to.joinToken).patch(`/api/v1/sessions/${sessionId}/meeting-requests/${made.body.id}`).send({ status: 'accepted' });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    return made.body.id as string;
  }

  async function schedule(sessionId: string, body: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const res = await app.as().post(`/api/v1/sessions/${sessionId}/schedule`).send(body);
    assert.equal(res.status, 202, JSON.stringify(res.body));
    assert.match(res.headers.location ?? '', /\/api\/v1\/jobs\//);
    for (let i = 0; i < 100; i += 1) {
      const job = await app.as().get(`/api/v1/jobs/${res.body.jobId}`);
      assert.equal(job.status, 200, JSON.stringify(job.body));
      if (job.body.state === 'completed') return job.body as Record<string, unknown>;
      assert.notEqual(job.body.state, 'failed', job.body.failedReason);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.fail('the schedule job did not finish');
  }

  describe('sessions', () => {
    it('When the bureau creates a session, then it is a draft with its slot times', async () => {
      const res = await app.as().post('/api/v1/sessions').send(sessionBody());
      assert.equal(res.status, 201);
      assert.equal(res.body.status, 'draft');
      assert.equal(res.body.slots.length, 4);
      // slot i starts at startsAt + i × (20 + 5) minutes
      assert.equal(new Date(res.body.slots[1].startsAt).getTime() - new Date(res.body.startsAt).getTime(), 25 * 60_000);
      assert.equal(res.body.agenda.state, 'none');
    });

    it('When a company key creates a session, then it answers 403', async () => {
      const res = await app.as(keys[0]).post('/api/v1/sessions').send(sessionBody());
      assert.equal(res.status, 403);
    });

    const bad: [string, Record<string, unknown>, string][] = [
      ['slotCount is 0', { slotCount: 0 }, 'body.slotCount'],
      ['slotCount is above 48', { slotCount: 49 }, 'body.slotCount'],
      ['tables is above 500', { tables: 501 }, 'body.tables'],
      ['startsAt has no offset', { startsAt: '2026-12-18T14:00:00' }, 'body.startsAt'],
      ['an industry code is unknown', { industries: ['C9999'] }, 'body.industries.0'],
      ['an unknown field is sent', { status: 'open' }, 'body'],
    ];
    for (const [what, overrides, path] of bad) {
      it(`When ${what}, then it answers 400 naming ${path}`, async () => {
        const res = await app.as().post('/api/v1/sessions').send(sessionBody(overrides));
        assert.equal(res.status, 400, JSON.stringify(res.body));
        assert.ok(errorPaths(res.body).some((p) => p === path || p.startsWith(`${path}.`) || (path === 'body' && p.startsWith('body'))), JSON.stringify(res.body));
      });
    }

    it('When registration would close after the start, then it answers 400 naming body.registrationClosesAt', async () => {
      const startsAt = new Date(Date.now() + 48 * HOUR_MS);
      const res = await app.as().post('/api/v1/sessions').send(sessionBody({ startsAt: startsAt.toISOString(), registrationClosesAt: new Date(startsAt.getTime() + HOUR_MS).toISOString() }));
      assert.equal(res.status, 400);
      assert.deepEqual(errorPaths(res.body), ['body.registrationClosesAt']);
    });

    it('When a company asks for a draft, then it does not exist for it; once open, it does', async () => {
      const id = await createSession({}, false);
      assert.equal((await app.as(keys[0]).get(`/api/v1/sessions/${id}`)).status, 404);
      assert.equal((await app.as().patch(`/api/v1/sessions/${id}`).send({ status: 'open' })).status, 200);
      assert.equal((await app.as(keys[0]).get(`/api/v1/sessions/${id}`)).status, 200);
    });

    it('When the bureau skips a status or schedules without an agenda, then it answers 409', async () => {
      const id = await createSession();
      assert.equal((await app.as().patch(`/api/v1/sessions/${id}`).send({ status: 'live' })).status, 409);
      assert.equal((await app.as().patch(`/api/v1/sessions/${id}`).send({ status: 'scheduled' })).status, 409);
    });
  });

  describe('participants and join tokens', () => {
    let sessionId: string;
    before(async () => {
      sessionId = await createSession();
    });

    it('When a company registers itself, then it gets a join token that opens only this session', async () => {
      const res = await app.as(keys[4]).post(`/api/v1/sessions/${sessionId}/participants`).send({ availability: [2, 0] });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.match(res.body.joinToken, /^zmp_/);
      assert.deepEqual(res.body.availability, [0, 2]);
      assert.equal((await app.as(res.body.joinToken).get(`/api/v1/sessions/${sessionId}`)).status, 200);
      const other = await createSession();
      assert.equal((await app.as(res.body.joinToken).get(`/api/v1/sessions/${other}`)).status, 404);
      assert.equal((await app.as(res.body.joinToken).get('/api/v1/companies')).status, 403);
    });

    it('When a company key registers another company, then it answers 403', async () => {
      const res = await app.as(keys[0]).post(`/api/v1/sessions/${sessionId}/participants`).send({ companyId: companies[1] });
      assert.equal(res.status, 403);
    });

    it('When a company registers twice, then the second is a 409', async () => {
      await register(sessionId, 0);
      const res = await app.as().post(`/api/v1/sessions/${sessionId}/participants`).send({ companyId: companies[0] });
      assert.equal(res.status, 409);
    });

    it('When availability names a slot outside the session or a slot twice, then it answers 400 naming body.availability', async () => {
      const outside = await app.as().post(`/api/v1/sessions/${sessionId}/participants`).send({ companyId: companies[2], availability: [1, 9] });
      assert.equal(outside.status, 400);
      assert.deepEqual(errorPaths(outside.body), ['body.availability']);
      const twice = await app.as().post(`/api/v1/sessions/${sessionId}/participants`).send({ companyId: companies[2], availability: [1, 1] });
      assert.equal(twice.status, 400);
      assert.deepEqual(errorPaths(twice.body), ['body.availability']);
    });

    it('When a join token is rotated, then the old one stops working', async () => {
      const p = await register(sessionId, 3);
      const rotated = await app.as().post(`/api/v1/sessions/${sessionId}/participants/${p.id}/join-token`);
      assert.equal(rotated.status, 201);
      assert.equal((await app.as(p.joinToken).get(`/api/v1/sessions/${sessionId}`)).status, 401);
      assert.equal((await app.as(rotated.body.joinToken).get(`/api/v1/sessions/${sessionId}`)).status, 200);
    });
  });

  describe('meeting requests', () => {
    let sessionId: string;
    let a: Participant;
    let b: Participant;
    let c: Participant;
    before(async () => {
      sessionId = await createSession();
      [a, b, c] = [await register(sessionId, 0), await register(sessionId, 1), await register(sessionId, 2)];
    });

    it('When a participant asks for a meeting, then it is pending and the invitee is told through the outbox', async () => {
      const res = await app.as(a.joinToken).post(`/api/v1/sessions/${sessionId}/meeting-requests`).send({ from: a.id, to: b.id, priority: 3, note: '想谈服务器主板代工' });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.status, 'pending');
      assert.ok(new Date(res.body.expiresAt).getTime() > Date.now());
      const outbox = await app.as().get(`/api/v1/outbox?sessionId=${sessionId}&kind=meeting-request`);
      assert.equal(outbox.status, 200);
      assert.ok(outbox.body.items.some((m: { companyId: string }) => m.companyId === b.companyId));
    });

    it('When the other side asks for the same pair, then it is a 409', async () => {
      const res = await app.as(b.joinToken).post(`/api/v1/sessions/${sessionId}/meeting-requests`).send({ from: b.id, to: a.id, priority: 1 });
      assert.equal(res.status, 409);
    });

    it('When a participant asks to meet itself, then it answers 400 naming body.to', async () => {
      const res = await app.as(a.joinToken).post(`/api/v1/sessions/${sessionId}/meeting-requests`).send({ from: a.id, to: a.id, priority: 1 });
      assert.equal(res.status, 400);
      assert.deepEqual(errorPaths(res.body), ['body.to']);
    });

    it('When a participant asks on behalf of another, then it answers 403', async () => {
      const res = await app.as(a.joinToken).post(`/api/v1/sessions/${sessionId}/meeting-requests`).send({ from: c.id, to: b.id, priority: 1 });
      assert.equal(res.status, 403);
    });

    it('When the invitee belongs to another session, then it answers 400 naming body.to', async () => {
      const other = await createSession();
      const stranger = await register(other, 3);
      const res = await app.as(a.joinToken).post(`/api/v1/sessions/${sessionId}/meeting-requests`).send({ from: a.id, to: stranger.id, priority: 2 });
      assert.equal(res.status, 400);
      assert.deepEqual(errorPaths(res.body), ['body.to']);
    });

    it('When the requester tries to accept its own request, then it answers 403; the invitee accepts once', async () => {
      const made = await app.as(a.joinToken).post(`/api/v1/sessions/${sessionId}/meeting-requests`).send({ from: a.id, to: c.id, priority: 2 });
      assert.equal(made.status, 201);
      const path = `/api/v1/sessions/${sessionId}/meeting-requests/${made.body.id}`;
      assert.equal((await app.as(a.joinToken).patch(path).send({ status: 'accepted' })).status, 403);
      assert.equal((await app.as(keys[2]).patch(path).send({ status: 'accepted' })).status, 200);
      assert.equal((await app.as(c.joinToken).patch(path).send({ status: 'declined' })).status, 409);
    });

    it('When a pending request passes its expiry, then the job expires it and the pair may ask again', async () => {
      const made = await app.as(b.joinToken).post(`/api/v1/sessions/${sessionId}/meeting-requests`).send({ from: b.id, to: c.id, priority: 1 });
      assert.equal(made.status, 201);
      const expired = await app.server.services.requests.expire(made.body.id, new Date(Date.now() + 400 * 24 * HOUR_MS));
      assert.equal(expired, true);
      const read = await app.as().get(`/api/v1/sessions/${sessionId}/meeting-requests/${made.body.id}`);
      assert.equal(read.body.status, 'expired');
      const again = await app.as(c.joinToken).post(`/api/v1/sessions/${sessionId}/meeting-requests`).send({ from: c.id, to: b.id, priority: 2 });
      assert.equal(again.status, 201);
    });

    it('When a company lists requests, then it sees only those it made or received', async () => {
      const res = await app.as(keys[1]).get(`/api/v1/sessions/${sessionId}/meeting-requests`);
      assert.equal(res.status, 200);
      assert.ok(res.body.items.length > 0);
      for (const r of res.body.items) assert.ok(r.from === b.id || r.to === b.id);
    });
  });

  describe('scheduling and the agenda', () => {
    let sessionId: string;
    let ps: Participant[];
    before(async () => {
      sessionId = await createSession();
      ps = [await register(sessionId, 0), await register(sessionId, 1), await register(sessionId, 2), await register(sessionId, 3, { availability: [1, 2] }), await register(sessionId, 4)];
      await acceptedRequest(sessionId, ps[0] as Participant, ps[1] as Participant, 3);
      await acceptedRequest(sessionId, ps[0] as Participant, ps[2] as Participant, 2);
      await acceptedRequest(sessionId, ps[0] as Participant, ps[3] as Participant, 1);
      await acceptedRequest(sessionId, ps[1] as Participant, ps[2] as Participant, 2);
      await acceptedRequest(sessionId, ps[3] as Participant, ps[4] as Participant, 3);
      await acceptedRequest(sessionId, ps[2] as Participant, ps[4] as Participant, 1);
    });

    it('When the bureau schedules, then the job reports progress and stats and the agenda is valid', async () => {
      const job = await schedule(sessionId);
      assert.equal((job.result as { value: number }).value, 12);
      const agenda = await app.as().get(`/api/v1/sessions/${sessionId}/agenda`);
      assert.equal(agenda.status, 200);
      assert.equal(agenda.body.status, 'scheduled');
      assert.equal(agenda.body.meetings.length, 6);
      const participants = ps.map((p, i) => ({ id: p.id, availability: i === 3 ? [1, 2] : [0, 1, 2, 3] }));
      const requests = agenda.body.meetings.map((m: { requestId: string; participants: [string, string] }) => ({ id: m.requestId, a: m.participants[0], b: m.participants[1], priority: 1 as const }));
      const meetings = agenda.body.meetings.map((m: { requestId: string; slot: number; table: number; locked: boolean }) => ({ requestId: m.requestId, slot: m.slot, table: m.table, locked: m.locked }));
      assert.deepEqual(validateSchedule({ slotCount: 4, tables: 2, participants, requests }, meetings), []);
      const session = await app.as().get(`/api/v1/sessions/${sessionId}`);
      assert.equal(session.body.status, 'scheduled');
    });

    it('When a company reads the agenda, then it sees only its own meetings', async () => {
      const res = await app.as(keys[4]).get(`/api/v1/sessions/${sessionId}/agenda`);
      assert.equal(res.status, 200);
      assert.equal(res.body.meetings.length, 2);
      for (const m of res.body.meetings) assert.ok(m.participants.includes(ps[4]?.id));
    });

    it('When the agenda is scheduled, then reminders 24 h and 1 h before each first meeting are planned in the outbox', async () => {
      const res = await app.as().get(`/api/v1/outbox?sessionId=${sessionId}&kind=reminder&limit=100`);
      assert.equal(res.status, 200);
      const planned = res.body.items.filter((m: { status: string }) => m.status === 'scheduled');
      assert.equal(planned.length, 10, JSON.stringify(res.body.items.map((m: { subject: string }) => m.subject)));
    });

    it('When a run is already in progress, then a second one is refused with 409', async () => {
      const first = app.server.services.agenda.requestRun(BUREAU, sessionId, true);
      const second = app.server.services.agenda.requestRun(BUREAU, sessionId, true);
      const outcomes = await Promise.allSettled([first, second]);
      assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1);
      const refused = outcomes.find((o) => o.status === 'rejected');
      assert.equal((refused as PromiseRejectedResult).reason.kind, 'conflict');
      const jobId = ((outcomes.find((o) => o.status === 'fulfilled') as PromiseFulfilledResult<{ jobId: string }>).value).jobId;
      for (let i = 0; i < 100 && (await app.server.services.deps.queue.getJob(jobId))?.state !== 'completed'; i += 1) await new Promise((r) => setTimeout(r, 50));
    });

    it('When the bureau moves a meeting onto a taken table or a busy participant, then it answers 409 and the agenda is unchanged', async () => {
      const before = (await app.as().get(`/api/v1/sessions/${sessionId}/agenda`)).body;
      const [m1, m2] = before.meetings as { id: string; slot: number; table: number; participants: string[] }[];
      assert.ok(m1 && m2);
      const other = before.meetings.find((m: { slot: number; id: string }) => m.slot === m1.slot && m.id !== m1.id);
      if (other) {
        const res = await app.as().patch(`/api/v1/sessions/${sessionId}/meetings/${m1.id}`).send({ table: other.table });
        assert.equal(res.status, 409);
      }
      const busy = before.meetings.find((m: { id: string; participants: string[]; slot: number }) => m.id !== m1.id && m.slot !== m1.slot && m.participants.some((p) => m1.participants.includes(p)));
      assert.ok(busy, 'the fixture gives participant 0 several meetings');
      const clash = await app.as().patch(`/api/v1/sessions/${sessionId}/meetings/${m1.id}`).send({ slot: busy.slot, table: busy.table === 1 ? 2 : 1 });
      assert.equal(clash.status, 409);
      const out = await app.as().patch(`/api/v1/sessions/${sessionId}/meetings/${m1.id}`).send({ slot: 7 });
      assert.equal(out.status, 400);
      assert.deepEqual(errorPaths(out.body), ['body.slot']);
      const after = (await app.as().get(`/api/v1/sessions/${sessionId}/agenda`)).body;
      assert.deepEqual(after.meetings, before.meetings);
    });

    it('When a meeting moves, then it is locked, its SEQUENCE rises in agenda.ics under the same UID, and a re-run keeps it', async () => {
      const agenda = (await app.as().get(`/api/v1/sessions/${sessionId}/agenda`)).body;
      const meetings = agenda.meetings as { id: string; slot: number; table: number; participants: string[] }[];
      const p4 = ps[4] as Participant;
      const ics1 = await app.as(p4.joinToken).get(`/api/v1/sessions/${sessionId}/participants/${p4.id}/agenda.ics`);
      assert.equal(ics1.status, 200);
      assert.match(ics1.headers['content-type'] ?? '', /text\/calendar/);
      // find a free (slot, table) for one of p4's meetings
      const mine = meetings.filter((m) => m.participants.includes(p4.id));
      let moved: { id: string; slot: number; table: number } | undefined;
      for (const m of mine) {
        for (let slot = 0; slot < 4 && !moved; slot += 1) {
          for (let table = 1; table <= 2 && !moved; table += 1) {
            const res = await app.as().patch(`/api/v1/sessions/${sessionId}/meetings/${m.id}`).send({ slot, table });
            if (res.status === 200 && (slot !== m.slot || table !== m.table)) moved = { id: m.id, slot, table };
          }
        }
        if (moved) break;
      }
      assert.ok(moved, 'some meeting of participant 4 can move');
      const ics2 = await app.as(p4.joinToken).get(`/api/v1/sessions/${sessionId}/participants/${p4.id}/agenda.ics`);
      const events = (text: string) =>
        new ICAL.Component(ICAL.parse(text) as unknown[]).getAllSubcomponents('vevent').map((e) => ({ uid: String(e.getFirstPropertyValue('uid')), sequence: Number(e.getFirstPropertyValue('sequence') ?? 0) }));
      const before = events(ics1.text);
      const after = events(ics2.text);
      assert.deepEqual(after.map((e) => e.uid).sort(), before.map((e) => e.uid).sort());
      const uid = after.find((e) => e.uid.startsWith(moved.id));
      assert.ok(uid && uid.sequence > (before.find((e) => e.uid === uid.uid)?.sequence ?? 0));
      await schedule(sessionId, { keepLocked: true });
      const rerun = (await app.as().get(`/api/v1/sessions/${sessionId}/agenda`)).body.meetings.find((m: { id: string }) => m.id === moved.id);
      assert.equal(rerun.slot, moved.slot);
      assert.equal(rerun.table, moved.table);
      assert.equal(rerun.locked, true);
    });

    it('When another participant asks for a calendar that is not its own, then it does not exist for it', async () => {
      const [p0, p1] = ps as [Participant, Participant];
      const res = await app.as(p0.joinToken).get(`/api/v1/sessions/${sessionId}/participants/${p1.id}/agenda.ics`);
      assert.equal(res.status, 404);
    });

    it('When a participant withdraws, then its meetings are cancelled (STATUS:CANCELLED in the partner’s calendar) and its reminders cancelled', async () => {
      const p3 = ps[3] as Participant;
      const p4 = ps[4] as Participant;
      const res = await app.as(p3.joinToken).patch(`/api/v1/sessions/${sessionId}/participants/${p3.id}`).send({ status: 'withdrawn' });
      assert.equal(res.status, 200);
      const agenda = (await app.as().get(`/api/v1/sessions/${sessionId}/agenda`)).body;
      assert.ok(agenda.meetings.every((m: { participants: string[] }) => !m.participants.includes(p3.id)));
      const reminders = await app.as().get(`/api/v1/outbox?sessionId=${sessionId}&kind=reminder&limit=100`);
      const own = reminders.body.items.filter((m: { participantId: string }) => m.participantId === p3.id);
      assert.equal(own.length, 2);
      assert.ok(own.every((m: { status: string }) => m.status === 'cancelled'));
      const ics = await app.as(p4.joinToken).get(`/api/v1/sessions/${sessionId}/participants/${p4.id}/agenda.ics`);
      assert.match(ics.text, /STATUS:CANCELLED/);
    });

    it('When the session is closed, then scheduling it is a 409', async () => {
      const id = await createSession();
      assert.equal((await app.as().patch(`/api/v1/sessions/${id}`).send({ status: 'closed' })).status, 200);
      const res = await app.as().post(`/api/v1/sessions/${id}/schedule`).send({});
      assert.equal(res.status, 409);
    });
  });

  describe('outcomes and the report', () => {
    let sessionId: string;
    let ps: Participant[];
    before(async () => {
      sessionId = await createSession({ startsAt: new Date(Date.now() - 2 * HOUR_MS).toISOString() });
      ps = [await register(sessionId, 0), await register(sessionId, 1), await register(sessionId, 2)];
      await acceptedRequest(sessionId, ps[0] as Participant, ps[1] as Participant, 3);
      await acceptedRequest(sessionId, ps[0] as Participant, ps[2] as Participant, 2);
      await schedule(sessionId);
    });

    it('When either side records an outcome with a follow-up, then it is stored and a follow-up is planned for both companies', async () => {
      const agenda = (await app.as().get(`/api/v1/sessions/${sessionId}/agenda`)).body;
      const meeting = agenda.meetings.find((m: { participants: string[] }) => m.participants.includes((ps[1] as Participant).id));
      const followUpAt = new Date(Date.now() + 7 * 24 * HOUR_MS).toISOString();
      const res = await app.as(ps[1]?.joinToken).post(`/api/v1/meetings/${meeting.id}/outcome`).send({ attended: true, intention: 'agreed', notes: '先试产 500 片', followUpAt });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.outcome.intention, 'agreed');
      const followUps = await app.as().get(`/api/v1/outbox?sessionId=${sessionId}&kind=follow-up`);
      assert.equal(followUps.body.items.length, 2);
      assert.ok(followUps.body.items.every((m: { status: string; dueAt: string }) => m.status === 'scheduled' && m.dueAt === followUpAt));
    });

    it('When a company outside the meeting records an outcome, then the meeting does not exist for it', async () => {
      const agenda = (await app.as().get(`/api/v1/sessions/${sessionId}/agenda`)).body;
      const res = await app.as(keys[5]).post(`/api/v1/meetings/${agenda.meetings[0].id}/outcome`).send({ attended: true, intention: 'none' });
      assert.equal(res.status, 404);
    });

    it('When the bureau reads the report, then it counts meetings, outcomes and intentions; the CSV has one row per meeting', async () => {
      const agenda = (await app.as().get(`/api/v1/sessions/${sessionId}/agenda`)).body;
      const other = agenda.meetings.find((m: { participants: string[] }) => m.participants.includes((ps[2] as Participant).id));
      assert.equal((await app.as().post(`/api/v1/meetings/${other.id}/outcome`).send({ attended: false, intention: 'none' })).status, 200);
      const report = await app.as().get(`/api/v1/sessions/${sessionId}/report`);
      assert.equal(report.status, 200, JSON.stringify(report.body));
      assert.equal(report.body.meetings.held, 1);
      assert.equal(report.body.meetings.noShows, 1);
      assert.equal(report.body.intentions.agreed, 1);
      const csv = await app.as().get(`/api/v1/sessions/${sessionId}/report.csv`);
      assert.equal(csv.status, 200);
      assert.match(csv.headers['content-type'] ?? '', /text\/csv/);
      assert.equal(csv.text.trim().split('\n').length, 3);
      assert.equal((await app.as(keys[0]).get(`/api/v1/sessions/${sessionId}/report`)).status, 403);
    });
  });

  describe('invitations and suggestions', () => {
    it('When the bureau invites a company, then the outbox carries an RSVP link; accepting registers it once', async () => {
      const sessionId = await createSession();
      const res = await app.as().post(`/api/v1/sessions/${sessionId}/invitations`).send({ companyIds: [companies[5]] });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const [invitation] = res.body.items;
      assert.match(invitation.rsvpToken, /^zmi_/);
      const outbox = await app.as(keys[5]).get(`/api/v1/outbox?kind=invitation`);
      assert.ok(outbox.body.items.some((m: { link: string }) => m.link === invitation.rsvpUrl));
      const read = await app.anonymous.get(`/api/v1/rsvp/${invitation.rsvpToken}`);
      assert.equal(read.status, 200);
      assert.equal(read.body.session.id, sessionId);
      const accepted = await app.anonymous.post(`/api/v1/rsvp/${invitation.rsvpToken}`).send({ response: 'accept', availability: [0, 1] });
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      assert.match(accepted.body.participant.joinToken, /^zmp_/);
      assert.equal((await app.anonymous.post(`/api/v1/rsvp/${invitation.rsvpToken}`).send({ response: 'decline' })).status, 409);
      const again = await app.as().post(`/api/v1/sessions/${sessionId}/invitations`).send({ companyIds: [companies[5]] });
      assert.equal(again.body.items[0].alreadyInvited, true);
      assert.equal((await app.anonymous.get('/api/v1/rsvp/zmi_not-a-real-token')).status, 404);
    });

    it('When the bureau asks for suggestions, then companies come ranked with reasons, and pair proposals become pending requests', async () => {
      const sessionId = await createSession();
      await app.as().post('/api/v1/postings').send({ companyId: companies[0], kind: 'need', title: '采购 SMT 贴片加工服务', description: '需要 PCBA 贴片代工，月产 5 万片', industries: ['C3982'] });
      await app.as().post('/api/v1/postings').send({ companyId: companies[1], kind: 'capability', title: 'SMT 贴片加工与 PCBA 代工', description: '多条高速贴片线，承接 PCBA 加工', industries: ['C3982'] });
      const invitees = await app.as().get(`/api/v1/sessions/${sessionId}/suggestions?limit=5`);
      assert.equal(invitees.status, 200, JSON.stringify(invitees.body));
      assert.ok(invitees.body.items.length > 0);
      assert.ok(invitees.body.items.every((i: { reasons: unknown[] }) => i.reasons.length > 0));
      const texts = invitees.body.items.flatMap((i: { reasons: { text: string }[] }) => i.reasons.map((r) => r.text));
      assert.ok(texts.some((t: string) => t.includes('1 条开放')), JSON.stringify(texts));
      assert.ok(!texts.some((t: string) => /(^|\D)0 条/.test(t)), 'no "0 open postings" parts');
      const [p0, p1] = [await register(sessionId, 0), await register(sessionId, 1)];
      const proposals = await app.as().post(`/api/v1/sessions/${sessionId}/meeting-requests/suggest`).send({});
      assert.equal(proposals.status, 201, JSON.stringify(proposals.body));
      assert.equal(proposals.body.items.length, 1);
      const [proposal] = proposals.body.items;
      assert.equal(proposal.request.origin, 'suggestion');
      assert.deepEqual([proposal.request.from, proposal.request.to].sort(), [p0.id, p1.id].sort());
      const second = await app.as().post(`/api/v1/sessions/${sessionId}/meeting-requests/suggest`).send({});
      assert.equal(second.body.items.length, 0, 'a pair with a live request is not proposed again');
    });
  });
});
