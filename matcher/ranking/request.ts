/**
 * A match request analysed once: the weighted words that say what is wanted, the industry-chain roles the text
 * names, and which side of the chain the partners are on. A need normally looks for suppliers; a capability, and a
 * need for customers or orders ("寻找国内整机客户"), look for buyers.
 */
import { getRole, listRoles, matchRolesInText, relation, restatedRoles, rolesForIndustries, type RoleId, type RoleMatch } from '../chain/graph.js';
import { conceptsOf, synonymGroupOf, tokenize } from '../text/index.js';
import { certificationKey, conceptTerm, type PostingKind } from './documents.js';
import { sideOf } from './side.js';
import { DOMAIN_WEIGHT, isPlace, termWeight } from './weights.js';

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
  /** Written in the request's title or tags. */
  title: boolean;
  /** Names the requester's own trade ("我们的SMT产线…"): context, not the thing wanted. */
  ownTrade: boolean;
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
  /** Looking for buyers: the words that name what is offered (a company whose profile leads with them competes). */
  offerTerms: string[];
  /**
   * The request's words that name a role its title asks for and no other role (灭菌验证, 生物相容性 for life-science
   * testing; not the 检测 and CNAS electrical labs share): a partner outside that role must match one of them.
   */
  distinctive: Set<string>;
  /**
   * The words of the request's title itself (not its tags) that name the thing asked for or offered, beyond the
   * roles ("无血清培养基", "输液器", "电源管理"): a unit whose own title names them says the same thing; one naming
   * them only in its tags or body, or sharing only the role's words, says less (see productShare in score.ts).
   */
  products: Set<string>;
}


const TITLE_FACTOR = 1.6;
const EXACT_SPELLING_FACTOR = 0.3;
const HINT_FACTOR = 0.75;
/** Words naming the requester's own line of business are context ("我们的SMT产线…"), not the thing wanted. */
const OWN_CONTEXT_FACTOR = 0.5;
/** Strength of a role the title names only as what the wanted thing is for (see analyseRequest). */
const CONTEXT_ROLE = 0.3;
/** Base weight (weights.ts) from which a title's word may name the thing itself: Chinese words of 3+ characters. */
const PRODUCT_WEIGHT = 0.55;

