/**
 * The matcher: retrieves candidates from the search index (any adapter) and ranks them itself, so the ranking is
 * the same whichever index is configured. Also keeps the index in step with the store (called by the index-sync
 * job) and answers full-text search.
 *
 * Retrieval asks the index a few narrow questions instead of one broad one: postings of the kind wanted that share
 * words with the request, company profiles that share words, companies holding a role the request names (those
 * sharing words, and every holder of a role a need's title asks for where there are few), and the documents of the
 * companies found that are still missing. The index only has to find; scoring is here.
 */
import { listRoles, relation, type RoleId } from '../chain/graph.js';
import type { SearchFilter, SearchIndex } from '../index/port.js';
import { conceptsOf, tokenize } from '../text/index.js';
import {
  MATCH_INDEX,
  certificationKey,
  companyDocumentId,
  conceptTerm,
  matchIndexSettings,
  postingDocumentId,
  toCompanyDocument,
  toPostingDocument,
  type CompanyDocument,
  type MatchDocument,
  type MatchableCompany,
  type MatchablePosting,
  type PostingDocument,
  type PostingKind,
} from './documents.js';
import { highlight, spellingsOf } from './highlight.js';
import type { Side } from './side.js';
import { analyseRequest, retrievalQuery, withRarity, type AnalysedRequest, type MatchSubject, type QueryTerm, type Requester } from './request.js';
import { rarity, TermStats } from './term-stats.js';
import { coverageOf, scoreCandidate, type Candidate, type Reason, type ScoredCandidate } from './score.js';
import { termWeight } from './weights.js';

export type Lang = 'zh' | 'en';

export interface MatchOptions {
  limit: number;
  /** Only companies in this park. */
  park?: string | undefined;
  /** Only companies holding this certification. */
  certification?: string | undefined;
  lang: Lang;
  now?: number;
}

export interface MatchItem {
  company: { id: string; name: string };
  posting?: { id: string; kind: PostingKind; title: string };
  score: number;
  reasons: { code: Reason['code']; text: string }[];
}

export type PartnerDirection = 'upstream' | 'downstream' | 'any';

export interface SearchQuery {
  q: string;
  kind?: PostingKind | undefined;
  type?: 'company' | 'posting' | undefined;
  industry?: string | undefined;
  limit: number;
}

export interface SearchItem {
  type: 'company' | 'posting';
  id: string;
  companyId: string;
  kind?: PostingKind;
  title: string;
  score: number;
  highlights: { title: string; description: string };
}

/** What ranking reads of a document: everything but the long description. */
const RANKING_FIELDS = [
  'type', 'companyId', 'kind', 'side', 'status', 'name', 'title', 'titleTerms', 'tagTerms', 'terms', 'industries', 'roles', 'certifications',
  'certificationsRequired', 'park', 'employees', 'quantityAmount', 'quantityUnit', 'updatedAt',
];
const POSTING_CANDIDATES = 100;
const COMPANY_CANDIDATES = 60;
const SNIPPET = 120;

export class Matcher {
  readonly #stats: TermStats;

  constructor(private readonly index: SearchIndex) {
    this.#stats = new TermStats(index);
  }

  ensureIndex(): Promise<void> {
    return this.index.ensureIndex(MATCH_INDEX, matchIndexSettings());
  }

  async upsert(companies: readonly MatchableCompany[], postings: readonly MatchablePosting[]): Promise<void> {
    const documents: MatchDocument[] = [...companies.map(toCompanyDocument), ...postings.map(toPostingDocument)];
    if (documents.length > 0) await this.index.upsert(MATCH_INDEX, documents);
  }

  async remove(companyIds: readonly string[], postingIds: readonly string[]): Promise<void> {
    const ids = [...companyIds.map(companyDocumentId), ...postingIds.map(postingDocumentId)];
    if (ids.length > 0) await this.index.remove(MATCH_INDEX, ids);
  }

  clear(): Promise<void> {
    return this.index.clear(MATCH_INDEX);
  }

