/**
 * The demo zone (or a synthetic one) as the matcher sees it, without a document store: records are validated
 * through the API's own schemas (so text is normalised exactly as stored) and indexed under their seed keys.
 * Used by the evaluation and the matcher benchmark; the ranking code is the product's own.
 */
import { createEmbeddedIndex, WhitespaceTokenizer } from '../../../matcher/index/adapters/embedded/index.js';
import type { SearchIndex } from '../../../matcher/index/port.js';
import type { MatchableCompany, MatchablePosting } from '../../../matcher/ranking/documents.js';
import { Matcher } from '../../../matcher/ranking/matcher.js';
import { companyCreateSchema } from '../../../server/domain/companies/schemas.js';
import { postingCreateSchema } from '../../../server/domain/postings/schemas.js';
import type { SeedCompany, SeedPosting } from '../../../seeds/demo/types.js';

export interface Zone {
  companies: Map<string, MatchableCompany>;
  postings: Map<string, MatchablePosting>;
  /** Company key → its postings. */
  postingsOf: Map<string, MatchablePosting[]>;
  /** Company key → segment it was written for. */
  segmentOf: Map<string, string>;
}

export function toZone(companies: readonly SeedCompany[], postings: readonly SeedPosting[], now: Date): Zone {
  const zone: Zone = { companies: new Map(), postings: new Map(), postingsOf: new Map(), segmentOf: new Map() };
  for (const seed of companies) {
    const input = companyCreateSchema.parse(seed.input);
    zone.companies.set(seed.key, {
      id: seed.key,
      name: input.name,
      industries: input.industries,
      description: input.description,
      certifications: input.certifications ?? [],
      park: input.park,
      employees: input.employees,
      updatedAt: now,
    });
    zone.segmentOf.set(seed.key, seed.segment);
  }
  for (const seed of postings) zone.postings.set(seed.key, toPosting(seed.key, seed.companyKey, seed.input, now));
  for (const posting of zone.postings.values()) {
    const list = zone.postingsOf.get(posting.companyId) ?? [];
    list.push(posting);
    zone.postingsOf.set(posting.companyId, list);
  }
  return zone;
}

export function toPosting(id: string, companyId: string, raw: unknown, now: Date): MatchablePosting {
  const input = postingCreateSchema.parse(raw);
  return {
    id,
    companyId,
    kind: input.kind,
    status: 'open',
    title: input.title,
    description: input.description,
    tags: input.tags ?? [],
    industries: input.industries ?? [],
    certificationsRequired: input.certificationsRequired ?? [],
    quantity: input.quantity,
    validUntil: input.validUntil,
    updatedAt: now,
  };
}

export function embeddedMatchIndex(): SearchIndex {
  return createEmbeddedIndex({ tokenizer: new WhitespaceTokenizer() });
}

/** Builds the index for a zone in batches; returns the matcher and the documents indexed. */
export async function indexZone(zone: Zone, index: SearchIndex = embeddedMatchIndex(), batch = 2000): Promise<{ matcher: Matcher; documents: number }> {
  const matcher = new Matcher(index);
  await matcher.ensureIndex();
  const companies = [...zone.companies.values()];
  const postings = [...zone.postings.values()];
  for (let i = 0; i < companies.length; i += batch) await matcher.upsert(companies.slice(i, i + batch), []);
  for (let i = 0; i < postings.length; i += batch) await matcher.upsert([], postings.slice(i, i + batch));
  await matcher.waitUntilIdle();
  return { matcher, documents: companies.length + postings.length };
}
