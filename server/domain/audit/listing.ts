/**
 * What every list of the domain shares: the `limit` / `cursor` / `q` query parameters, the `{ items, nextCursor }`
 * page shape, and filter pieces built from user text. It lives beside the audit log because the audit log is the
 * module every other domain module already depends on.
 *
 * User text never becomes a pattern as written: it is NFC-normalised, every regex metacharacter is escaped, and
 * only then is the operator object built and marked `trusted()` (unmarked operator objects are literals to the
 * store). An escaped literal cannot backtrack catastrophically, so `q` is safe on both stores.
 */
import { z } from 'zod';
import { HttpProblem } from '../../http/problem.js';
import { InvalidQueryError, trusted, type Collection, type Filter, type Page, type Stored } from '../../store/port.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

const LIMIT_MESSAGE = `must be a whole number from 1 to ${MAX_PAGE_SIZE}`;

/** `?limit=`: 1..100, default 20. Query values arrive as strings. */
export const limitParam = z
  .string()
  .regex(/^[0-9]{1,4}$/, LIMIT_MESSAGE)
  .transform(Number)
  .pipe(z.int().min(1, LIMIT_MESSAGE).max(MAX_PAGE_SIZE, LIMIT_MESSAGE))
  .optional()
  .transform((n) => n ?? DEFAULT_PAGE_SIZE);

/** `?cursor=`: the opaque `nextCursor` of a previous page (checked for shape here, for meaning by the store). */
export const cursorParam = z
  .string()
  .max(200, 'is not a valid page cursor')
  .regex(/^[A-Za-z0-9_-]+$/, 'is not a valid page cursor')
  .optional();

/** `?q=`: free text, NFC-normalised and trimmed; empty means no text filter. */
export const textParam = z
  .string()
  .max(400, 'must be at most 100 characters')
  .transform((s) => s.normalize('NFC').trim())
  .pipe(z.string().max(100, 'must be at most 100 characters'))
  .optional()
  .transform((s) => (s === '' ? undefined : s));

/** The `{ items, nextCursor }` response of every list. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.strictObject({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` to get the next page; null on the last page.'),
  });
}

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

/**
 * One page in stable `_id` order. A cursor the store does not recognise (edited, or from another deployment) is
 * a 400 naming `query.cursor`, not a generic query error.
 */
export async function pageOf<T extends object>(collection: Collection<T>, filter: Filter, request: PageRequest): Promise<Page<Stored<T>>> {
  try {
    return await collection.page(filter, request.cursor === undefined ? { limit: request.limit } : { limit: request.limit, cursor: request.cursor });
  } catch (error) {
    if (request.cursor !== undefined && error instanceof InvalidQueryError && /cursor/i.test(error.message)) {
      throw new HttpProblem('validation', 'The page cursor is not one this list gave out.', [{ path: 'query.cursor', message: 'is not a valid page cursor' }]);
    }
    throw error;
  }
}

/** `text` with every regular-expression metacharacter escaped, so it matches only itself. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** Case-insensitive substring match of `text` over any of `fields` (array fields match on any element). */
export function containsText(fields: readonly string[], text: string): Filter {
  const pattern = escapeRegex(text.normalize('NFC'));
  return { $or: fields.map((field) => ({ [field]: trusted({ $regex: pattern, $options: 'i' }) })) };
}

/**
 * Matches an array of GB/T 4754 codes holding `code` or one of its descendants: codes nest by prefix
 * ("C39" ⊃ "C398" ⊃ "C3982"), so an anchored prefix pattern is exactly the subtree.
 */
export function industrySubtree(code: string): object {
  return trusted({ $regex: `^${escapeRegex(code)}` });
}

/** Several conditions that must all hold; the empty list matches everything. */
export function allOf(conditions: Filter[]): Filter {
  const present = conditions.filter((c) => Object.keys(c).length > 0);
  if (present.length === 0) return {};
  if (present.length === 1) return present[0] as Filter;
  return { $and: present };
}

/** Values per `$in` query when looking many keys up at once. */
const IN_SLICE = 256;

/**
 * Runs `query` over `values` (deduplicated) in slices and concatenates the results. One `$in` with 10,000 values
 * would cost the embedded store a pass over the whole list per candidate document; slices keep bulk lookups
 * (imports resolving thousands of rows) linear.
 */
export async function findInSlices<R>(values: readonly string[], query: (slice: string[]) => Promise<R[]>): Promise<R[]> {
  const unique = [...new Set(values)];
  const results: R[] = [];
  for (let i = 0; i < unique.length; i += IN_SLICE) results.push(...(await query(unique.slice(i, i + IN_SLICE))));
  return results;
}