export function analyseRequest(subject: MatchSubject, requester: Requester): AnalysedRequest {
  // The title alone is read for what it restates and the thing it names; with its tags, for what it asks.
  const ownTitleTokens = tokenize(subject.title);
  const titleTokens = [...ownTitleTokens, ...tokenize(subject.tags.join(' '))];
  const bodyTokens = tokenize(subject.description);
  const seeking = sideOf(subject.kind, `${subject.title} ${subject.tags.join(' ')}`) === 'offer' ? 'buyers' : 'suppliers';

  // Roles the title names in so many words (synonyms included) are what it is about. Those only a colloquial hint
  // implies ("机器人关节" → 减速机, 伺服电机) count as named in the title only when the title names no role itself.
  // A role the title names only by restating another ("激光雷达传感器" is a lidar) is not named anywhere in it.
  const restated = restatedRoles(ownTitleTokens);
  const literalTitleRoles = namedRoles(titleTokens, false, restated);
  const impliedTitleRoles = namedRoles(titleTokens, true, restated);
  const titleRoles = literalTitleRoles.length > 0 ? literalTitleRoles : impliedTitleRoles;
  const allRoles = namedRoles([...titleTokens, ...bodyTokens], true, restated);
  const requesterRoles = new Set(requester.roles);
  // What the requester acts as here. Looking for buyers, that is what it offers: the roles of its own the title
  // names, else (a capability) whatever the title names, else its roles. Looking for suppliers, its roles.
  let ownRoles: RoleId[];
  if (seeking === 'buyers') {
    const ownInTitle = titleRoles.map((m) => m.role).filter((r) => requesterRoles.has(r));
    const offered = ownInTitle.length > 0 ? ownInTitle : subject.kind === 'capability' ? titleRoles.slice(0, 1).map((m) => m.role) : [];
    ownRoles = offered.length > 0 ? offered : [...requester.roles];
  } else {
    // A need whose text names no role but the requester's own, and whose title names some in so many words, asks
    // for them (an IC designer also registered for packaging asking "封测合作：QFN封装" wants a packaging house):
    // they are not its own here. A text naming another role too ("新能源物流车" from a logistics firm, 车企 in its
    // body) names its own trade as what the thing is for.
    const asked = literalTitleRoles.map((m) => m.role);
    const ownOnly = asked.length > 0 && allRoles.every((m) => requesterRoles.has(m.role));
    ownRoles = ownOnly ? requester.roles.filter((r) => !asked.includes(r)) : [...requester.roles];
  }
  const own = new Set(ownRoles);

  // Roles partners should hold: named in the title (strongest) or the body, never the requester's own (a supplier
  // of what you make yourself is a competitor; looking for buyers, those are the competitors).
  // Looking for suppliers, a role the title names that buys from another role it names (or is served by it), in the
  // requester's own chain or a service, is what the thing is for, not who should supply it: "二类医疗器械临床评价"
  // from an IVD maker wants a CRO for its device, not a device maker; "AGV/AMR … from warehouse to SMT lines" wants
  // AGVs, not a warehouse; "Factoring our receivables from vehicle makers" wants a factor. Where that leaves no role
  // the title names in so many words, the roles a hint implies stand in ("临床评价" → CRO).
  const context = new Set<RoleId>();
  if (seeking === 'suppliers') {
    const chains = new Set(requester.roles.map((r) => getRole(r)?.chain));
    const named = impliedTitleRoles.map((m) => m.role).filter((r) => !own.has(r));
    for (const role of named) {
      if (!chains.has(getRole(role)?.chain) && !getRole(role)?.servesAll) continue;
      if (named.some((other) => other !== role && servesOrSupplies(other, role))) context.add(role);
    }
  }
  const literalNamed = literalTitleRoles.filter((m) => !own.has(m.role) && !context.has(m.role));
  const wanted = new Set((literalNamed.length > 0 ? literalNamed : impliedTitleRoles).map((m) => m.role));
  const partnerRoles = new Map<RoleId, number>();
  const maxStrength = Math.max(1, ...allRoles.map((m) => m.strength));
  for (const match of allRoles) {
    if (own.has(match.role)) continue;
    const strength = context.has(match.role) ? CONTEXT_ROLE : wanted.has(match.role) ? 1 : 0.3 + (0.3 * match.strength) / maxStrength;
    partnerRoles.set(match.role, strength);
  }
  // The industries a posting names are those of the thing wanted (suppliers) or of the customers (buyers). A
  // capability often lists the requester's own codes instead: those name the offer, not the buyers.
  const industries =
    seeking === 'buyers'
      ? subject.industries.filter((code) => !requester.industries.some((own) => own.startsWith(code) || code.startsWith(own)))
      : subject.industries;
  // A role the text mentions only through words another role it names has too is not brought back by the
  // industries ("灭菌验证及生物相容性检测" under M7452 wants life-science testing, not the electrical labs M7452 also
  // covers).
  const outnamed = new Set(
    matchRolesInText([...titleTokens, ...bodyTokens], { hints: true })
      .map((m) => m.role)
      .filter((role) => !allRoles.some((m) => m.role === role)),
  );
  for (const role of rolesForIndustries(industries)) {
    if (getRole(role)?.generic || own.has(role) || outnamed.has(role)) continue;
    if (!partnerRoles.has(role)) partnerRoles.set(role, 0.6);
  }

  const ownTerms = new Set<string>();
  for (const role of ownRoles) for (const t of roleTerms(role)) ownTerms.add(t);

  const terms = new Map<string, QueryTerm>();
  const addAll = (tokens: string[], factor: number, inTitle: boolean): void => {
    for (const concept of conceptsOf(tokens)) {
      const term = conceptTerm(concept.key);
      // Where the requester is (亦庄, 路东区) is the park signal's business; as a word it would match every profile there.
      if (isPlace(term)) continue;
      const ownTrade = seeking === 'suppliers' && ownTerms.has(term) && !partnerRoleTerm(term, partnerRoles);
      const weight = termWeight(term) * factor * (concept.via === 'hint' ? HINT_FACTOR : 1) * (ownTrade ? OWN_CONTEXT_FACTOR : 1);
      const existing = terms.get(term);
      if (!existing || existing.weight < weight) {
        terms.set(term, { term, weight, surface: concept.surface, hint: concept.via === 'hint', title: inTitle, ownTrade });
      }
      // The exact spelling behind a synonym group earns a little extra where a document uses it too.
      if (concept.via === 'text' && term.startsWith('zz')) {
        for (const word of concept.surface.split(' ')) {
          const exact = weight * EXACT_SPELLING_FACTOR;
          if ((terms.get(word)?.weight ?? 0) < exact) terms.set(word, { term: word, weight: exact, surface: word, hint: false, title: inTitle, ownTrade });
        }
      }
    }
  };
  addAll(bodyTokens, 1, false);
  addAll(titleTokens, TITLE_FACTOR, true);
  let totalWeight = 0;
  for (const t of terms.values()) totalWeight += t.weight;
  const offerTerms =
    seeking === 'buyers'
      ? conceptsOf(titleTokens, { hints: false })
          .map((c) => conceptTerm(c.key))
          .filter((t) => t.startsWith('zz') || termWeight(t) >= 0.9)
          .slice(0, 2)
      : [];

  const distinctive = new Set<string>();
  for (const [role, strength] of partnerRoles) {
    if (strength < 1) continue;
    for (const term of roleTerms(role)) if (terms.has(term) && (roleCount().get(term) ?? 0) === 1) distinctive.add(term);
  }
  // So is a domain word of the title that names no role at all: the thing itself (上下料, QFN), not a trade's word.
  // (A spelling behind a synonym group stands for its group, which is looked at instead.)
  if (distinctive.size > 0) {
    for (const { term, title, hint } of terms.values()) {
      if (title && !hint && !roleCount().has(term) && !synonymGroupOf(term) && termWeight(term) >= DOMAIN_WEIGHT) distinctive.add(term);
    }
  }

  return {
    subject,
    requester,
    seeking,
    terms,
    totalWeight,
    partnerRoles,
    ownRoles,
    requiredCertifications: subject.kind === 'need' ? subject.certificationsRequired.map(certificationKey) : [],
    offerTerms,
    distinctive,
    products: productsOf(ownTitleTokens, terms),
  };
}

