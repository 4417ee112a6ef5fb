/**
 * Industry-chain graph (chain-graph.json): which industry roles supply which, so the matcher can tell a supplier
 * from a customer from a competitor, and say so in words ("上游：电子元件制造 → 您的通信设备制造").
 *
 * Roles come from a company's GB/T 4754-2017 codes (rolesForIndustries) and from words in its texts
 * (rolesForText). relation() finds the best link from a supplier's roles to a buyer's roles:
 *  - an explicit edge ("supplies");
 *  - an edge to a generic role the buyer is a kind of (automation integrators → factories reaches every
 *    manufacturer), weighted down by VIA_GENERIC_FACTOR;
 *  - a service role that serves everybody ("serves");
 *  - failing those, a role both hold ("peer": a likely competitor).
 *
 * The data file is checked when this module loads; a broken file stops the process with a sentence naming the
 * problem rather than producing wrong matches.
 */
import rawGraph from './chain-graph.json' with { type: 'json' };
import { normalise } from '../text/normalise.js';
import { impliedTerms, synonymGroupOf } from '../text/synonyms.js';
import { tokenize } from '../text/tokenize.js';
import { getIndustry, isKnownIndustry, normaliseIndustryCode } from '../taxonomy/industries.js';

export type RoleId = string;
export type Lang = 'zh' | 'en';

export interface ChainRole {
  readonly id: RoleId;
  /** Name as shown in reasons ("您的通信设备制造"). */
  readonly zh: string;
  /** Name as shown mid-sentence in English reasons ("your communication equipment"). */
  readonly en: string;
  /** Which chain the role belongs to: electronics, robotics, biopharma, automotive, services, manufacturing. */
  readonly chain: string;
  /** GB/T 4754-2017 codes companies in this role register under. */
  readonly codes: readonly string[];
  /**
   * Those of the codes a broader role owns too (C3670, auto parts, for harnesses and stamped parts): a company under
   * one of them holds this role only where its texts say so — a cockpit maker under C3670 makes no harnesses.
   */
  readonly sharedCodes: readonly string[];
  /** Keywords signalling the role in free text, as written in the data (normalised). */
  readonly keywords: readonly string[];
  /**
   * Those of the keywords that name a kind of thing other roles make too (传感器: a lidar is a sensor). Right after
   * another role's keyword they only restate what that one names: "激光雷达传感器" is a lidar.
   */
  readonly categoryKeywords: readonly string[];
  /** Generic roles this role is a kind of (every manufacturer is one of the factories). */
  readonly isA: readonly RoleId[];
  /** A service every other role may buy. */
  readonly servesAll: boolean;
  /** Weight of a servesAll link when no explicit edge is stronger; 0 when not servesAll. */
  readonly servesAllWeight: number;
  /** A catch-all: given only when no specific role matches a code, and never grounds for calling two peers. */
  readonly generic: boolean;
}

export interface ChainEdge {
  /** The supplying role. */
  readonly from: RoleId;
  /** The buying role. */
  readonly to: RoleId;
  /** Strength of the link, 0..1. */
  readonly weight: number;
  /** What is supplied, in Chinese ("元器件"). */
  readonly zh: string;
  /** What is supplied, in English ("components"). */
  readonly en: string;
  /** This edge flows back up the chain (foundry services for chip designers) and may close a cycle. */
  readonly cycleAllowed: boolean;
}

/** A link between two roles as seen from a concrete pair of companies. */
export interface ChainLink {
  readonly from: RoleId;
  readonly to: RoleId;
  readonly weight: number;
  readonly zh: string;
  readonly en: string;
  /** Set when the edge targets a generic role that `to` is a kind of (the edge's own target). */
  readonly via?: RoleId;
}

export type RelationKind = 'supplies' | 'serves' | 'peer';

export interface ChainRelation extends ChainLink {
  /**
   * supplies: `from` is upstream of `to`; serves: `from` is a service every role buys; peer: both hold `from`
   * (`from === to`, weight 0), so they probably compete.
   */
  readonly kind: RelationKind;
}

