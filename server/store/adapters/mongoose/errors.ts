/**
 * Driver and mongoose errors → the port's typed errors, so callers (and HTTP status mapping) never see a driver
 * type: E11000 → DuplicateKeyError, validation/cast/strict → ValidationError, no server → StoreUnavailableError.
 */
import {
  DuplicateKeyError,
  InvalidQueryError,
  StoreError,
  StoreUnavailableError,
  ValidationError,
} from '../../port.js';
import { fieldErrorsOf } from '../shared/documents.js';

interface DriverError {
  name?: string;
  code?: unknown;
  message?: string;
  keyPattern?: Record<string, unknown>;
  errmsg?: string;
  index?: number;
  errorResponse?: { keyPattern?: Record<string, unknown>; errmsg?: string };
  writeErrors?: DriverError[];
  err?: DriverError;
  cause?: unknown;
}

/** The driver's names for "cannot talk to the server" (and mongoose's own, for `bufferCommands: false`). */
const UNAVAILABLE = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
]);

/** Server codes for a request MongoDB refused as malformed (type mismatch, conflicting operators, …). */
const BAD_REQUEST_CODES = new Set([2, 9, 14, 15, 16837, 40, 52, 66, 17287, 28769, 31249, 31254]);

const DUPLICATE_KEY_CODES = new Set([11000, 11001]);

export function mapMongoError(err: unknown, collection: string): unknown {
  if (err instanceof StoreError) return err;
  const fields = fieldErrorsOf(err);
  if (fields) return new ValidationError(collection, fields);
  const duplicate = duplicateKeyFields(err);
  if (duplicate) return new DuplicateKeyError(collection, duplicate);
  const e = (err ?? {}) as DriverError;
  if (isUnavailable(e)) return new StoreUnavailableError(`MongoDB is unavailable: ${redact(e.message ?? '')}`, { cause: err });
  if (typeof e.code === 'number' && BAD_REQUEST_CODES.has(e.code)) {
    return new InvalidQueryError(`${collection}: ${redact(e.message ?? '')}`, { cause: err });
  }
  return err;
}

export function isUnavailable(err: DriverError): boolean {
  if (err.name && UNAVAILABLE.has(err.name)) return true;
  // mongoose with bufferCommands: false, before the connection is (re)established
  return err.name === 'MongooseError' && /initial connection is complete|Connection was force closed|Client must be connected/i.test(err.message ?? '');
}

/** The indexed fields of a duplicate-key error (from `keyPattern`, else the index name in the message); null if not one. */
export function duplicateKeyFields(err: unknown): string[] | null {
  const hit = findDuplicate(err as DriverError | undefined, 0);
  if (!hit) return null;
  const pattern = hit.keyPattern ?? hit.errorResponse?.keyPattern ?? hit.err?.keyPattern;
  if (pattern && Object.keys(pattern).length > 0) return Object.keys(pattern);
  const message = hit.errmsg ?? hit.errorResponse?.errmsg ?? hit.err?.errmsg ?? hit.message ?? '';
  const index = /index: (\S+) dup key/.exec(message)?.[1];
  // Default index names are field_dir_field_dir (e.g. "sector_1_rank_1").
  if (index) return index.split(/_-?1(?:_|$)/).filter(Boolean);
  return ['unknown'];
}

function findDuplicate(err: DriverError | undefined, depth: number): DriverError | null {
  if (!err || typeof err !== 'object' || depth > 3) return null;
  if (typeof err.code === 'number' && DUPLICATE_KEY_CODES.has(err.code)) {
    // A bulk write error carries the details on its first write error.
    return err.writeErrors?.[0] ? (findDuplicate(err.writeErrors[0], depth + 1) ?? err) : err;
  }
  for (const inner of [err.writeErrors?.[0], err.err, err.cause as DriverError | undefined]) {
    const found = findDuplicate(inner, depth + 1);
    if (found) return found;
  }
  return null;
}

/** Index of the first failed document of an ordered bulk insert, if the error says. */
export function firstFailedIndex(err: unknown): number | undefined {
  const e = err as DriverError | undefined;
  const index = e?.writeErrors?.[0]?.index ?? e?.writeErrors?.[0]?.err?.index ?? e?.index;
  return typeof index === 'number' ? index : undefined;
}

/** Strips credentials from anything that looks like a connection string. */
export function redact(text: string): string {
  return text.replace(/(mongodb(?:\+srv)?:\/\/)[^@/\s]*@/gi, '$1***@');
}
