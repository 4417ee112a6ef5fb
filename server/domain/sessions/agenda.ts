/**
 * The agenda: schedule runs (a job on the queue, one at a time per session), the stored meetings, and the
 * bureau's edits (add, move, lock, unlock, cancel).
 *
 * Meetings are stored one document per accepted request for the life of the session, so a meeting keeps its id
 * (the calendar UID) when a later run or an edit moves it; every move or cancellation bumps its `sequence`, so a
 * calendar that re-imports agenda.ics updates the event instead of adding a second one.
 *
 * Runs and edits never overlap: a run marks the session `agenda.state = scheduling` with one conditional update
 * (a second run is a 409 naming the running job), edits are refused while a run is in progress, and every agenda
 * write bumps the session's `agenda.revision` under optimistic concurrency, so two edits racing for the same
 * table cannot both win.
 */
import type { JobContext } from '../../../jobs/queue/port.js';
import { scheduleMeetingsAsync, ScheduleInputError, type LockedMeeting, type ScheduleResult } from '../../../matcher/schedule/index.js';
import type { Principal } from '../../http/auth.js';
import { HttpProblem } from '../../http/problem.js';
import { trusted, VersionConflictError, type Stored } from '../../store/port.js';
import { newId } from '../../store/schema.js';
import { isBureau, requireBureau } from '../companies/access.js';
import type { DomainDeps } from '../deps.js';
import { notFound } from './access.js';
import type { MeetingRecord, ParticipantRecord, SessionRecord } from './model.js';
import type { Reminders } from './reminders.js';
import type { MeetingCreate, MeetingPatch } from './schemas.js';
import type { MeetingRequestService } from './requests.js';
import type { SessionService } from './service.js';
import { toMeetingView, type AgendaView, type MeetingView } from './views.js';

export const SCHEDULE_JOB = 'sessions.schedule';

export interface ScheduleJobData {
  sessionId: string;
  keepLocked: boolean;
  requestedBy: string;
}

/** Sessions whose agenda a run may (re)compute. */
const SCHEDULABLE: ReadonlySet<string> = new Set(['open', 'scheduled']);
/** Sessions whose agenda the bureau may edit by hand (on the day too: a late change of table). */
const EDITABLE: ReadonlySet<string> = new Set(['open', 'scheduled', 'live']);
const LIVE_JOB_STATES: ReadonlySet<string> = new Set(['waiting', 'delayed', 'active']);

export class AgendaService {
  constructor(
    private readonly deps: DomainDeps,
    private readonly sessions: SessionService,
    private readonly requests: MeetingRequestService,
    private readonly reminders: Reminders,
  ) {}

  private get db() {
    return this.sessions.db;
  }

  /** Starts a schedule run as a job; 409 while another run for the session is in progress. */
  async requestRun(actor: Principal, sessionId: string, keepLocked: boolean): Promise<{ jobId: string }> {
    requireBureau(actor, 'schedule sessions');
    const session = await this.sessions.visible(actor, sessionId);
    if (!SCHEDULABLE.has(session.status)) throw new HttpProblem('conflict', `A ${session.status} session cannot be scheduled${session.status === 'draft' ? '; open it first' : ''}.`);
    const jobId = `schedule.${sessionId}.${newId()}`;
    let claimed = await this.db.sessions.updateOne(
      { _id: sessionId, 'agenda.state': trusted({ $ne: 'scheduling' }) },
      { $set: { 'agenda.state': 'scheduling', 'agenda.jobId': jobId } },
    );
    if (!claimed && session.agenda.state === 'scheduling') {
      // A run whose job is gone (failed for good, or lost with its queue) must not block the session forever.
      const running = session.agenda.jobId ? await this.deps.queue.getJob(session.agenda.jobId) : null;
      if (running && LIVE_JOB_STATES.has(running.state)) {
        throw new HttpProblem('conflict', `A schedule run is already in progress (job ${running.id}).`, undefined, undefined, { jobId: running.id });
      }
      claimed = await this.db.sessions.updateOne({ _id: sessionId }, { $set: { 'agenda.state': 'scheduling', 'agenda.jobId': jobId } }, { expectedVersion: session.version }).catch((error: unknown) => {
        if (error instanceof VersionConflictError) return null;
        throw error;
      });
    }
    if (!claimed) throw new HttpProblem('conflict', 'A schedule run is already in progress.');
    const data: ScheduleJobData = { sessionId, keepLocked, requestedBy: actor.id };
    try {
      await this.deps.queue.add(SCHEDULE_JOB, data, { jobId });
    } catch (error) {
      await this.release(sessionId, jobId);
      throw error;
    }
    this.deps.logger.info({ sessionId, jobId, keepLocked, by: actor.id }, 'schedule run queued');
    return { jobId };
  }

