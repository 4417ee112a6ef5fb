/**
 * A match request analysed once: the weighted words that say what is wanted, the industry-chain roles the text
 * names, and which side of the chain the partners are on. A need normally looks for suppliers; a capability, and a
 * need for customers or orders ("寻找国内整机客户"), look for buyers.
 */
import { getRole, matchRolesInText, rolesForIndustries, type RoleId } from '../chain/graph.js';
import { conceptsOf, tokenize } from '../text/index.js';
import { certificationKey, conceptTerm, type PostingKind } from './documents.js';
import { termWeight } from './weights.js';

/** The requesting company, as the ranking needs it. */
export interface Requester {
  id: string;
  roles: readonly RoleId[];
  industries: readonly string[];
  certifications: readonly string[];
  park: string;
  employees: number;
}

export interface MatchSubject {
  kind: PostingKind;
  title: string;
  description: string;
  tags: readonly string[];
  industries: readonly string[];
  certificationsRequired: readonly string[];
  quantity?: { amount: number; unit: string } | undefined;
}

export interface QueryTerm {
  term: string;
  weight: number;
  /** How the request wrote it, for reasons. */
  surface: string;
  hint: boolean;
}

export interface AnalysedRequest {
  subject: MatchSubject;
  requester: Requester;
  /** suppliers: partners supply the request; buyers: partners buy from the requester. */
  seeking: 'suppliers' | 'buyers';
  terms: Map<string, QueryTerm>;
  totalWeight: number;
  /** Roles partners should hold, with a strength in 0..1 (1 = named in the title). */
  partnerRoles: Map<RoleId, number>;
  /** Roles the requester acts in for this request (its own roles, or those the capability names). */
  ownRoles: RoleId[];
  requiredCertifications: string[];
}

/** Words that make a need a search for customers rather than for suppliers. */
const BUYER_WORDS = new Set(['客户', '买家', '采购商', '订单', '销路', '销售渠道', 'customer', 'buyer', 'order', 'distributor']);

const TITLE_FACTOR = 1.6;
const HINT_FACTOR = 0.75;
/** Words naming the requester's own line of business are context ("我们的SMT产线…"), not the thing wanted. */
const OWN_CONTEXT_FACTOR = 0.5;

export function analyseRequest(subject: MatchSubject, requester: Requester): AnalysedRequest {
  const titleTokens = tokenize(`${subject.title} ${subject.tags.join(' ')}`);
  const bodyTokens = tokenize(subject.description);
  const seeking = subject.kind === 'capability' || titleTokens.some((t) => BUYER_WORDS.has(t)) ? 'buyers' : 'suppliers';

  const titleRoles = matchRolesInText(titleTokens);
  const allRoles = matchRolesInText([...titleTokens, ...bodyTokens]);
  const requesterRoles = new Set(requester.roles);
  const ownRoles =
    seeking === 'buyers'
      ? unique([...allRoles.map((m) => m.role).filter((r) => requesterRoles.has(r)), ...requester.roles])
      : [...requester.roles];
  const own = new Set(ownRoles);

  const partnerRoles = new Map<RoleId, number>();
  const maxStrength = Math.max(1, ...allRoles.map((m) => m.strength));
  for (const match of allRoles) {
    if (own.has(match.role) && seeking === 'buyers') continue;
    if (getRole(match.role)?.generic) continue;
    const inTitle = titleRoles.some((m) => m.role === match.role);
    partnerRoles.set(match.role, inTitle ? 1 : 0.5 + (0.4 * match.strength) / maxStrength);
  }
  // The industries a posting names are those of the thing wanted (suppliers) or of the customers (buyers).
  for (const role of rolesForIndustries(subject.industries)) {
    if (getRole(role)?.generic || (seeking === 'buyers' && own.has(role))) continue;
    if (!partnerRoles.has(role)) partnerRoles.set(role, 0.6);
  }

  const ownTerms = new Set<string>();
  for (const role of ownRoles) for (const t of roleTerms(role)) ownTerms.add(t);

  const terms = new Map<string, QueryTerm>();
  const addAll = (tokens: string[], factor: number): void => {
    for (const concept of conceptsOf(tokens)) {
      const term = conceptTerm(concept.key);
      let weight = termWeight(term) * factor * (concept.via === 'hint' ? HINT_FACTOR : 1);
      if (seeking === 'suppliers' && ownTerms.has(term) && !partnerRoleTerm(term, partnerRoles)) weight *= OWN_CONTEXT_FACTOR;
      const existing = terms.get(term);
      if (!existing || existing.weight < weight) {
        terms.set(term, { term, weight, surface: concept.surface, hint: concept.via === 'hint' });
      }
    }
  };
  addAll(bodyTokens, 1);
  addAll(titleTokens, TITLE_FACTOR);
  let totalWeight = 0;
  for (const t of terms.values()) totalWeight += t.weight;

  return {
    subject,
    requester,
    seeking,
    terms,
    totalWeight,
    partnerRoles,
    ownRoles,
    requiredCertifications: subject.kind === 'need' ? subject.certificationsRequired.map(certificationKey) : [],
  };
}

function conceptTermsOf(text: string): string[] {
  return conceptsOf(tokenize(text), { hints: false }).map((c) => conceptTerm(c.key));
}

const roleTermCache = new Map<RoleId, Set<string>>();

/** The concept terms of a role's keywords (computed once per role). */
function roleTerms(role: RoleId): Set<string> {
  let set = roleTermCache.get(role);
  if (!set) {
    set = new Set((getRole(role)?.keywords ?? []).flatMap(conceptTermsOf));
    roleTermCache.set(role, set);
  }
  return set;
}

/** Whether `term` is a keyword of a role the request asks for (then it is the object, not context). */
function partnerRoleTerm(term: string, partnerRoles: Map<RoleId, number>): boolean {
  for (const role of partnerRoles.keys()) if (roleTerms(role).has(term)) return true;
  return false;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** The most telling words of the request, for retrieval (Meilisearch reads at most 10 words of a query). */
export function retrievalQuery(request: AnalysedRequest, words = 10): string {
  return [...request.terms.values()]
    .sort((a, b) => b.weight - a.weight)
    .slice(0, words)
    .map((t) => t.term)
    .join(' ');
}