  waitUntilIdle(): Promise<void> {
    return this.index.waitUntilIdle();
  }

  /** Ranks partners for a posting (or any subject) of `requester`; the requester never appears. */
  async match(subject: MatchSubject, requester: MatchableCompany, options: MatchOptions): Promise<MatchItem[]> {
    const request = analyseRequest(subject, await this.requesterOf(requester));
    const ranked = await this.rank(request, options);
    return ranked.slice(0, options.limit).map((c) => toItem(c, options.lang));
  }

  /**
   * Upstream suppliers, downstream buyers or both of a company: each of its open postings is matched (needs find
   * suppliers, capabilities buyers), and companies linked to it by the industry chain are added; a company appears
   * once, with its best score.
   */
  async partners(
    company: MatchableCompany,
    postings: readonly MatchablePosting[],
    direction: PartnerDirection,
    options: MatchOptions,
  ): Promise<MatchItem[]> {
    const requester = await this.requesterOf(company);
    const best = new Map<string, ScoredCandidate>();
    const keep = (candidate: ScoredCandidate): void => {
      const current = best.get(candidate.company.companyId);
      if (!current || current.score < candidate.score) best.set(candidate.company.companyId, candidate);
    };
    const wanted = (seeking: 'suppliers' | 'buyers'): boolean =>
      direction === 'any' || (direction === 'upstream') === (seeking === 'suppliers');
    for (const posting of postings.filter((p) => p.status === 'open').slice(0, 8)) {
      const request = analyseRequest(posting, requester);
      if (!wanted(request.seeking)) continue;
      for (const candidate of await this.rank(request, { ...options, limit: 50 })) keep(candidate);
    }
    // The chain alone, from the company's profile: "what companies like yours buy / sell".
    const seekings = direction === 'any' ? (['suppliers', 'buyers'] as const) : direction === 'upstream' ? (['suppliers'] as const) : (['buyers'] as const);
    for (const seeking of seekings) {
      const profile: MatchSubject = {
        kind: seeking === 'suppliers' ? 'need' : 'capability',
        title: '',
        description: company.description,
        tags: [],
        industries: [],
        certificationsRequired: [],
      };
      const request = analyseRequest(profile, requester);
      request.partnerRoles.clear();
      for (const candidate of await this.rank(request, { ...options, limit: 50 }, seeking)) keep(candidate);
    }
    return [...best.values()]
      .sort(byScore)
      .slice(0, options.limit)
      .map((c) => toItem(c, options.lang));
  }

