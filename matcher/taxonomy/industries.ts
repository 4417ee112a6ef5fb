// GB/T 4754-2017 industry taxonomy (国民经济行业分类): typed lookups over gbt4754-2017.json.
//
// Codes use the form companies see in Chinese business registration: the section letter followed by the
// division / group / class digits — "C" (section 门类), "C39" (division 大类), "C398" (group 中类),
// "C3982" (class 小类). The data holds every node down to class level for sections C, G, I, J, L and M, and the
// section and division levels of all other sections.
//
// getIndustry / isKnownIndustry / ancestors / childrenOf take canonical codes only; run free-form input through
// normaliseIndustryCode first.

import rawIndustries from './gbt4754-2017.json' with { type: 'json' };

export type IndustryLevel = 'section' | 'division' | 'group' | 'class';

export interface Industry {
  /** Canonical code, e.g. "C3982". */
  readonly code: string;
  readonly level: IndustryLevel;
  /** Code of the enclosing node; null for a section. */
  readonly parent: string | null;
  /** Name as written in the standard. */
  readonly zh: string;
  /** English rendering in the style of ISIC. */
  readonly en: string;
}

export interface SearchIndustriesOptions {
  /** Maximum number of results (default 20). */
  limit?: number;
  /** Only return nodes of this level. */
  level?: IndustryLevel;
}

export interface NormaliseIndustryCodeOptions {
  /**
   * When the code is well-formed but not in the data (e.g. "K7010": section K is held to division level only),
   * return its deepest ancestor that is in the data ("K70") instead of undefined.
   */
  nearestKnown?: boolean;
}

const LEVELS: readonly IndustryLevel[] = ['section', 'division', 'group', 'class'];
/** Number of digits after the section letter at each level. */
const DIGITS: Readonly<Record<IndustryLevel, number>> = { section: 0, division: 2, group: 3, class: 4 };

function isLevel(value: string): value is IndustryLevel {
  return (LEVELS as readonly string[]).includes(value);
}

function load(): readonly Industry[] {
  const list: Industry[] = [];
  for (const raw of rawIndustries) {
    if (!isLevel(raw.level)) throw new Error(`gbt4754-2017.json: ${raw.code} has unknown level ${raw.level}`);
    list.push(Object.freeze({ code: raw.code, level: raw.level, parent: raw.parent, zh: raw.zh, en: raw.en }));
  }
  return Object.freeze(list);
}

const ALL: readonly Industry[] = load();
const BY_CODE = new Map<string, Industry>(ALL.map((i) => [i.code, i]));
const CHILDREN = new Map<string, Industry[]>();
for (const industry of ALL) {
  if (industry.parent === null) continue;
  const siblings = CHILDREN.get(industry.parent);
  if (siblings) siblings.push(industry);
  else CHILDREN.set(industry.parent, [industry]);
}
/** Two-digit division number → section letter, e.g. "39" → "C". */
const SECTION_OF_DIVISION = new Map<string, string>(
  ALL.filter((i) => i.level === 'division').map((i) => [i.code.slice(1), i.code.slice(0, 1)]),
);

/** Every node, in code order (each node directly followed by its descendants). */
export function listIndustries(level?: IndustryLevel): readonly Industry[] {
  return level === undefined ? ALL : ALL.filter((i) => i.level === level);
}

/** The node with exactly this canonical code ("C3982"), or undefined. */
export function getIndustry(code: string): Industry | undefined {
  return BY_CODE.get(code);
}

/** Whether this exact canonical code is in the data. */
export function isKnownIndustry(code: string): boolean {
  return BY_CODE.has(code);
}

/**
 * The node itself followed by its ancestors, nearest first: for a class, [class, group, division, section].
 * Empty for an unknown code.
 */
export function ancestors(code: string): Industry[] {
  const chain: Industry[] = [];
  let current = BY_CODE.get(code);
  while (current) {
    chain.push(current);
    current = current.parent === null ? undefined : BY_CODE.get(current.parent);
  }
  return chain;
}

/** Direct children in code order (sections → divisions → groups → classes); empty for a leaf or unknown code. */
export function childrenOf(code: string): Industry[] {
  return [...(CHILDREN.get(code) ?? [])];
}

/**
 * Puts a code into canonical shape without checking that it exists: trims, folds full-width characters and case,
 * drops inner whitespace, and supplies the section letter from the division number ("3982" → "C3982").
 * Returns undefined when the input is not shaped like a code, or its letter contradicts its division.
 */
