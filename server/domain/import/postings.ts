/**
 * Posting rows → what to create and what to update. A row names its company by `companyId`, `creditCode` or
 * `companyName` (exact, after NFC and trimming); when it gives more than one they must agree. A row updates the
 * posting of that company with the same kind and title, otherwise it creates one. Two rows of one file with the
 * same company, kind and title are a mistake in the file: the later row fails, naming the earlier one.
 */
import type { z } from 'zod';
import { creditCodeSchema } from '../companies/schemas.js';
import type { CompanyService } from '../companies/service.js';
import { postingCreateSchema, type PostingCreate, type PostingPatch } from '../postings/schemas.js';
import type { PostingService } from '../postings/service.js';
import { text } from '../text.js';
import type { ImportPlan } from './apply.js';
import { failure, type RowFailure } from './report.js';
import type { ValidRow } from './validate-rows.js';

/** One posting row: the create request plus the two other ways of naming the company. */
export const postingImportRowSchema = postingCreateSchema
  .extend({
    creditCode: creditCodeSchema.optional().describe('统一社会信用代码 of the company (instead of companyId).'),
    companyName: text(100).optional().describe('Exact name of the company (instead of companyId or creditCode).'),
  })
  .meta({ id: 'PostingImportRow' });

export type PostingImportRow = z.output<typeof postingImportRowSchema>;

type CompanyLookup = Pick<CompanyService, 'findIdsByCreditCode' | 'findIdsByName' | 'missing'>;
type PostingLookup = Pick<PostingService, 'findIdsByKey'>;

const REFERENCE_FIELDS = ['companyId', 'creditCode', 'companyName'] as const;

export async function planPostings(
  rows: readonly ValidRow<PostingImportRow>[],
  companies: CompanyLookup,
  postings: PostingLookup,
  now: Date = new Date(),
): Promise<ImportPlan<PostingCreate, PostingPatch>> {
  const failures: RowFailure[] = [];
  const missingIds = await companies.missing(rows.flatMap((r) => (r.data.companyId === undefined ? [] : [r.data.companyId])));
  const byCode = await companies.findIdsByCreditCode(rows.flatMap((r) => (r.data.creditCode === undefined ? [] : [r.data.creditCode])));
  const byName = await companies.findIdsByName(rows.flatMap((r) => (r.data.companyName === undefined ? [] : [r.data.companyName])));
  const resolve: Record<(typeof REFERENCE_FIELDS)[number], (value: string) => string | undefined> = {
    companyId: (id) => (missingIds.has(id) ? undefined : id),
    creditCode: (code) => byCode.get(code),
    companyName: (name) => byName.get(name),
  };

  const resolved: { row: number; companyId: string; data: PostingImportRow }[] = [];
  const firstRowOf = new Map<string, number>();
  for (const r of rows) {
    const rowFailures: RowFailure[] = [];
    const companyId = companyOf(r, resolve, rowFailures);
    if (r.data.validUntil !== undefined && r.data.validUntil.getTime() <= now.getTime()) {
      rowFailures.push(failure(r.row, 'validUntil', 'must be in the future'));
    }
    if (companyId !== undefined && rowFailures.length === 0) {
      const key = `${companyId}|${r.data.kind}|${r.data.title}`;
      const earlier = firstRowOf.get(key);
      if (earlier === undefined) firstRowOf.set(key, r.row);
      else rowFailures.push(failure(r.row, 'title', `row ${earlier} has the same company, kind and title; a file may name each posting once`));
    }
    if (rowFailures.length > 0 || companyId === undefined) failures.push(...rowFailures);
    else resolved.push({ row: r.row, companyId, data: r.data });
  }

  const existing = await postings.findIdsByKey(resolved.map((r) => ({ companyId: r.companyId, kind: r.data.kind, title: r.data.title })));
  const plan: ImportPlan<PostingCreate, PostingPatch> = { creates: [], updates: [], failures };
  for (const r of resolved) {
    const { companyId: _id, creditCode: _code, companyName: _name, kind, ...fields } = r.data;
    const id = existing.get(`${r.companyId}|${kind}|${r.data.title}`);
    if (id === undefined) plan.creates.push({ row: r.row, input: { ...fields, kind, companyId: r.companyId } });
    else plan.updates.push({ row: r.row, id, patch: fields });
  }
  return plan;
}

/** The id of the company a row names; failures for references that name nothing or disagree. */
function companyOf(
  r: ValidRow<PostingImportRow>,
  resolve: Record<(typeof REFERENCE_FIELDS)[number], (value: string) => string | undefined>,
  failures: RowFailure[],
): string | undefined {
  let found: { field: string; id: string } | undefined;
  let named = false;
  for (const field of REFERENCE_FIELDS) {
    const value = r.data[field];
    if (value === undefined) continue;
    named = true;
    const id = resolve[field](value);
    if (id === undefined) {
      failures.push(failure(r.row, field, NOT_FOUND_MESSAGES[field]));
    } else if (found === undefined) {
      found = { field, id };
    } else if (found.id !== id) {
      failures.push(failure(r.row, field, `names a different company than ${found.field}`));
    }
  }
  if (!named) failures.push(failure(r.row, 'companyId', 'is required: name the company by companyId, creditCode or companyName'));
  return failures.length === 0 ? found?.id : undefined;
}

const NOT_FOUND_MESSAGES: Record<(typeof REFERENCE_FIELDS)[number], string> = {
  companyId: 'names no company',
  creditCode: 'no company has this credit code',
  companyName: 'no company has exactly this name',
};
