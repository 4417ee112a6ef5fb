/**
 * Matching as the API offers it: partners for a posting, upstream/downstream partners of a company, and search.
 * Access follows the objects: whoever may read a posting may ask for its matches; a company key asks for partners
 * of its own company only (the bureau for any). Results name companies and postings every principal may see.
 */
import type { Lang, Matcher, MatchItem, PartnerDirection, SearchItem } from '../../../matcher/ranking/matcher.js';
import type { Principal } from '../../http/auth.js';
import type { PostingKind } from '../../../matcher/ranking/documents.js';
import type { Stored } from '../../store/port.js';
import { requireActsFor } from '../companies/access.js';
import type { CompanyRecord } from '../companies/model.js';
import type { CompanyService } from '../companies/service.js';
import type { PostingService } from '../postings/service.js';
import { matchableCompany, matchablePosting } from './records.js';

export interface MatchQuery {
  limit: number;
  park?: string | undefined;
  certification?: string | undefined;
}

export interface PartnerQuery {
  direction: PartnerDirection;
  limit: number;
}

export interface SearchRequest {
  q: string;
  kind?: PostingKind | undefined;
  type?: 'company' | 'posting' | undefined;
  industry?: string | undefined;
  limit: number;
}

/** Postings of a company considered for its partners (its newest open ones). */
const PARTNER_POSTINGS = 8;

export class MatchService {
  constructor(
    readonly matcher: Matcher,
    private readonly companies: CompanyService,
    private readonly postings: PostingService,
  ) {}

  async matches(actor: Principal, postingId: string, query: MatchQuery, lang: Lang): Promise<{ items: MatchItem[] }> {
    const posting = await this.postings.readable(actor, postingId);
    const company = await this.companies.record(posting.companyId);
    const items = await this.matcher.match(matchablePosting(posting), matchableCompany(company), { ...query, lang });
    return { items };
  }

  async partners(actor: Principal, companyId: string, query: PartnerQuery, lang: Lang): Promise<{ items: MatchItem[] }> {
    const company = await this.companies.record(companyId);
    requireActsFor(actor, companyId, "see another company's partner list");
    return this.partnersOf(company, query, lang);
  }

  /** Partners of a company for the product's own use (session suggestions); callers check access themselves. */
  async partnersOf(company: Stored<CompanyRecord> | string, query: PartnerQuery, lang: Lang): Promise<{ items: MatchItem[] }> {
    if (typeof company === 'string') company = await this.companies.record(company);
    const companyId = company._id;
    const postings = await this.postings.openOf(companyId, PARTNER_POSTINGS);
    const items = await this.matcher.partners(matchableCompany(company), postings.map(matchablePosting), query.direction, {
      limit: query.limit,
      lang,
    });
    return { items };
  }

  search(request: SearchRequest): Promise<{ items: SearchItem[]; total: number }> {
    return this.matcher.search(request);
  }
}