export interface ChainReasonOptions {
  /**
   * Whose side the reader is on: the buyer ("上游：X → 您的Y", the default) or the supplier
   * ("下游：您的X → Y").
   */
  viewer?: 'buyer' | 'supplier';
  /** Append what is supplied: "上游：电子元件制造 → 您的通信设备制造（元器件）". */
  detail?: boolean;
}

/** Links through a generic role are less certain than explicit ones: 0.9 → 0.72. */
export const VIA_GENERIC_FACTOR = 0.8;

const SERVES_LABEL = { zh: '配套服务', en: 'supporting service' } as const;
const PEER_LABEL = { zh: '同行', en: 'peer' } as const;

// ---------------------------------------------------------------------------------------------------------------
// Loading and validation

interface RawRole {
  id: string;
  zh: string;
  en: string;
  chain: string;
  /** Code → its name in the standard. (Optional values only because JSON imports type every role's codes alike.) */
  codes: Record<string, string | undefined>;
  sharedCodes?: string[];
  keywords: string[];
  categoryKeywords?: string[];
  isA?: string[];
  servesAll?: boolean;
  servesAllWeight?: number;
  generic?: boolean;
}

interface RawEdge {
  from: string;
  to: string;
  weight: number;
  zh: string;
  en: string;
  cycleAllowed?: boolean;
}

export interface RawChainGraph {
  roles: RawRole[];
  edges: RawEdge[];
}

function isWeight(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
}

/** Roles on a cycle of the explicit edges, ignoring cycleAllowed ones; empty when there is none. */
export function findCycle(graph: RawChainGraph): RoleId[] {
  const next = new Map<string, string[]>();
  for (const edge of graph.edges) {
    if (edge.cycleAllowed) continue;
    const list = next.get(edge.from);
    if (list) list.push(edge.to);
    else next.set(edge.from, [edge.to]);
  }
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (role: string): string[] => {
    state.set(role, 'open');
    path.push(role);
    for (const target of next.get(role) ?? []) {
      if (state.get(target) === 'open') return [...path.slice(path.indexOf(target)), target];
      if (state.get(target) === undefined) {
        const cycle = visit(target);
        if (cycle.length > 0) return cycle;
      }
    }
    path.pop();
    state.set(role, 'done');
    return [];
  };
  for (const role of graph.roles) {
    if (state.get(role.id) !== undefined) continue;
    const cycle = visit(role.id);
    if (cycle.length > 0) return cycle;
  }
  return [];
}

/** Whether `to` can be reached from `from` along edges that are not cycleAllowed. */
function reaches(graph: RawChainGraph, from: string, to: string): boolean {
  const seen = new Set<string>([from]);
  const queue = [from];
  for (let role = queue.shift(); role !== undefined; role = queue.shift()) {
    if (role === to) return true;
    for (const edge of graph.edges) {
      if (edge.cycleAllowed || edge.from !== role || seen.has(edge.to)) continue;
      seen.add(edge.to);
      queue.push(edge.to);
    }
  }
  return false;
}

/**
 * Problems in a chain graph, as sentences; empty when it is sound. Checks: unique ids, names, known GB/T codes
 * whose names match the standard, edges between existing distinct roles with weights in 0..1 and no duplicates,
 * isA pointing at generic roles, servesAll weights, keywords present, and no cycle except through cycleAllowed
 * edges (each of which must actually close one).
 */
