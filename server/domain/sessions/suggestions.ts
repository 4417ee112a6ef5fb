/**
 * The matcher's proposals for a session.
 *
 * - Whom to invite: companies with open needs or capabilities in the session's industries, ranked by how much is
 *   on offer (open postings in scope) and by how well they complement the companies already taking part — the
 *   matcher's upstream/downstream partners of the participants (or, before anyone registered, of the most active
 *   companies in scope). Each carries the reasons: its postings in scope, and which company it would serve or
 *   supply and why.
 * - Whom to pair: for every participant, the matcher's partners among the other participants; the best pairs not
 *   already requested become pending requests (origin "suggestion") for the invitee or the bureau to approve.
 *   Each participant gets at most a few, so the strong companies do not take every proposal.
 */
import type { Lang, MatchItem } from '../../../matcher/ranking/matcher.js';
import type { Principal } from '../../http/auth.js';
import { HttpProblem } from '../../http/problem.js';
import { trusted, type Filter, type Stored } from '../../store/port.js';
import { industrySubtree } from '../audit/listing.js';
import { requireBureau } from '../companies/access.js';
import { companiesOf } from '../companies/model.js';
import type { MatchService } from '../matching/service.js';
import { postingsOf } from '../postings/model.js';
import type { ParticipantRecord, SessionRecord } from './model.js';
import type { MeetingRequestService } from './requests.js';
import type { SessionService } from './service.js';
import { toRequestView, type RequestView } from './views.js';

export interface Reason {
  code: string;
  text: string;
}

export interface InviteSuggestion {
  company: { id: string; name: string };
  score: number;
  reasons: Reason[];
}

export interface PairSuggestion {
  request: RequestView;
  score: number;
  reasons: Reason[];
}

/** Postings and companies looked at in scope; a development zone's session draws on a few hundred at most. */
const SCOPE_LIMIT = 3000;
/** Companies whose partner lists are asked for; each is one matcher call (~10–20 ms). */
const ANCHORS = 30;
/** Participants whose partner lists feed pair proposals, those with the fewest accepted requests first. */
const PAIR_ANCHORS = 400;
const PARTNERS_PER_ANCHOR = 20;

export class SessionSuggestions {
  constructor(
    private readonly sessions: SessionService,
    private readonly requests: MeetingRequestService,
    private readonly matching: MatchService,
  ) {}

  private get db() {
    return this.sessions.db;
  }

  async invitees(actor: Principal, sessionId: string, limit: number, lang: Lang): Promise<{ items: InviteSuggestion[] }> {
    requireBureau(actor, 'see invitation suggestions');
    const session = await this.sessions.visible(actor, sessionId);
    const store = this.sessions.deps.store;
    const scope = scopeFilter(session);
    const [postings, scopedCompanies, participants, invitations] = await Promise.all([
      postingsOf(store).find({ status: 'open', ...scope }, { sort: { _id: -1 }, limit: SCOPE_LIMIT }),
      session.industries.length > 0 ? companiesOf(store).find(scope, { limit: SCOPE_LIMIT, projection: { name: 1, industries: 1 } }) : Promise.resolve([]),
      this.db.participants.find({ sessionId, status: 'active' }),
      this.db.invitations.find({ sessionId }),
    ]);
    const taken = new Set([...participants.map((p) => p.companyId), ...invitations.map((i) => i.companyId)]);
    const activity = new Map<string, { needs: number; capabilities: number }>();
    for (const posting of postings) {
      const entry = activity.get(posting.companyId) ?? { needs: 0, capabilities: 0 };
      if (posting.kind === 'need') entry.needs += 1;
      else entry.capabilities += 1;
      activity.set(posting.companyId, entry);
    }
    const inScope = new Set([...activity.keys(), ...scopedCompanies.map((c) => c._id)]);
    const byActivity = [...activity.entries()].sort((a, b) => b[1].needs + b[1].capabilities - (a[1].needs + a[1].capabilities)).map(([id]) => id);
    const anchors = [...new Set([...participants.map((p) => p.companyId), ...byActivity])].slice(0, ANCHORS);
    const names = await this.sessions.companies.namesOf(anchors);
    const complement = new Map<string, { total: number; best: MatchItem; anchor: string }>();
    for (const anchor of anchors) {
      const { items } = await this.matching.partnersOf(anchor, { direction: 'any', limit: PARTNERS_PER_ANCHOR }, lang);
      for (const item of items) {
        const id = item.company.id;
        if (id === anchor || (session.industries.length > 0 && !inScope.has(id))) continue;
        const entry = complement.get(id);
        if (!entry) complement.set(id, { total: item.score, best: item, anchor });
        else {
          entry.total += item.score;
          if (item.score > entry.best.score) Object.assign(entry, { best: item, anchor });
        }
      }
    }
    const candidates = new Set([...activity.keys(), ...complement.keys()].filter((id) => !taken.has(id)));
    const maxComplement = Math.max(1, ...[...complement.values()].map((c) => c.total));
    const candidateNames = await this.sessions.companies.namesOf([...candidates]);
    const items: InviteSuggestion[] = [];
    for (const id of candidates) {
      const posted = activity.get(id);
      const fit = complement.get(id);
      const postedScore = posted ? Math.min(1, (posted.needs + posted.capabilities) / 4) : 0;
      const score = 0.4 * postedScore + 0.6 * ((fit?.total ?? 0) / maxComplement);
      const reasons: Reason[] = [];
      if (posted) reasons.push(postingsReason(posted, session.industries.length > 0, lang));
      if (fit) {
        const partner = names.get(fit.anchor) ?? '';
        const why = fit.best.reasons[0]?.text;
        reasons.push({ code: 'complements', text: lang === 'en' ? `Fits ${partner}${why ? `: ${why}` : ''}` : `可与 ${partner} 对接${why ? `：${why}` : ''}` });
      }
      items.push({ company: { id, name: candidateNames.get(id) ?? '' }, score: Math.round(score * 1000) / 1000, reasons });
    }
    items.sort((a, b) => b.score - a.score || a.company.id.localeCompare(b.company.id));
    return { items: items.slice(0, limit) };
  }

