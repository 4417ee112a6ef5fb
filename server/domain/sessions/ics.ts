/**
 * One participant's agenda as an RFC 5545 calendar (text/calendar), for "add to my calendar" and subscriptions.
 *
 * Calendars update an event in place when they see the same UID with a higher SEQUENCE, so the UID is the meeting
 * document's id (that document lives for the whole session, moves and cancellations included) and SEQUENCE is the
 * meeting's own counter, which the service bumps on every move or cancellation. A cancelled meeting stays in the
 * feed with STATUS:CANCELLED: dropping it would leave it standing in calendars that already imported it.
 *
 * Times are written as local times of the zone with TZID=Asia/Shanghai and a VTIMEZONE, the way people in the
 * zone read them. ical-generator formats a plain Date in a named zone with the *process's* local clock, so the
 * instants are handed over as TZDate values, which carry their own zone; the calendar-level zone is left unnamed
 * so DTSTAMP and LAST-MODIFIED stay in UTC as RFC 5545 requires.
 */
import { TZDate } from '@date-fns/tz';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Stored } from '../../store/port.js';
import type { SessionRecord } from './model.js';
import { slotEnd, slotStart } from './timeline.js';

/** The zone's clock: sessions happen in Beijing time. */
export const SESSION_TIME_ZONE = 'Asia/Shanghai';
/** Domain part of every event UID; fixed, so UIDs survive a change of host name. */
const UID_DOMAIN = 'zonematch';

export interface CalendarMeeting {
  /** The meeting document's id: the event's UID. */
  id: string;
  slot: number;
  table: number;
  status: 'scheduled' | 'cancelled';
  /** RFC 5545 SEQUENCE, bumped by the service whenever the meeting moves or is cancelled. */
  sequence: number;
  partnerName: string;
  partnerCompanyId: string;
  updatedAt: Date;
}

export interface AgendaCalendarInput {
  session: Stored<SessionRecord>;
  participantCompanyName: string;
  meetings: readonly CalendarMeeting[];
  lang: 'zh' | 'en';
  /** Host name of this deployment, named in PRODID so a calendar file can be traced to where it came from. */
  productHost?: string;
  /** When the file is generated (DTSTAMP); defaults to now. */
  now?: Date;
}

interface Wording {
  summary(partner: string, table: number): string;
  cancelled: string;
  table(table: number): string;
  slot(slot: number, from: string, to: string): string;
  partner(name: string): string;
  location(where: string): string;
  calendarDescription(company: string, title: string): string;
}

const WORDING: Record<'zh' | 'en', Wording> = {
  zh: {
    summary: (partner, table) => `洽谈：${partner} · ${table}号桌`,
    cancelled: '【已取消】',
    table: (table) => `${table}号桌`,
    slot: (slot, from, to) => `第${slot + 1}场 ${from}–${to}（北京时间）`,
    partner: (name) => `洽谈对象：${name}`,
    location: (where) => `地点：${where}`,
    calendarDescription: (company, title) => `${company}在“${title}”的洽谈日程`,
  },
  en: {
    summary: (partner, table) => `Meeting: ${partner} · table ${table}`,
    cancelled: '[Cancelled] ',
    table: (table) => `table ${table}`,
    slot: (slot, from, to) => `Slot ${slot + 1}, ${from}–${to} (Beijing time)`,
    partner: (name) => `Meeting with: ${name}`,
    location: (where) => `Where: ${where}`,
    calendarDescription: (company, title) => `Meetings of ${company} at "${title}"`,
  },
};

/**
 * ical-generator writes NAME and X-WR-CALNAME as given, unlike the event properties it escapes, so a title
 * with a comma, semicolon or line break is escaped here (RFC 5545 §3.3.11 TEXT).
 */
function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

function zoned(instant: Date): TZDate {
  return new TZDate(instant.getTime(), SESSION_TIME_ZONE);
}

/** `14:05` in the session's zone. */
function clock(instant: Date): string {
  const local = zoned(instant);
  return `${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}`;
}

export function agendaCalendar(input: AgendaCalendarInput): string {
  const { session, lang } = input;
  const words = WORDING[lang];
  const calendar = ical({
    prodId: { company: input.productHost ?? UID_DOMAIN, product: 'zonematch session agenda', language: lang.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    name: escapeText(session.title),
    description: escapeText(words.calendarDescription(input.participantCompanyName, session.title)),
    // No calendar-level zone name: see the file comment. The generator still emits the VTIMEZONE of every
    // zone an event names.
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  // Clients that place floating times by the calendar's zone (and show it in subscription settings) read this.
  calendar.x('X-WR-TIMEZONE', SESSION_TIME_ZONE);

  const stamp = input.now ?? new Date();
  const ordered = [...input.meetings].sort((a, b) => a.slot - b.slot || a.table - b.table);
  for (const meeting of ordered) {
    const start = slotStart(session, meeting.slot);
    const end = slotEnd(session, meeting.slot);
    const cancelled = meeting.status === 'cancelled';
    const table = words.table(meeting.table);
    const where = session.venue ? `${session.venue} · ${table}` : table;
    const description = [
      session.title,
      words.slot(meeting.slot, clock(start), clock(end)),
      words.partner(meeting.partnerName),
      words.location(where),
      ...(session.description ? ['', session.description] : []),
    ];
    calendar.createEvent({
      id: `${meeting.id}@${UID_DOMAIN}`,
      sequence: meeting.sequence,
      stamp,
      lastModified: meeting.updatedAt,
      start: zoned(start),
      end: zoned(end),
      timezone: SESSION_TIME_ZONE,
      // Clients that ignore STATUS on a published feed still show the meeting as cancelled.
      summary: (cancelled ? words.cancelled : '') + words.summary(meeting.partnerName, meeting.table),
      location: where,
      description: (cancelled ? [words.cancelled.trim(), ...description] : description).join('\n'),
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