export function validateChainGraph(graph: RawChainGraph): string[] {
  const problems: string[] = [];
  const roles = new Map<string, RawRole>();
  for (const role of graph.roles) {
    if (roles.has(role.id)) problems.push(`role ${role.id} is defined twice`);
    roles.set(role.id, role);
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(role.id)) problems.push(`role id ${role.id} must be kebab-case`);
    if (role.zh.trim() === '' || role.en.trim() === '') problems.push(`role ${role.id} needs zh and en names`);
    const codes = Object.entries(role.codes);
    if (codes.length === 0) problems.push(`role ${role.id} has no GB/T 4754 code`);
    for (const [code, name] of codes) {
      const industry = getIndustry(code);
      if (!isKnownIndustry(code) || !industry) problems.push(`role ${role.id}: ${code} is not a GB/T 4754-2017 code`);
      else if (industry.zh !== name) problems.push(`role ${role.id}: ${code} is ${industry.zh}, not ${name}`);
    }
    if (role.keywords.length === 0) problems.push(`role ${role.id} has no keywords`);
    for (const code of role.sharedCodes ?? []) {
      if (!(code in role.codes)) problems.push(`role ${role.id}: shared code ${code} is not one of its codes`);
    }
    for (const keyword of role.categoryKeywords ?? []) {
      if (!role.keywords.includes(keyword)) problems.push(`role ${role.id}: category keyword ${keyword} is not one of its keywords`);
    }
    if (role.servesAll && !isWeight(role.servesAllWeight)) {
      problems.push(`role ${role.id} serves all but its servesAllWeight is not in 0..1`);
    }
  }
  for (const role of graph.roles) {
    for (const parent of role.isA ?? []) {
      if (!roles.get(parent)?.generic) problems.push(`role ${role.id} is a kind of ${parent}, which is not a generic role`);
    }
  }
  const pairs = new Set<string>();
  for (const edge of graph.edges) {
    const name = `edge ${edge.from} → ${edge.to}`;
    if (!roles.has(edge.from)) problems.push(`${name}: unknown role ${edge.from}`);
    if (!roles.has(edge.to)) problems.push(`${name}: unknown role ${edge.to}`);
    if (edge.from === edge.to) problems.push(`${name} is a self-edge`);
    if (!isWeight(edge.weight)) problems.push(`${name}: weight must be in 0..1`);
    if (edge.zh.trim() === '' || edge.en.trim() === '') problems.push(`${name} needs zh and en labels`);
    const key = `${edge.from}\u0000${edge.to}`;
    if (pairs.has(key)) problems.push(`${name} is defined twice`);
    pairs.add(key);
  }
  const cycle = findCycle(graph);
  if (cycle.length > 0) {
    problems.push(`edges form a cycle ${cycle.join(' → ')}; mark the edge that flows back up the chain cycleAllowed`);
  }
  for (const edge of graph.edges) {
    if (edge.cycleAllowed && !reaches(graph, edge.to, edge.from)) {
      problems.push(`edge ${edge.from} → ${edge.to} is marked cycleAllowed but closes no cycle; drop the mark`);
    }
  }
  return problems;
}

function load(graph: RawChainGraph): { roles: readonly ChainRole[]; edges: readonly ChainEdge[] } {
  const problems = validateChainGraph(graph);
  if (problems.length > 0) throw new Error(`chain-graph.json: ${problems.join('; ')}`);
  const roles = graph.roles.map((r) =>
    Object.freeze({
      id: r.id,
      zh: r.zh,
      en: r.en,
      chain: r.chain,
      codes: Object.freeze(Object.keys(r.codes)),
      sharedCodes: Object.freeze([...(r.sharedCodes ?? [])]),
      keywords: Object.freeze([...r.keywords]),
      categoryKeywords: Object.freeze([...(r.categoryKeywords ?? [])]),
      isA: Object.freeze([...(r.isA ?? [])]),
      servesAll: r.servesAll ?? false,
      servesAllWeight: r.servesAll ? (r.servesAllWeight ?? 0) : 0,
      generic: r.generic ?? false,
    }),
  );
  const edges = graph.edges.map((e) =>
    Object.freeze({ from: e.from, to: e.to, weight: e.weight, zh: e.zh, en: e.en, cycleAllowed: e.cycleAllowed ?? false }),
  );
  return { roles: Object.freeze(roles), edges: Object.freeze(edges) };
}

const GRAPH = load(rawGraph);
const ROLES = new Map<RoleId, ChainRole>(GRAPH.roles.map((r) => [r.id, r]));
const EDGES = new Map<string, ChainEdge>(GRAPH.edges.map((e) => [`${e.from}\u0000${e.to}`, e]));
const ORDER = new Map<RoleId, number>(GRAPH.roles.map((r, i) => [r.id, i]));

function edgeBetween(from: RoleId, to: RoleId): ChainEdge | undefined {
  return EDGES.get(`${from}\u0000${to}`);
}

