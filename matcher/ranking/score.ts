/**
 * The one score of a candidate company for a request, 0..1, and the reasons behind it. Documented in
 * docs/matcher-ranking.md; the weights below are the whole formula.
 *
 *   score = 0.50 text + 0.10 title + 0.15 product + 0.30 fit + 0.02 park + 0.02 quantity + 0.03 size + 0.03 fresh
 *   fit   = max(role named by the request, 0.5 × chain link weight, 0.3 × industry proximity)
 *           (looking for buyers, a supply link from the offer counts 0.85 × its weight, and a role the offer names
 *           that no supply link from it reaches 0.7 × its strength)
 *
 * then ×0.35 for a direct competitor. A candidate with no real connection (none of the roles the request names,
 * no posting of the right kind that says the same things, not a buyer of the offer by the chain, no supply link
 * backed by shared words beyond the requester's own trade) is dropped, as is one outside the roles the title asks
 * for that matches none of the words only those roles use, and one scoring below MIN_SCORE. One lacking a
 * certification the need requires is scored all the same, then scaled below MIN_SCORE and flagged ("缺少 ISO 13485"):
 * listed after every company that holds them. (product is a share of all the request's title and tag words that only
 * the words naming the thing itself earn, so it stays well below 1; the score is capped at 1.)
 */
import { chainReason, getRole, relation, type ChainRelation, type RoleId } from '../chain/graph.js';
import { industryProximity } from '../taxonomy/industries.js';
import { certificationKey, termsOf, type CompanyDocument, type PostingDocument } from './documents.js';
import { roleTerms as roleTermsOf, type AnalysedRequest, type QueryTerm } from './request.js';
import { termWeight } from './weights.js';

export const WEIGHTS = {
  text: 0.5,
  title: 0.1,
  product: 0.15,
  fit: 0.3,
  park: 0.02,
  quantity: 0.02,
  size: 0.03,
  fresh: 0.03,
} as const;
export const COMPETITOR_FACTOR = 0.35;
/** A chain link or a shared industry says less about fit than holding the role the request names. */
const CHAIN_FIT = 0.5;
/** Looking for buyers, a role the offer names that the chain does not make a buyer of it counts this much. */
const NAMED_NOT_BUYER = 0.7;
/** Looking for buyers, a supply link from the role offered names the very customers of the offer. */
const BUYER_CHAIN_FIT = 0.85;
const INDUSTRY_FIT = 0.3;
/** Text matching only words other roles share (see scoreCandidate) counts this much. */
const SHARED_WORDS_FACTOR = 0.5;
/** A role the title of a capability names counts less than one the company holds. */
const OFFERED_ROLE = 0.6;
/**
 * A company lacking a certification the need requires is listed after every company holding them, flagged: its
 * score is scaled to at most MIN_SCORE, the least any holder shown has (a tie goes to the holder: `lacking`).
 */
const LACKING_FACTOR = 0.3;
/** Below this a candidate is not shown: fewer results rather than noise. */
export const MIN_SCORE = 0.3;
/** A company profile says less about a concrete request than a posting does. */
const PROFILE_FACTOR = 0.55;
/** Text coverage saturates like BM25's term-frequency curve: covering 30 % of the request already scores 0.65. */
const SATURATION = 0.3;
/** A word found only in the body counts less than one in the title. */
const BODY_FACTOR = 0.6;
/** Tags say what a posting is about, a little less firmly than its title. */
const TAG_FACTOR = 0.9;
/** A certificate the company holds answers a request naming it as well as its posting saying so in passing. */
const HELD_FACTOR = 0.6;

export interface Reason {
  code: 'text' | 'role' | 'chain' | 'industry' | 'certification' | 'park' | 'quantity' | 'size' | 'fresh' | 'competitor';
  zh: string;
  en: string;
}

export interface Candidate {
  company: CompanyDocument;
  /** The candidate's postings of the kind the request looks for. */
  postings: PostingDocument[];
}

export interface ScoredCandidate {
  company: CompanyDocument;
  posting: PostingDocument | null;
  score: number;
  reasons: Reason[];
  /** Lacks a certification the need requires: listed after every company that holds them. */
  lacking: boolean;
}

interface TextMatch {
  score: number;
  matched: QueryTerm[];
  /** Share (by weight) of the request's title words found in this unit's title: the two say the same thing. */
  titles: number;
  /** Share (by weight) of the request's product words (request.ts) this unit's own title names. */
  products: number;
}

interface ParsedTerms {
  title: readonly string[];
  tags: readonly string[];
  body: readonly string[];
}

/** What a document's text is read from: its analysed title, tags and body. */
type Analysed = { type: string; titleTerms: string; tagTerms: string; terms: string };

