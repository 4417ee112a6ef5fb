/**
 * Update building shared by both adapters: the caller's operators plus the store's bookkeeping, so `version` and
 * the timestamps move the same way on SQLite and on MongoDB.
 */
import { InvalidQueryError, type Filter, type Update, type UpdateOptions } from '../../port.js';
import { assertUpdateShape } from './guard.js';
import { applyUpdate } from './mingo.js';
import { isPlainObject, toPlain } from './plain.js';

export interface BuildUpdateOptions {
  /** The write's timestamp (one per operation, so every touched document gets the same one). */
  now: Date;
  /** Adds `$setOnInsert.createdAt` for the document an upsert may create. */
  upsert?: boolean;
}

/**
 * Checks `update` and returns a new update (the input is not modified) that also increments `version`, sets
 * `updatedAt`, and for an upsert sets `createdAt` on insert. A document created by an upsert therefore starts at
 * `version` 1: `$inc` starts from a missing field, and MongoDB refuses `$setOnInsert` on a path `$inc` also names.
 */
export function buildUpdate(update: Update, options: BuildUpdateOptions, collection = 'update'): Update {
  assertUpdateShape(update, collection);
  const built: Update = { ...update };
  built.$inc = { ...(update.$inc as object | undefined), version: 1 };
  built.$set = { ...(update.$set as object | undefined), updatedAt: options.now };
  if (options.upsert) built.$setOnInsert = { ...(update.$setOnInsert as object | undefined), createdAt: options.now };
  return built;
}

/** `expectedVersion` names a document that exists, so it cannot be combined with an upsert that would create one. */
export function assertUpdateOptions(options: UpdateOptions, collection: string): void {
  const { expectedVersion, upsert } = options;
  if (expectedVersion !== undefined && (!Number.isSafeInteger(expectedVersion) || expectedVersion < 0)) {
    throw new InvalidQueryError(`${collection}: expectedVersion must be a non-negative integer`);
  }
  if (expectedVersion !== undefined && upsert) {
    throw new InvalidQueryError(`${collection}: expectedVersion cannot be combined with upsert`);
  }
}

/**
 * The document an upsert inserts when nothing matches, as MongoDB builds it: the filter's equality conditions
 * (`f: v`, `f: { $eq: v }`, also inside `$and`) as fields, then `update` with `$setOnInsert` applied as `$set`.
 * `filter` is a prepared filter; the result still needs schema defaults and validation.
 */
export function upsertDocument(filter: Filter, update: Update, collection: string): Record<string, unknown> {
  const { $setOnInsert, ...ops } = update;
  const doc = seedFromFilter(toPlain(filter));
  const set = { ...(ops.$set as object | undefined), ...($setOnInsert as object | undefined) };
  applyUpdate(doc, { ...ops, $set: set }, {}, collection);
  return doc;
}

function seedFromFilter(filter: Filter, out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [key, cond] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(cond)) {
      for (const sub of cond) if (isPlainObject(sub)) seedFromFilter(sub, out);
      continue;
    }
    if (key.startsWith('$')) continue;
    if (isPlainObject(cond) && Object.keys(cond).some((k) => k.startsWith('$'))) {
      if (Object.keys(cond).length === 1 && '$eq' in cond) setPath(out, key, cond.$eq);
      continue;
    }
    setPath(out, key, cond);
  }
  return out;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const child = node[part];
    node = isPlainObject(child) ? child : (node[part] = {});
  }
  node[parts[parts.length - 1] as string] = value;
}