function byGraphOrder(a: RoleId, b: RoleId): number {
  return (ORDER.get(a) ?? 0) - (ORDER.get(b) ?? 0);
}

/** Every role, in data-file order. */
export function listRoles(): readonly ChainRole[] {
  return GRAPH.roles;
}

/** Every explicit edge, in data-file order. */
export function listEdges(): readonly ChainEdge[] {
  return GRAPH.edges;
}

export function getRole(id: RoleId): ChainRole | undefined {
  return ROLES.get(id);
}

// ---------------------------------------------------------------------------------------------------------------
// Roles of a company

/**
 * Whether a company code selects a role code: equal; the role's code is an ancestor of the company's (role "E50"
 * covers "E5011", role "C" covers every manufacturer); or the company's code is a group the role's class is in
 * ("C398" → "C3982"). Division- and section-level company codes are too coarse to pick classes from.
 */
function codeSelects(companyCode: string, roleCode: string): boolean {
  if (companyCode.startsWith(roleCode)) return true;
  const isGroupOrFiner = companyCode.length >= 4;
  return isGroupOrFiner && roleCode.startsWith(companyCode);
}

/**
 * Roles of companies registered under these GB/T 4754 codes ("C3982", "3982", "E5011" are all accepted; codes are
 * normalised to the nearest known node), in data-file order. A code that selects no specific role falls back to
 * the generic roles it selects (any manufacturing code → factories).
 */
export function rolesForIndustries(codes: readonly string[], options: { sharedCodes?: boolean } = {}): RoleId[] {
  const found = new Set<RoleId>();
  const shared = options.sharedCodes ?? true;
  for (const input of codes) {
    const code = normaliseIndustryCode(input, { nearestKnown: true });
    if (code === undefined) continue;
    const matching = GRAPH.roles.filter((r) => r.codes.some((c) => codeSelects(code, c) && (shared || !r.sharedCodes.includes(c))));
    const specific = matching.filter((r) => !r.generic);
    for (const role of specific.length > 0 ? specific : matching) found.add(role.id);
  }
  return [...found].sort(byGraphOrder);
}

/** One role's evidence in a text. */
export interface RoleMatch {
  readonly role: RoleId;
  /** The keywords found (normalised, as in the data file). */
  readonly keywords: readonly string[];
  /**
   * Number of distinct things the keywords name: keywords in one synonym group (贴片, smt) count once, so a role
   * with many synonymous keywords does not outweigh one named once.
   */
  readonly strength: number;
}

export interface RolesForTextOptions {
  /**
   * Also count keywords the text implies through the synonym table and its hints (default true), so 表面贴装
   * finds the ems keyword 贴片 and 仓库 finds the logistics keyword 物流.
   */
  expand?: boolean;
  /** With expand, also count the keywords colloquial hints imply (default true); false keeps synonyms only. */
  hints?: boolean;
}

interface KeywordPattern {
  readonly role: RoleId;
  readonly keyword: string;
  readonly tokens: readonly string[];
  /** The keyword's synonym group, or the keyword itself: what it names. */
  readonly concept: string;
}

/** Every role keyword in data-file order, with lookups by first token and by keyword (positions into `all`). */
interface KeywordPatterns {
  readonly all: readonly KeywordPattern[];
  readonly byFirstToken: ReadonlyMap<string, readonly number[]>;
  readonly byKeyword: ReadonlyMap<string, readonly number[]>;
}

let keywordPatterns: KeywordPatterns | undefined;

/** Keywords are tokenised like any text; that needs the segmenter, so it happens on first use. */
function patterns(): KeywordPatterns {
  if (keywordPatterns) return keywordPatterns;
  const all = GRAPH.roles.flatMap((role) =>
    role.keywords.map((raw) => {
      const keyword = normalise(raw);
      const group = synonymGroupOf(keyword);
      return { role: role.id, keyword, tokens: tokenize(keyword), concept: group ? `group:${group.id}` : keyword };
    }),
  );
  const byFirstToken = new Map<string, number[]>();
  const byKeyword = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, position: number) => {
    const positions = map.get(key);
    if (positions) positions.push(position);
    else map.set(key, [position]);
  };
  all.forEach((pattern, i) => {
    if (pattern.tokens[0] !== undefined) add(byFirstToken, pattern.tokens[0], i);
    add(byKeyword, pattern.keyword, i);
  });
  keywordPatterns = { all, byFirstToken, byKeyword };
  return keywordPatterns;
}

