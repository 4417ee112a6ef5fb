/**
 * Page cursors: base64url of the last `_id` of a page. Opaque to callers; both adapters resume with `_id > last`,
 * which is stable under inserts and deletes because `_id` order never changes.
 */
import { InvalidQueryError, type PageOptions } from '../../port.js';

export const MAX_PAGE_SIZE = 1000;

export function encodeCursor(lastId: string): string {
  return Buffer.from(lastId, 'utf8').toString('base64url');
}

/** The `_id` to resume after, or undefined for the first page. Throws {@link InvalidQueryError} for a bad cursor or limit. */
export function readPageOptions(options: PageOptions, collection: string): { limit: number; after: string | undefined } {
  const { limit, cursor } = options;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new InvalidQueryError(`${collection}: page limit must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  if (cursor === undefined) return { limit, after: undefined };
  // Node's base64url decoder skips characters it does not know, so only a cursor that re-encodes to itself is ours.
  const after = typeof cursor === 'string' ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (after === '' || encodeCursor(after) !== cursor) throw new InvalidQueryError(`${collection}: malformed page cursor`);
  return { limit, after };
}
