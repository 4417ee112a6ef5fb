/**
 * The live session on the day: a server-authoritative clock driven by delayed jobs, check-in, lateness, outcomes,
 * announcements, no-shows and backfill offers. Transports (Socket.IO, REST) call this service; it tells clients
 * through a {@link LiveBroadcaster}, so it never imports a socket library.
 *
 * The clock: every phase boundary is a `live.tick` job (one per boundary, its id naming the session, the clock's
 * generation, the slot and the phase, so adding it twice is a no-op). A tick applies only if the stored clock is
 * still at that generation, slot and phase (a compare-and-set), so repeated, late or superseded ticks do nothing,
 * whichever node runs them. Staff actions that move the clock (pause, resume, advance, extend) raise the
 * generation, which retires the ticks already queued, and queue the new ones.
 */
import type { JobQueue } from '../../../jobs/queue/port.js';
import type { Principal } from '../../http/auth.js';
import { HttpProblem } from '../../http/problem.js';
import { trusted, type Collection, type Stored } from '../../store/port.js';
import { BACKFILL_OFFERS } from '../../store/schemas/sessions.js';
import { isBureau, requireBureau } from '../companies/access.js';
import type { MatchService } from '../matching/service.js';
import { actsForParticipant, notFound } from '../sessions/access.js';
import { clockOf, pairKeyOf, type LiveClock, type MeetingRecord, type ParticipantRecord, type SessionRecord } from '../sessions/model.js';
import type { OutcomeService } from '../sessions/outcomes.js';
import type { OutcomeInput } from '../sessions/schemas.js';
import type { SessionService } from '../sessions/service.js';
import { slotStart } from '../sessions/timeline.js';
import { clockView, ENDING_WARNING_MS, extendedClock, nextClock, pausedClock, phaseLengthMs, resumedClock, startedClock, type ClockView } from './clock.js';

export const LIVE_TICK_JOB = 'live.tick';

/** Where the service's events go; the Socket.IO gateway implements it (across nodes with the Redis adapter). */
export interface LiveBroadcaster {
  toSession(sessionId: string, event: string, payload: unknown): void;
  toParticipant(participantId: string, event: string, payload: unknown): void;
  toStaff(sessionId: string, event: string, payload: unknown): void;
}

export interface LiveTick {
  sessionId: string;
  generation: number;
  slot: number;
  phase: 'meeting' | 'break';
  kind: 'ending' | 'end';
}

export interface BackfillOfferRecord {
  sessionId: string;
  slot: number;
  meetingId: string;
  to: string;
  candidate: string;
  table: number;
  score: number;
  reasons: string[];
  status: 'offered' | 'accepted' | 'declined' | 'expired';
  expiresAt: Date;
  backfillMeetingId?: string;
}

export interface PartnerView {
  participantId: string;
  companyId: string;
  companyName: string;
}

export interface NextMeetingView {
  meetingId: string;
  slot: number;
  table: number;
  startsAt: string;
  partner: PartnerView;
}

