/**
 * The domain synonym table (synonyms.json): groups of equivalent terms, expanded both ways, and one-way hints from
 * colloquial words to domain terms. The same table feeds query expansion here and Meilisearch's `synonyms`
 * setting (meiliSynonyms), so both index adapters find the same candidates.
 *
 * Terms are matched on tokens, not characters: a term is tokenised like any text and matches where its token
 * sequence occurs, so multi-word terms ("wire harness") and mixed ones ("rv减速器" → "rv" "减速器") work however
 * they are spaced or hyphenated in the text.
 */
import table from './synonyms.json' with { type: 'json' };
import { normalise } from './normalise.js';
import { tokenize } from './tokenize.js';

export interface SynonymGroup {
  readonly id: string;
  /** Normalised terms, as written in the data file. */
  readonly terms: readonly string[];
  /** A broader group this one is a kind of (谐波减速器 → 减速器): its terms also count as that concept, one way. */
  readonly broader?: string;
}

export interface SynonymHint {
  readonly id: string;
  /** Colloquial words that trigger the hint. */
  readonly from: readonly string[];
  /** Domain terms added when one of `from` occurs (never the other way round). */
  readonly to: readonly string[];
  /** Hints this one silences when both fire in a text ("想上机器把人换下来" is not a staffing need). */
  readonly overrides: readonly string[];
}

/** One token added by expansion, with what caused it. */
export interface Expansion {
  readonly token: string;
  /** A group member of a term in the text, or a target of a hint. */
  readonly via: 'synonym' | 'hint';
  /** The group or hint id. */
  readonly rule: string;
  /** The term found in the text, as its tokens joined by a space. */
  readonly trigger: string;
}

export interface ExpandOptions {
  /** Apply the one-way colloquial hints as well as the groups (default true). */
  hints?: boolean;
}

export const SYNONYM_GROUPS: readonly SynonymGroup[] = Object.freeze(
  table.groups.map((g) =>
    Object.freeze({ id: g.id, terms: Object.freeze([...g.terms]), ...('broader' in g && g.broader ? { broader: g.broader } : {}) }),
  ),
);
export const SYNONYM_HINTS: readonly SynonymHint[] = Object.freeze(
  table.hints.map((h) =>
    Object.freeze({
      id: h.id,
      from: Object.freeze([...h.from]),
      to: Object.freeze([...h.to]),
      overrides: Object.freeze([...(('overrides' in h ? h.overrides : undefined) ?? [])]),
    }),
  ),
);

interface Pattern {
  /** Token sequence to find in the text. */
  readonly tokens: readonly string[];
  /** Group or hint id. */
  readonly rule: string;
}

/** Patterns indexed by their first token, longest first, so the scan tries the longest match at each position. */
type PatternIndex = ReadonlyMap<string, readonly Pattern[]>;

interface Compiled {
  readonly groupPatterns: PatternIndex;
  readonly hintPatterns: PatternIndex;
  /** Group id → the tokens of all its terms, flattened and deduplicated. */
  readonly groupTokens: ReadonlyMap<string, readonly string[]>;
  /** Hint id → tokens of its targets plus the tokens of every group a target belongs to. */
  readonly hintTokens: ReadonlyMap<string, readonly string[]>;
  /** Group id → its normalised terms. */
  readonly groupTerms: ReadonlyMap<string, readonly string[]>;
  /** Hint id → its normalised targets plus the terms of every group a target belongs to. */
  readonly hintTerms: ReadonlyMap<string, readonly string[]>;
}