  /** Full-text search over companies and open postings, ranked by the matcher's own text score, with highlights. */
  async search(query: SearchQuery): Promise<{ items: SearchItem[]; total: number }> {
    const terms = new Map<string, QueryTerm>();
    for (const concept of conceptsOf(tokenize(query.q))) {
      const term = conceptTerm(concept.key);
      const weight = termWeight(term) * (concept.via === 'hint' ? 0.5 : 1);
      if ((terms.get(term)?.weight ?? 0) < weight) terms.set(term, { term, weight, surface: concept.surface, hint: concept.via === 'hint', title: true, ownTrade: false });
    }
    if (terms.size === 0) return { items: [], total: 0 };
    const filter: SearchFilter = { status: 'open' };
    if (query.kind !== undefined) Object.assign(filter, { type: 'posting', kind: query.kind });
    else if (query.type !== undefined) filter['type'] = query.type;
    if (query.industry !== undefined) filter['industryCodes'] = query.industry;
    const words = [...terms.values()].sort((a, b) => b.weight - a.weight).slice(0, 10).map((t) => t.term);
    const result = await this.index.search<MatchDocument>(MATCH_INDEX, words.join(' '), { filter, limit: Math.min(1000, query.limit * 4) });
    const total = [...terms.values()].reduce((sum, t) => sum + t.weight, 0);
    const scored = result.hits.map(({ document }, order) => {
      const { coverage, matched } = coverageOf(terms, total, document);
      return { document, score: Math.round(coverage * 1000) / 1000, matched: matched.map((t) => t.term), order };
    });
    const items = scored
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || a.order - b.order)
      .slice(0, query.limit)
      .map(({ document, score, matched }): SearchItem => {
        const spellings = spellingsOf(matched);
        return {
          type: document.type,
          id: document.type === 'company' ? document.companyId : document.id.slice(2),
          companyId: document.companyId,
          ...(document.type === 'posting' ? { kind: document.kind } : {}),
          title: document.title,
          score,
          highlights: { title: highlight(document.title, spellings), description: highlight(document.description, spellings, SNIPPET) },
        };
      });
    return { items, total: result.total };
  }

  /**
   * The requester as ranking sees it. Its index document already holds the roles derived from its profile, so the
   * profile is analysed again only when the document is missing or older than the record.
   */
  private async requesterOf(company: MatchableCompany): Promise<Requester> {
    const found = await this.index.search<MatchDocument>(MATCH_INDEX, '', {
      filter: { type: 'company', companyId: company.id },
      limit: 1,
      attributes: RANKING_FIELDS,
    });
    const document = found.hits[0]?.document;
    if (document?.type === 'company' && document.updatedAt === company.updatedAt.getTime()) return requesterFrom(document);
    return requesterFrom(toCompanyDocument(company));
  }

  /** Candidates for a request, scored, best first, those shown (scoreCandidate drops those below MIN_SCORE). */
  private async rank(request: AnalysedRequest, options: MatchOptions, forceSeeking?: 'suppliers' | 'buyers'): Promise<ScoredCandidate[]> {
    const seeking = forceSeeking ?? request.seeking;
    const { documents, df } = await this.#stats.frequencies([...request.terms.keys()]);
    const analysed = withRarity(seeking === request.seeking ? request : { ...request, seeking }, documents, df, rarity);
    const side: Side = seeking === 'suppliers' ? 'offer' : 'want';
    const q = retrievalQuery(analysed);
    const companyFilter: SearchFilter = { type: 'company' };
    if (options.park !== undefined) companyFilter['park'] = options.park;
    if (options.certification !== undefined) companyFilter['certifications'] = certificationKey(options.certification);

    const chainRoles = chainRolesFor(analysed, seeking);
    // Looking for suppliers, every holder of a role the title asks for is a candidate, whatever its words (a lab whose
    // postings name no EMC test still tests) — where the zone has so few that all of them can be weighed.
    const askedRoles = seeking === 'suppliers' ? [...analysed.partnerRoles].filter(([, strength]) => strength >= 1).map(([role]) => role) : [];
    const [postingHits, companyHits, roleHits, holderHits] = await Promise.all([
      q === '' ? null : this.index.search<MatchDocument>(MATCH_INDEX, q, { filter: { type: 'posting', side, status: 'open' }, limit: POSTING_CANDIDATES, attributes: RANKING_FIELDS }),
      q === '' ? null : this.index.search<MatchDocument>(MATCH_INDEX, q, { filter: companyFilter, limit: COMPANY_CANDIDATES, attributes: RANKING_FIELDS }),
      chainRoles.length === 0 ? null : this.index.search<MatchDocument>(MATCH_INDEX, q, { filter: { ...companyFilter, roles: chainRoles }, limit: COMPANY_CANDIDATES, attributes: RANKING_FIELDS }),
      askedRoles.length === 0 ? null : this.index.search<MatchDocument>(MATCH_INDEX, '', { filter: { ...companyFilter, roles: askedRoles }, limit: COMPANY_CANDIDATES + 1, attributes: RANKING_FIELDS }),
    ]);
    // More holders than that: those sharing words (roleHits) are the ones worth weighing; any other subset would be arbitrary.
    const allHolders = holderHits !== null && holderHits.hits.length <= COMPANY_CANDIDATES ? holderHits : null;

    const companies = new Map<string, CompanyDocument>();
    const postings = new Map<string, PostingDocument[]>();
    const requesterId = analysed.requester.id;
    for (const hits of [companyHits, roleHits, allHolders]) {
      for (const { document } of hits?.hits ?? []) if (document.type === 'company' && document.companyId !== requesterId) companies.set(document.companyId, document);
    }
    for (const { document } of postingHits?.hits ?? []) {
      if (document.type === 'posting' && document.companyId !== requesterId) addPosting(postings, document);
    }
    await this.fillIn(companies, postings, companyFilter, side);

    const now = options.now ?? Date.now();
    const scored: ScoredCandidate[] = [];
    for (const company of companies.values()) {
      const candidate: Candidate = { company, postings: postings.get(company.companyId) ?? [] };
      const result = scoreCandidate(analysed, candidate, now);
      if (result) scored.push(result);
    }
    return scored.sort(byScore);
  }

  /** Fetches the company documents of postings found, and the postings of the kind wanted of companies found. */
  private async fillIn(
    companies: Map<string, CompanyDocument>,
    postings: Map<string, PostingDocument[]>,
    companyFilter: SearchFilter,
    side: Side,
  ): Promise<void> {
    const missingCompanies = [...postings.keys()].filter((id) => !companies.has(id));
    const withoutPostings = [...companies.keys()].filter((id) => !postings.has(id));
    const [companyDocs, postingDocs] = await Promise.all([
      missingCompanies.length === 0
        ? null
        : this.index.search<MatchDocument>(MATCH_INDEX, '', { filter: { ...companyFilter, companyId: missingCompanies }, limit: missingCompanies.length, attributes: RANKING_FIELDS }),
      withoutPostings.length === 0
        ? null
        : this.index.search<MatchDocument>(MATCH_INDEX, '', { filter: { type: 'posting', side, status: 'open', companyId: withoutPostings }, limit: 1000, attributes: RANKING_FIELDS }),
    ]);
    for (const { document } of companyDocs?.hits ?? []) if (document.type === 'company') companies.set(document.companyId, document);
    for (const { document } of postingDocs?.hits ?? []) if (document.type === 'posting') addPosting(postings, document);
  }
}

