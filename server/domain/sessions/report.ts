/**
 * The report of one session: who came, which meetings happened and what they led to, which industries met which,
 * and which needs are still open afterwards — the figures the bureau reports upwards and follows up on. A pure
 * function of documents the caller loads, so it is the same over either store and trivially testable; the CSV is
 * the meeting list as bureau staff open it in Excel.
 *
 * Counting rules (the schema descriptions repeat them for API readers):
 * - A cancelled meeting counts only as cancelled: it is not on the agenda, did not happen and has no outcome.
 * - A scheduled meeting is held when its outcome says attended, a no-show when its outcome says not attended, and
 *   awaiting an outcome while it has none.
 * - Intentions are counted over held meetings, so none + interested + agreed = held.
 */
import { TZDate } from '@date-fns/tz';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { getIndustry } from '../../../matcher/taxonomy/industries.js';
import type { Stored } from '../../store/port.js';
import { SESSION_STATUSES } from '../../store/schemas/sessions.js';
import type { Intention, MeetingRecord, MeetingRequestRecord, ParticipantRecord, SessionRecord } from './model.js';
import { slotStart } from './timeline.js';

type Lang = 'zh' | 'en';

/** Sessions happen in Beijing time; the CSV shows local times as people in the zone read them. */
const SESSION_TIME_ZONE = 'Asia/Shanghai';
const TOP_UNMET_NEEDS = 10;
/** Stands for the industry of a company the caller could not resolve (deleted since, or without a code). */
const UNKNOWN_DIVISION = '-';

export interface ReportCompany {
  name: string;
  /** GB/T 4754 codes, primary first. */
  industries: readonly string[];
}

export interface ReportNeed {
  /** The posting's id. */
  id: string;
  companyId: string;
  title: string;
  industries: readonly string[];
}

export interface ReportInput {
  session: Stored<SessionRecord>;
  participants: readonly Stored<ParticipantRecord>[];
  meetings: readonly Stored<MeetingRecord>[];
  /** Every participant's company by id. */
  companies: ReadonlyMap<string, ReportCompany>;
  /** Open needs of the participating companies. */
  openNeeds: readonly ReportNeed[];
  requests: readonly Stored<MeetingRequestRecord>[];
  lang: Lang;
}

const count = z.int().min(0);
const industryPairSchema = z.strictObject({
  industries: z
    .tuple([z.string(), z.string()])
    .describe('GB/T 4754 divisions (e.g. "C39") of the two sides’ primary industries, in code order; "-" when unknown.'),
  names: z.tuple([z.string(), z.string()]).describe('Names of the two divisions, in the report’s language.'),
  meetings: count.describe('Scheduled (not cancelled) meetings between the two divisions.'),
  held: count,
  interested: count,
  agreed: count,
});

export const sessionReportSchema = z
  .strictObject({
    sessionId: z.string(),
    title: z.string(),
    status: z.enum(SESSION_STATUSES),
    participants: z
      .strictObject({
        registered: count.describe('Every company that registered, including those that withdrew later.'),
        withdrawn: count,
        checkedIn: count,
      })
      .describe('Participants of the session.'),
    meetings: z
      .strictObject({
        scheduled: count.describe('Meetings on the agenda; cancelled ones are not counted here.'),
        held: count.describe('Scheduled meetings whose outcome says both sides attended.'),
        noShows: count.describe('Scheduled meetings whose outcome says a side did not attend.'),
        cancelled: count,
        awaitingOutcome: count.describe('Scheduled meetings with no outcome recorded yet.'),
      })
      .describe('held + noShows + awaitingOutcome = scheduled.'),
    intentions: z
      .strictObject({ none: count, interested: count, agreed: count })
      .describe('Cooperation intentions of the held meetings: none + interested + agreed = held.'),
    byIndustryPair: z.array(industryPairSchema).describe('Meetings by the pair of industries that met, most meetings first.'),
    topUnmetNeeds: z
      .array(
        z.strictObject({
          postingId: z.string(),
          companyId: z.string(),
          companyName: z.string(),
          title: z.string(),
          reason: z.string().describe('Why the need is listed, in the report’s language.'),
        }),
      )
      .max(TOP_UNMET_NEEDS)
      .describe(
        'Open needs of participating companies that no agreed meeting answered (an agreed meeting answers a need when the ' +
          'partner shares an industry division with it, or with any partner when the need names no industry), those of ' +
          'companies with the most meetings without intention or with a no-show first; at most ten.',
      ),
    requests: z
      .strictObject({
        pending: count,
        accepted: count,
        declined: count,
        expired: count,
        unscheduled: count.describe('Accepted requests without a scheduled meeting.'),
      })
      .describe('Meeting requests by status.'),
  })
  .meta({ id: 'SessionReport' });

export type SessionReport = z.output<typeof sessionReportSchema>;