function indexPatterns(patterns: Pattern[]): PatternIndex {
  const index = new Map<string, Pattern[]>();
  for (const pattern of patterns) {
    const first = pattern.tokens[0];
    if (first === undefined) continue;
    const list = index.get(first);
    if (list) list.push(pattern);
    else index.set(first, [pattern]);
  }
  for (const list of index.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return index;
}

let termGroups: ReadonlyMap<string, SynonymGroup> | undefined;

/** Group of each normalised term (terms belong to one group at most). */
function groupsByTerm(): ReadonlyMap<string, SynonymGroup> {
  if (termGroups) return termGroups;
  const byTerm = new Map<string, SynonymGroup>();
  for (const group of SYNONYM_GROUPS) for (const term of group.terms) byTerm.set(normalise(term), group);
  termGroups = byTerm;
  return byTerm;
}

/** The synonym group `term` belongs to, or undefined. `term` is normalised first. */
export function synonymGroupOf(term: string): SynonymGroup | undefined {
  return groupsByTerm().get(normalise(term));
}

let compiled: Compiled | undefined;

/** Tokenising every term needs the segmenter, so the table is compiled on first use. */
function compile(): Compiled {
  if (compiled) return compiled;
  const groupPatterns: Pattern[] = [];
  const groupTokens = new Map<string, string[]>();
  for (const group of SYNONYM_GROUPS) {
    const tokens = new Set<string>();
    for (const term of group.terms) {
      const termTokens = tokenize(term);
      groupPatterns.push({ tokens: termTokens, rule: group.id });
      for (const t of termTokens) tokens.add(t);
    }
    groupTokens.set(group.id, [...tokens]);
  }

  const groupTerms = new Map<string, string[]>(SYNONYM_GROUPS.map((g) => [g.id, g.terms.map(normalise)]));

  const byTerm = groupsByTerm();
  const hintPatterns: Pattern[] = [];
  const hintTokens = new Map<string, string[]>();
  const hintTerms = new Map<string, string[]>();
  for (const hint of SYNONYM_HINTS) {
    for (const term of hint.from) hintPatterns.push({ tokens: tokenize(term), rule: hint.id });
    const tokens = new Set<string>();
    const terms = new Set<string>();
    for (const target of hint.to) {
      const normalised = normalise(target);
      const group = byTerm.get(normalised);
      terms.add(normalised);
      for (const t of tokenize(target)) tokens.add(t);
      for (const t of group ? (groupTokens.get(group.id) ?? []) : []) tokens.add(t);
      for (const t of group ? (groupTerms.get(group.id) ?? []) : []) terms.add(t);
    }
    hintTokens.set(hint.id, [...tokens]);
    hintTerms.set(hint.id, [...terms]);
  }

  compiled = {
    groupPatterns: indexPatterns(groupPatterns),
    hintPatterns: indexPatterns(hintPatterns),
    groupTokens,
    hintTokens,
    groupTerms,
    hintTerms,
  };
  return compiled;
}

function matchesAt(tokens: readonly string[], start: number, pattern: Pattern): boolean {
  if (start + pattern.tokens.length > tokens.length) return false;
  return pattern.tokens.every((t, i) => tokens[start + i] === t);
}

const GROUPS_BY_ID = new Map(SYNONYM_GROUPS.map((g) => [g.id, g]));
for (const group of SYNONYM_GROUPS) {
  if (group.broader !== undefined && !GROUPS_BY_ID.has(group.broader)) {
    throw new Error(`synonyms.json: group ${group.id} names an unknown broader group ${group.broader}`);
  }
}

/** The group and every broader group above it, nearest first (a cycle in the data stops at the repeat). */
function groupAndBroader(id: string): string[] {
  const chain: string[] = [];
  for (let at: string | undefined = id; at !== undefined && !chain.includes(at); at = GROUPS_BY_ID.get(at)?.broader) chain.push(at);
  return chain;
}

/** Hint matches without those silenced by another hint found in the same text. */
function hintMatches(tokens: readonly string[], index: PatternIndex): { pattern: Pattern; start: number }[] {
  const found = findMatches(tokens, index);
  const silenced = new Set<string>();
  for (const { pattern } of found) for (const id of SYNONYM_HINTS.find((h) => h.id === pattern.rule)?.overrides ?? []) silenced.add(id);
  return silenced.size === 0 ? found : found.filter(({ pattern }) => !silenced.has(pattern.rule));
}

/** Left-to-right, longest-first, non-overlapping matches of the patterns in `tokens`. */
function findMatches(tokens: readonly string[], index: PatternIndex): { pattern: Pattern; start: number }[] {
  const found: { pattern: Pattern; start: number }[] = [];
  let i = 0;
  while (i < tokens.length) {
    const candidates = index.get(tokens[i] ?? '') ?? [];
    const pattern = candidates.find((p) => matchesAt(tokens, i, p));
    if (pattern) {
      found.push({ pattern, start: i });
      i += pattern.tokens.length;
    } else {
      i += 1;
    }
  }
  return found;
}

/**
 * The tokens that expansion adds to `tokens` (from tokenize), each with its cause, in order of discovery. Tokens
 * already present are not repeated; each added token is reported once, for its first cause.
 */
export function expansionsOf(tokens: readonly string[], options: ExpandOptions = {}): Expansion[] {
  const { groupPatterns, hintPatterns, groupTokens, hintTokens } = compile();
  const seen = new Set(tokens);
  const added: Expansion[] = [];
  const add = (via: Expansion['via'], rule: string, trigger: string, candidates: readonly string[]): void => {
    for (const token of candidates) {
      if (seen.has(token)) continue;
      seen.add(token);
      added.push({ token, via, rule, trigger });
    }
  };
  for (const { pattern } of findMatches(tokens, groupPatterns)) {
    add('synonym', pattern.rule, pattern.tokens.join(' '), groupTokens.get(pattern.rule) ?? []);
  }
  if (options.hints ?? true) {
    for (const { pattern } of hintMatches(tokens, hintPatterns)) {
      add('hint', pattern.rule, pattern.tokens.join(' '), hintTokens.get(pattern.rule) ?? []);
    }
  }
  return added;
}

/**
 * `tokens` followed by the tokens their synonyms and hints add: ["贴片"] → ["贴片", "表面贴装", "smt", …].
 * Multi-word terms contribute their words ("wire harness" → "wire", "harness"), which is what they look like in
 * tokenised documents.
 */
export function expandSynonyms(tokens: readonly string[], options: ExpandOptions = {}): string[] {
  return [...tokens, ...expansionsOf(tokens, options).map((e) => e.token)];
}

/**
 * Every term of the table that `tokens` refer to, as normalised strings: the terms of each group with a member in
 * the text, and the targets of triggered hints with the terms of their groups. Unlike expandSynonyms this keeps
 * multi-word terms whole, for callers that match whole terms (industry-chain keywords) rather than single words.
 */
export function impliedTerms(tokens: readonly string[], options: ExpandOptions = {}): Set<string> {
  const { groupPatterns, hintPatterns, groupTerms, hintTerms } = compile();
  const terms = new Set<string>();
  for (const { pattern } of findMatches(tokens, groupPatterns)) {
    for (const id of groupAndBroader(pattern.rule)) for (const term of groupTerms.get(id) ?? []) terms.add(term);
  }
  if (options.hints ?? true) {
    for (const { pattern } of hintMatches(tokens, hintPatterns)) {
      for (const term of hintTerms.get(pattern.rule) ?? []) terms.add(term);
    }
  }
  return terms;
}

/**
 * The table in the shape of Meilisearch's `synonyms` setting: each normalised term → the other terms of its group,
 * plus, for hint words, the hint's targets and their groups (Meilisearch applies a one-way entry only from its
 * key, which is what a hint means). Multi-word terms stay phrases; Meilisearch matches them as such.
 */
export function meiliSynonyms(options: ExpandOptions = {}): Record<string, string[]> {
  const result = new Map<string, Set<string>>();
  const addAll = (key: string, values: Iterable<string>): void => {
    let set = result.get(key);
    if (!set) result.set(key, (set = new Set()));
    for (const value of values) if (value !== key) set.add(value);
  };
  for (const group of SYNONYM_GROUPS) {
    const terms = group.terms.map(normalise);
    for (const term of terms) addAll(term, terms);
  }
  if (options.hints ?? true) {
    const byTerm = groupsByTerm();
    for (const hint of SYNONYM_HINTS) {
      const targets = new Set<string>();
      for (const target of hint.to.map(normalise)) {
        targets.add(target);
        for (const term of byTerm.get(target)?.terms ?? []) targets.add(normalise(term));
      }
      for (const word of hint.from) addAll(normalise(word), targets);
    }
  }
  const out: Record<string, string[]> = {};
  for (const [key, values] of result) if (values.size > 0) out[key] = [...values];
  return out;
}

/** One concept of a text: a synonym group (every spelling of it is the same concept) or a plain token. */
export interface Concept {
  /** `g:<group id>` for a group, the token itself otherwise. */
  readonly key: string;
  /** How the text said it: the term's tokens joined by a space (for reasons: "匹配 贴片"). */
  readonly surface: string;
  /** `text`: written in the text; `hint`: implied by a colloquial word ("仓库" → 仓储管理). */
  readonly via: 'text' | 'hint';
  /** Position of the first occurrence in the tokens (hints: position of the colloquial word). */
  readonly position: number;
}

/** Concept key of a synonym group. */
export function groupConceptKey(groupId: string): string {
  return `g:${groupId}`;
}

/**
 * The keys of `conceptsOf(tokens, { hints: false })`, in the same order, without building a concept object per
 * token: what indexing needs for every document it writes. Matches are left to right and never overlap, so
 * walking them beside the tokens gives the order conceptsOf sorts into.
 */
export function textConceptKeys(tokens: readonly string[]): string[] {
  const { groupPatterns } = compile();
  const keys = new Set<string>();
  let next = 0;
  for (const { pattern, start } of findMatches(tokens, groupPatterns)) {
    for (; next < start; next += 1) keys.add(tokens[next]!);
    for (const id of groupAndBroader(pattern.rule)) keys.add(groupConceptKey(id));
    next = start + pattern.tokens.length;
  }
  for (; next < tokens.length; next += 1) keys.add(tokens[next]!);
  return [...keys];
}

/**
 * The concepts of `tokens`, each once, in order of first occurrence: every group term found becomes its group's
 * key, so 贴片, 表面贴装 and SMT are one concept; other tokens stand for themselves. With hints (default on), a
 * colloquial word adds its targets as concepts marked `hint` (a target in a group adds the group).
 */
export function conceptsOf(tokens: readonly string[], options: ExpandOptions = {}): Concept[] {
  const { groupPatterns, hintPatterns } = compile();
  const concepts = new Map<string, Concept>();
  const add = (concept: Concept): void => {
    if (!concepts.has(concept.key)) concepts.set(concept.key, concept);
  };
  const covered = new Array<boolean>(tokens.length).fill(false);
  const groupMatches = findMatches(tokens, groupPatterns);
  const all: Concept[] = [];
  for (const { pattern, start } of groupMatches) {
    for (let i = start; i < start + pattern.tokens.length; i += 1) covered[i] = true;
    for (const id of groupAndBroader(pattern.rule)) {
      all.push({ key: groupConceptKey(id), surface: pattern.tokens.join(' '), via: 'text', position: start });
    }
  }
  tokens.forEach((token, i) => {
    if (!covered[i]) all.push({ key: token, surface: token, via: 'text', position: i });
  });
  all.sort((a, b) => a.position - b.position);
  for (const concept of all) add(concept);
  if (options.hints ?? true) {
    const byTerm = groupsByTerm();
    for (const { pattern, start } of hintMatches(tokens, hintPatterns)) {
      const hint = SYNONYM_HINTS.find((h) => h.id === pattern.rule);
      for (const target of hint?.to ?? []) {
        const normalised = normalise(target);
        const group = byTerm.get(normalised);
        const keys = group ? [groupConceptKey(group.id)] : tokenize(normalised);
        for (const key of keys) add({ key, surface: pattern.tokens.join(' '), via: 'hint', position: start });
      }
    }
  }
  return [...concepts.values()];
}
