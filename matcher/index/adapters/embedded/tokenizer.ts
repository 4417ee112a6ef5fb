/**
 * Tokenisation for the embedded index. The same tokenizer runs over documents and queries, so whatever it does
 * (folding, segmentation) is symmetric by construction. jieba-based Chinese segmentation will plug in here later.
 */

export interface Tokenizer {
  /** Index terms of `text`, in order, repeats kept (term frequency matters). */
  tokens(text: string): string[];
  /**
   * Terms to look up for a query, when they differ from the document terms (e.g. fewer, more selective ones).
   * Must be a subset of what `tokens` would produce for the same text. Defaults to `tokens`.
   */
  queryTokens?(text: string): string[];
}

/** Scripts written without spaces between words; they get character n-grams instead of words. */
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/**
 * One run of CJK characters, or one run of other letters/digits (marks keep accented letters whole).
 * `\p{L}` includes Han, hence the lookahead that hands CJK characters to the first branch.
 */
const RUNS =
  /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u30FC]+)|((?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])[\p{L}\p{N}\p{M}])+)/gu;

/** Lowercases and NFKC-folds: full-width Latin and digits become ASCII, half-width katakana becomes full-width. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * Default tokenizer: folded Latin words/numbers, plus CJK character unigrams and bigrams. Bigrams carry most of
 * the precision for Chinese (they are rare, so BM25's idf weighs them up); unigrams keep one-character queries and
 * odd word boundaries findable.
 */
export class SimpleTokenizer implements Tokenizer {
  tokens(text: string): string[] {
    return tokenize(text, true);
  }

  /**
   * Queries look up CJK bigrams only (unigrams just for a lone character): a bigram already implies its two
   * characters, and unigram postings are the longest lists in the index, so this keeps searches fast and precise.
   */
  queryTokens(text: string): string[] {
    return tokenize(text, false);
  }
}

function tokenize(text: string, unigrams: boolean): string[] {
  const out: string[] = [];
  for (const match of foldText(text).matchAll(RUNS)) {
    const cjk = match[1];
    if (cjk !== undefined) {
      pushCjkGrams(cjk, unigrams, out);
    } else if (match[2] !== undefined) {
      out.push(match[2]);
    }
  }
  return out;
}

function pushCjkGrams(run: string, unigrams: boolean, out: string[]): void {
  // Array.from splits by code point, so characters outside the BMP (CJK extension B…) stay whole.
  const chars = Array.from(run);
  if (chars.length === 1) {
    out.push(chars[0]!);
    return;
  }
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (unigrams) out.push(c);
    const next = chars[i + 1];
    if (next !== undefined) out.push(c + next);
  }
}

/** True if `text` contains any CJK character (used to decide whether a synonym key needs word boundaries). */
export function hasCjk(text: string): boolean {
  return CJK_CHAR.test(text);
}

export const defaultTokenizer: Tokenizer = new SimpleTokenizer();

/**
 * For text that was analysed before it reached the index (the matcher stores normalised concept words separated
 * by spaces): the words are taken as they are, so the index and the matcher agree on what a word is.
 */
export class WhitespaceTokenizer implements Tokenizer {
  tokens(text: string): string[] {
    return foldText(text).split(/\s+/u).filter((word) => word !== '');
  }
}