/**
 * The words of a title that name the thing itself: content words (domain words, Chinese words of three characters
 * or more; no colloquial hint, no generic word, no word of the requester's own trade) that are no role's keyword —
 * the role is what `fit` weighs. A word that is a kind of a broader concept brings the broader one too (无血清培养基:
 * 培养基 as well), written at the same position right after it.
 */
function productsOf(titleTokens: readonly string[], terms: ReadonlyMap<string, QueryTerm>): Set<string> {
  const products = new Set<string>();
  const narrowest = new Map<number, boolean>();
  for (const concept of conceptsOf(titleTokens, { hints: false })) {
    const term = terms.get(conceptTerm(concept.key));
    const content = term !== undefined && !term.hint && !term.ownTrade && termWeight(term.term) >= PRODUCT_WEIGHT;
    const narrower = narrowest.get(concept.position);
    const product = narrower ?? (content && !roleCount().has(term.term));
    if (narrower === undefined) narrowest.set(concept.position, product);
    if (product && content) products.add(term.term);
  }
  return products;
}

/**
 * The specific roles a text names. A role whose every keyword found is also a keyword of another role found, which
 * has more, is not named by itself: "灭菌验证及生物相容性检测" names life-science testing; the 检测 it shares with
 * electrical testing does not name that too.
 */
function namedRoles(tokens: readonly string[], hints: boolean, restated: ReadonlySet<RoleId>): RoleMatch[] {
  const matches = matchRolesInText(tokens, { hints }).filter((m) => !getRole(m.role)?.generic && !restated.has(m.role));
  // Compared by what the keywords name: cnas and 认证服务 are one concept.
  const named = matches.map((m) => new Set(m.keywords.map((k) => synonymGroupOf(k)?.id ?? k)));
  return matches.filter((_, i) => {
    const mine = named[i] ?? new Set<string>();
    return !named.some((other) => other.size > mine.size && [...mine].every((c) => other.has(c)));
  });
}

/** Whether `supplier` sells to `buyer` along the chain, as a supplier or as a service. */
function servesOrSupplies(supplier: RoleId, buyer: RoleId): boolean {
  const kind = relation([supplier], [buyer])?.kind;
  return kind === 'supplies' || kind === 'serves';
}

function conceptTermsOf(text: string): string[] {
  return conceptsOf(tokenize(text), { hints: false }).map((c) => conceptTerm(c.key));
}

const roleTermCache = new Map<RoleId, Set<string>>();

/** The concept terms of a role's keywords (computed once per role). */
export function roleTerms(role: RoleId): Set<string> {
  let set = roleTermCache.get(role);
  if (!set) {
    set = new Set((getRole(role)?.keywords ?? []).flatMap(conceptTermsOf));
    roleTermCache.set(role, set);
  }
  return set;
}

let roleCounts: Map<string, number> | undefined;

/** For each keyword concept term, how many roles have it. */
function roleCount(): Map<string, number> {
  if (roleCounts) return roleCounts;
  roleCounts = new Map();
  for (const role of listRoles()) for (const term of roleTerms(role.id)) roleCounts.set(term, (roleCounts.get(term) ?? 0) + 1);
  return roleCounts;
}

/** Whether `term` is a keyword of a role the request asks for (then it is the object, not context). */
function partnerRoleTerm(term: string, partnerRoles: Map<RoleId, number>): boolean {
  for (const role of partnerRoles.keys()) if (roleTerms(role).has(term)) return true;
  return false;
}

/** The most telling words of the request, for retrieval (Meilisearch reads at most 10 words of a query). */
export function retrievalQuery(request: AnalysedRequest, words = 10): string {
  return [...request.terms.values()]
    .sort((a, b) => b.weight - a.weight)
    .slice(0, words)
    .map((t) => t.term)
    .join(' ');
}

/** The request with each word's weight scaled by its rarity in the index (see term-stats.ts). */
export function withRarity(request: AnalysedRequest, documents: number, df: ReadonlyMap<string, number>, rarity: (df: number, documents: number) => number): AnalysedRequest {
  const terms = new Map<string, QueryTerm>();
  let totalWeight = 0;
  for (const [key, term] of request.terms) {
    const weight = term.weight * rarity(df.get(key) ?? 0, documents);
    terms.set(key, { ...term, weight });
    totalWeight += weight;
  }
  return { ...request, terms, totalWeight };
}