  /** The job: computes the agenda and stores it. A repeated delivery of a finished run does nothing. */
  async run(job: JobContext<ScheduleJobData>): Promise<ScheduleResult['stats'] | { skipped: string }> {
    const { sessionId, keepLocked, requestedBy } = job.data;
    const session = await this.db.sessions.findById(sessionId);
    if (!session || session.agenda.state !== 'scheduling' || session.agenda.jobId !== job.id) return { skipped: 'not the current run of this session' };
    try {
      await job.updateProgress({ phase: 'loading', fraction: 0 });
      const [participants, accepted, existing] = await Promise.all([
        this.db.participants.find({ sessionId, status: 'active' }),
        this.db.requests.find({ sessionId, status: 'accepted' }),
        this.db.meetings.find({ sessionId }),
      ]);
      const active = new Set(participants.map((p) => p._id));
      const requests = accepted.filter((r) => active.has(r.from) && active.has(r.to));
      const live = new Set(requests.map((r) => r._id));
      const locked: LockedMeeting[] = keepLocked
        ? existing.filter((m) => m.locked && m.status === 'scheduled' && live.has(m.requestId)).map((m) => ({ requestId: m.requestId, slot: m.slot, table: m.table }))
        : [];
      let lastReport = 0;
      const result = await scheduleMeetingsAsync(
        {
          slotCount: session.slotCount,
          tables: session.tables,
          participants: participants.map((p) => ({ id: p._id, availability: p.availability, maxMeetings: p.maxMeetings })),
          requests: requests.map((r) => ({ id: r._id, a: r.from, b: r.to, priority: r.priority })),
          locked,
        },
        {
          onProgress: (fraction) => {
            // Progress is a write to the queue backend; a few per second is plenty for a progress bar.
            const now = Date.now();
            if (now - lastReport < 250 && fraction < 1) return;
            lastReport = now;
            job.updateProgress({ phase: 'solving', fraction: Math.round(fraction * 100) / 100 }).catch(() => undefined);
          },
        },
      );
      await job.updateProgress({ phase: 'saving', fraction: 1 });
      const touched = await this.store(session, result, existing, requests.map((r) => ({ id: r._id, pair: [r.from, r.to] as [string, string] })));
      await this.db.runs.insertOne({ sessionId, jobId: job.id, requestedBy, keepLocked, stats: { ...result.stats }, unscheduled: result.unscheduled });
      const saved = await this.db.sessions.updateOne(
        { _id: sessionId, 'agenda.jobId': job.id },
        {
          $set: { 'agenda.state': 'scheduled', 'agenda.runAt': new Date(), ...(session.status === 'open' ? { status: 'scheduled' } : {}) },
          $inc: { 'agenda.revision': 1 },
        },
      );
      if (saved) await this.reminders.plan(saved, touched);
      this.deps.logger.info({ sessionId, jobId: job.id, ...result.stats, unscheduled: result.unscheduled.length }, 'agenda scheduled');
      return result.stats;
    } catch (error) {
      await this.release(sessionId, job.id);
      if (error instanceof ScheduleInputError) throw new Error(`The locked meetings are inconsistent: ${error.message}. Unlock or move them and run again.`, { cause: error });
      throw error;
    }
  }