function addPosting(byCompany: Map<string, PostingDocument[]>, document: PostingDocument): void {
  const list = byCompany.get(document.companyId);
  if (list) list.push(document);
  else byCompany.set(document.companyId, [document]);
}

/** Roles whose holders are worth retrieving even without shared words: the roles named, else the chain's links. */
function chainRolesFor(request: AnalysedRequest, seeking: 'suppliers' | 'buyers'): RoleId[] {
  if (request.partnerRoles.size > 0) return [...request.partnerRoles.keys()];
  const roles = new Set<RoleId>();
  for (const role of linkedRoles(request.ownRoles, seeking)) roles.add(role);
  return [...roles];
}

function linkedRoles(own: readonly RoleId[], seeking: 'suppliers' | 'buyers'): RoleId[] {
  return allRoleIds().filter((role) => {
    const link = seeking === 'suppliers' ? relation([role], own) : relation(own, [role]);
    return link !== null && link.kind === 'supplies' && link.weight >= 0.5;
  });
}

let roleIds: RoleId[] | undefined;
function allRoleIds(): RoleId[] {
  return (roleIds ??= listRoles().map((r) => r.id));
}

function requesterFrom(document: CompanyDocument): Requester {
  return {
    id: document.companyId,
    roles: document.roles,
    industries: document.industries,
    certifications: document.certifications,
    park: document.park,
    employees: document.employees,
  };
}

function byScore(a: ScoredCandidate, b: ScoredCandidate): number {
  return b.score - a.score || Number(a.lacking) - Number(b.lacking) || a.company.companyId.localeCompare(b.company.companyId);
}

function toItem(candidate: ScoredCandidate, lang: Lang): MatchItem {
  return {
    company: { id: candidate.company.companyId, name: candidate.company.name },
    ...(candidate.posting
      ? { posting: { id: candidate.posting.id.slice(2), kind: candidate.posting.kind, title: candidate.posting.title } }
      : {}),
    score: candidate.score,
    reasons: candidate.reasons.map((r) => ({ code: r.code, text: lang === 'zh' ? r.zh : r.en })),
  };
}