/** Positions of the patterns a text can match: those starting with one of its tokens or naming an implied keyword, in order. */
function candidatePatterns(index: KeywordPatterns, present: ReadonlySet<string>, implied: ReadonlySet<string>): number[] {
  const candidates: number[] = [];
  for (const token of present) for (const i of index.byFirstToken.get(token) ?? []) candidates.push(i);
  for (const keyword of implied) for (const i of index.byKeyword.get(keyword) ?? []) candidates.push(i);
  return [...new Set(candidates)].sort((a, b) => a - b);
}

function containsSequence(tokens: readonly string[], sequence: readonly string[], single: ReadonlySet<string>): boolean {
  if (sequence.length === 0) return false;
  if (sequence.length === 1) return single.has(sequence[0] ?? '');
  for (let i = 0; i + sequence.length <= tokens.length; i++) {
    let j = 0;
    while (j < sequence.length && tokens[i + j] === sequence[j]) j++;
    if (j === sequence.length) return true;
  }
  return false;
}

/**
 * Roles whose keywords occur in `tokens` (from tokenize), strongest evidence first, ties in data-file order.
 * For a posting this says what the text is about: the roles a need's suppliers should hold, or the role a
 * capability offers.
 */
export function matchRolesInText(tokens: readonly string[], options: RolesForTextOptions = {}): RoleMatch[] {
  const present = new Set(tokens);
  const implied = (options.expand ?? true) ? impliedTerms(tokens, { hints: options.hints ?? true }) : new Set<string>();
  const found = new Map<RoleId, { keywords: string[]; concepts: Set<string>; literal: number }>();
  // Only the patterns that can match are tried (a few dozen of well over a thousand), still in data-file order.
  const index = patterns();
  for (const position of candidatePatterns(index, present, implied)) {
    const pattern = index.all[position]!;
    const literal = containsSequence(tokens, pattern.tokens, present);
    if (!literal && !implied.has(pattern.keyword)) continue;
    let entry = found.get(pattern.role);
    if (!entry) found.set(pattern.role, (entry = { keywords: [], concepts: new Set(), literal: 0 }));
    if (entry.keywords.includes(pattern.keyword)) continue;
    entry.keywords.push(pattern.keyword);
    entry.concepts.add(pattern.concept);
    if (literal) entry.literal += 1;
  }
  // Equal strength: the role whose keywords the text uses literally (not only through synonyms) comes first.
  return [...found]
    .sort(([a, x], [b, y]) => y.concepts.size - x.concepts.size || y.literal - x.literal || byGraphOrder(a, b))
    .map(([role, { keywords, concepts }]) => ({ role, keywords, strength: concepts.size }));
}

/** What a token names: its synonym group, or itself. */
function conceptOf(token: string): string {
  const group = synonymGroupOf(token);
  return group ? `group:${group.id}` : token;
}

/**
 * The roles a phrase (one run of text, such as a title: `tokens` from tokenize) names only by restating another:
 * every keyword of the role found is one of its category keywords, written right after a keyword of another role
 * and never after any other word. "激光雷达传感器" names a lidar, and its 传感器 is no evidence of the sensor makers'
 * role; "激光雷达和压力传感器" names both. (Separate labels, such as a tag list "连接器 传感器", are no phrase.)
 */
export function restatedRoles(tokens: readonly string[]): Set<RoleId> {
  const matches = matchRolesInText(tokens, { hints: false });
  const restated = new Set<RoleId>();
  for (const match of matches) {
    const categories = ROLES.get(match.role)?.categoryKeywords ?? [];
    if (categories.length === 0 || !match.keywords.every((k) => categories.includes(k))) continue;
    const own = new Set(match.keywords.map(conceptOf));
    const others = new Set(matches.filter((m) => m.role !== match.role).flatMap((m) => m.keywords.map(conceptOf)));
    if (restatesOnly(tokens, own, others)) restated.add(match.role);
  }
  return restated;
}