const NO_BROADCAST: LiveBroadcaster = { toSession: () => undefined, toParticipant: () => undefined, toStaff: () => undefined };
const MINUTE_MS = 60_000;
/** Partners the matcher is asked for when looking for a backfill; only free, checked-in participants count. */
const BACKFILL_CANDIDATES = 50;
/** Personal `meeting:next` events sent before the event loop gets a turn. */
const EMITS_PER_TURN = 200;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class LiveService {
  private broadcaster: LiveBroadcaster = NO_BROADCAST;
  readonly offers: Collection<BackfillOfferRecord>;

  constructor(
    private readonly queue: JobQueue,
    private readonly sessions: SessionService,
    private readonly outcomes: OutcomeService,
    private readonly matching: MatchService,
  ) {
    this.offers = sessions.deps.store.collection<BackfillOfferRecord>(BACKFILL_OFFERS);
  }

  private get db() {
    return this.sessions.db;
  }

  /** Connects the transport; until then events go nowhere (no client can be listening). */
  attach(broadcaster: LiveBroadcaster): void {
    this.broadcaster = broadcaster;
  }

  // ---- what clients render ------------------------------------------------------------------------------------

  /** Everything a participant's phone needs; clients resync from it after any reconnect. */
  async participantState(participantId: string, now = new Date()) {
    const participant = await this.db.participants.findById(participantId);
    if (!participant) throw notFound('participant', participantId);
    const session = await this.loadSession(participant.sessionId);
    const clock = clockOf(session);
    const meetings = await this.db.meetings.find({ sessionId: session._id, status: 'scheduled', participants: participantId }, { sort: { slot: 1 } });
    const partners = await this.partnersOf(meetings, participantId);
    const offer = await this.offers.findOne({ sessionId: session._id, to: participantId, status: 'offered', expiresAt: trusted({ $gt: now }) });
    const name = (await this.sessions.companies.namesOf([participant.companyId])).get(participant.companyId) ?? '';
    return {
      session: sessionSummary(session),
      clock: clockView(clock, now),
      participant: { id: participant._id, companyId: participant.companyId, companyName: name, checkedIn: participant.checkedInAt !== undefined, ...(participant.checkedInAt ? { checkedInAt: participant.checkedInAt.toISOString() } : {}) },
      agenda: meetings.map((m) => ({
        meetingId: m._id,
        slot: m.slot,
        table: m.table,
        startsAt: estimatedSlotStart(session, clock, m.slot, now).toISOString(),
        partner: partners.get(m._id) ?? emptyPartner(),
        ...(m.outcome ? { outcome: { attended: m.outcome.attended, intention: m.outcome.intention } } : {}),
      })),
      next: nextMeeting(session, clock, meetings, partners, now),
      ...(offer ? { backfillOffer: await this.offerView(offer) } : {}),
    };
  }

  /** The staff console's view: the clock, who is registered and checked in. */
  async staffState(sessionId: string, now = new Date()) {
    const session = await this.loadSession(sessionId);
    const participants = await this.db.participants.find({ sessionId, status: 'active' });
    const names = await this.sessions.companies.namesOf([...new Set(participants.map((p) => p.companyId))]);
    return {
      session: sessionSummary(session),
      clock: clockView(clockOf(session), now),
      participants: participants.map((p) => ({ id: p._id, companyId: p.companyId, companyName: names.get(p.companyId) ?? '', checkedIn: p.checkedInAt !== undefined, ...(p.lateUntil && p.lateUntil > now ? { lateUntil: p.lateUntil.toISOString() } : {}) })),
      counts: { participants: participants.length, checkedIn: participants.filter((p) => p.checkedInAt).length },
    };
  }

  // ---- staff actions --------------------------------------------------------------------------------------------

  async start(actor: Principal, sessionId: string, now = new Date()): Promise<ClockView> {
    requireBureau(actor, 'run the live session');
    const session = await this.visible(actor, sessionId);
    if (session.status !== 'scheduled') throw new HttpProblem('conflict', session.status === 'live' ? 'The session is already live.' : `A ${session.status} session cannot go live; it needs an agenda (status scheduled).`);
    if (session.agenda.state === 'scheduling') throw new HttpProblem('conflict', 'A schedule run is in progress; start when it has finished.');
    const clock = startedClock(session, clockOf(session), now);
    const saved = await this.db.sessions.updateOne({ _id: sessionId, status: 'scheduled' }, { $set: { status: 'live', live: clock } });
    if (!saved) throw new HttpProblem('conflict', 'The session changed meanwhile; read it again.');
    await this.enterPhase(saved, clock, now);
    return clockView(clock, now);
  }

  async pause(actor: Principal, sessionId: string, now = new Date()): Promise<ClockView> {
    return this.moveClock(actor, sessionId, now, (clock) => {
      if (clock.paused) throw new HttpProblem('conflict', 'The session is already paused.');
      return pausedClock(clock, now);
    });
  }

  async resume(actor: Principal, sessionId: string, now = new Date()): Promise<ClockView> {
    return this.moveClock(actor, sessionId, now, (clock) => {
      if (!clock.paused) throw new HttpProblem('conflict', 'The session is not paused.');
      return resumedClock(clock, now);
    });
  }

  async extend(actor: Principal, sessionId: string, minutes: number, now = new Date()): Promise<ClockView> {
    return this.moveClock(actor, sessionId, now, (clock) => extendedClock(clock, minutes));
  }

  /** Ends the current phase now (a slot that finished early, a break cut short). */
  async advance(actor: Principal, sessionId: string, now = new Date()): Promise<ClockView> {
    requireBureau(actor, 'run the live session');
    const session = await this.liveSession(actor, sessionId);
    const clock = clockOf(session);
    const advanced = nextClock(session, { ...clock, paused: false }, now);
    const next = { ...advanced, generation: clock.generation + 1 };
    const saved = await this.casClock(session, clock, next);
    await this.leavePhase(saved, clock, next, now);
    return clockView(next, now);
  }

  async announce(actor: Principal, sessionId: string, text: string, now = new Date()): Promise<{ at: string }> {
    requireBureau(actor, 'make announcements');
    const session = await this.visible(actor, sessionId);
    if (session.status === 'closed') throw new HttpProblem('conflict', 'The session is closed.');
    const at = now.toISOString();
    this.broadcaster.toSession(sessionId, 'announcement', { text, at, from: 'bureau' });
    return { at };
  }

  // ---- participant actions ---------------------------------------------------------------------------------------

  async checkin(actor: Principal, sessionId: string, participantId: string | undefined, now = new Date()) {
    const participant = await this.actingParticipant(actor, sessionId, participantId);
    const session = await this.loadSession(sessionId);
    if (session.status !== 'live' && session.status !== 'scheduled') throw new HttpProblem('conflict', `Check-in opens when the session is scheduled; it is ${session.status}.`);
    const checkedInAt = participant.checkedInAt ?? now;
    if (!participant.checkedInAt) await this.db.participants.updateOne({ _id: participant._id }, { $set: { checkedInAt }, $unset: { lateUntil: 1 } });
    const counts = await this.counts(sessionId);
    const names = await this.sessions.companies.namesOf([participant.companyId]);
    this.broadcaster.toStaff(sessionId, 'checkin:update', { participantId: participant._id, companyName: names.get(participant.companyId) ?? '', checkedInAt: checkedInAt.toISOString(), ...counts });
    return { participantId: participant._id, checkedInAt: checkedInAt.toISOString() };
  }

  /** "I'm running late": the partner of the current or next meeting and the staff are told; no backfill is offered meanwhile. */
  async late(actor: Principal, sessionId: string, participantId: string | undefined, minutes: number, now = new Date()) {
    const participant = await this.actingParticipant(actor, sessionId, participantId);
    const session = await this.loadSession(sessionId);
    if (session.status !== 'live' && session.status !== 'scheduled') throw new HttpProblem('conflict', `The session is ${session.status}.`);
    const lateUntil = new Date(now.getTime() + minutes * MINUTE_MS);
    await this.db.participants.updateOne({ _id: participant._id }, { $set: { lateUntil } });
    const clock = clockOf(session);
    const meetings = await this.db.meetings.find({ sessionId, status: 'scheduled', participants: participant._id }, { sort: { slot: 1 } });
    const current = meetings.find((m) => m.slot >= (clock.phase === 'before' ? 0 : clock.slot));
    const names = await this.sessions.companies.namesOf([participant.companyId]);
    const payload = { participantId: participant._id, companyName: names.get(participant.companyId) ?? '', lateUntil: lateUntil.toISOString(), minutes, ...(current ? { meetingId: current._id, table: current.table, slot: current.slot } : {}) };
    const partner = current?.participants.find((p) => p !== participant._id);
    if (partner) this.broadcaster.toParticipant(partner, 'meeting:late', payload);
    this.broadcaster.toStaff(sessionId, 'meeting:late', payload);
    return { lateUntil: lateUntil.toISOString() };
  }

  outcome(actor: Principal, meetingId: string, input: OutcomeInput, now = new Date()) {
    return this.outcomes.record(actor, meetingId, input, now);
  }

  /** The stranded participant accepts or declines a backfill offer while its slot lasts. */
  async answerBackfill(actor: Principal, sessionId: string, offerId: string, accept: boolean, now = new Date()) {
    const offer = await this.offers.findOne({ _id: offerId, sessionId });
    if (!offer) throw notFound('backfill offer', offerId);
    const stranded = await this.db.participants.findById(offer.to);
    if (!stranded || !actsForParticipant(actor, stranded)) throw notFound('backfill offer', offerId);
    if (offer.status !== 'offered') throw new HttpProblem('conflict', `The offer was already ${offer.status}.`);
    if (offer.expiresAt.getTime() <= now.getTime()) {
      await this.offers.updateOne({ _id: offerId, status: 'offered' }, { $set: { status: 'expired' } });
      throw new HttpProblem('conflict', 'The offer lapsed when its slot ended.');
    }
    if (!accept) {
      await this.offers.updateOne({ _id: offerId, status: 'offered' }, { $set: { status: 'declined' } });
      this.broadcaster.toStaff(sessionId, 'backfill:update', { offerId, status: 'declined' });
      return { offerId, status: 'declined' as const };
    }
    const session = await this.loadSession(sessionId);
    const clock = clockOf(session);
    if (session.status !== 'live' || clock.phase !== 'meeting' || clock.slot !== offer.slot) throw new HttpProblem('conflict', 'The offer’s slot is over.');
    const busy = await this.db.meetings.findOne({ sessionId, status: 'scheduled', slot: offer.slot, participants: offer.candidate, 'outcome.attended': trusted({ $ne: false }), _id: trusted({ $ne: offer.meetingId }) });
    if (busy && !(await this.isStrandedIn(busy, offer.candidate))) throw new HttpProblem('conflict', 'The proposed partner is no longer free.');
    const claimed = await this.offers.updateOne({ _id: offerId, status: 'offered' }, { $set: { status: 'accepted' } });
    if (!claimed) throw new HttpProblem('conflict', 'The offer was answered meanwhile.');
    const request = await this.db.requests.insertOne({
      sessionId,
      from: offer.to,
      to: offer.candidate,
      pairKey: `${pairKeyOf(offer.to, offer.candidate)}|backfill-${offerId}`,
      priority: 1,
      status: 'accepted',
      origin: 'suggestion',
      requestedBy: 'system',
      decidedAt: now,
      decidedBy: actor.id,
      note: '现场补位洽谈',
    });
    // The meetings the two were left alone in are recorded as no-shows, so the report counts them.
    await this.recordNoShows(sessionId, offer.slot, [offer.to, offer.candidate], now);
    const meeting = await this.db.meetings.insertOne({ sessionId, requestId: request._id, participants: [offer.to, offer.candidate], slot: offer.slot, table: offer.table, locked: true, status: 'scheduled', sequence: 0 });
    await this.db.sessions.updateOne({ _id: sessionId }, { $inc: { 'agenda.revision': 1 } });
    await this.offers.updateOne({ _id: offerId }, { $set: { backfillMeetingId: meeting._id } });
    const partners = await this.partnersOf([meeting], '');
    for (const side of [offer.to, offer.candidate]) {
      const other = side === offer.to ? offer.candidate : offer.to;
      const partner = (await this.partnerViews([other])).get(other) ?? partners.get(meeting._id) ?? emptyPartner();
      this.broadcaster.toParticipant(side, 'meeting:next', { meetingId: meeting._id, slot: meeting.slot, table: meeting.table, startsAt: (clock.phaseStartedAt ?? now).toISOString(), partner, backfill: true });
    }
    this.broadcaster.toStaff(sessionId, 'backfill:update', { offerId, status: 'accepted', meetingId: meeting._id, table: meeting.table });
    return { offerId, status: 'accepted' as const, meetingId: meeting._id, table: meeting.table };
  }

  // ---- the clock ----------------------------------------------------------------------------------------------

  /** A clock job: moves the session to its next phase if the clock is still where the job expects it. */
  async tick(data: LiveTick, now = new Date()): Promise<string> {
    const session = await this.db.sessions.findById(data.sessionId);
    const clock = session ? clockOf(session) : undefined;
    if (!session || !clock || session.status !== 'live' || clock.paused || clock.generation !== data.generation || clock.slot !== data.slot || clock.phase !== data.phase) return 'stale';
    if (data.kind === 'ending') {
      this.broadcaster.toSession(session._id, 'slot:ending', { slot: clock.slot, endsAt: clock.phaseEndsAt?.toISOString(), serverTime: now.toISOString() });
      return 'ending';
    }
    const next = nextClock(session, clock, clock.phaseEndsAt ?? now);
    const saved = await this.casClock(session, clock, next).catch((error: unknown) => {
      if (error instanceof HttpProblem) return null; // another node moved it first
      throw error;
    });
    if (!saved) return 'stale';
    await this.leavePhase(saved, clock, next, now);
    return next.phase;
  }

  /** Queues the clock jobs of the current phase (idempotent: the job ids name the boundary). */
  async planTicks(session: Stored<SessionRecord>, clock: LiveClock, now: Date): Promise<void> {
    if (session.status !== 'live' || clock.paused || !clock.phaseEndsAt || (clock.phase !== 'meeting' && clock.phase !== 'break')) return;
    const base = { sessionId: session._id, generation: clock.generation, slot: clock.slot, phase: clock.phase };
    const id = (kind: string) => `live.${session._id}.g${clock.generation}.s${clock.slot}.${clock.phase}.${kind}`;
    const endsIn = Math.max(0, clock.phaseEndsAt.getTime() - now.getTime());
    if (clock.phase === 'meeting' && phaseLengthMs(session, 'meeting') > ENDING_WARNING_MS && endsIn > ENDING_WARNING_MS) {
      await this.queue.add<LiveTick>(LIVE_TICK_JOB, { ...base, kind: 'ending' }, { jobId: id('ending'), delay: endsIn - ENDING_WARNING_MS, keepCompleted: false, attempts: 3, backoff: { type: 'fixed', delay: 500 } });
    }
    await this.queue.add<LiveTick>(LIVE_TICK_JOB, { ...base, kind: 'end' }, { jobId: id('end'), delay: endsIn, keepCompleted: false, attempts: 3, backoff: { type: 'fixed', delay: 500 } });
  }

  /** At start: re-queues the ticks of every live session, in case the queue lost them (an inline queue does not). */
  async resumeClocks(now = new Date()): Promise<number> {
    const live = await this.db.sessions.find({ status: 'live' });
    for (const session of live) await this.planTicks(session, clockOf(session), now);
    return live.length;
  }

  private async moveClock(actor: Principal, sessionId: string, now: Date, change: (clock: LiveClock) => LiveClock): Promise<ClockView> {
    requireBureau(actor, 'run the live session');
    const session = await this.liveSession(actor, sessionId);
    const clock = clockOf(session);
    if (clock.phase === 'ended') throw new HttpProblem('conflict', 'The last slot has ended.');
    const next = change(clock);
    const saved = await this.casClock(session, clock, next);
    await this.planTicks(saved, next, now);
    this.broadcaster.toSession(sessionId, 'clock:update', clockView(next, now));
    return clockView(next, now);
  }

  /** Writes the new clock only if nobody moved it since it was read. */
  private async casClock(session: Stored<SessionRecord>, clock: LiveClock, next: LiveClock): Promise<Stored<SessionRecord>> {
    const ended = next.phase === 'ended';
    const saved = await this.db.sessions.updateOne(
      { _id: session._id, status: 'live', 'live.generation': clock.generation, 'live.slot': clock.slot, 'live.phase': clock.phase, 'live.paused': clock.paused },
      { $set: { live: next, ...(ended ? { status: 'closed' } : {}) } },
    );
    if (!saved) throw new HttpProblem('conflict', 'The clock moved meanwhile; read the state again.');
    return saved;
  }

  /** What happens when a phase ends: tell everyone, then enter the next phase. */
  private async leavePhase(session: Stored<SessionRecord>, ended: LiveClock, next: LiveClock, now: Date): Promise<void> {
    if (ended.phase === 'meeting') {
      this.broadcaster.toSession(session._id, 'slot:ended', { slot: ended.slot, serverTime: now.toISOString(), next: clockView(next, now) });
      await this.expireOffers(session._id, ended.slot);
    }
    await this.enterPhase(session, next, now);
  }

  private async enterPhase(session: Stored<SessionRecord>, clock: LiveClock, now: Date): Promise<void> {
    if (clock.phase === 'ended') {
      this.broadcaster.toSession(session._id, 'session:closed', { serverTime: now.toISOString(), endedAt: (clock.endedAt ?? now).toISOString() });
      return;
    }
    await this.planTicks(session, clock, now);
    if (clock.phase === 'meeting') {
      this.broadcaster.toSession(session._id, 'slot:started', { slot: clock.slot, startsAt: clock.phaseStartedAt?.toISOString(), endsAt: clock.phaseEndsAt?.toISOString(), serverTime: now.toISOString() });
    } else {
      this.broadcaster.toSession(session._id, 'clock:update', clockView(clock, now));
    }
    await yieldToEventLoop();
    await this.tellNextMeetings(session, clock, now);
    if (clock.phase === 'meeting') await this.handleNoShows(session, clock, now);
  }

  /** `meeting:next` to every active participant: its meeting in this slot, or the next one. */
  private async tellNextMeetings(session: Stored<SessionRecord>, clock: LiveClock, now: Date): Promise<void> {
    const fromSlot = clock.phase === 'meeting' ? clock.slot : clock.slot + 1;
    const [participants, meetings] = await Promise.all([
      this.db.participants.find({ sessionId: session._id, status: 'active' }),
      this.db.meetings.find({ sessionId: session._id, status: 'scheduled', slot: trusted({ $gte: fromSlot }) }, { sort: { slot: 1, table: 1 } }),
    ]);
    // Partners come from the participants already loaded: one name lookup instead of a query per slot start.
    const names = await this.sessions.companies.namesOf([...new Set(participants.map((p) => p.companyId))]);
    const partners = new Map(participants.map((p) => [p._id, { participantId: p._id, companyId: p.companyId, companyName: names.get(p.companyId) ?? '' }]));
    const next = new Map<string, Stored<MeetingRecord>>();
    for (const meeting of meetings) for (const id of meeting.participants) if (!next.has(id)) next.set(id, meeting);
    let sent = 0;
    for (const participant of participants) {
      // Let the sockets (and, across nodes, the adapter's stream) flush between batches: the session-wide event
      // that came before must not wait behind thousands of personal ones.
      if (++sent % EMITS_PER_TURN === 0) await yieldToEventLoop();
      const meeting = next.get(participant._id);
      if (!meeting) {
        this.broadcaster.toParticipant(participant._id, 'meeting:next', { none: true });
        continue;
      }
      const other = meeting.participants.find((p) => p !== participant._id) ?? '';
      this.broadcaster.toParticipant(participant._id, 'meeting:next', {
        meetingId: meeting._id,
        slot: meeting.slot,
        table: meeting.table,
        startsAt: estimatedSlotStart(session, clock, meeting.slot, now).toISOString(),
        partner: partners.get(other) ?? emptyPartner(),
      } satisfies NextMeetingView);
    }
  }

  /**
   * At the start of a slot: a side that has not checked in (and did not say it is running late) leaves its partner
   * alone. The partner and the staff are told, and the partner is offered a meeting with another free, checked-in
   * participant the matcher ranks well — possibly another one whose partner did not come.
   */
  private async handleNoShows(session: Stored<SessionRecord>, clock: LiveClock, now: Date): Promise<void> {
    const [participants, meetings] = await Promise.all([
      this.db.participants.find({ sessionId: session._id, status: 'active' }),
      this.db.meetings.find({ sessionId: session._id, status: 'scheduled', slot: clock.slot }),
    ]);
    const byId = new Map(participants.map((p) => [p._id, p]));
    const names = await this.sessions.companies.namesOf([...new Set(participants.map((p) => p.companyId))]);
    const present = (id: string) => byId.get(id)?.checkedInAt !== undefined;
    const late = (id: string) => (byId.get(id)?.lateUntil?.getTime() ?? 0) > now.getTime();
    const stranded: { participant: Stored<ParticipantRecord>; meeting: Stored<MeetingRecord>; absent: string }[] = [];
    for (const meeting of meetings) {
      const [a, b] = meeting.participants as [string, string];
      for (const [absent, waiting] of [[a, b], [b, a]] as const) {
        if (present(absent) || late(absent) || !present(waiting)) continue;
        const absentee = byId.get(absent);
        const partner = absentee ? { participantId: absent, companyId: absentee.companyId, companyName: names.get(absentee.companyId) ?? '' } : emptyPartner();
        const payload = { meetingId: meeting._id, slot: meeting.slot, table: meeting.table, absent: partner };
        this.broadcaster.toParticipant(waiting, 'meeting:noshow', payload);
        this.broadcaster.toStaff(session._id, 'meeting:noshow', payload);
        const waitingParticipant = byId.get(waiting);
        if (waitingParticipant) stranded.push({ participant: waitingParticipant, meeting, absent });
      }
    }
    if (stranded.length === 0) return;
    const busy = new Set(meetings.flatMap((m) => m.participants));
    const free = participants.filter((p) => p.checkedInAt && p.availability.includes(clock.slot) && (!busy.has(p._id) || stranded.some((s) => s.participant._id === p._id)));
    const taken = new Set<string>();
    for (const { participant, meeting } of stranded) {
      if (taken.has(participant._id)) continue;
      const pool = new Map(free.filter((p) => p._id !== participant._id && !taken.has(p._id)).map((p) => [p.companyId, p]));
      if (pool.size === 0) break;
      const { items } = await this.matching.partnersOf(participant.companyId, { direction: 'any', limit: BACKFILL_CANDIDATES }, 'zh');
      const best = items.find((item) => pool.has(item.company.id));
      if (!best) continue;
      const candidate = pool.get(best.company.id) as Stored<ParticipantRecord>;
      const offer = await this.offers
        .insertOne({
          sessionId: session._id,
          slot: clock.slot,
          meetingId: meeting._id,
          to: participant._id,
          candidate: candidate._id,
          table: meeting.table,
          score: best.score,
          reasons: best.reasons.map((r) => r.text),
          status: 'offered',
          expiresAt: clock.phaseEndsAt ?? new Date(now.getTime() + phaseLengthMs(session, 'meeting')),
        })
        .catch(() => null); // a repeated tick already made this offer
      if (!offer) continue;
      taken.add(participant._id);
      taken.add(candidate._id);
      this.broadcaster.toParticipant(participant._id, 'backfill:offer', await this.offerView(offer));
      this.broadcaster.toStaff(session._id, 'backfill:update', { offerId: offer._id, status: 'offered', to: participant._id, candidate: candidate._id });
    }
  }

  private async recordNoShows(sessionId: string, slot: number, participantIds: string[], now: Date): Promise<void> {
    const meetings = await this.db.meetings.find({ sessionId, status: 'scheduled', slot, participants: trusted({ $in: participantIds }) });
    for (const meeting of meetings) {
      if (meeting.outcome) continue;
      await this.db.meetings.updateOne({ _id: meeting._id }, { $set: { outcome: { attended: false, intention: 'none', notes: '对方未到场，已现场补位', recordedBy: 'system', recordedAt: now } } });
    }
  }

  private async isStrandedIn(meeting: Stored<MeetingRecord>, participantId: string): Promise<boolean> {
    const other = meeting.participants.find((p) => p !== participantId);
    const partner = other ? await this.db.participants.findById(other) : null;
    return !partner?.checkedInAt;
  }

  private async expireOffers(sessionId: string, slot: number): Promise<void> {
    await this.offers.updateMany({ sessionId, slot, status: 'offered' }, { $set: { status: 'expired' } });
  }

  private async offerView(offer: Stored<BackfillOfferRecord>) {
    const candidate = (await this.partnerViews([offer.candidate])).get(offer.candidate) ?? emptyPartner();
    return { offerId: offer._id, slot: offer.slot, table: offer.table, candidate, score: offer.score, reasons: offer.reasons, expiresAt: offer.expiresAt.toISOString() };
  }

  private async partnerViews(participantIds: string[]): Promise<Map<string, PartnerView>> {
    if (participantIds.length === 0) return new Map();
    const participants = await this.db.participants.find({ _id: trusted({ $in: participantIds }) });
    const names = await this.sessions.companies.namesOf([...new Set(participants.map((p) => p.companyId))]);
    return new Map(participants.map((p) => [p._id, { participantId: p._id, companyId: p.companyId, companyName: names.get(p.companyId) ?? '' }]));
  }

  /** Meeting id → the partner of `self` in it. */
  private async partnersOf(meetings: Stored<MeetingRecord>[], self: string): Promise<Map<string, PartnerView>> {
    const others = meetings.map((m) => m.participants.find((p) => p !== self) ?? '');
    const views = await this.partnerViews([...new Set(others)].filter(Boolean));
    return new Map(meetings.map((m, i) => [m._id, views.get(others[i] ?? '') ?? emptyPartner()]));
  }

  private async counts(sessionId: string) {
    const [participants, checkedIn] = await Promise.all([
      this.db.participants.count({ sessionId, status: 'active' }),
      this.db.participants.count({ sessionId, status: 'active', checkedInAt: trusted({ $exists: true }) }),
    ]);
    return { participants, checkedIn };
  }

  private async loadSession(sessionId: string): Promise<Stored<SessionRecord>> {
    const session = await this.db.sessions.findById(sessionId);
    if (!session) throw notFound('session', sessionId);
    return session;
  }

  private async visible(actor: Principal, sessionId: string): Promise<Stored<SessionRecord>> {
    return this.sessions.visible(actor, sessionId);
  }

  private async liveSession(actor: Principal, sessionId: string): Promise<Stored<SessionRecord>> {
    const session = await this.visible(actor, sessionId);
    if (session.status !== 'live') throw new HttpProblem('conflict', `The session is ${session.status}, not live.`);
    return session;
  }

  /** The participant an action is for: the token's own, a company's own, or the one the bureau names. */
  private async actingParticipant(actor: Principal, sessionId: string, participantId: string | undefined): Promise<Stored<ParticipantRecord>> {
    await this.visible(actor, sessionId);
    let participant: Stored<ParticipantRecord> | null = null;
    if (actor.role === 'participant') participant = actor.sessionId === sessionId && (!participantId || participantId === actor.id) ? await this.db.participants.findById(actor.id) : null;
    else if (actor.role === 'company') participant = await this.db.participants.findOne({ sessionId, companyId: actor.companyId, ...(participantId ? { _id: participantId } : {}) });
    else if (isBureau(actor) && participantId) participant = await this.db.participants.findOne({ _id: participantId, sessionId });
    if (!participant && isBureau(actor) && !participantId) throw new HttpProblem('validation', 'The bureau must name the participant.', [{ path: 'body.participantId', message: 'is required' }]);
    if (!participant || participant.status !== 'active') throw notFound('participant in session', sessionId);
    return participant;
  }
}

