/**
 * Seeded pseudo-random numbers. The demo zone must come out identical on every machine and every run (tests
 * deep-compare two builds, and people refer to "the EMS company in 路东区" across demos), so nothing here touches
 * Math.random or the clock. mulberry32 is tiny, fast and good enough for picking words; it is not for secrets.
 */

/** mulberry32: a 32-bit state generator returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Turns a text label into a 32-bit seed, so sub-streams can be named ("companies", "postings") instead of numbered. */
export function hashSeed(label: string, base = 0): number {
  let h = (0x811c9dc5 ^ base) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The random choices every composer makes, over one seeded stream. */
export class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element; the list must not be empty. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick: empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Up to `count` distinct elements in random order (partial Fisher–Yates on a copy). */
  sample<T>(items: readonly T[], count: number): T[] {
    if (count === 1 && items.length > 0) return [this.pick(items)];
    if (count === 2 && items.length > 3) {
      // The common case of two out of many, without copying the list.
      const i = Math.floor(this.next() * items.length);
      let j = Math.floor(this.next() * (items.length - 1));
      if (j >= i) j++;
      return [items[i] as T, items[j] as T];
    }
    const copy = items.slice();
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      const chosen = copy[j] as T;
      copy[j] = copy[i] as T;
      copy[i] = chosen;
    }
    return copy.slice(0, n);
  }

  /** An index drawn with the given weights (which need not sum to 1). */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** A value spread evenly on a log scale between min and max: company sizes are closer to that than to uniform. */
  logInt(min: number, max: number): number {
    return Math.round(Math.exp(Math.log(min) + this.next() * (Math.log(max) - Math.log(min))));
  }
}
