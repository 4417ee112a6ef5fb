/**
 * The demo zone, modelled on Beijing E-Town (北京经济技术开发区): about 500 companies of its four leading
 * chains and their services, their capabilities and needs, two matchmaking sessions and the demo credentials.
 *
 *   buildDemo({ now })                        the curated dataset; same `now`, same data
 *   generateSyntheticZone({ companies, seed }) a large synthetic zone for benchmarks
 *
 * Determinism: all text comes from seeded generators (one stream per segment, so editing one segment does not
 * reshuffle the others); `now` only moves dates.
 */
import { composeCompany } from './companies.js';
import { DEMO_CREDENTIALS } from './credentials.js';
import { CreditCodeRegistry } from './credit-codes.js';
import { DISTRACTOR_BRANDS, DISTRACTOR_COMPANIES } from './distractors.js';
import { materialise } from './handwritten.js';
import { BrandRegistry } from './names.js';
import { composePostings, CURATED_MIX } from './postings.js';
import { hashSeed, Rng } from './random.js';
import { buildSessions } from './sessions.js';
import { STORY_BRANDS, STORY_COMPANIES } from './story.js';
import { TRADITIONAL_BRANDS, TRADITIONAL_COMPANIES } from './traditional.js';
import { DEMO_SOURCE, type BuildDemoOptions, type DemoDataset, type SeedCompany, type SeedPosting } from './types.js';
import { SEGMENTS } from './vocabulary/index.js';

/** Seed of the curated zone. Changing it rewrites every composed company; do so only on purpose. */
export const DEMO_SEED = 0x5eed2024;

export function buildDemo({ now }: BuildDemoOptions): DemoDataset {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new Error('buildDemo: now must be a valid Date');
  const codes = new CreditCodeRegistry();
  const brands = new BrandRegistry();
  for (const [text, slug] of [...STORY_BRANDS, ...TRADITIONAL_BRANDS, ...DISTRACTOR_BRANDS]) brands.reserve(text, slug);

  const handwritten = materialise([...STORY_COMPANIES, ...TRADITIONAL_COMPANIES, ...DISTRACTOR_COMPANIES], now, codes);
  const companies: SeedCompany[] = [...handwritten.companies];
  const postings: SeedPosting[] = [...handwritten.postings];
  const names = new Set(companies.map((c) => c.input.name));
  const descriptions = new Set(postings.map((p) => p.input.description));

  for (const segment of SEGMENTS) {
    const rng = new Rng(hashSeed(segment.key, DEMO_SEED));
    for (let i = 0; i < segment.count; i++) {
      const composed = composeCompany({
        segment,
        rng,
        style: 'curated',
        source: DEMO_SOURCE,
        brand: (r) => brands.next(r),
        names,
        codes,
      });
      companies.push(composed.record);
      postings.push(...composePostings(composed, segment, CURATED_MIX, now, rng, descriptions));
    }
  }

  return { companies, postings, sessions: buildSessions(now, companies), credentials: DEMO_CREDENTIALS };
}

export { generateSyntheticZone, SYNTHETIC_EPOCH, type SyntheticZone, type SyntheticZoneOptions } from './synthetic.js';
export { STORY } from './story.js';
export { DISTRACTORS } from './distractors.js';
export { CHAIN_LABELS, SEGMENTS } from './vocabulary/index.js';
export * from './types.js';
