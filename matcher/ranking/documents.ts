/**
 * What the matcher puts into the search index: one document per company profile and one per posting. Text is
 * stored twice: as written (title, description, for display and highlights) and as `terms`, the normalised
 * concepts of the text (a synonym group is one word, `zz` + its id), so both index adapters retrieve on exactly
 * the same words and no adapter-specific analysis decides what a match is.
 */
import { getRole, listEdges, matchRolesInText, rolesForIndustries, type RoleId, type RoleMatch } from '../chain/graph.js';
import type { IndexSettings } from '../index/port.js';
import { ancestors } from '../taxonomy/industries.js';
import { offeredTitle, sideOfPosting, type Side } from './side.js';
import { meiliSynonyms, normalise, synonymGroupOf, textConceptKeys, tokenize, tokenizeNormalised } from '../text/index.js';

/** The one index the matcher uses (companies and postings side by side, told apart by `type`). */
export const MATCH_INDEX = 'matchables';

export type PostingKind = 'need' | 'capability';
export type PostingStatus = 'open' | 'paused' | 'fulfilled' | 'expired';

/** A company as the matcher needs it (the store's record, reduced). */
export interface MatchableCompany {
  id: string;
  name: string;
  industries: readonly string[];
  description: string;
  certifications: readonly string[];
  park?: string | undefined;
  employees?: number | undefined;
  updatedAt: Date;
}

export interface MatchablePosting {
  id: string;
  companyId: string;
  kind: PostingKind;
  status: PostingStatus;
  title: string;
  description: string;
  tags: readonly string[];
  industries: readonly string[];
  certificationsRequired: readonly string[];
  quantity?: { amount: number; unit: string } | undefined;
  validUntil?: Date | undefined;
  updatedAt: Date;
}

interface BaseDocument {
  [field: string]: unknown;
  id: string;
  type: 'company' | 'posting';
  companyId: string;
  title: string;
  description: string;
  /** Concept terms of the title (companies: of the name), space-separated. */
  titleTerms: string;
  /** Concept terms of a posting's tags not in its title (companies have none). */
  tagTerms: string;
  /** Concept terms of the whole text, space-separated, each once. */
  terms: string;
  industries: string[];
  /** The industries and every level above them (C3982 → C, C39, C398, C3982), so a filter on C39 finds C3982. */
  industryCodes: string[];
  /** Companies are always open; postings carry their status. Lets one filter cover both types. */
  status: PostingStatus;
  /** Industry-chain roles the text or codes give (companies: companyRoles; postings: roles named in the text). */
  roles: RoleId[];
  updatedAt: number;
}

export interface CompanyDocument extends BaseDocument {
  type: 'company';
  name: string;
  certifications: string[];
  park: string;
  employees: number;
}

export interface PostingDocument extends BaseDocument {
  type: 'posting';
  kind: PostingKind;
  /** offer: a capability, or a need for customers; want: any other need (see side.ts). */
  side: Side;
  tags: string[];
  certificationsRequired: string[];
  quantityAmount: number;
  quantityUnit: string;
  validUntil: number;
}

export type MatchDocument = CompanyDocument | PostingDocument;

/** Index ids: Meilisearch allows letters, digits, `-` and `_`. */
export function companyDocumentId(id: string): string {
  return `c-${id}`;
}

export function postingDocumentId(id: string): string {
  return `p-${id}`;
}

/** Concept key → index word. Group keys become `zz<id>` so no analyser splits them; plain tokens stay. */
export function conceptTerm(key: string): string {
  if (!key.startsWith('g:')) return key;
  let term = GROUP_TERMS.get(key);
  if (term === undefined) {
    term = `zz${key.slice(2).replace(/[^a-z0-9]/g, '')}`;
    // One per synonym group; the bound only matters should a text ever produce a token that looks like a group key.
    if (GROUP_TERMS.size < 4096) GROUP_TERMS.set(key, term);
  }
  return term;
}

const GROUP_TERMS = new Map<string, string>();

/**
 * Index words of a text: its concepts (no colloquial hints: a document says what it says), followed by the words
 * themselves where a synonym group stood for them, so that the exact spelling (谐波减速器 within all reducers)
 * can count a little extra.
 */
export function termsOf(text: string): string[] {
  return termsOfTokens(tokenize(text));
}

function termsOfTokens(tokens: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const key of textConceptKeys(tokens)) terms.add(conceptTerm(key));
  for (const token of tokens) terms.add(token);
  return [...terms];
}

