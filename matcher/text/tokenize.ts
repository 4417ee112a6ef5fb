/**
 * Tokenisation for matching: normalised text → the words that carry meaning, in order (repeats kept, since term
 * frequency matters to relevance).
 *
 *  - Han runs are segmented by jieba with the domain vocabulary (表面贴装, 激光雷达, 细胞培养基 stay whole).
 *  - Other letters and digits form words split at spaces and punctuation, keeping the inner marks of r&d, c++,
 *    3.5 and node.js; a + between words splits them ("PCB+SMT" = "pcb" "smt"). Hyphens split ("wire-harness" =
 *    "wire harness"), and script changes split ("smt贴片" = "smt" "贴片"), so every spelling of a phrase gives the
 *    same tokens.
 *  - Standard numbers are joined to their prefix: "ISO 13485", "iso-13485" and "ISO13485:2016" all give
 *    "iso13485"; "GB/T 19001-2016" gives "gbt19001".
 *  - English plurals are folded to the singular ("sensors" → "sensor", "batteries" → "battery").
 *  - Stop words (stopwords.json) and single Latin letters are dropped.
 */
import stopwords from './stopwords.json' with { type: 'json' };
import { normalise } from './normalise.js';
import { segmentHan } from './segmenter.js';

const STOP_WORDS: ReadonlySet<string> = new Set([...stopwords.zh, ...stopwords.en]);

/**
 * A standard's prefix, optional separator, its number and an optional ":year" or "-year" edition. The prefixes are the
 * standards companies cite as qualifications; "gb/t" and "yy/t" come before "gb" and "yy" so the longer one wins.
 */
const STANDARD_PREFIXES = ['iso', 'iec', 'iatf', 'ts', 'gb/t', 'gbt', 'gb', 'yy/t', 'yy', 'ipc', 'astm', 'asme', 'ieee', 'sae', 'ul'];
const STANDARD_NUMBER = new RegExp(`\\b(${STANDARD_PREFIXES.join('|')})[\\s\\-/]*(\\d{3,6})(?:[:-]\\d{4})?\\b`, 'g');
/** A standard number as joinStandardNumbers leaves it ("iso13485", "gbt19001"), or a protection rating ("ip67"). */
const JOINED_STANDARD = new RegExp(`^(?:(?:${STANDARD_PREFIXES.map((p) => p.replace('/', '')).join('|')})\\d{3,6}|ip\\d{2}k?)$`);

/**
 * A Han run, or a word of other letters/digits (with inner & . # and trailing + #: r&d, 3.5, c++, c#). A + between
 * two words joins two things ("PCB+SMT一站式" is PCB and SMT), so it splits them.
 */
const PIECE =
  /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+(?:[&.#](?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+)*(?:[+#]+(?![+#]|(?!\p{Script=Han})[\p{L}\p{N}\p{M}]))?)/gu;

const ASCII_WORD = /^[a-z]+$/;
const SINGLE_LATIN_LETTER = /^[a-z]$/;

/**
 * Words that look plural but are not (or are acronyms that end in s). Words ending in ss, us, is and ics are
 * recognised by rule.
 */
const NOT_PLURAL: ReadonlySet<string> = new Set([
  'mems', 'cnas', 'saas', 'paas', 'iaas', 'lims', 'ctms', 'devops', 'news', 'lens', 'series', 'species', 'ethernet',
  'sales', 'kubernetes', 'canvas', 'atlas', 'alias', 'chassis', 'was', 'has', 'does', 'yes', 'this', 'its', 'ours',
  'yours', 'always', 'perhaps',
]);

/** Singular of an English word (lowercase ASCII); other words are returned unchanged. */
export function singularEnglish(word: string): string {
  if (word.length <= 3 || !ASCII_WORD.test(word) || !word.endsWith('s') || NOT_PLURAL.has(word)) return word;
  if (/(?:ss|us|is|ics)$/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ch|sh|x|z|ss)es$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/**
 * Whether a token is a joined standard number ("iso13485", "iatf16949", "gbt19001") or a protection rating ("ip67"):
 * a qualification, not a trade.
 */
export function isStandardNumber(token: string): boolean {
  return JOINED_STANDARD.test(token);
}

function joinStandardNumbers(text: string): string {
  return text.replace(STANDARD_NUMBER, (_match, prefix: string, number: string) => `${prefix.replace('/', '')}${number}`);
}

function keep(token: string): boolean {
  return !STOP_WORDS.has(token) && !SINGLE_LATIN_LETTER.test(token);
}

/** Whether `word` (normalised) is on the stop list. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/**
 * Normalised, meaningful tokens of `text`, in order. "我们寻找ＳＭＴ表面貼裝代工，需通過ISO 13485認證" gives
 * ["smt", "表面贴装", "代工", "iso13485", "认证"].
 */
export function tokenize(text: string): string[] {
  return tokenizeNormalised(normalise(text));
}

/** tokenize() of a text already normalised (normalise()), for callers that also read the normalised text. */
export function tokenizeNormalised(text: string): string[] {
  const tokens: string[] = [];
  for (const match of joinStandardNumbers(text).matchAll(PIECE)) {
    const han = match[1];
    if (han !== undefined) {
      for (const word of segmentHan(han)) if (keep(word)) tokens.push(word);
      continue;
    }
    const word = match[2];
    if (word === undefined || !keep(word)) continue;
    const singular = singularEnglish(word);
    if (keep(singular)) tokens.push(singular);
  }
  return tokens;
}
