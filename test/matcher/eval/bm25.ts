/**
 * The baseline the matcher must beat: plain BM25 (k1 1.2, b 0.75) over the same texts, tokenised the same way
 * (normalisation, jieba, stop words) but without synonyms, hints, the industry chain or any other signal. A
 * company's score is its best document (its profile or a posting of the kind the request looks for).
 */
import { tokenize } from '../../../matcher/text/index.js';
import type { MatchableCompany, MatchablePosting } from '../../../matcher/ranking/documents.js';

const K1 = 1.2;
const B = 0.75;

interface Doc {
  companyId: string;
  kind: 'profile' | 'need' | 'capability';
  tf: Map<string, number>;
  length: number;
}

export class Bm25Baseline {
  readonly #docs: Doc[] = [];
  readonly #df = new Map<string, number>();
  #avgLength = 0;

  constructor(companies: Iterable<MatchableCompany>, postings: Iterable<MatchablePosting>) {
    for (const c of companies) this.#add(c.id, 'profile', `${c.name} ${c.description}`);
    for (const p of postings) this.#add(p.companyId, p.kind, `${p.title} ${p.tags.join(' ')} ${p.description}`);
    this.#avgLength = this.#docs.reduce((sum, d) => sum + d.length, 0) / Math.max(1, this.#docs.length);
  }

  #add(companyId: string, kind: Doc['kind'], text: string): void {
    const tokens = tokenize(text);
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const t of tf.keys()) this.#df.set(t, (this.#df.get(t) ?? 0) + 1);
    this.#docs.push({ companyId, kind, tf, length: tokens.length });
  }

  /** Companies by best document score, the requester left out; `wanted` is the posting kind looked for. */
  rank(text: string, wanted: 'need' | 'capability', requesterId: string, limit: number): string[] {
    const query = [...new Set(tokenize(text))];
    const n = this.#docs.length;
    const best = new Map<string, number>();
    for (const doc of this.#docs) {
      if (doc.companyId === requesterId || (doc.kind !== 'profile' && doc.kind !== wanted)) continue;
      let score = 0;
      for (const term of query) {
        const f = doc.tf.get(term);
        if (f === undefined) continue;
        const df = this.#df.get(term) ?? 0;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        score += (idf * f * (K1 + 1)) / (f + K1 * (1 - B + (B * doc.length) / this.#avgLength));
      }
      if (score > (best.get(doc.companyId) ?? 0)) best.set(doc.companyId, score);
    }
    return [...best]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([id]) => id);
  }
}