export function toCompanyDocument(company: MatchableCompany): CompanyDocument {
  const { tokens, trade } = profileTokens(company.description);
  const nameTerms = termsOf(company.name);
  return {
    id: companyDocumentId(company.id),
    type: 'company',
    companyId: company.id,
    name: company.name,
    title: company.name,
    description: company.description,
    titleTerms: nameTerms.join(' '),
    tagTerms: '',
    // The profile's opening says what the company does; ranking reads no further (score.ts), so nothing later is kept.
    terms: [...new Set([...nameTerms, ...termsOfTokens(tokens)])].slice(0, PROFILE_TERMS).join(' '),
    industries: [...company.industries],
    industryCodes: industryCodes(company.industries),
    status: 'open',
    roles: rolesOfCompany(company.industries, trade),
    certifications: company.certifications.map(certificationKey),
    park: company.park ?? '',
    employees: company.employees ?? 0,
    updatedAt: company.updatedAt.getTime(),
  };
}

export function toPostingDocument(posting: MatchablePosting): PostingDocument {
  const side = sideOfPosting(posting);
  // Title, tags, then the description: tokenised once, the title and tag parts reused for titleTerms and tagTerms.
  const titleTokens = tokenize(offeredTitle(posting, side));
  const tagTokens = tokenize(posting.tags.join(' '));
  const tokens = [...titleTokens, ...tagTokens, ...tokenize(posting.description)];
  const titleTerms = termsOfTokens(titleTokens);
  return {
    id: postingDocumentId(posting.id),
    type: 'posting',
    companyId: posting.companyId,
    kind: posting.kind,
    side,
    title: posting.title,
    description: posting.description,
    titleTerms: titleTerms.join(' '),
    tagTerms: termsOfTokens(tagTokens).filter((t) => !titleTerms.includes(t)).join(' '),
    terms: termsOfTokens(tokens).join(' '),
    tags: [...posting.tags],
    industries: [...posting.industries],
    industryCodes: industryCodes(posting.industries),
    status: posting.status,
    roles: matchRolesInText(tokens).map((m) => m.role),
    certificationsRequired: posting.certificationsRequired.map(certificationKey),
    quantityAmount: posting.quantity?.amount ?? 0,
    quantityUnit: posting.quantity?.unit ?? '',
    validUntil: posting.validUntil?.getTime() ?? 0,
    updatedAt: posting.updatedAt.getTime(),
  };
}

/**
 * Words right after which a profile speaks of other companies' trade, not its own: "与激光雷达厂商建立了供货关系",
 * "进入区内车企供应链", "主要客户", and what it has done for it, "封测委托区内合作伙伴". (They are stop words, so
 * only the text shows them.)
 */
const OTHER_COMPANIES = /厂商|厂家|客户|用户|供应链|委托/y;

/**
 * A profile's tokens, and those that speak of its own trade: the same without a word naming other companies (the
 * lidar makers an optics maker supplies do not make it a lidar maker). Each token is found in the normalised text,
 * in order, to see what follows it; one the text does not hold as such (ISO 13485 → iso13485) is kept.
 */
function profileTokens(description: string): { tokens: string[]; trade: string[] } {
  const text = normalise(description);
  const tokens = tokenizeNormalised(text);
  let at = 0;
  const trade = tokens.filter((token) => {
    const found = text.indexOf(token, at);
    if (found < 0) return true;
    at = found + token.length;
    OTHER_COMPANIES.lastIndex = at;
    return !OTHER_COMPANIES.test(text);
  });
  return { tokens, trade };
}

/** Concept words of a profile kept in the index: its name and opening (ranking reads the first PROFILE_WORDS, 60). */
const PROFILE_TERMS = 80;

/** Tokens of a profile's opening, where a company says what it makes. */
const PROFILE_OPENING = 40;

/**
 * Roles of a company: those its codes give, weighed against what its profile says. Codes anchor, but a broad or
 * neighbouring code often names the wrong trade: a lidar maker registered as an electronic-components maker
 * (C3976), a machine-vision maker under industrial control systems (C4011) whose profile mentions PLC interfaces,
 * a driving-software firm under basic software (I6511). So the candidates are the code roles and the roles the
 * profile names that belong to the same industry division as one of the codes and are not linked to a code role by
 * the chain (a harness maker's profile names the vehicle makers it supplies), and the profile decides among them:
 * each role's evidence is the number of things it names, counted twice in the opening (where a company says what
 * it does) — later sentences name customers as often as the company's own trade ("进入区内车企供应链"). The
 * roles with the most evidence are kept; with no evidence at all, every code role stays.
 * Codes that give only a generic role (any manufacturer is one of the factories), or none, let only the opening
 * speak, and only for a role of the same division (generic) or group (none): a car wash (O81) that mentions
 * 新能源汽车 gets no role, and an expansion-valve maker (C3464) that supplies 车企 is not a vehicle maker.
 */
