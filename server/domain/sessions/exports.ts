/** What a session produces for people outside the API: a participant's calendar and the bureau's report. */
import type { Lang } from '../../../matcher/ranking/matcher.js';
import type { Principal } from '../../http/auth.js';
import { HttpProblem } from '../../http/problem.js';
import { trusted } from '../../store/port.js';
import { requireBureau } from '../companies/access.js';
import { companiesOf } from '../companies/model.js';
import { findInSlices } from '../audit/listing.js';
import { postingsOf } from '../postings/model.js';
import { actsForParticipant } from './access.js';
import { agendaCalendar, type CalendarMeeting } from './ics.js';
import { reportCsv, sessionReport, type ReportInput, type SessionReport } from './report.js';
import type { SessionService } from './service.js';

export class SessionExports {
  constructor(private readonly sessions: SessionService) {}

  private get db() {
    return this.sessions.db;
  }

  /** RFC 5545 calendar of one participant's meetings, cancelled ones included (so calendars drop them). */
  async calendar(actor: Principal, sessionId: string, participantId: string, lang: Lang): Promise<string> {
    const session = await this.sessions.visible(actor, sessionId);
    const participant = await this.sessions.participant(actor, sessionId, participantId);
    if (!actsForParticipant(actor, participant)) throw new HttpProblem('not-found', `No participant ${participantId}.`);
    const meetings = await this.db.meetings.find({ sessionId, participants: participantId }, { sort: { slot: 1 } });
    const partnerIds = [...new Set(meetings.flatMap((m) => m.participants).filter((p) => p !== participantId))];
    const partners = partnerIds.length > 0 ? await this.db.participants.find({ _id: trusted({ $in: partnerIds }) }) : [];
    const companyOf = new Map(partners.map((p) => [p._id, p.companyId]));
    const names = await this.sessions.companies.namesOf([participant.companyId, ...companyOf.values()]);
    const entries: CalendarMeeting[] = meetings.map((m) => {
      const partner = m.participants.find((p) => p !== participantId) ?? '';
      const companyId = companyOf.get(partner) ?? '';
      return { id: m._id, slot: m.slot, table: m.table, status: m.status, sequence: m.sequence, partnerName: names.get(companyId) ?? '', partnerCompanyId: companyId, updatedAt: m.updatedAt };
    });
    return agendaCalendar({ session, participantCompanyName: names.get(participant.companyId) ?? '', meetings: entries, lang });
  }

  async report(actor: Principal, sessionId: string, lang: Lang): Promise<SessionReport> {
    return sessionReport(await this.reportInput(actor, sessionId, lang));
  }

  async reportCsv(actor: Principal, sessionId: string, lang: Lang): Promise<string> {
    const input = await this.reportInput(actor, sessionId, lang);
    return reportCsv(sessionReport(input), input);
  }

  private async reportInput(actor: Principal, sessionId: string, lang: Lang): Promise<ReportInput> {
    requireBureau(actor, 'read session reports');
    const session = await this.sessions.visible(actor, sessionId);
    const [participants, meetings, requests] = await Promise.all([
      this.db.participants.find({ sessionId }),
      this.db.meetings.find({ sessionId }, { sort: { slot: 1, table: 1 } }),
      this.db.requests.find({ sessionId }),
    ]);
    const companyIds = [...new Set(participants.map((p) => p.companyId))];
    const store = this.sessions.deps.store;
    const [companies, needs] = await Promise.all([
      findInSlices(companyIds, (slice) => companiesOf(store).find({ _id: trusted({ $in: slice }) }, { projection: { name: 1, industries: 1 } })),
      findInSlices(companyIds, (slice) => postingsOf(store).find({ companyId: trusted({ $in: slice }), kind: 'need', status: 'open' }, { projection: { companyId: 1, title: 1, industries: 1 } })),
    ]);
    return {
      session,
      participants,
      meetings,
      requests,
      companies: new Map(companies.map((c) => [c._id, { name: c.name, industries: c.industries }])),
      openNeeds: needs.map((n) => ({ id: n._id, companyId: n.companyId, title: n.title, industries: n.industries })),
      lang,
    };
  }
}