function restatesOnly(tokens: readonly string[], own: ReadonlySet<string>, others: ReadonlySet<string>): boolean {
  let restates = false;
  for (let i = 1; i < tokens.length; i++) {
    if (!own.has(conceptOf(tokens[i] ?? ''))) continue;
    const before = conceptOf(tokens[i - 1] ?? '');
    if (others.has(before)) restates = true;
    else if (!own.has(before)) return false;
  }
  return restates;
}

/** Role ids of matchRolesInText, strongest evidence first. */
export function rolesForText(tokens: readonly string[], options: RolesForTextOptions = {}): RoleId[] {
  return matchRolesInText(tokens, options).map((m) => m.role);
}

/**
 * A company's own roles from its registered codes and its texts (profile, capabilities). Codes anchor: when the
 * codes allow several roles (C3982 is both bare boards and board assembly), the text picks among them; when the
 * text names none of them, all code roles stay. When the codes give only generic roles (or none), the roles the
 * text names most strongly are added.
 */
export function companyRoles(profile: { industries: readonly string[]; tokens: readonly string[] }): RoleId[] {
  const fromCodes = rolesForIndustries(profile.industries);
  const matches = matchRolesInText(profile.tokens);
  const fromText = new Set(matches.map((m) => m.role));
  const specific = fromCodes.filter((r) => !ROLES.get(r)?.generic);
  if (specific.length > 0) {
    const confirmed = specific.filter((r) => fromText.has(r));
    return confirmed.length > 0 ? confirmed : specific;
  }
  const best = matches[0]?.strength ?? 0;
  const strongest = matches.filter((m) => m.strength === best).map((m) => m.role);
  return [...new Set([...strongest, ...fromCodes])].sort(byGraphOrder);
}

// ---------------------------------------------------------------------------------------------------------------
// Relations

/** Order of preference among equally weighted candidates. */
const PREFERENCE: Record<'direct' | 'via' | 'serves', number> = { direct: 0, via: 1, serves: 2 };

interface Candidate {
  relation: ChainRelation;
  preference: number;
}

function better(a: Candidate, b: Candidate | undefined): boolean {
  if (!b) return true;
  if (a.relation.weight !== b.relation.weight) return a.relation.weight > b.relation.weight;
  return a.preference < b.preference;
}

function known(roles: readonly RoleId[]): RoleId[] {
  return [...new Set(roles)].filter((r) => ROLES.has(r));
}

/** Candidate links from one supplier role to one buyer role, in preference order. */
function linksBetween(from: ChainRole, to: ChainRole): Candidate[] {
  const out: Candidate[] = [];
  const direct = edgeBetween(from.id, to.id);
  if (direct) out.push({ relation: { kind: 'supplies', ...link(direct) }, preference: PREFERENCE.direct });
  // An edge to a generic role reaches its kinds, unless the pair is explicitly linked the other way round
  // (integrators buy from servo makers; that does not make servo makers the integrators' customers).
  if (!edgeBetween(to.id, from.id)) {
    for (const parent of to.isA) {
      const edge = edgeBetween(from.id, parent);
      if (!edge) continue;
      const relation: ChainRelation = {
        kind: 'supplies',
        ...link(edge),
        to: to.id,
        via: parent,
        weight: round(edge.weight * VIA_GENERIC_FACTOR),
      };
      out.push({ relation, preference: PREFERENCE.via });
    }
  }
  if (from.servesAll) {
    const relation: ChainRelation = { kind: 'serves', from: from.id, to: to.id, weight: from.servesAllWeight, ...SERVES_LABEL };
    out.push({ relation, preference: PREFERENCE.serves });
  }
  return out;
}

function link(edge: ChainEdge): ChainLink {
  return { from: edge.from, to: edge.to, weight: edge.weight, zh: edge.zh, en: edge.en };
}

