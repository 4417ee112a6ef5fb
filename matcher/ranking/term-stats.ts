/**
 * How rare a word is in the index (document frequency), asked of the index itself so that every adapter and every
 * node weighs words alike: one single-word search per word, answered by its hit count. Counts change slowly and
 * the same words come back in request after request, so they are cached for a few minutes.
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

  /** Documents in the index, and how many contain each word. */
  async frequencies(terms: readonly string[], now = Date.now()): Promise<{ documents: number; df: Map<string, number> }> {
    const wanted = ['', ...terms];
    const counts = await Promise.all(wanted.map((term) => this.#count(term, now)));
    const df = new Map<string, number>();
    terms.forEach((term, i) => df.set(term, counts[i + 1] ?? 0));
    return { documents: Math.max(1, counts[0] ?? 1), df };
  }

  /** Forgets every count (after a rebuild, say). */
  clear(): void {
    this.#counts.clear();
  }

  async #count(term: string, now: number): Promise<number> {
    const cached = this.#counts.get(term);
    if (cached && now - cached.at < TTL_MS) return cached.count;
    const result = await this.index.search(MATCH_INDEX, term, { limit: 1, attributes: ['id'] });
    if (this.#counts.size >= MAX_ENTRIES) this.#counts.delete(this.#counts.keys().next().value!);
    this.#counts.set(term, { count: result.total, at: now });
    return result.total;
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
