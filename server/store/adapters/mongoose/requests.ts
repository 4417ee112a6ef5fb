/**
 * What the mongoose adapter sends besides filters and updates (those come from `../shared`): connection and query
 * options, kept here as pure values so the offline tests check exactly what production uses.
 */
import { trusted, type Filter, type Sort } from '../../port.js';

/** Connection options: fail fast instead of buffering, sanitize filters, build the schemas' indexes. */
export function connectionOptions(timeoutMs: number) {
  return {
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
    // Without a server, an operation should fail now (→ StoreUnavailableError, HTTP 503), not wait in a buffer.
    bufferCommands: false,
    // Second line of defence: the adapter already sends filters that went through the same sanitizer.
    sanitizeFilter: true,
    // Unique indexes must exist before the first write relies on them.
    autoIndex: true,
    autoCreate: true,
  } as const;
}

/** `findOneAndUpdate` options for `updateOne`: first match in `_id` order, the document after the update. */
export function updateOneOptions(upsert: boolean) {
  return {
    sort: { _id: 1 },
    returnDocument: 'after',
    upsert,
    // Update validators check the paths the update sets/unsets/pushes; see the adapter's note on what they miss.
    runValidators: true,
    context: 'query',
    setDefaultsOnInsert: true,
    strict: 'throw',
    timestamps: false,
  } as const;
}

export const UPDATE_MANY_OPTIONS = { runValidators: true, context: 'query', strict: 'throw', timestamps: false } as const;

/** The caller's sort with `_id` as the final tie-breaker, so equal keys come back in `_id` order (as embedded). */
export function sortWithId(sort: Sort | undefined): Sort {
  return sort && '_id' in sort ? sort : { ...sort, _id: 1 };
}

/** A page's filter: the caller's, and `_id` after the cursor. */
export function pageFilter(filter: Filter, after: string | undefined): Filter {
  return after === undefined ? filter : { $and: [filter, { _id: trusted({ $gt: after }) }] };
}
