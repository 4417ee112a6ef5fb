/**
 * Inverted index with BM25F scoring over several weighted fields.
 *
 * Documents live in numbered slots. A replaced or removed document's slot is marked dead and its postings entries
 * are skipped at query time, then compacted away once they make up half of a postings list: appends stay O(1) and
 * removals never shift large arrays. The owner rebuilds from scratch when dead slots pile up (see store.ts).
 *
 * A postings list is one growable Int32Array of (slot, payload) pairs, one pair per (document, field) holding the
 * term, so a query touches only the documents that contain its terms, never the whole collection. Pairs in a typed
 * array take 8 bytes; two number arrays took 16 (plus their growth slack), and postings are most of the index.
 */
import type { Tokenizer } from './tokenizer.js';

/** BM25 saturation and length normalisation; the usual defaults. */
const K1 = 1.2;
const B = 0.75;
/** Payload packs (term frequency << FIELD_BITS) | field index. */
const FIELD_BITS = 8;
const FIELD_MASK = (1 << FIELD_BITS) - 1;
export const MAX_FIELDS = 1 << FIELD_BITS;
/** Compact a postings list once this many dead entries make up at least half of it. */
const MIN_DEAD_TO_COMPACT = 16;

/** Entries a new postings list has room for; most terms occur in a few documents only. */
const INITIAL_ENTRIES = 2;

interface Posting {
  /** `length` entries, each a slot followed by its payload; room for more after them. */
  entries: Int32Array;
  /** Entries in use (pairs, not array elements). */
  length: number;
  /** Live documents containing the term (BM25's document frequency). */
  docs: number;
  /** Entries whose slot is dead. */
  dead: number;
}

/** A query term group: documents score the best of its alternatives, each alternative a list of terms (summed). */
export interface TermGroup {
  alternatives: string[][];
}

export interface ScoredSlots {
  /** Slots with a positive score, in no particular order. */
  slots: number[];
  /** Raw BM25F score by slot (covers every slot). Valid until the next score() call, which reuses the buffer. */
  scores: Float64Array;
  /** The largest raw score the query could reach (every term saturated); used to normalise into 0..1. */
  maxScore: number;
}

export class TextIndex {
  readonly #tokenizer: Tokenizer;
  readonly #weights: number[];
  readonly #postings = new Map<string, Posting>();
  /** Token count of field f of slot s at s * fieldCount + f. */
  readonly #fieldLens: number[] = [];
  readonly #totalLens: number[];
  #alive = new Uint8Array(1024);
  #live = 0;
  /**
   * weight / BM25 length norm of each (slot, field), laid out like #fieldLens. It depends on the average field
   * lengths, so any write invalidates it; the next search recomputes it in one pass, which is much cheaper than a
   * division per postings entry on every query.
   */
  #fieldFactors: Float32Array | null = null;
  /**
   * Score buffer reused across searches (a fresh 80k-slot array per query is mostly GC work); only the slots the
   * previous search touched are zeroed. The previous result is therefore valid until the next call to score().
   */
  #scratch = new Float64Array(0);
  #lastTouched: number[] = [];

  /** @param weights - one weight per searchable field, most important first. */
  constructor(tokenizer: Tokenizer, weights: number[]) {
    if (weights.length > MAX_FIELDS) throw new RangeError(`at most ${MAX_FIELDS} searchable attributes`);
    this.#tokenizer = tokenizer;
    this.#weights = weights;
    this.#totalLens = weights.map(() => 0);
  }

  /** Number of slots that have ever been used (dead ones included). */
  get slotCount(): number {
    return this.#fieldLens.length / Math.max(1, this.#weights.length);
  }

