/**
 * Companies written by hand rather than composed: the story companies and the Hong Kong / Taiwan-funded ones
 * whose profiles are in traditional characters. They are written relative to no date; `materialise` fixes
 * the dates from the build's `now` and gives each a credit code derived from its key, so adding a company
 * elsewhere never changes theirs.
 */
import type { CreditCodeRegistry } from './credit-codes.js';
import { isoDateAfter } from './postings.js';
import { hashSeed, Rng } from './random.js';
import { DEMO_SOURCE, type ChainKey, type CompanyInput, type PostingInput, type SeedCompany, type SeedPosting } from './types.js';

export interface HandwrittenPosting extends Omit<PostingInput, 'validUntil'> {
  /** Appended to the company key to form the posting key. */
  readonly slug: string;
  /** Days after `now` until the posting expires; absent means no expiry. */
  readonly validForDays?: number;
}

export interface HandwrittenCompany {
  readonly key: string;
  readonly chain: ChainKey;
  readonly segment: string;
  /** Founding year, also used to shape the credit code. */
  readonly founded: number;
  readonly company: Omit<CompanyInput, 'creditCode'>;
  readonly postings: readonly HandwrittenPosting[];
}

export function materialise(
  list: readonly HandwrittenCompany[],
  now: Date,
  codes: CreditCodeRegistry,
): { companies: SeedCompany[]; postings: SeedPosting[] } {
  const companies: SeedCompany[] = [];
  const postings: SeedPosting[] = [];
  for (const entry of list) {
    const creditCode = codes.next(entry.founded, new Rng(hashSeed(entry.key)));
    companies.push({ key: entry.key, source: DEMO_SOURCE, chain: entry.chain, segment: entry.segment, input: { ...entry.company, creditCode } });
    for (const { slug, validForDays, ...posting } of entry.postings) {
      postings.push({
        key: `${entry.key}-${slug}`,
        source: DEMO_SOURCE,
        companyKey: entry.key,
        input: validForDays === undefined ? { ...posting } : { ...posting, validUntil: isoDateAfter(now, validForDays) },
      });
    }
  }
  return { companies, postings };
}