/**
 * The words ranking reads of a document. A profile's first PROFILE_WORDS concepts are what the company says it
 * does; the rest (history, awards, customers) would only add chance matches and cost.
 */
const PROFILE_WORDS = 60;

function parsed(document: Analysed): ParsedTerms {
  const body = document.terms.split(' ');
  return {
    title: document.titleTerms.split(' '),
    tags: document.tagTerms.split(' '),
    body: document.type === 'company' ? body.slice(0, PROFILE_WORDS) : body,
  };
}

/**
 * How much of a weighted word list a document holds: the share by weight, words only in the tags counting less and
 * words only in the body less again.
 */
export function coverageOf(
  terms: ReadonlyMap<string, QueryTerm>,
  totalWeight: number,
  document: Analysed,
  held: readonly string[] = [],
): { coverage: number; titles: number; matched: QueryTerm[] } {
  if (totalWeight === 0) return { coverage: 0, titles: 0, matched: [] };
  const { title, tags, body } = parsed(document);
  // Walk the document's words and look each up in the request.
  const found = new Map<QueryTerm, number>();
  const find = (words: readonly string[], factor: number): void => {
    for (const word of words) {
      const term = terms.get(word);
      if (term && !found.has(term)) found.set(term, factor);
    }
  };
  find(title, 1);
  find(tags, TAG_FACTOR);
  find(body, BODY_FACTOR);
  find(held, HELD_FACTOR);
  let sum = 0;
  let titleSum = 0;
  let titleTotal = 0;
  for (const [term, factor] of found) {
    sum += term.weight * factor;
    if (term.title && factor >= TAG_FACTOR) titleSum += term.weight * factor;
  }
  for (const term of terms.values()) if (term.title) titleTotal += term.weight;
  return { coverage: sum / totalWeight, titles: titleTotal === 0 ? 0 : titleSum / titleTotal, matched: [...found.keys()] };
}

function textMatch(request: AnalysedRequest, document: Analysed, held: readonly string[]): TextMatch {
  const { coverage, titles, matched } = coverageOf(request.terms, request.totalWeight, document, held);
  return {
    score: Math.min(1, (coverage * (1 + SATURATION)) / (coverage + SATURATION)),
    matched,
    titles,
    products: productShare(request, document),
  };
}

/**
 * How much of the request the unit's own title names of the thing itself (request.products): the weight of those
 * words found there, as a share of all the request's title and tag words. A posting titled "细胞培养基国产供应"
 * answers "CHO无血清培养基" more squarely than one titled "层析填料国产供应" that lists 培养基 among its tags. Sharing
 * one word out of a long title earns little, so a single common word cannot decide the order.
 */
function productShare(request: AnalysedRequest, document: Analysed): number {
  if (request.products.size === 0) return 0;
  const title = document.titleTerms.split(' ');
  let found = 0;
  for (const word of title) if (request.products.has(word)) found += request.terms.get(word)?.weight ?? 0;
  if (found === 0) return 0;
  let total = 0;
  for (const term of request.terms.values()) if (term.title) total += term.weight;
  return Math.min(1, found / total);
}

const certificationWords = new Map<string, readonly string[]>();

/** The index words naming the certificates a company holds (iatf16949 → zziatf16949, iatf16949), computed once each. */
function certificationTerms(company: CompanyDocument): string[] {
  return company.certifications.flatMap((key) => {
    let words = certificationWords.get(key);
    if (!words) certificationWords.set(key, (words = termsOf(key)));
    return words;
  });
}

function holds(company: CompanyDocument, certification: string): boolean {
  return company.certifications.includes(certification);
}

/**
 * Words that make a title a service done to or for the things it names, or a part made for them: "临床试验文件翻译"
 * translates clinical-trial files, "自动化设备融资租赁" finances automation equipment, "减速器壳体生产" casts housings
 * for reducers; none offers the trade whose words it holds.
 */
const SERVICE_HEADS = ['翻译', '运输', '融资', '租赁', '保理', '招聘', '猎头', '培训'];
const PART_HEADS = ['壳体', '外壳', '上盖', '下壳', '支架', '护套'];

function isServiceOrPartFor(word: string): boolean {
  return SERVICE_HEADS.some((head) => word.endsWith(head)) || PART_HEADS.some((head) => word.endsWith(head));
}

/** Base weight (weights.ts) below which a matched word is not named in a reason: numbers, single characters. */
const SHOWN_WEIGHT = 0.2;

const DAY = 86_400_000;

function freshness(updatedAt: number, now: number): number {
  const age = (now - updatedAt) / DAY;
  if (age <= 90) return 1;
  return Math.max(0, 1 - (age - 90) / 275);
}

function sizeFit(a: number, b: number): number {
  if (a <= 0 || b <= 0) return 0.5;
  return Math.max(0, 1 - Math.abs(Math.log10(a / b)) / 3);
}