  /** Writes a run's meetings, keeping each request's meeting document; returns every participant affected. */
  private async store(session: Stored<SessionRecord>, result: ScheduleResult, existing: Stored<MeetingRecord>[], requests: { id: string; pair: [string, string] }[]): Promise<Set<string>> {
    const byRequest = new Map(existing.map((m) => [m.requestId, m]));
    const pairs = new Map(requests.map((r) => [r.id, r.pair]));
    const touched = new Set<string>();
    const inserts: MeetingRecord[] = [];
    const kept = new Set<string>();
    for (const meeting of result.meetings) {
      kept.add(meeting.requestId);
      const pair = pairs.get(meeting.requestId);
      if (!pair) continue;
      const before = byRequest.get(meeting.requestId);
      if (!before) {
        inserts.push({ sessionId: session._id, requestId: meeting.requestId, participants: pair, slot: meeting.slot, table: meeting.table, locked: meeting.locked, status: 'scheduled', sequence: 0 });
        pair.forEach((p) => touched.add(p));
        continue;
      }
      const moved = before.status !== 'scheduled' || before.slot !== meeting.slot || before.table !== meeting.table;
      if (!moved && before.locked === meeting.locked) continue;
      await this.db.meetings.updateOne(
        { _id: before._id },
        { $set: { slot: meeting.slot, table: meeting.table, locked: meeting.locked, status: 'scheduled' }, ...(moved ? { $inc: { sequence: 1 } } : {}) },
      );
      if (moved) pair.forEach((p) => touched.add(p));
    }
    if (inserts.length > 0) await this.db.meetings.insertMany(inserts);
    for (const before of existing) {
      if (before.status !== 'scheduled' || kept.has(before.requestId) || before.outcome) continue;
      await this.db.meetings.updateOne({ _id: before._id }, { $set: { status: 'cancelled', locked: false }, $inc: { sequence: 1 } });
      before.participants.forEach((p) => touched.add(p));
    }
    return touched;
  }

  private async release(sessionId: string, jobId: string): Promise<void> {
    const session = await this.db.sessions.findById(sessionId);
    if (session?.agenda.jobId !== jobId || session.agenda.state !== 'scheduling') return;
    await this.db.sessions.updateOne({ _id: sessionId, 'agenda.jobId': jobId }, { $set: { 'agenda.state': session.agenda.revision > 0 ? 'scheduled' : 'none' } });
  }

  /** The agenda as the actor may see it: all of it for the bureau, a company's or participant's own meetings otherwise. */
  async agenda(actor: Principal, sessionId: string): Promise<AgendaView> {
    const session = await this.sessions.visible(actor, sessionId);
    const own = isBureau(actor) ? undefined : await this.requests.ownParticipant(actor, sessionId);
    if (!isBureau(actor) && !own) throw notFound('participant of yours in session', sessionId);
    const filter: Record<string, unknown> = { sessionId, status: 'scheduled' };
    if (own) filter.participants = own._id;
    const [meetings, run] = await Promise.all([
      this.db.meetings.find(filter, { sort: { slot: 1, table: 1 } }),
      this.db.runs.findOne({ sessionId }, { sort: { _id: -1 } }),
    ]);
    let unscheduled = run?.unscheduled ?? [];
    const scheduledNow = new Set(meetings.map((m) => m.requestId));
    unscheduled = unscheduled.filter((u) => !scheduledNow.has(u.requestId));
    if (own) {
      const mine = new Set((await this.db.requests.find({ sessionId, $or: [{ from: own._id }, { to: own._id }] })).map((r) => r._id));
      unscheduled = unscheduled.filter((u) => mine.has(u.requestId));
    }
    return {
      status: session.agenda.state,
      revision: session.agenda.revision,
      meetings: meetings.map((m) => toMeetingView(m, session)),
      unscheduled: unscheduled.map(({ requestId, reason, message }) => ({ requestId, reason, message })),
      ...(run && isBureau(actor) ? { stats: run.stats } : {}),
    };
  }

