/**
 * How rare a word is in the index (document frequency), asked of the index itself so that every adapter and every
 * node weighs words alike: the hit count of each word, all words in one call (Meilisearch: one multi-search).
 * Counts change slowly and the same words come back in request after request, so they are cached for a few minutes.
 */
import type { SearchIndex } from '../index/port.js';
import { MATCH_INDEX } from './documents.js';

const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 20_000;

interface Entry {
  count: number;
  at: number;
}

export class TermStats {
  readonly #counts = new Map<string, Entry>();

  constructor(private readonly index: SearchIndex) {}

  /** Documents in the index, and how many contain each word: one index call for the words not cached. */
  async frequencies(terms: readonly string[], now = Date.now()): Promise<{ documents: number; df: Map<string, number> }> {
    const wanted = ['', ...terms];
    const missing = wanted.filter((term) => {
      const cached = this.#counts.get(term);
      return !cached || now - cached.at >= TTL_MS;
    });
    if (missing.length > 0) {
      const counts = await this.index.count(MATCH_INDEX, missing);
      missing.forEach((term, i) => this.#remember(term, counts[i] ?? 0, now));
    }
    const df = new Map<string, number>();
    for (const term of terms) df.set(term, this.#counts.get(term)?.count ?? 0);
    return { documents: Math.max(1, this.#counts.get('')?.count ?? 1), df };
  }

  #remember(term: string, count: number, now: number): void {
    if (!this.#counts.has(term) && this.#counts.size >= MAX_ENTRIES) this.#counts.delete(this.#counts.keys().next().value!);
    this.#counts.set(term, { count, at: now });
  }
}

/**
 * Inverse document frequency scaled to 0.3..1: a word in nearly every document keeps 30 % of its weight, a word
 * in a handful keeps all of it. BM25's idf, divided by the idf of a word found once.
 */
export function rarity(df: number, documents: number): number {
  const idf = Math.log(1 + (documents - df + 0.5) / (df + 0.5));
  const max = Math.log(1 + (documents - 0.5) / 1.5);
  return 0.3 + 0.7 * Math.min(1, Math.max(0, idf / max));
}
