/**
 * Text normalisation shared by tokenisation, the synonym table and the search index settings, so that
 * "表面貼裝", "ＳＭＴ" and "smt" written by different companies end up as the same characters.
 *
 * Steps, in order:
 *  1. NFKC compatibility folding: full-width Latin letters, digits and ASCII symbols become half-width
 *     ("ＳＭＴ１３４８５" → "SMT13485"), the ideographic space becomes a space, CJK compatibility ideographs become
 *     their unified forms. The Chinese sentence punctuation that NFKC would turn into ASCII (，：；！？（）…) is kept
 *     as written: it is the normal form in Chinese text, and tokenisation treats both forms as separators anyway.
 *  2. Traditional → simplified Chinese with OpenCC's generic t2s converter (phrase-aware, so 乾燥 → 干燥 but
 *     著作 stays 著作). Simplified input passes through unchanged.
 *  3. Lowercase.
 *  4. Zero-width characters removed, whitespace runs collapsed to one space, ends trimmed.
 */
import { Converter } from 'opencc-js/t2cn';

/**
 * Punctuation left as written by step 1. NFKC is applied to the runs between them; splitting there changes
 * nothing else, because these marks neither compose nor decompose with their neighbours.
 */
const BETWEEN_KEPT_PUNCTUATION = /[^，：；！？（）…]+/gu;

/** Zero-width space/joiners, word joiner and BOM: invisible, but they would split or glue words. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
const WHITESPACE_RUN = /\s+/g;

let toSimplified: ((text: string) => string) | undefined;

/** The OpenCC converter takes tens of milliseconds to build its dictionaries, so it is built once, on first use. */
function simplify(text: string): string {
  const convert = (toSimplified ??= Converter({ from: 't', to: 'cn' }));
  return convert(text);
}

function foldWidth(text: string): string {
  return text.replace(BETWEEN_KEPT_PUNCTUATION, (run) => run.normalize('NFKC'));
}

/**
 * Normalised form of `text`: width-folded, simplified Chinese, lowercase, single-spaced and trimmed.
 * Idempotent: `normalise(normalise(x)) === normalise(x)`.
 */
export function normalise(text: string): string {
  if (text === '') return '';
  return simplify(foldWidth(text)).toLowerCase().replace(INVISIBLE, '').replace(WHITESPACE_RUN, ' ').trim();
}

/** Builds the traditional → simplified converter now rather than on the first call (e.g. at process start). */
export function warmUpNormaliser(): void {
  simplify('');
}