  /** Places an accepted request by hand. */
  async addMeeting(actor: Principal, sessionId: string, input: MeetingCreate): Promise<MeetingView> {
    requireBureau(actor, 'edit the agenda');
    const session = await this.editable(actor, sessionId);
    const request = await this.db.requests.findOne({ _id: input.requestId, sessionId });
    if (!request) throw new HttpProblem('validation', 'The request is not part of this session.', [{ path: 'body.requestId', message: `no meeting request ${input.requestId} in this session` }]);
    if (request.status !== 'accepted') throw new HttpProblem('conflict', `The request is ${request.status}; only accepted requests become meetings.`);
    const before = await this.db.meetings.findOne({ sessionId, requestId: request._id });
    if (before?.status === 'scheduled') throw new HttpProblem('conflict', `The request already has a meeting (${before._id}); move it instead.`, undefined, undefined, { meetingId: before._id });
    const pair: [string, string] = [request.from, request.to];
    await this.checkPlacement(session, pair, input.slot, input.table, before?._id);
    await this.bumpRevision(session);
    const saved = before
      ? await this.db.meetings.updateOne({ _id: before._id }, { $set: { slot: input.slot, table: input.table, locked: input.locked ?? true, status: 'scheduled' }, $inc: { sequence: 1 } })
      : await this.db.meetings.insertOne({ sessionId, requestId: request._id, participants: pair, slot: input.slot, table: input.table, locked: input.locked ?? true, status: 'scheduled', sequence: 0 });
    if (!saved) throw notFound('meeting', before?._id ?? '');
    await this.reminders.plan(session, pair);
    return toMeetingView(saved, session);
  }

  /** Moves, locks, unlocks or cancels a meeting. */
  async updateMeeting(actor: Principal, sessionId: string, meetingId: string, patch: MeetingPatch): Promise<MeetingView> {
    requireBureau(actor, 'edit the agenda');
    const session = await this.editable(actor, sessionId);
    const meeting = await this.db.meetings.findOne({ _id: meetingId, sessionId });
    if (!meeting) throw notFound('meeting', meetingId);
    if (meeting.status === 'cancelled') throw new HttpProblem('conflict', 'The meeting is cancelled; place its request again with POST /sessions/{id}/meetings.');
    const set: Partial<MeetingRecord> = {};
    let moved = false;
    if (patch.status === 'cancelled') {
      if (meeting.outcome) throw new HttpProblem('conflict', 'The meeting has a recorded outcome; it cannot be cancelled.');
      Object.assign(set, { status: 'cancelled', locked: false });
      moved = true;
    } else {
      const slot = patch.slot ?? meeting.slot;
      const table = patch.table ?? meeting.table;
      if (slot !== meeting.slot || table !== meeting.table) {
        const pair: [string, string] = [meeting.participants[0] ?? '', meeting.participants[1] ?? ''];
        await this.checkPlacement(session, pair, slot, table, meeting._id);
        Object.assign(set, { slot, table });
        moved = true;
        // A meeting the bureau placed by hand stays where it was put unless the bureau says otherwise.
        if (patch.locked === undefined) set.locked = true;
      }
      if (patch.locked !== undefined) set.locked = patch.locked;
    }
    if (Object.keys(set).length === 0) return toMeetingView(meeting, session);
    await this.bumpRevision(session);
    const saved = await this.db.meetings.updateOne({ _id: meetingId }, { $set: set, ...(moved ? { $inc: { sequence: 1 } } : {}) });
    if (!saved) throw notFound('meeting', meetingId);
    if (moved) await this.reminders.plan(session, meeting.participants);
    return toMeetingView(saved, session);
  }