  /**
   * Indexes a document in a new slot; slots must be added in increasing order (each postings list then holds a
   * document's entries next to each other, which scoring relies on).
   * @param fieldTexts - the text of each searchable field, in field order.
   */
  add(slot: number, fieldTexts: string[]): void {
    const fieldCount = this.#weights.length;
    if (slot * fieldCount !== this.#fieldLens.length) throw new RangeError('slots must be added in order');
    this.#ensureCapacity(slot);
    this.#alive[slot] = 1;
    this.#live++;
    this.#fieldFactors = null;
    for (let f = 0; f < fieldCount; f++) {
      const tokens = this.#tokenizer.tokens(fieldTexts[f] ?? '');
      this.#fieldLens.push(tokens.length);
      this.#totalLens[f]! += tokens.length;
      for (const [term, tf] of countTerms(tokens)) {
        let posting = this.#postings.get(term);
        if (posting === undefined) {
          posting = { entries: new Int32Array(INITIAL_ENTRIES * 2), length: 0, docs: 0, dead: 0 };
          this.#postings.set(term, posting);
        }
        append(posting, slot, (tf << FIELD_BITS) | f);
      }
    }
  }

  /** Marks a slot dead. `fieldTexts` must be what was added, so the same terms are found again. */
  remove(slot: number, fieldTexts: string[]): void {
    if (this.#alive[slot] !== 1) return;
    this.#alive[slot] = 0;
    this.#live--;
    this.#fieldFactors = null;
    const fieldCount = this.#weights.length;
    const seen = new Set<string>();
    for (let f = 0; f < fieldCount; f++) {
      this.#totalLens[f]! -= this.#fieldLens[slot * fieldCount + f] ?? 0;
      const terms = new Set(this.#tokenizer.tokens(fieldTexts[f] ?? ''));
      for (const term of terms) {
        const posting = this.#postings.get(term);
        if (posting === undefined) continue;
        posting.dead++;
        if (!seen.has(term)) {
          seen.add(term);
          posting.docs--;
        }
      }
    }
    for (const term of seen) {
      const posting = this.#postings.get(term);
      if (posting === undefined) continue;
      if (posting.docs <= 0) this.#postings.delete(term);
      else if (posting.dead >= MIN_DEAD_TO_COMPACT && posting.dead * 2 >= posting.length) this.#compact(posting);
    }
  }

  /**
   * Scores the live documents (restricted to `allowed` when given) that contain at least one query term.
   * Groups add up; within a group the best alternative counts, so a synonym never scores on top of its original.
   */
  score(groups: TermGroup[], allowed: Uint8Array | null): ScoredSlots {
    const size = this.slotCount;
    const scores = this.#scratchScores(size);
    const slots: number[] = [];
    this.#lastTouched = slots;
    let maxScore = 0;
    if (this.#live === 0) return { slots, scores, maxScore };
    const factors = this.#factors();
    let altScores: Float64Array | null = null;
    let groupScores: Float64Array | null = null;
    for (const group of groups) {
      if (group.alternatives.length === 1) {
        for (const term of group.alternatives[0]!) maxScore += this.#scoreTerm(term, scores, slots, allowed, factors);
        continue;
      }
      altScores ??= new Float64Array(size);
      groupScores ??= new Float64Array(size);
      const groupTouched: number[] = [];
      let groupMax = 0;
      for (const alternative of group.alternatives) {
        const touched: number[] = [];
        let altMax = 0;
        for (const term of alternative) altMax += this.#scoreTerm(term, altScores, touched, allowed, factors);
        groupMax = Math.max(groupMax, altMax);
        for (const slot of touched) {
          if (groupScores[slot] === 0) groupTouched.push(slot);
          if (altScores[slot]! > groupScores[slot]!) groupScores[slot] = altScores[slot]!;
          altScores[slot] = 0;
        }
      }
      maxScore += groupMax;
      for (const slot of groupTouched) {
        if (scores[slot] === 0) slots.push(slot);
        scores[slot]! += groupScores[slot]!;
        groupScores[slot] = 0;
      }
    }
    return { slots, scores, maxScore };
  }

  /** Adds one term's BM25F contribution into `acc`; returns the most it could add to any document. */
  #scoreTerm(term: string, acc: Float64Array, touched: number[], allowed: Uint8Array | null, factors: Float32Array): number {
    const posting = this.#postings.get(term);
    const df = posting?.docs ?? 0;
    const idf = Math.log(1 + (this.#live - df + 0.5) / (df + 0.5));
    if (posting !== undefined) {
      const { entries } = posting;
      const fieldCount = this.#weights.length;
      const alive = this.#alive;
      const n = posting.length * 2;
      let i = 0;
      while (i < n) {
        const slot = entries[i]!;
        if (alive[slot] !== 1 || (allowed !== null && allowed[slot] !== 1)) {
          while (i < n && entries[i] === slot) i += 2;
          continue;
        }
        // BM25F: length-normalise and weight each field's frequency, then saturate the sum once per document.
        let tf = 0;
        do {
          const p = entries[i + 1]!;
          tf += (p >>> FIELD_BITS) * factors[slot * fieldCount + (p & FIELD_MASK)]!;
          i += 2;
        } while (i < n && entries[i] === slot);
        if (acc[slot] === 0) touched.push(slot);
        acc[slot]! += (idf * tf * (K1 + 1)) / (tf + K1);
      }
    }
    return idf * (K1 + 1);
  }

  #scratchScores(size: number): Float64Array {
    if (this.#scratch.length < size) {
      this.#scratch = new Float64Array(Math.max(size, this.#scratch.length * 2));
    } else {
      for (const slot of this.#lastTouched) this.#scratch[slot] = 0;
    }
    this.#lastTouched = [];
    return this.#scratch;
  }

  #factors(): Float32Array {
    if (this.#fieldFactors !== null) return this.#fieldFactors;
    const fieldCount = this.#weights.length;
    const lens = this.#fieldLens;
    const avgLens = this.#totalLens.map((total) => Math.max(total / Math.max(this.#live, 1), 1));
    const factors = new Float32Array(lens.length);
    for (let i = 0; i < lens.length; i++) {
      const f = i % fieldCount;
      factors[i] = this.#weights[f]! / (1 - B + (B * lens[i]!) / avgLens[f]!);
    }
    this.#fieldFactors = factors;
    return factors;
  }

  #compact(posting: Posting): void {
    const { entries } = posting;
    const n = posting.length * 2;
    let kept = 0;
    for (let i = 0; i < n; i += 2) {
      if (this.#alive[entries[i]!] === 1) {
        entries[kept] = entries[i]!;
        entries[kept + 1] = entries[i + 1]!;
        kept += 2;
      }
    }
    posting.length = kept / 2;
    // Give back the room: at least half of the list was dead.
    posting.entries = entries.slice(0, Math.max(kept, INITIAL_ENTRIES * 2));
    posting.dead = 0;
  }

  #ensureCapacity(slot: number): void {
    if (slot < this.#alive.length) return;
    let length = this.#alive.length;
    while (length <= slot) length *= 2;
    const grown = new Uint8Array(length);
    grown.set(this.#alive);
    this.#alive = grown;
  }
}

/** Appends an entry, growing the list by half when it is full (doubling wastes a quarter on average). */
function append(posting: Posting, slot: number, payload: number): void {
  const at = posting.length * 2;
  // A document's entries are adjacent (slots are added in order), so its first entry is the only new one.
  if (posting.length === 0 || posting.entries[at - 2] !== slot) posting.docs++;
  if (at === posting.entries.length) {
    const grown = new Int32Array(at + Math.max(4, ((posting.length >> 1) + 1) * 2));
    grown.set(posting.entries);
    posting.entries = grown;
  }
  posting.entries[at] = slot;
  posting.entries[at + 1] = payload;
  posting.length++;
}

function countTerms(tokens: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}