function emptyPartner(): PartnerView {
  return { participantId: '', companyId: '', companyName: '' };
}

function sessionSummary(session: Stored<SessionRecord>) {
  return {
    id: session._id,
    title: session.title,
    status: session.status,
    venue: session.venue ?? null,
    startsAt: session.startsAt.toISOString(),
    slotCount: session.slotCount,
    slotMinutes: session.slotMinutes,
    breakMinutes: session.breakMinutes,
    tables: session.tables,
  };
}

/**
 * When a slot starts on the day: the planned time before the start; the actual start of the current slot; for a
 * later slot, the end of the current phase plus the phases in between (a paused clock counts from now).
 */
export function estimatedSlotStart(session: Stored<SessionRecord>, clock: LiveClock, slot: number, now: Date): Date {
  if (clock.phase === 'before' || clock.phase === 'ended') return slotStart(session, slot);
  if (slot === clock.slot && clock.phase === 'meeting') return clock.phaseStartedAt ?? now;
  if (slot <= clock.slot) return slotStart(session, slot);
  const phaseEnd = clock.paused ? now.getTime() + (clock.remainingMs ?? 0) : (clock.phaseEndsAt?.getTime() ?? now.getTime());
  let t = phaseEnd;
  // From the end of the current phase to the start of `slot`: a break after each meeting slot (if breaks exist).
  const meetingsBetween = slot - clock.slot - 1;
  const breaksBetween = session.breakMinutes > 0 ? slot - clock.slot - (clock.phase === 'break' ? 1 : 0) : 0;
  t += meetingsBetween * phaseLengthMs(session, 'meeting') + breaksBetween * phaseLengthMs(session, 'break');
  return new Date(t);
}

function nextMeeting(session: Stored<SessionRecord>, clock: LiveClock, meetings: Stored<MeetingRecord>[], partners: Map<string, PartnerView>, now: Date): NextMeetingView | null {
  const fromSlot = clock.phase === 'before' ? 0 : clock.phase === 'meeting' ? clock.slot : clock.slot + 1;
  if (clock.phase === 'ended') return null;
  const meeting = meetings.find((m) => m.slot >= fromSlot);
  if (!meeting) return null;
  return { meetingId: meeting._id, slot: meeting.slot, table: meeting.table, startsAt: estimatedSlotStart(session, clock, meeting.slot, now).toISOString(), partner: partners.get(meeting._id) ?? emptyPartner() };
}

export type ParticipantLiveState = Awaited<ReturnType<LiveService['participantState']>>;
export type StaffLiveState = Awaited<ReturnType<LiveService['staffState']>>;