  /** Cancels the scheduled meetings of a participant that withdrew; returns the partners affected. */
  async releaseWithdrawn(session: Stored<SessionRecord>, participant: Stored<ParticipantRecord>): Promise<string[]> {
    const meetings = await this.db.meetings.find({ sessionId: session._id, status: 'scheduled', participants: participant._id });
    const partners: string[] = [];
    for (const meeting of meetings) {
      if (meeting.outcome) continue;
      await this.db.meetings.updateOne({ _id: meeting._id }, { $set: { status: 'cancelled', locked: false }, $inc: { sequence: 1 } });
      partners.push(...meeting.participants.filter((p) => p !== participant._id));
    }
    if (meetings.length > 0) await this.db.sessions.updateOne({ _id: session._id }, { $inc: { 'agenda.revision': 1 } });
    await this.reminders.plan(session, partners);
    await this.reminders.cancel(participant._id);
    return partners;
  }

  private async editable(actor: Principal, sessionId: string): Promise<Stored<SessionRecord>> {
    const session = await this.sessions.visible(actor, sessionId);
    if (!EDITABLE.has(session.status)) throw new HttpProblem('conflict', `The agenda of a ${session.status} session cannot be edited.`);
    if (session.agenda.state === 'scheduling') throw new HttpProblem('conflict', 'A schedule run is in progress; edit the agenda when it has finished.');
    return session;
  }

  /** Checks that a meeting of `pair` fits at (slot, table); every clash is a 409 naming it. */
  private async checkPlacement(session: Stored<SessionRecord>, pair: [string, string], slot: number, table: number, self: string | undefined): Promise<void> {
    if (slot >= session.slotCount) throw new HttpProblem('validation', 'The slot is outside the session.', [{ path: 'body.slot', message: `slots are numbered 0..${session.slotCount - 1}` }]);
    if (table > session.tables) throw new HttpProblem('validation', 'The table is outside the session.', [{ path: 'body.table', message: `tables are numbered 1..${session.tables}` }]);
    const [inSlot, participants] = await Promise.all([
      this.db.meetings.find({ sessionId: session._id, status: 'scheduled', slot }),
      this.db.participants.find({ _id: trusted({ $in: pair }) }),
    ]);
    // A meeting one side did not come to (recorded as not attended) no longer holds its table or its other side.
    const others = inSlot.filter((m) => m._id !== self && m.outcome?.attended !== false);
    const atTable = others.find((m) => m.table === table);
    if (atTable) throw new HttpProblem('conflict', `Table ${table} is taken in slot ${slot} (meeting ${atTable._id}).`, undefined, undefined, { meetingId: atTable._id });
    for (const participant of participants) {
      const busy = others.find((m) => m.participants.includes(participant._id));
      if (busy) throw new HttpProblem('conflict', `Participant ${participant._id} already meets in slot ${slot} (meeting ${busy._id}).`, undefined, undefined, { meetingId: busy._id });
      if (participant.status !== 'active') throw new HttpProblem('conflict', `Participant ${participant._id} has withdrawn.`);
      if (!participant.availability.includes(slot)) throw new HttpProblem('conflict', `Participant ${participant._id} is not available in slot ${slot}.`);
      if (participant.maxMeetings !== undefined) {
        const count = await this.db.meetings.count({ sessionId: session._id, status: 'scheduled', participants: participant._id, _id: trusted({ $ne: self ?? '' }) });
        if (count >= participant.maxMeetings) throw new HttpProblem('conflict', `Participant ${participant._id} already has its maximum of ${participant.maxMeetings} meetings.`);
      }
    }
  }

  /** Serialises agenda writes: the edit goes ahead only if no other write happened since the session was read. */
  private async bumpRevision(session: Stored<SessionRecord>): Promise<void> {
    const bumped = await this.db.sessions
      .updateOne({ _id: session._id, 'agenda.state': trusted({ $ne: 'scheduling' }) }, { $inc: { 'agenda.revision': 1 } }, { expectedVersion: session.version })
      .catch((error: unknown) => {
        if (error instanceof VersionConflictError) return null;
        throw error;
      });
    if (!bumped) throw new HttpProblem('conflict', 'The agenda changed while this edit was checked; read it again and retry.');
  }
}