  async pairs(actor: Principal, sessionId: string, options: { limit: number; perParticipant: number }, lang: Lang, now = new Date()): Promise<{ items: PairSuggestion[] }> {
    requireBureau(actor, 'propose meetings');
    const session = await this.sessions.visible(actor, sessionId);
    if (!['draft', 'open', 'scheduled'].includes(session.status)) throw new HttpProblem('conflict', `The session is ${session.status}; meetings are no longer proposed.`);
    const [participants, requests] = await Promise.all([
      this.db.participants.find({ sessionId, status: 'active' }),
      this.db.requests.find({ sessionId, status: trusted({ $in: ['pending', 'accepted'] }) }),
    ]);
    const byCompany = new Map(participants.map((p) => [p.companyId, p]));
    const livePairs = new Set(requests.map((r) => r.pairKey));
    const accepted = new Map<string, number>();
    for (const r of requests) if (r.status === 'accepted') for (const p of [r.from, r.to]) accepted.set(p, (accepted.get(p) ?? 0) + 1);
    const anchors = [...participants].sort((a, b) => (accepted.get(a._id) ?? 0) - (accepted.get(b._id) ?? 0)).slice(0, PAIR_ANCHORS);
    const best = new Map<string, { from: Stored<ParticipantRecord>; to: Stored<ParticipantRecord>; item: MatchItem }>();
    for (const anchor of anchors) {
      const { items } = await this.matching.partnersOf(anchor.companyId, { direction: 'any', limit: PARTNERS_PER_ANCHOR }, lang);
      for (const item of items) {
        const other = byCompany.get(item.company.id);
        if (!other || other._id === anchor._id) continue;
        const key = anchor._id < other._id ? `${anchor._id}|${other._id}` : `${other._id}|${anchor._id}`;
        if (livePairs.has(key)) continue;
        const known = best.get(key);
        if (!known || item.score > known.item.score) best.set(key, { from: anchor, to: other, item });
      }
    }
    const ranked = [...best.values()].sort((a, b) => b.item.score - a.item.score);
    const proposed = new Map<string, number>();
    const out: PairSuggestion[] = [];
    for (const { from, to, item } of ranked) {
      if (out.length >= options.limit) break;
      if ((proposed.get(from._id) ?? 0) >= options.perParticipant || (proposed.get(to._id) ?? 0) >= options.perParticipant) continue;
      const reasons = item.reasons.map(({ code, text }) => ({ code, text }));
      const note = reasons.map((r) => r.text).join('；').slice(0, 500);
      const doc = await this.requests.insert(session, from, to, item.score >= 0.75 ? 2 : 1, note || undefined, 'suggestion', actor.id, now).catch(() => null);
      if (!doc) continue; // a request between the two was made meanwhile
      for (const id of [from._id, to._id]) proposed.set(id, (proposed.get(id) ?? 0) + 1);
      out.push({ request: toRequestView(doc), score: item.score, reasons });
    }
    return { items: out };
  }
}

/** Postings or companies in any of the session's industries (or below them); everything when it names none. */
function scopeFilter(session: Stored<SessionRecord>): Filter {
  if (session.industries.length === 0) return {};
  return { $or: session.industries.map((code) => ({ industries: industrySubtree(code) })) };
}

function postingsReason(posted: { needs: number; capabilities: number }, scoped: boolean, lang: Lang): Reason {
  // Only the kinds the company actually has open: "1 open need" rather than "1 open need and 0 capabilities".
  if (lang === 'en') {
    const parts = [posted.needs ? `${posted.needs} open need${posted.needs > 1 ? 's' : ''}` : '', posted.capabilities ? `${posted.capabilities} open capabilit${posted.capabilities > 1 ? 'ies' : 'y'}` : ''].filter(Boolean);
    return { code: 'open-postings', text: `${parts.join(' and ')}${scoped ? ' in the session’s industries' : ''}` };
  }
  const parts = [posted.needs ? `${posted.needs} 条开放需求` : '', posted.capabilities ? `${posted.capabilities} 条开放能力` : ''].filter(Boolean);
  return { code: 'open-postings', text: `${scoped ? '本场产业范围内' : ''}有 ${parts.join('、')}` };
}