const WORDING = {
  zh: {
    unknownIndustry: '行业不详',
    noMeeting: '未安排洽谈',
    unmet: (meetings: number, none: number, noShows: number) =>
      `洽谈${meetings}场均未达成合作（${none}场无合作意向，${noShows}场未到场）`,
    agreedElsewhere: (agreed: number, none: number, noShows: number) =>
      `达成的${agreed}项合作不涉及该需求的行业（${none}场无合作意向，${noShows}场未到场）`,
    header: ['场次', '开始时间', '桌号', '企业A', '企业B', '是否到场', '合作意向', '备注', '跟进时间'],
    attended: (attended: boolean) => (attended ? '是' : '否'),
    intention: { none: '无意向', interested: '有意向', agreed: '达成合作' } satisfies Record<Intention, string>,
  },
  en: {
    unknownIndustry: 'Industry unknown',
    noMeeting: 'No meeting was scheduled',
    unmet: (meetings: number, none: number, noShows: number) =>
      `${plural(meetings, 'meeting')}, nothing agreed (${none} without intention, ${plural(noShows, 'no-show')})`,
    agreedElsewhere: (agreed: number, none: number, noShows: number) =>
      `${plural(agreed, 'agreement')} outside this need's industries (${none} without intention, ${plural(noShows, 'no-show')})`,
    header: ['Slot', 'Starts at', 'Table', 'Company A', 'Company B', 'Attended', 'Intention', 'Notes', 'Follow-up'],
    attended: (attended: boolean) => (attended ? 'yes' : 'no'),
    intention: { none: 'none', interested: 'interested', agreed: 'agreed' } satisfies Record<Intention, string>,
  },
};

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function division(code: string | undefined): string {
  return code && code.length >= 3 ? code.slice(0, 3) : UNKNOWN_DIVISION;
}

function divisionName(code: string, lang: Lang): string {
  if (code === UNKNOWN_DIVISION) return WORDING[lang].unknownIndustry;
  return getIndustry(code)?.[lang] ?? code;
}

/** What one company's meetings came to, for ranking its unmet needs. */
interface CompanyTally {
  meetings: number;
  held: number;
  none: number;
  noShows: number;
  /** Companies it agreed with. */
  agreedWith: string[];
}

/** The two company ids of a meeting, in the meeting's order; undefined for a participant the input lacks. */
function companiesOf(meeting: MeetingRecord, companyOfParticipant: ReadonlyMap<string, string>): [string | undefined, string | undefined] {
  return [companyOfParticipant.get(meeting.participants[0] ?? ''), companyOfParticipant.get(meeting.participants[1] ?? '')];
}

function answers(need: ReportNeed, partner: ReportCompany | undefined): boolean {
  if (need.industries.length === 0) return true;
  if (!partner) return false;
  const wanted = new Set(need.industries.map(division));
  return partner.industries.some((code) => wanted.has(division(code)));
}