function canonicalShape(input: string): string | undefined {
  const s = input.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  const match = /^([A-Z]?)(\d{2,4})?$/.exec(s);
  if (!match || s === '') return undefined;
  const letter = match[1] ?? '';
  const digits = match[2] ?? '';
  if (digits === '') return /^[A-T]$/.test(letter) ? letter : undefined;
  const section = SECTION_OF_DIVISION.get(digits.slice(0, 2));
  if (section === undefined) return undefined;
  if (letter !== '' && letter !== section) return undefined;
  return section + digits;
}

/**
 * Canonical code for free-form input, or undefined if it is not a known code: "c3982", " C3982 ", "3982"
 * (section inferred from the division number) and full-width "Ｃ３９８２" all give "C3982".
 */
export function normaliseIndustryCode(input: string, options: NormaliseIndustryCodeOptions = {}): string | undefined {
  const code = canonicalShape(input);
  if (code === undefined) return undefined;
  if (BY_CODE.has(code)) return code;
  if (!options.nearestKnown) return undefined;
  for (let length = code.length - 1; length >= 1; length--) {
    const prefix = code.slice(0, length);
    if (BY_CODE.has(prefix)) return prefix;
  }
  return undefined;
}

/**
 * How close two industries are, 0..1: same class 1, same group 0.75, same division 0.5, same section 0.25,
 * otherwise 0. Codes at different depths are compared at the deepest level both have ("C39" vs "C3982" → 0.5).
 * Inputs are normalised as by normaliseIndustryCode but need not be in the data ("K7010" vs "K7090" → 0.5);
 * malformed input gives 0.
 */
export function industryProximity(a: string, b: string): number {
  const x = canonicalShape(a);
  const y = canonicalShape(b);
  if (x === undefined || y === undefined) return 0;
  const scores: readonly [number, number][] = [
    [DIGITS.class, 1],
    [DIGITS.group, 0.75],
    [DIGITS.division, 0.5],
    [DIGITS.section, 0.25],
  ];
  for (const [digits, score] of scores) {
    const length = 1 + digits;
    if (x.length >= length && y.length >= length && x.slice(0, length) === y.slice(0, length)) return score;
  }
  return 0;
}

// Search ranks: lower is better.
const EXACT_CODE = 0;
const CODE_PREFIX = 1;
const NAME = 2;

interface Hit {
  industry: Industry;
  rank: number;
  /** Tie-break within a rank: code length for code matches, matched name length for name matches. */
  length: number;
}

function englishWords(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '');
}

const EN_WORDS = new Map<string, string[]>(ALL.map((i) => [i.code, englishWords(i.en)]));

/**
 * Finds industries by code prefix ("C39", "39", "c398"), Chinese substring ("集成电路") or English words
 * ("integrated circuit": every word must begin a word of the English name, case-insensitively).
 * Ranked: exact code, then code prefix (shallower first), then name matches (shorter names first); ties by code.
 */
export function searchIndustries(query: string, options: SearchIndustriesOptions = {}): Industry[] {
  const limit = options.limit ?? 20;
  const text = query.normalize('NFKC').trim();
  if (text === '' || limit <= 0) return [];

  const compact = text.replace(/\s+/g, '').toUpperCase();
  const codeQuery = /^([A-Z]?)(\d{0,4})$/.exec(compact);
  const letter = codeQuery?.[1] ?? '';
  const digits = codeQuery?.[2] ?? '';
  const zhQuery = text.replace(/\s+/g, '');
  const enQuery = englishWords(text);
  const exact = canonicalShape(compact);

  const hits: Hit[] = [];
  for (const industry of ALL) {
    if (options.level !== undefined && industry.level !== options.level) continue;
    const candidates: [rank: number, length: number][] = [];
    if (codeQuery) {
      if (exact !== undefined && industry.code === exact) candidates.push([EXACT_CODE, industry.code.length]);
      else if (letter !== '' ? industry.code.startsWith(letter + digits) : digits !== '' && industry.code.slice(1).startsWith(digits)) {
        candidates.push([CODE_PREFIX, industry.code.length]);
      }
    }
    if (industry.zh.includes(zhQuery)) candidates.push([NAME, industry.zh.length]);
    if (enQuery.length > 0) {
      const words = EN_WORDS.get(industry.code) ?? [];
      if (enQuery.every((q) => words.some((w) => w.startsWith(q)))) candidates.push([NAME, industry.en.length]);
    }
    candidates.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    const best = candidates[0];
    if (best) hits.push({ industry, rank: best[0], length: best[1] });
  }

  hits.sort((p, q) => p.rank - q.rank || p.length - q.length || (p.industry.code < q.industry.code ? -1 : 1));
  return hits.slice(0, limit).map((h) => h.industry);
}
