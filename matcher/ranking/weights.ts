/**
 * The base weight of a word of a request: what kind of word it is, from the word and the data files alone (synonym
 * groups and industry-chain keywords are the domain's vocabulary). How rare it is in the index is applied on top,
 * per request (term-stats.ts).
 */
import { SYNONYM_HINTS, domainWords, isStandardNumber, tokenize } from '../text/index.js';
import vocabulary from '../text/vocabulary.json' with { type: 'json' };

let domain: Set<string> | undefined;
let colloquial: Set<string> | undefined;
let generic: Set<string> | undefined;
let places: Set<string> | undefined;
let qualifications: Set<string> | undefined;

/** Weight of a domain word (chain keyword, vocabulary, synonym term) that is no synonym group. */
export const DOMAIN_WEIGHT = 0.9;
/** Weight of a generic business word (国产替代, 交期…): every trade writes it, so it says little about the partner. */
const GENERIC_WEIGHT = 0.3;

/**
 * Whether a concept term names a qualification (iso13485 and its group zziso13485, GMP, IP67, 车规级): a certificate
 * or grade any trade may meet qualifies the partner, it is not what is supplied. A need's required certificates are weighed as
 * such (held or lacking, score.ts), and a supplier's certificates count as words of its units.
 */
function isQualification(term: string): boolean {
  qualifications ??= new Set(vocabulary.qualifications.flatMap((w) => tokenize(w)));
  const word = term.startsWith('zz') ? term.slice(2) : term;
  return isStandardNumber(word) || qualifications.has(word);
}

/** Weight of a place in the zone (亦庄, 路东区…): where a company sits is the park signal's business. */
const PLACE_WEIGHT = 0.1;

/** Whether a word names the zone, one of its areas or nearness to it (vocabulary.json `places`: 亦庄, 路东区, 区内). */
export function isPlace(term: string): boolean {
  places ??= new Set(vocabulary.places.flatMap((w) => tokenize(w)));
  return places.has(term);
}

/** Whether a word is a business word every trade uses (vocabulary.json `generic`). */
export function isGenericWord(term: string): boolean {
  generic ??= new Set(vocabulary.generic.flatMap((w) => tokenize(w)));
  return generic.has(term);
}

/** Words that trigger a hint: they say little by themselves; the hint's targets carry the meaning. */
function colloquialTokens(): Set<string> {
  colloquial ??= new Set(SYNONYM_HINTS.flatMap((h) => h.from.flatMap((w) => tokenize(w))));
  return colloquial;
}

/** Normalised single-token domain words (chain keywords, vocabulary, synonym terms). */
function domainTokens(): Set<string> {
  if (domain) return domain;
  domain = new Set<string>();
  for (const word of domainWords()) {
    const tokens = tokenize(word);
    if (tokens.length === 1 && tokens[0] !== undefined) domain.add(tokens[0]);
  }
  return domain;
}

const HAN = /\p{Script=Han}/u;

/** Weight of one concept term (as produced by conceptTerm) in 0..1. */
export function termWeight(term: string): number {
  if (isQualification(term)) return GENERIC_WEIGHT;
  if (term.startsWith('zz')) return 1;
  if (colloquialTokens().has(term)) return 0.2;
  if (isPlace(term)) return PLACE_WEIGHT;
  if (isGenericWord(term)) return GENERIC_WEIGHT;
  if (domainTokens().has(term)) return DOMAIN_WEIGHT;
  if (HAN.test(term)) return term.length >= 3 ? 0.55 : term.length === 2 ? 0.4 : 0.1;
  if (/^\d/.test(term)) return 0.15;
  return term.length >= 4 ? 0.5 : term.length === 3 ? 0.35 : 0.2;
}