export function sessionReport(input: ReportInput): SessionReport {
  const { session, lang } = input;
  const companyOfParticipant = new Map(input.participants.map((p) => [p._id, p.companyId]));

  const meetings = { scheduled: 0, held: 0, noShows: 0, cancelled: 0, awaitingOutcome: 0 };
  const intentions = { none: 0, interested: 0, agreed: 0 };
  const pairs = new Map<string, SessionReport['byIndustryPair'][number]>();
  const tallies = new Map<string, CompanyTally>();
  const tally = (companyId: string): CompanyTally => {
    let found = tallies.get(companyId);
    if (!found) tallies.set(companyId, (found = { meetings: 0, held: 0, none: 0, noShows: 0, agreedWith: [] }));
    return found;
  };

  for (const meeting of input.meetings) {
    if (meeting.status === 'cancelled') {
      meetings.cancelled += 1;
      continue;
    }
    meetings.scheduled += 1;
    const outcome = meeting.outcome;
    const held = outcome?.attended === true;
    if (!outcome) meetings.awaitingOutcome += 1;
    else if (held) {
      meetings.held += 1;
      intentions[outcome.intention] += 1;
    } else meetings.noShows += 1;

    const sides = companiesOf(meeting, companyOfParticipant);
    const codes = sides.map((id) => division(id === undefined ? undefined : input.companies.get(id)?.industries[0])).sort();
    const key = codes.join('|');
    let pair = pairs.get(key);
    if (!pair) {
      const industries: [string, string] = [codes[0] ?? UNKNOWN_DIVISION, codes[1] ?? UNKNOWN_DIVISION];
      pair = { industries, names: [divisionName(industries[0], lang), divisionName(industries[1], lang)], meetings: 0, held: 0, interested: 0, agreed: 0 };
      pairs.set(key, pair);
    }
    pair.meetings += 1;
    if (held) {
      pair.held += 1;
      if (outcome.intention === 'interested') pair.interested += 1;
      if (outcome.intention === 'agreed') pair.agreed += 1;
    }

    for (const [i, companyId] of sides.entries()) {
      if (companyId === undefined) continue;
      const t = tally(companyId);
      t.meetings += 1;
      if (!outcome) continue;
      if (!held) t.noShows += 1;
      else {
        t.held += 1;
        if (outcome.intention === 'none') t.none += 1;
        const partner = sides[1 - i];
        if (outcome.intention === 'agreed' && partner !== undefined) t.agreedWith.push(partner);
      }
    }
  }

  const byIndustryPair = [...pairs.values()].sort(
    (a, b) => b.meetings - a.meetings || b.agreed - a.agreed || a.industries.join().localeCompare(b.industries.join()),
  );

  const active = new Set(input.participants.filter((p) => p.status === 'active').map((p) => p.companyId));
  const words = WORDING[lang];
  const unmet = input.openNeeds
    .filter((need) => active.has(need.companyId))
    .map((need) => {
      const t = tallies.get(need.companyId) ?? { meetings: 0, held: 0, none: 0, noShows: 0, agreedWith: [] };
      const met = t.agreedWith.some((partnerId) => answers(need, input.companies.get(partnerId)));
      return { need, t, met, score: t.none + t.noShows };
    })
    .filter((entry) => !entry.met)
    .sort((a, b) => b.score - a.score || (a.need.id < b.need.id ? -1 : a.need.id > b.need.id ? 1 : 0))
    .slice(0, TOP_UNMET_NEEDS)
    .map(({ need, t }) => ({
      postingId: need.id,
      companyId: need.companyId,
      companyName: input.companies.get(need.companyId)?.name ?? need.companyId,
      title: need.title,
      reason:
        t.meetings === 0
          ? words.noMeeting
          : t.agreedWith.length > 0
            ? words.agreedElsewhere(t.agreedWith.length, t.none, t.noShows)
            : words.unmet(t.meetings, t.none, t.noShows),
    }));

  const scheduledRequests = new Set(input.meetings.filter((m) => m.status === 'scheduled').map((m) => m.requestId));
  const requests = { pending: 0, accepted: 0, declined: 0, expired: 0, unscheduled: 0 };
  for (const request of input.requests) {
    requests[request.status] += 1;
    if (request.status === 'accepted' && !scheduledRequests.has(request._id)) requests.unscheduled += 1;
  }

  return {
    sessionId: session._id,
    title: session.title,
    status: session.status,
    participants: {
      registered: input.participants.length,
      withdrawn: input.participants.filter((p) => p.status === 'withdrawn').length,
      checkedIn: input.participants.filter((p) => p.checkedInAt !== undefined).length,
    },
    meetings,
    intentions,
    byIndustryPair,
    topUnmetNeeds: unmet,
    requests,
  };
}

/** `2026-10-29 14:00` in Beijing time: a form Excel recognises as a date-time. */
function localDateTime(instant: Date): string {
  const t = new TZDate(instant.getTime(), SESSION_TIME_ZONE);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${two(t.getMonth() + 1)}-${two(t.getDate())} ${two(t.getHours())}:${two(t.getMinutes())}`;
}

/**
 * Text typed by companies goes into a file people open in Excel, which runs a cell starting with = + - @ (or a
 * tab / carriage return) as a formula. A leading apostrophe makes Excel show it as text (OWASP "CSV injection").
 */
function asText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The meetings on the agenda (cancelled ones left out: they did not take place), in slot and table order, with a
 * UTF-8 byte-order mark so Excel reads the Chinese text as UTF-8 rather than the system code page.
 */
export function reportCsv(report: SessionReport, input: ReportInput): string {
  if (report.sessionId !== input.session._id) throw new Error(`the report of session ${report.sessionId} was paired with the input of ${input.session._id}`);
  const words = WORDING[input.lang];
  const companyOfParticipant = new Map(input.participants.map((p) => [p._id, p.companyId]));
  const nameOf = (companyId: string | undefined) => (companyId === undefined ? '' : (input.companies.get(companyId)?.name ?? companyId));
  const rows = input.meetings
    .filter((m) => m.status === 'scheduled')
    .sort((a, b) => a.slot - b.slot || a.table - b.table)
    .map((meeting) => {
      const [a, b] = companiesOf(meeting, companyOfParticipant);
      const outcome = meeting.outcome;
      return [
        String(meeting.slot + 1),
        localDateTime(slotStart(input.session, meeting.slot)),
        String(meeting.table),
        asText(nameOf(a)),
        asText(nameOf(b)),
        outcome ? words.attended(outcome.attended) : '',
        outcome?.attended ? words.intention[outcome.intention] : '',
        asText(outcome?.notes ?? ''),
        outcome?.followUpAt ? localDateTime(outcome.followUpAt) : '',
      ];
    });
  return stringify([words.header, ...rows], { bom: true, record_delimiter: 'windows' });
}
