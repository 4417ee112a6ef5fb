import assert from 'node:assert/strict';
import type { Socket } from 'socket.io-client';
import { startTestApp, ADMIN_TOKEN, type TestApp } from '../support/app.js';
import { companyKey } from '../support/company-key.js';
import { connect, next, refusal, scheduledSession, send, type LiveParticipant } from './support.js';

const COMPANIES = [
  { name: '京联通信终端', description: '通信终端设备制造商，需要采购 SMT 贴片加工和 PCBA 代工服务', industries: ['C3921'] },
  { name: '星河算力', description: '服务器整机制造，采购服务器主板 PCBA', industries: ['C3911'] },
  { name: '精贴电子', description: '专业 SMT 贴片加工、PCBA 代工，6 条高速贴片线，月产能 500 万点', industries: ['C3982'] },
  { name: '恒睿元件', description: '片式电感、电容等电子元件制造', industries: ['C3981'] },
  { name: '亦测检测', description: 'EMC 电磁兼容检测、安规检测认证服务', industries: ['M7452'] },
];

describe('live session rooms (/live, in-memory adapter)', () => {
  let app: TestApp;
  let sessionId: string;
  let ps: LiveParticipant[];
  const sockets: Socket[] = [];
  let staff: Socket;

  function open(auth: Record<string, unknown>): Socket {
    const socket = connect(app.url, auth);
    sockets.push(socket);
    return socket;
  }

  before(async () => {
    app = await startTestApp();
    ({ sessionId, participants: ps } = await scheduledSession(app, COMPANIES, [[0, 1], [3, 4]]));
    // The need the matcher ranks a backfill partner for.
    await app.as().post('/api/v1/postings').send({ companyId: ps[0]?.companyId, kind: 'need', title: '采购 SMT 贴片加工', description: '需要 PCBA 贴片代工，月产 5 万片', industries: ['C3982'] });
    await app.as().post('/api/v1/postings').send({ companyId: ps[2]?.companyId, kind: 'capability', title: 'SMT 贴片加工与 PCBA 代工', description: '高速贴片线，承接 PCBA 加工', industries: ['C3982'] });
    staff = open({ token: ADMIN_TOKEN, sessionId });
    await next(staff, 'session:state');
  });

  after(async () => {
    for (const socket of sockets) socket.close();
    await app.stop();
  });

  describe('handshake', () => {
    it('When a client connects without a token, then it gets a connect_error saying how to authenticate', async () => {
      assert.match(await refusal(connect(app.url, {})), /auth: \{ token \}/);
    });

    it('When the token is unknown, then the connect_error says it is invalid or expired', async () => {
      assert.match(await refusal(connect(app.url, { token: 'zmp_not-a-real-token' })), /invalid or expired/);
    });

    it('When a company API key connects, then it is refused with how to join', async () => {
      const key = await companyKey(app, ps[0]?.companyId ?? '');
      assert.match(await refusal(connect(app.url, { token: key })), /join token/);
    });

    it('When the bureau connects without a session, then it is refused', async () => {
      assert.match(await refusal(connect(app.url, { token: ADMIN_TOKEN })), /sessionId/);
    });

    it('When a participant connects, then it receives session:state with its agenda, partner and table', async () => {
      const socket = open({ token: ps[0]?.joinToken });
      const state = await next<{ clock: { phase: string }; agenda: { table: number; partner: { companyName: string } }[]; participant: { checkedIn: boolean } }>(socket, 'session:state');
      assert.equal(state.clock.phase, 'before');
      assert.equal(state.agenda.length, 1);
      assert.equal(state.agenda[0]?.partner.companyName, '星河算力');
      assert.ok((state.agenda[0]?.table ?? 0) >= 1);
      assert.equal(state.participant.checkedIn, false);
    });
  });

  describe('rules for client events', () => {
    let socket: Socket;
    before(async () => {
      socket = open({ token: ps[3]?.joinToken });
      await next(socket, 'session:state');
    });

    it('When a participant sends a staff event, then it is refused with 403 and nothing changes', async () => {
      const ack = await send(socket, 'live:start', {});
      assert.equal(ack.ok, false);
      assert.equal(ack.error?.status, 403);
      const state = await app.as().get(`/api/v1/sessions/${sessionId}`);
      assert.equal(state.body.status, 'scheduled');
    });

    it('When a client sends an unknown event, then it is ignored, answered with 400 and counted', async () => {
      const before = app.server.live.metrics?.unknownEvents ?? 0;
      const ack = await send(socket, 'drop:tables', { all: true });
      assert.equal(ack.error?.status, 400);
      assert.equal(app.server.live.metrics?.unknownEvents, before + 1);
    });

    it('When a payload is not valid, then the ack names the field', async () => {
      const ack = await send(socket, 'meeting:late', { minutes: 0 });
      assert.equal(ack.error?.status, 400);
      assert.deepEqual(ack.error?.errors?.map((e) => e.path), ['minutes']);
      const extra = await send(socket, 'checkin', { participantId: ps[4]?.id });
      assert.equal(extra.ok, false, 'a participant cannot check another one in');
    });
  });

  describe('the day', () => {
    let p0: Socket;
    let p2: Socket;
    let p3: Socket;
    let p4: Socket;
    before(async () => {
      [p0, p2, p3, p4] = [open({ token: ps[0]?.joinToken }), open({ token: ps[2]?.joinToken }), open({ token: ps[3]?.joinToken }), open({ token: ps[4]?.joinToken })];
      await Promise.all([p0, p2, p3, p4].map((s) => next(s, 'session:state')));
    });

    it('When participants check in, then the staff console receives checkin:update with counts', async () => {
      const update = next<{ participantId: string; checkedIn: number }>(staff, 'checkin:update', 3000, (u) => u.participantId === ps[0]?.id);
      const ack = await send(p0, 'checkin', {});
      assert.equal(ack.ok, true);
      assert.equal((await update).checkedIn, 1);
      for (const s of [p2, p3, p4]) assert.equal((await send(s, 'checkin', {})).ok, true);
    });

    it('When the bureau starts the session, then everyone gets slot:started and meeting:next; the stranded partner of a no-show gets meeting:noshow and a backfill offer', async () => {
      const started = next<{ slot: number; endsAt: string }>(p3, 'slot:started');
      const nextMeeting = next<{ table: number; partner: { companyName: string } }>(p3, 'meeting:next');
      const noshow = next<{ absent: { companyName: string } }>(p0, 'meeting:noshow');
      const offer = next<{ offerId: string; candidate: { companyName: string }; table: number }>(p0, 'backfill:offer');
      const staffNoshow = next(staff, 'meeting:noshow');
      const ack = await send(staff, 'live:start', {});
      assert.equal(ack.ok, true, JSON.stringify(ack));
      assert.equal((await started).slot, 0);
      assert.equal((await nextMeeting).partner.companyName, '亦测检测');
      assert.equal((await noshow).absent.companyName, '星河算力');
      await staffNoshow;
      const offered = await offer;
      assert.equal(offered.candidate.companyName, '精贴电子');

      const backfillForCandidate = next<{ backfill: boolean; table: number }>(p2, 'meeting:next', 3000, (m) => m.backfill === true);
      const accepted = await send(p0, 'backfill:answer', { offerId: offered.offerId, accept: true });
      assert.equal(accepted.ok, true, JSON.stringify(accepted));
      assert.equal((await backfillForCandidate).table, offered.table);
      const agenda = await app.as().get(`/api/v1/sessions/${sessionId}/agenda`);
      const backfill = agenda.body.meetings.find((m: { participants: string[] }) => m.participants.includes(ps[2]?.id ?? ''));
      assert.equal(backfill.slot, 0);
      assert.equal(backfill.table, offered.table);
    });

    it('When the clock job two minutes before the end of a slot runs, then everyone gets slot:ending', async () => {
      const stored = await app.server.services.sessions.db.sessions.findById(sessionId);
      const ending = next<{ slot: number; endsAt: string }>(p3, 'slot:ending');
      const outcome = await app.server.services.live.tick({ sessionId, generation: stored?.live?.generation ?? -1, slot: 0, phase: 'meeting', kind: 'ending' });
      assert.equal(outcome, 'ending');
      const payload = await ending;
      assert.equal(payload.slot, 0);
      assert.equal(payload.endsAt, stored?.live?.phaseEndsAt?.toISOString());
    });

    it('When participants are connected, then the session receives presence counts', async () => {
      const counts = next<{ participants: number; staff: number }>(staff, 'presence', 3000, (c) => c.participants >= 5);
      open({ token: ps[1]?.joinToken }); // a connection makes the counts go out (at most once a second)
      assert.ok((await counts).staff >= 1);
    });

    it('When a participant is running late, then its partner gets meeting:late', async () => {
      const late = next<{ minutes: number }>(p4, 'meeting:late');
      assert.equal((await send(p3, 'meeting:late', { minutes: 5 })).ok, true);
      assert.equal((await late).minutes, 5);
    });

    it('When the bureau announces, then every participant receives it', async () => {
      const heard = Promise.all([p0, p2, p3, p4].map((s) => next<{ text: string }>(s, 'announcement')));
      assert.equal((await send(staff, 'announce', { text: '茶歇后请回到原桌' })).ok, true);
      assert.ok((await heard).every((a) => a.text === '茶歇后请回到原桌'));
    });

    it('When the bureau pauses, extends and resumes, then clients get clock:update with the new end', async () => {
      const before = (await app.as().get(`/api/v1/sessions/${sessionId}/live`)).body.clock;
      const paused = next<{ paused: boolean; remainingMs: number }>(p0, 'clock:update', 3000, (c) => c.paused);
      assert.equal((await send(staff, 'live:pause', {})).ok, true);
      assert.ok((await paused).remainingMs > 0);
      assert.equal((await send(staff, 'live:pause', {})).error?.status, 409);
      assert.equal((await send(staff, 'live:extend', { minutes: 5 })).ok, true);
      const resumed = next<{ paused: boolean; phaseEndsAt: string }>(p0, 'clock:update', 3000, (c) => !c.paused);
      assert.equal((await send(staff, 'live:resume', {})).ok, true);
      const end = new Date((await resumed).phaseEndsAt).getTime();
      assert.ok(end > new Date(before.phaseEndsAt).getTime() + 4 * 60_000, 'the phase ends about five minutes later');
    });

    it('When a clock job of an older generation runs, then it changes nothing', async () => {
      const outcome = await app.server.services.live.tick({ sessionId, generation: 0, slot: 0, phase: 'meeting', kind: 'end' });
      assert.equal(outcome, 'stale');
      assert.equal((await app.as().get(`/api/v1/sessions/${sessionId}/live`)).body.clock.slot, 0);
    });

    it('When a participant records an outcome, then it is acknowledged; a meeting not its own is not found', async () => {
      const agenda = (await app.as(ps[3]?.joinToken).get(`/api/v1/sessions/${sessionId}/agenda`)).body;
      const ack = await send(p3, 'meeting:outcome', { meetingId: agenda.meetings[0].id, attended: true, intention: 'interested', notes: '约定下周送样' });
      assert.equal(ack.ok, true, JSON.stringify(ack));
      const other = await send(p0, 'meeting:outcome', { meetingId: agenda.meetings[0].id, attended: true, intention: 'agreed' });
      assert.equal(other.error?.status, 404);
    });

    it('When the bureau advances past the last slot, then slots end and start in order and everyone gets session:closed', async () => {
      const ended = next<{ slot: number }>(p0, 'slot:ended');
      const slot1 = next<{ slot: number }>(p0, 'slot:started', 3000, (s) => s.slot === 1);
      assert.equal((await send(staff, 'live:advance', {})).ok, true);
      assert.equal((await ended).slot, 0);
      await slot1;
      await send(staff, 'live:advance', {});
      const closed = next(p0, 'session:closed');
      await send(staff, 'live:advance', {});
      await closed;
      assert.equal((await app.as().get(`/api/v1/sessions/${sessionId}`)).body.status, 'closed');
    });
  });

  describe('flooding', () => {
    it('When a client floods events, then it is throttled and then disconnected', async () => {
      const { participants } = await scheduledSession(app, [COMPANIES[0] as (typeof COMPANIES)[0], COMPANIES[1] as (typeof COMPANIES)[0]], [[0, 1]]);
      const socket = open({ token: participants[0]?.joinToken });
      await next(socket, 'session:state');
      const gone = next(socket, 'disconnect', 5000);
      for (let i = 0; i < 200; i += 1) socket.emit('session:state', {});
      assert.equal(await gone, 'io server disconnect');
      assert.ok((app.server.live.metrics?.floodDisconnects ?? 0) >= 1);
    });
  });
});
