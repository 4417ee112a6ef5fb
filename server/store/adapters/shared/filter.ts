/**
 * Filter preparation shared by both adapters, so a filter means the same thing on SQLite and on MongoDB.
 *
 * 1. {@link assertFilterShape}: no script operators or functions.
 * 2. Copy the filter, turning the port's `trusted()` marks into mongoose's, then mongoose's own `sanitizeFilter`:
 *    an unmarked operator object in a field position becomes `{ $eq: … }` (a literal), `$where`/`$expr`/`$text`/
 *    `$jsonSchema` at the top level are refused.
 * 3. Mongoose's query cast with `strictQuery: 'throw'`: unknown paths are refused, values are cast to the schema
 *    types (a date string becomes a Date, a subdocument id string an ObjectId).
 *
 * The mongoose adapter sends the result as is; its connection also has `sanitizeFilter: true`, and the result is a
 * fixed point of that second pass (tested offline). The embedded adapter converts it with `toPlain` for mingo.
 */
import mongoose, { type Model } from 'mongoose';
import { InvalidQueryError, isTrusted, type Filter } from '../../port.js';
import { assertFilterShape } from './guard.js';
import { isPlainObject } from './plain.js';

/** Any model built from a `defineSchema` schema; documents are plain records to the store. */
export type AnyModel = Model<Record<string, unknown>>;

/** Logical operators whose operands are filters themselves (sanitizeFilter walks into these). */
const LOGICAL = new Set(['$and', '$or', '$nor']);

/** Steps 1 and 2 only: what mongoose's sanitizeFilter leaves of `filter` (a copy; the input is not modified). */
export function sanitizeFilter(filter: Filter, collection: string): Filter {
  assertFilterShape(filter, collection);
  const copy = copyWithTrust(filter) as Filter;
  try {
    return mongoose.sanitizeFilter(copy);
  } catch (err) {
    // sanitizeFilter throws for $where/$expr/$text/$jsonSchema at the top level unless trusted.
    throw new InvalidQueryError(`${collection}: ${(err as Error).message}; mark code-built operators with trusted()`, {
      cause: err,
    });
  }
}

/** Steps 1–3: the sanitized filter cast to `model`'s schema. Throws {@link InvalidQueryError}. */
export function prepareFilter(model: AnyModel, filter: Filter, collection: string): Filter {
  const sanitized = sanitizeFilter(filter, collection);
  try {
    // A Query built offline casts exactly as mongoose does before sending; strictQuery is forced so a schema
    // that forgot the option still refuses unknown paths.
    return model.find().setOptions({ strictQuery: 'throw' }).cast(model, sanitized) as Filter;
  } catch (err) {
    throw castFailure(err, collection, untrustedPaths(filter));
  }
}

/** Deep copy that keeps leaf values (Date, RegExp, ObjectId) and re-marks trusted objects for mongoose. */
function copyWithTrust(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyWithTrust);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copyWithTrust(value[key]);
  return isTrusted(value) ? mongoose.trusted(out) : out;
}

/** Field paths whose value sanitizeFilter wraps in `$eq`: used only to explain a cast failure. */
function untrustedPaths(filter: unknown, out = new Set<string>()): Set<string> {
  if (!isPlainObject(filter)) return out;
  for (const [key, value] of Object.entries(filter)) {
    if (isTrusted(value)) continue;
    if (LOGICAL.has(key) && Array.isArray(value)) {
      for (const sub of value) untrustedPaths(sub, out);
    } else if (isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'))) {
      out.add(key);
    }
  }
  return out;
}

function castFailure(err: unknown, collection: string, untrusted: Set<string>): unknown {
  if (err instanceof mongoose.Error.StrictModeError) {
    return new InvalidQueryError(`${collection}: filter field "${err.path}" is not in the schema`, { cause: err });
  }
  if (err instanceof mongoose.Error.CastError) {
    const hint = untrusted.has(err.path)
      ? ' (an operator object that was not marked trusted() is compared as a literal value)'
      : '';
    return new InvalidQueryError(`${collection}: filter value for "${err.path}" does not fit the schema${hint}`, {
      cause: err,
    });
  }
  // Anything else the cast throws ("Can't use $foo with String") is still about the filter.
  if (err instanceof Error) return new InvalidQueryError(`${collection}: ${err.message}`, { cause: err });
  return err;
}