function quantityFit(request: AnalysedRequest, posting: PostingDocument | null): number | null {
  const wanted = request.subject.quantity;
  if (!wanted || !posting || posting.quantityAmount <= 0 || posting.quantityUnit !== wanted.unit || wanted.amount <= 0) return null;
  const [supply, demand] = request.seeking === 'suppliers' ? [posting.quantityAmount, wanted.amount] : [wanted.amount, posting.quantityAmount];
  return Math.min(1, supply / demand);
}

/** The words a reason shows: the heaviest matched as the request wrote them, never a bare number or single character. */
function surfaces(matched: QueryTerm[]): string {
  const shown = matched.filter((t) => !t.hint && termWeight(t.term) >= SHOWN_WEIGHT);
  return [...new Set(shown.sort((a, b) => b.weight - a.weight).map((t) => t.surface))].slice(0, 3).join('/');
}

export function scoreCandidate(request: AnalysedRequest, candidate: Candidate, now: number): ScoredCandidate | null {
  const { company } = candidate;
  const missing = request.requiredCertifications.filter((c) => !holds(company, c));

  // Best unit: one of its postings, or the profile. Looking for suppliers, the certificates the company holds count
  // as words of each: a need hoping for "IATF 16949体系" is answered by a company holding it, whatever it posted.
  const held = request.seeking === 'suppliers' ? certificationTerms(company) : [];
  let best: { posting: PostingDocument | null; text: TextMatch } = {
    posting: null,
    text: scaled(textMatch(request, company, held), PROFILE_FACTOR),
  };
  for (const posting of candidate.postings) {
    if (request.seeking === 'buyers' && posting.certificationsRequired.some((c) => !request.requester.certifications.includes(c))) continue;
    const text = textMatch(request, posting, held);
    if (text.score > best.text.score) best = { posting, text };
  }

  const roles = new Set<RoleId>(company.roles);
  let role = 0;
  let roleName: RoleId | undefined;
  for (const [partnerRole, strength] of request.partnerRoles) {
    if (roles.has(partnerRole) && strength > role) [role, roleName] = [strength, partnerRole];
  }
  // A capability whose title names a role asked for offers it, whatever the company's codes say (an integrator
  // registered under industrial control systems, C4011, offering "产线自动化改造整体方案").
  if (request.seeking === 'suppliers') {
    for (const posting of candidate.postings) {
      if (posting.kind !== 'capability') continue;
      const title = posting.titleTerms.split(' ');
      if (title.some(isServiceOrPartFor)) continue;
      for (const [partnerRole, strength] of request.partnerRoles) {
        const offered = strength * OFFERED_ROLE;
        if (offered <= role) continue;
        const keywords = roleTermsOf(partnerRole);
        if (title.some((t) => keywords.has(t))) [role, roleName] = [offered, partnerRole];
      }
    }
  }

  const link: ChainRelation | null =
    request.seeking === 'suppliers' ? relation(company.roles, request.requester.roles) : relation(request.ownRoles, company.roles);
  const chain = link && link.kind !== 'peer' ? link.weight : 0;
  if (request.seeking === 'buyers' && role > 0 && link?.kind !== 'supplies') role *= NAMED_NOT_BUYER;
  // Outside the roles the title asks for (and, looking for buyers, outside the chain's buyers of the offer), a unit
  // matching none of the words only those roles use matches on words neighbours share (检测, CNAS): it says less,
  // and connects nothing by itself.
  const holdsWanted = [...request.partnerRoles].some(([r, strength]) => strength >= 1 && roles.has(r));
  const buyerByChain = request.seeking === 'buyers' && link?.kind === 'supplies' && link.weight >= 0.5;
  const sharedWordsOnly =
    !holdsWanted && !buyerByChain && request.distinctive.size > 0 && !best.text.matched.some((t) => request.distinctive.has(t.term));
  if (sharedWordsOnly) best = { posting: best.posting, text: { ...best.text, score: best.text.score * SHARED_WORDS_FACTOR } };
  const sharedOwn = company.roles.some((r) => request.ownRoles.includes(r) && !getRole(r)?.generic);
  // Same business as the requester, and nothing of the right kind posted that says otherwise: a competitor. Looking
  // for buyers, a profile that opens with what is offered ("主营激光雷达…") says the same business.
  const leads = request.offerTerms.length > 0 && profileLeadsWith(company, request.offerTerms);
  const competitor =
    (sharedOwn && (request.seeking === 'buyers' || role === 0) && (best.posting === null || best.text.score < 0.5)) ||
    (leads && best.posting === null);

  const industry = Math.max(0, ...request.subject.industries.flatMap((a) => company.industries.map((b) => industryProximity(a, b))));
  // A chain link is backed by words beyond the requester's own trade: an AGV maker sharing only 物流 with a
  // logistics firm buying vans is not its supplier for them.
  const backed = best.text.matched.some((t) => !t.ownTrade);
  const connected =
    !sharedWordsOnly &&
    (role > 0 ||
      (best.posting !== null && best.text.score >= 0.45) ||
      buyerByChain ||
      (chain >= 0.5 && best.text.score >= 0.2 && backed) ||
      (industry >= 0.75 && best.text.score >= 0.3));
  if (!connected) return null;

  const park = request.requester.park !== '' && company.park === request.requester.park ? 1 : 0;
  const quantity = quantityFit(request, best.posting);
  const size = sizeFit(request.requester.employees, company.employees);
  const fresh = freshness(best.posting?.updatedAt ?? company.updatedAt, now);

  // Is it the right kind of partner: holds a role the request names, is linked to the requester by the chain (as a
  // buyer of what is offered, nearly as good), or works in the industries the posting names.
  const fit = Math.max(role, chain * (buyerByChain ? BUYER_CHAIN_FIT : CHAIN_FIT), industry * INDUSTRY_FIT);
  let score =
    WEIGHTS.text * best.text.score +
    WEIGHTS.title * best.text.titles +
    WEIGHTS.product * best.text.products +
    WEIGHTS.fit * fit +
    WEIGHTS.park * park +
    WEIGHTS.quantity * (quantity ?? 0.5) +
    WEIGHTS.size * size +
    WEIGHTS.fresh * fresh;
  if (competitor) score *= COMPETITOR_FACTOR;
  score = Math.min(1, score);
  // Not shown: no reasons to write (buyers connected by the chain alone are many).
  if (score < MIN_SCORE) return null;
  if (missing.length > 0) score *= LACKING_FACTOR;
  score = Math.round(score * 1000) / 1000;

  const reasons: Reason[] = [];
  const words = surfaces(best.text.matched);
  if (words !== '') {
    const what = best.posting?.title ?? null;
    const verb = request.seeking === 'suppliers' ? { zh: '供应', en: 'Supplies' } : { zh: '需要', en: 'Needs' };
    reasons.push(
      what === null
        ? { code: 'text', zh: `主营业务相关（匹配 ${words}）`, en: `Business profile matches (${words})` }
        : { code: 'text', zh: `${verb.zh} ${what}（匹配 ${words}）`, en: `${verb.en} "${what}" (matches ${words})` },
    );
  }
  if (roleName !== undefined && link?.to !== roleName && link?.from !== roleName) {
    const r = getRole(roleName);
    if (r) reasons.push({ code: 'role', zh: `属于 ${r.zh}`, en: `Works in ${r.en}` });
  }
  if (link && link.kind !== 'peer') {
    const viewer = request.seeking === 'suppliers' ? 'buyer' : 'supplier';
    reasons.push({ code: 'chain', zh: chainReason(link, 'zh', { viewer }), en: chainReason(link, 'en', { viewer }) });
  }
  for (const certification of request.subject.certificationsRequired) {
    reasons.push(
      missing.includes(certificationKey(certification))
        ? { code: 'certification', zh: `缺少 ${certification}`, en: `Lacks ${certification}` }
        : { code: 'certification', zh: `具备 ${certification}`, en: `Holds ${certification}` },
    );
  }
  if (park === 1) reasons.push({ code: 'park', zh: `同在 ${company.park}`, en: `Also in ${company.park}` });
  if (quantity !== null && best.posting) {
    const amount = `${best.posting.quantityAmount} ${best.posting.quantityUnit}`;
    reasons.push(
      quantity >= 1
        ? { code: 'quantity', zh: `数量满足（${amount}）`, en: `Quantity fits (${amount})` }
        : { code: 'quantity', zh: `数量部分满足（${amount}）`, en: `Quantity partly fits (${amount})` },
    );
  }
  if (competitor && link?.kind === 'peer') {
    reasons.push({ code: 'competitor', zh: chainReason(link, 'zh'), en: chainReason(link, 'en') });
  }
  return { company, posting: best.posting, score, reasons, lacking: missing.length > 0 };
}

/** Words a profile opens with: a company says first what it does. */
const PROFILE_HEAD = 20;

function profileLeadsWith(company: CompanyDocument, terms: readonly string[]): boolean {
  const { title, body } = parsed(company);
  return terms.some((t) => {
    const at = body.indexOf(t);
    return title.includes(t) || (at >= 0 && at < PROFILE_HEAD);
  });
}

function scaled(match: TextMatch, factor: number): TextMatch {
  return { score: match.score * factor, matched: match.matched, titles: 0, products: 0 };
}
