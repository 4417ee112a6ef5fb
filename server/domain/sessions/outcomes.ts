/**
 * Meeting outcomes: after a meeting, either side or the bureau records whether it took place and what came of it
 * (no intention, interested, agreed), with notes and an optional follow-up date. A follow-up date plans a
 * follow-up message to both companies through the outbox (a delayed job); changing or removing it re-plans or
 * cancels the message. The last recording wins; who recorded it is kept.
 */
import type { Principal } from '../../http/auth.js';
import { HttpProblem } from '../../http/problem.js';
import { trusted, type Stored } from '../../store/port.js';
import type { Outbox } from '../outbox/service.js';
import { actsForParticipant, canSeeSession, notFound } from './access.js';
import type { OutcomeInput } from './schemas.js';
import type { SessionService } from './service.js';
import { clockOf, type MeetingOutcome, type MeetingRecord, type SessionRecord } from './model.js';
import { slotStart } from './timeline.js';
import { toMeetingView, type MeetingView } from './views.js';

/** Outcomes are recorded once a session has an agenda, and after it has closed (people write them up later). */
const RECORDABLE: ReadonlySet<string> = new Set(['scheduled', 'live', 'closed']);

export class OutcomeService {
  constructor(
    private readonly sessions: SessionService,
    private readonly outbox: Outbox,
  ) {}

  private get db() {
    return this.sessions.db;
  }

  async record(actor: Principal, meetingId: string, input: OutcomeInput, now = new Date()): Promise<MeetingView> {
    const meeting = await this.db.meetings.findById(meetingId);
    const session = meeting ? await this.db.sessions.findById(meeting.sessionId) : null;
    if (!meeting || !session || !canSeeSession(actor, session)) throw notFound('meeting', meetingId);
    const sides = await this.db.participants.find({ sessionId: session._id, _id: trusted({ $in: meeting.participants }) });
    if (!sides.some((side) => actsForParticipant(actor, side))) throw notFound('meeting', meetingId);
    if (meeting.status !== 'scheduled') throw new HttpProblem('conflict', 'The meeting was cancelled; there is no outcome to record.');
    if (!RECORDABLE.has(session.status)) throw new HttpProblem('conflict', `The session is ${session.status}; outcomes are recorded once it has an agenda.`);
    if (!hasStarted(session, meeting, now)) throw new HttpProblem('conflict', 'The meeting has not started yet.');
    if (input.followUpAt && input.followUpAt.getTime() <= now.getTime()) {
      throw new HttpProblem('validation', 'A follow-up must be in the future.', [{ path: 'body.followUpAt', message: 'must be later than now' }]);
    }
    const outcome: MeetingOutcome = {
      attended: input.attended,
      intention: input.intention,
      recordedBy: actor.id,
      recordedAt: now,
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
      ...(input.followUpAt ? { followUpAt: input.followUpAt } : {}),
    };
    const saved = await this.db.meetings.updateOne({ _id: meetingId, status: 'scheduled' }, { $set: { outcome } });
    if (!saved) throw new HttpProblem('conflict', 'The meeting was cancelled meanwhile.');
    await this.planFollowUps(saved, session.title, sides.map((s) => s.companyId), now);
    return toMeetingView(saved, session);
  }

  private async planFollowUps(meeting: Stored<MeetingRecord>, title: string, companyIds: string[], now: Date): Promise<void> {
    const names = await this.sessions.companies.namesOf(companyIds);
    for (const companyId of companyIds) {
      const dedupeKey = `follow-up:${meeting._id}:${companyId}`;
      const followUpAt = meeting.outcome?.followUpAt;
      if (!followUpAt) {
        await this.outbox.cancel({ dedupeKey });
        continue;
      }
      const partner = companyIds.find((id) => id !== companyId) ?? companyId;
      await this.outbox.post(
        {
          kind: 'follow-up',
          companyId,
          sessionId: meeting.sessionId,
          meetingId: meeting._id,
          dedupeKey,
          subject: `跟进提醒：与 ${names.get(partner) ?? ''} 的洽谈`,
          body: `您在「${title}」与 ${names.get(partner) ?? ''} 洽谈后约定今天跟进。${meeting.outcome?.notes ? `洽谈记录：${meeting.outcome.notes}` : ''}`,
          dueAt: followUpAt,
        },
        now,
      );
    }
  }
}

/** On the day the live clock says which slots have begun; otherwise the planned slot times do. */
function hasStarted(session: Stored<SessionRecord>, meeting: Stored<MeetingRecord>, now: Date): boolean {
  const clock = clockOf(session);
  if (clock.phase !== 'before') return meeting.slot <= clock.slot || clock.phase === 'ended';
  return slotStart(session, meeting.slot).getTime() <= now.getTime();
}
