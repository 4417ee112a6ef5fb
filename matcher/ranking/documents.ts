/**
 * What the matcher puts into the search index: one document per company profile and one per posting. Text is
 * stored twice: as written (title, description, for display and highlights) and as `terms`, the normalised
 * concepts of the text (a synonym group is one word, `zz` + its id), so both index adapters retrieve on exactly
 * the same words and no adapter-specific analysis decides what a match is.
 */
import { companyRoles, getRole, matchRolesInText, rolesForIndustries, type RoleId } from '../chain/graph.js';
import type { IndexSettings } from '../index/port.js';
import { ancestors } from '../taxonomy/industries.js';
import { sideOfPosting, type Side } from './side.js';
import { conceptsOf, meiliSynonyms, tokenize } from '../text/index.js';

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
  return key.startsWith('g:') ? `zz${key.slice(2).replace(/[^a-z0-9]/g, '')}` : key;
}

/**
 * Index words of a text: its concepts (no colloquial hints: a document says what it says), followed by the words
 * themselves where a synonym group stood for them, so that the exact spelling (谐波减速器 within all reducers)
 * can count a little extra.
 */
export function termsOf(text: string): string[] {
  return termsOfTokens(tokenize(text));
}

function termsOfTokens(tokens: readonly string[]): string[] {
  return [...new Set([...conceptsOf(tokens, { hints: false }).map((c) => conceptTerm(c.key)), ...tokens])];
}

export function toCompanyDocument(company: MatchableCompany): CompanyDocument {
  const tokens = tokenize(company.description);
  const nameTerms = termsOf(company.name);
  return {
    id: companyDocumentId(company.id),
    type: 'company',
    companyId: company.id,
    name: company.name,
    title: company.name,
    description: company.description,
    titleTerms: nameTerms.join(' '),
    // The profile's opening says what the company does; ranking reads no further (score.ts), so nothing later is kept.
    terms: [...new Set([...nameTerms, ...termsOfTokens(tokens)])].slice(0, PROFILE_TERMS).join(' '),
    industries: [...company.industries],
    industryCodes: industryCodes(company.industries),
    status: 'open',
    roles: rolesOfCompany(company.industries, tokens),
    certifications: company.certifications.map(certificationKey),
    park: company.park ?? '',
    employees: company.employees ?? 0,
    updatedAt: company.updatedAt.getTime(),
  };
}

export function toPostingDocument(posting: MatchablePosting): PostingDocument {
  // Title and tags, then the description: tokenised once, the title part reused for titleTerms.
  const titleTokens = tokenize(`${posting.title} ${posting.tags.join(' ')}`);
  const tokens = [...titleTokens, ...tokenize(posting.description)];
  return {
    id: postingDocumentId(posting.id),
    type: 'posting',
    companyId: posting.companyId,
    kind: posting.kind,
    side: sideOfPosting(posting),
    title: posting.title,
    description: posting.description,
    titleTerms: termsOfTokens(titleTokens).join(' '),
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
 * Roles of a company: those its codes give, confirmed or narrowed by its profile (companyRoles). When the profile
 * confirms none of them, the role it speaks of most among those of the same industry division as one of the codes
 * is added (a lidar maker registered as an electronic-components maker, C3976, is still a lidar maker, C3940; a
 * machine-vision maker registered under instruments, C4011, still a vision maker, C4040).
 * A company registered outside every chain (a car wash, a translation agency) gets no role from words it uses in
 * passing ("新能源汽车精洗"), and one whose codes give only a generic role keeps just that.
 */
/** Concept words of a profile kept in the index: its name and opening (ranking reads the first PROFILE_WORDS, 60). */
const PROFILE_TERMS = 80;

/** Tokens of a profile's opening, where a company says what it makes. */
const PROFILE_OPENING = 40;

function rolesOfCompany(codes: readonly string[], tokens: readonly string[]): RoleId[] {
  const fromCodes = rolesForIndustries(codes);
  if (fromCodes.length === 0) return [];
  // Codes that give only a generic role (any manufacturer is one of the factories): the profile decides, but only
  // its opening, where a company says what it makes ("产品有潜伏顶升式AMR…"); later sentences name customers as often
  // as the company's own trade ("进入区内车企供应链") and must not make a materials maker a vehicle maker.
  if (fromCodes.every((role) => getRole(role)?.generic)) {
    // …and only a role of the same industry division as one of its codes (an AGV maker, C3439, may be one of
    // the robot makers, C3491; an expansion-valve maker, C3464, that supplies 车企 is not a vehicle maker, C36).
    const divisions = new Set(codes.map((c) => c.slice(0, 3)));
    const opening = matchRolesInText(tokens.slice(0, PROFILE_OPENING)).filter((m) => {
      const role = getRole(m.role);
      return role !== undefined && !role.generic && role.codes.some((c) => divisions.has(c.slice(0, 3)));
    });
    const best = opening[0]?.strength ?? 0;
    return [...opening.filter((m) => m.strength === best).map((m) => m.role), ...fromCodes];
  }
  const roles = companyRoles({ industries: codes, tokens });
  const inText = matchRolesInText(tokens);
  const confirmed = roles.some((role) => inText.some((m) => m.role === role));
  if (!confirmed) {
    const divisions = new Set(codes.map((c) => c.slice(0, 3)));
    const nearby = inText.find((m) => {
      const role = getRole(m.role);
      return role !== undefined && !role.generic && role.codes.some((c) => divisions.has(c.slice(0, 3)));
    });
    if (nearby && !roles.includes(nearby.role)) roles.push(nearby.role);
  }
  return roles;
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
