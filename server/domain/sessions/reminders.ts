/**
 * Reminders 24 hours and 1 hour before each participant's first meeting, kept in step with the agenda: every
 * agenda change re-plans the reminders of the participants it touched (the outbox moves the message and its
 * delayed job), a participant without meetings has its reminders cancelled, and so does one that withdraws.
 * A reminder whose time has already passed when it is planned is not sent late; it is cancelled instead.
 */
import { trusted, type Stored } from '../../store/port.js';
import type { Outbox } from '../outbox/service.js';
import type { SessionCollections, SessionRecord } from './model.js';
import { slotStart } from './timeline.js';

const HOUR_MS = 3_600_000;
export const REMINDER_LEADS = [
  { key: '24h', ms: 24 * HOUR_MS, zh: '明天', en: 'tomorrow' },
  { key: '1h', ms: HOUR_MS, zh: '1 小时后', en: 'in one hour' },
] as const;

export class Reminders {
  constructor(
    private readonly db: SessionCollections,
    private readonly outbox: Outbox,
  ) {}

  /** Re-plans the reminders of these participants from their current meetings. */
  async plan(session: Stored<SessionRecord>, participantIds: Iterable<string>, now = new Date()): Promise<void> {
    const ids = [...new Set(participantIds)];
    if (ids.length === 0) return;
    const [participants, meetings] = await Promise.all([
      this.db.participants.find({ _id: trusted({ $in: ids }) }),
      this.db.meetings.find({ sessionId: session._id, status: 'scheduled' }),
    ]);
    const first = new Map<string, { slot: number; table: number }>();
    for (const meeting of meetings) {
      for (const id of meeting.participants) {
        const known = first.get(id);
        if (!known || meeting.slot < known.slot) first.set(id, { slot: meeting.slot, table: meeting.table });
      }
    }
    for (const participant of participants) {
      const next = participant.status === 'active' ? first.get(participant._id) : undefined;
      for (const lead of REMINDER_LEADS) {
        const dedupeKey = `reminder:${participant._id}:${lead.key}`;
        const startsAt = next ? slotStart(session, next.slot) : undefined;
        const dueAt = startsAt ? new Date(startsAt.getTime() - lead.ms) : undefined;
        if (!next || !startsAt || !dueAt || dueAt.getTime() <= now.getTime()) {
          await this.outbox.cancel({ dedupeKey });
          continue;
        }
        const time = startsAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
        await this.outbox.post(
          {
            kind: 'reminder',
            companyId: participant.companyId,
            sessionId: session._id,
            participantId: participant._id,
            dedupeKey,
            subject: `提醒：「${session.title}」${lead.zh}开始，您的第一场洽谈在 ${next.table} 号桌`,
            body: `您在「${session.title}」的第一场洽谈于 ${time}（北京时间）开始，${next.table} 号桌${session.venue ? `，地点：${session.venue}` : ''}。完整日程见 agenda.ics。`,
            link: `/api/v1/sessions/${session._id}/participants/${participant._id}/agenda.ics`,
            dueAt,
          },
          now,
        );
      }
    }
  }

  /** Cancels every unsent reminder of a participant. */
  async cancel(participantId: string): Promise<number> {
    return this.outbox.cancel({ participantId, kind: 'reminder' });
  }
}