/** Avoids 0.7200000000000001 in reasons and tests. */
function round(weight: number): number {
  return Math.round(weight * 1000) / 1000;
}

/**
 * The strongest link from a supplier (its roles) to a buyer (its roles), or null when they are unrelated.
 * A supplier role the buyer holds itself is skipped: a buyer that makes PCBs is a PCB maker's peer, not its
 * customer for PCBs. When nothing links them and they share a non-generic role, the result is a "peer" relation
 * (weight 0), so the ranker can push likely competitors down.
 */
export function relation(supplierRoles: readonly RoleId[], buyerRoles: readonly RoleId[]): ChainRelation | null {
  const suppliers = known(supplierRoles);
  const buyers = known(buyerRoles);
  const buyerSet = new Set(buyers);
  let best: Candidate | undefined;
  for (const fromId of suppliers) {
    if (buyerSet.has(fromId)) continue;
    const from = ROLES.get(fromId);
    if (!from) continue;
    for (const toId of buyers) {
      const to = ROLES.get(toId);
      if (!to || toId === fromId) continue;
      for (const candidate of linksBetween(from, to)) if (better(candidate, best)) best = candidate;
    }
  }
  if (best) return best.relation;
  const shared = suppliers.find((r) => buyerSet.has(r) && !ROLES.get(r)?.generic);
  return shared === undefined ? null : { kind: 'peer', from: shared, to: shared, weight: 0, ...PEER_LABEL };
}

/**
 * Roles that supply `role`, strongest first: explicit edges into it, then edges into the generic roles it is a
 * kind of (marked `via`). Services that serve everybody are not listed.
 */
export function upstreamOf(role: RoleId): ChainLink[] {
  const target = ROLES.get(role);
  if (!target) return [];
  const links: ChainLink[] = GRAPH.edges.filter((e) => e.to === role).map(link);
  for (const parent of target.isA) {
    for (const edge of GRAPH.edges) {
      if (edge.to !== parent || edge.from === role || edgeBetween(role, edge.from)) continue;
      links.push({ ...link(edge), to: role, via: parent, weight: round(edge.weight * VIA_GENERIC_FACTOR) });
    }
  }
  return links.sort((a, b) => b.weight - a.weight || byGraphOrder(a.from, b.from));
}

/** Roles `role` supplies through explicit edges, strongest first (a generic target stands for all its kinds). */
export function downstreamOf(role: RoleId): ChainLink[] {
  return GRAPH.edges
    .filter((e) => e.from === role)
    .map(link)
    .sort((a, b) => b.weight - a.weight || byGraphOrder(a.to, b.to));
}

// ---------------------------------------------------------------------------------------------------------------
// Reasons

function name(role: RoleId, lang: Lang): string {
  const r = ROLES.get(role);
  if (!r) return role;
  return lang === 'zh' ? r.zh : r.en;
}

/**
 * A reason a person can read, e.g. "上游：电子元件制造 → 您的通信设备制造" /
 * "Upstream: electronic components → your communication equipment". A plain link without `kind` reads as
 * "supplies".
 */
export function chainReason(
  link: ChainLink & { kind?: RelationKind },
  lang: Lang,
  options: ChainReasonOptions = {},
): string {
  const kind = link.kind ?? 'supplies';
  const buyerView = (options.viewer ?? 'buyer') === 'buyer';
  const from = name(link.from, lang);
  const to = name(link.to, lang);
  if (kind === 'peer') return lang === 'zh' ? `同行：同属${from}` : `Peer: also in ${from}`;
  let text: string;
  if (lang === 'zh') {
    const label = kind === 'supplies' ? (buyerView ? '上游' : '下游') : '配套服务';
    text = buyerView ? `${label}：${from} → 您的${to}` : `${label}：您的${from} → ${to}`;
  } else {
    const label = kind === 'supplies' ? (buyerView ? 'Upstream' : 'Downstream') : 'Service';
    text = buyerView ? `${label}: ${from} → your ${to}` : `${label}: your ${from} → ${to}`;
  }
  if (options.detail && kind === 'supplies') text += lang === 'zh' ? `（${link.zh}）` : ` (${link.en})`;
  return text;
}
