/**
 * A synthetic zone for benchmarks: any number of companies (20,000 is the reference size) with about three
 * postings each, deterministic for a seed. It reuses the curated vocabulary and composer with shorter
 * profiles, so texts are plausible and exercise the same words as the demo, only more repetitive.
 */
import { composeCompany } from './companies.js';
import { CreditCodeRegistry } from './credit-codes.js';
import type { Brand } from './names.js';
import { composePostings, SYNTHETIC_MIX } from './postings.js';
import { Rng } from './random.js';
import { SYNTHETIC_SOURCE, type SeedCompany, type SeedPosting } from './types.js';
import { BLOCKED_BRANDS, BRAND_CHARS } from './vocabulary/common.js';
import { SEGMENTS } from './vocabulary/index.js';

export interface SyntheticZoneOptions {
  /** Number of companies. */
  readonly companies: number;
  /** Same seed, same zone. */
  readonly seed: number;
  /** Reference date for posting validity; a fixed default keeps the output independent of the clock. */
  readonly now?: Date;
}

export interface SyntheticZone {
  readonly companies: SeedCompany[];
  readonly postings: SeedPosting[];
}

/** Reference date of synthetic zones when none is given. */
export const SYNTHETIC_EPOCH = new Date('2025-01-01T00:00:00Z');

/** Any two distinct characters that are not a blocked brand; uniqueness comes from the full name instead. */
function anyBrand(rng: Rng): Brand {
  for (;;) {
    const [a, pa] = rng.pick(BRAND_CHARS);
    const [b, pb] = rng.pick(BRAND_CHARS);
    if (a !== b && !BLOCKED_BRANDS.has(a + b)) return { text: a + b, slug: pa + pb };
  }
}

export function generateSyntheticZone(options: SyntheticZoneOptions): SyntheticZone {
  if (!Number.isInteger(options.companies) || options.companies < 0) throw new Error('generateSyntheticZone: companies must be a non-negative integer');
  const now = options.now ?? SYNTHETIC_EPOCH;
  const rng = new Rng(options.seed);
  const weights = SEGMENTS.map((s) => s.count);
  const codes = new CreditCodeRegistry();
  const names = new Set<string>();
  const width = Math.max(6, String(options.companies).length);
  const companies: SeedCompany[] = [];
  const postings: SeedPosting[] = [];
  for (let i = 0; i < options.companies; i++) {
    const segment = SEGMENTS[rng.weightedIndex(weights)];
    if (!segment) throw new Error('generateSyntheticZone: no segment');
    const composed = composeCompany({
      segment,
      rng,
      style: 'synthetic',
      source: SYNTHETIC_SOURCE,
      brand: anyBrand,
      names,
      codes,
      key: `syn-${String(i + 1).padStart(width, '0')}`,
    });
    companies.push(composed.record);
    for (const posting of composePostings(composed, segment, SYNTHETIC_MIX, now, rng)) postings.push(posting);
  }
  return { companies, postings };
}