function rolesOfCompany(codes: readonly string[], tokens: readonly string[]): RoleId[] {
  const fromCodes = rolesForIndustries(codes);
  const opening = matchRolesInText(tokens.slice(0, PROFILE_OPENING)).filter((m) => !getRole(m.role)?.generic);
  const sharesCode = (role: RoleId, length: number): boolean => {
    const prefixes = new Set(codes.filter((c) => c.length >= length).map((c) => c.slice(0, length)));
    return getRole(role)?.codes.some((c) => prefixes.has(c.slice(0, length))) ?? false;
  };
  const strongest = (matches: readonly RoleMatch[]): RoleId[] => {
    const best = matches[0]?.strength ?? 0;
    return matches.filter((m) => m.strength === best).map((m) => m.role);
  };
  if (fromCodes.length === 0) return strongest(opening.filter((m) => sharesCode(m.role, 4)));
  if (fromCodes.every((role) => getRole(role)?.generic)) {
    return [...strongest(opening.filter((m) => sharesCode(m.role, 3))), ...fromCodes];
  }
  const evidence = new Map<RoleId, number>();
  const concepts = new Map<RoleId, string>();
  for (const m of opening) evidence.set(m.role, 2 * m.strength);
  for (const m of matchRolesInText(tokens)) {
    evidence.set(m.role, (evidence.get(m.role) ?? 0) + m.strength);
    concepts.set(m.role, [...new Set(m.keywords.map((k) => synonymGroupOf(k)?.id ?? k))].sort().join(' '));
  }
  const generic = fromCodes.filter((role) => getRole(role)?.generic);
  const coded = fromCodes.filter((role) => !getRole(role)?.generic);
  const nearby = [...evidence.keys()].filter((role) => !getRole(role)?.generic && !coded.includes(role) && sharesCode(role, 3));
  const confirmed = coded.some((role) => (evidence.get(role) ?? 0) > 0);
  // Codes the profile confirms compete with the nearby roles it names, except those the chain links to them (their
  // suppliers and customers); codes it does not confirm stay, beside the nearby role it names most, unless that is
  // a customer of theirs (a parts maker "与主机厂同步开发" is no vehicle maker; an inductor maker under C3983,
  // sensors, is a component maker).
  const candidates = confirmed
    ? [...coded, ...nearby.filter((role) => !coded.some((own) => linked(own, role) || linked(role, own)))]
    : nearby.filter((role) => !coded.some((own) => linked(own, role)));
  let best = 0;
  for (const role of candidates) best = Math.max(best, evidence.get(role) ?? 0);
  const tied = candidates.filter((role) => best > 0 && evidence.get(role) === best);
  // A tie between roles the profile names by the same words only (检测, CNAS) goes to the role more of the codes
  // select: a lab under M7452 and M7453 whose profile names no test is an electrical lab.
  const chosen = mostCoded(tied, codes, concepts);
  // Codes the profile confirms none of stay, but not a role the company holds only through a code it shares with a
  // broader one (a cockpit maker under C3670, auto parts, is no harness maker).
  const own = rolesForIndustries(codes, { sharedCodes: false });
  const unconfirmed = coded.filter((role) => own.includes(role));
  return [...new Set([...chosen, ...(confirmed ? [] : unconfirmed.length > 0 ? unconfirmed : coded), ...generic])];
}

/** Among roles a profile names by the same words, those the most of the company's codes select. */
function mostCoded(roles: readonly RoleId[], codes: readonly string[], concepts: ReadonlyMap<RoleId, string>): RoleId[] {
  const selecting = (role: RoleId): number => codes.filter((code) => rolesForIndustries([code]).includes(role)).length;
  return roles.filter((role) => {
    const words = concepts.get(role);
    return !roles.some((other) => other !== role && concepts.get(other) === words && selecting(other) > selecting(role));
  });
}

let links: Set<string> | undefined;

/** Whether an explicit chain edge leads from `supplier` to `buyer`. */
function linked(supplier: RoleId, buyer: RoleId): boolean {
  links ??= new Set(listEdges().map((e) => `${e.from} ${e.to}`));
  return links.has(`${supplier} ${buyer}`);
}

function industryCodes(codes: readonly string[]): string[] {
  const all = new Set<string>();
  for (const code of codes) {
    all.add(code);
    for (const parent of ancestors(code)) all.add(parent.code);
  }
  return [...all];
}

/** "ISO 13485:2016", "iso13485" and "ISO13485" are one certification. */
export function certificationKey(name: string): string {
  return tokenize(name).join('') || name.trim().toLowerCase();
}

/** Settings both adapters apply (created by code, never by hand). */
export function matchIndexSettings(): IndexSettings {
  return {
    searchableAttributes: ['titleTerms', 'terms'],
    filterableAttributes: ['type', 'companyId', 'kind', 'side', 'status', 'roles', 'industryCodes', 'park', 'certifications'],
    sortableAttributes: ['updatedAt'],
    synonyms: meiliSynonyms(),
    localizedAttributes: [{ locales: ['cmn'], attributePatterns: ['titleTerms', 'terms', 'title', 'description', 'name'] }],
  };
}
