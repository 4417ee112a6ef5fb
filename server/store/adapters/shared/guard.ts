/**
 * Request checks both adapters run before anything reaches mingo or MongoDB: no server-side script, no stage that
 * writes around the schema, no update that touches the fields the store maintains, and find options with the only
 * values the port allows. Everything here throws {@link InvalidQueryError}, so a bad request is a 400, never a 500.
 */
import { InvalidQueryError, type FindOptions, type Pipeline, type Update } from '../../port.js';
import { isPlainObject } from './plain.js';

/** Operators that run JavaScript on the server (or in mingo): refused anywhere in a filter, update or pipeline. */
const SCRIPT_OPERATORS = new Set(['$where', '$function', '$accumulator']);

/** Pipeline stages that write to a collection, bypassing validation, versioning and unique checks. */
const WRITING_STAGES = new Set(['$out', '$merge']);

/** Update operators the port supports; pipeline-style and replacement updates are refused. */
const UPDATE_OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$push',
  '$pull',
  '$pullAll',
  '$addToSet',
  '$pop',
  '$rename',
  '$currentDate',
  '$setOnInsert',
]);

/** Fields the store maintains; an update naming them (or a path below them) is refused. */
export const MANAGED_FIELDS = ['_id', 'version', 'createdAt', 'updatedAt'] as const;

/** Deeper than this is not a request any code of ours builds; refusing it keeps the walks below off the stack limit. */
const MAX_DEPTH = 64;

/** Throws when `value` contains a script operator or a function anywhere. */
export function assertNoScript(value: unknown, what: string): void {
  walk(value, 0, what);
}

function walk(value: unknown, depth: number, what: string): void {
  if (depth > MAX_DEPTH) throw new InvalidQueryError(`${what} is nested too deeply`);
  if (typeof value === 'function') throw new InvalidQueryError(`${what} contains a function`);
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) walk(item, depth + 1, what);
    return;
  }
  if (!isPlainObject(value)) return; // Date, RegExp, ObjectId, Buffer: leaf values
  for (const key of Object.keys(value)) {
    if (SCRIPT_OPERATORS.has(key)) throw new InvalidQueryError(`${what} uses ${key}, which is not allowed`);
    walk(value[key], depth + 1, what);
  }
}

/** A filter must be a plain object without script; sanitizing and casting happen in `filter.ts`. */
export function assertFilterShape(filter: unknown, collection: string): asserts filter is Record<string, unknown> {
  if (!isPlainObject(filter)) throw new InvalidQueryError(`${collection}: a filter must be an object`);
  assertNoScript(filter, `${collection}: filter`);
}

/** An update is an object of known `$`-operators, none of which touches a managed field. */
export function assertUpdateShape(update: unknown, collection: string): asserts update is Update {
  if (!isPlainObject(update)) {
    throw new InvalidQueryError(`${collection}: an update must be an object of update operators (pipelines are not supported)`);
  }
  const operators = Object.keys(update);
  if (operators.length === 0) throw new InvalidQueryError(`${collection}: the update is empty`);
  for (const op of operators) {
    if (!UPDATE_OPERATORS.has(op)) {
      throw new InvalidQueryError(
        op.startsWith('$')
          ? `${collection}: update operator ${op} is not supported`
          : `${collection}: replacement updates are not supported; use $set`,
      );
    }
    const fields = update[op];
    if (!isPlainObject(fields)) throw new InvalidQueryError(`${collection}: ${op} needs an object of fields`);
    for (const path of Object.keys(fields)) {
      assertNotManaged(path, collection, op);
      // `$rename: { a: 'version' }` writes to its target, so the target is checked too.
      const target = fields[path];
      if (op === '$rename' && typeof target === 'string') assertNotManaged(target, collection, op);
    }
  }
  assertNoScript(update, `${collection}: update`);
}

function assertNotManaged(path: string, collection: string, op: string): void {
  for (const field of MANAGED_FIELDS) {
    if (path === field || path.startsWith(`${field}.`)) {
      throw new InvalidQueryError(`${collection}: ${op} may not change ${field}; the store maintains it`);
    }
  }
}

/** A pipeline is an array of one-key stages, none of which writes or runs script. */
export function assertPipelineShape(pipeline: unknown, collection: string): asserts pipeline is Pipeline {
  if (!Array.isArray(pipeline)) throw new InvalidQueryError(`${collection}: a pipeline must be an array of stages`);
  for (const stage of pipeline) {
    if (!isPlainObject(stage) || Object.keys(stage).length !== 1) {
      throw new InvalidQueryError(`${collection}: each pipeline stage must be an object with exactly one operator`);
    }
    const name = Object.keys(stage)[0] ?? '';
    if (WRITING_STAGES.has(name)) throw new InvalidQueryError(`${collection}: pipeline stage ${name} is not allowed`);
  }
  assertNoScript(pipeline, `${collection}: pipeline`);
}

/** Checks sort (1 / -1), projection (all 0 or all 1, `_id` aside), skip and limit (non-negative integers). */
export function assertFindOptions(options: FindOptions, collection: string): void {
  const { sort, projection, skip, limit } = options;
  if (sort !== undefined) {
    if (!isPlainObject(sort)) throw new InvalidQueryError(`${collection}: sort must be an object`);
    for (const [field, dir] of Object.entries(sort)) {
      if (dir !== 1 && dir !== -1) throw new InvalidQueryError(`${collection}: sort.${field} must be 1 or -1`);
    }
  }
  if (projection !== undefined) {
    if (!isPlainObject(projection)) throw new InvalidQueryError(`${collection}: projection must be an object`);
    const kinds = new Set<number>();
    for (const [field, flag] of Object.entries(projection)) {
      if (flag !== 0 && flag !== 1) throw new InvalidQueryError(`${collection}: projection.${field} must be 0 or 1`);
      if (field !== '_id') kinds.add(flag);
    }
    if (kinds.size > 1) throw new InvalidQueryError(`${collection}: a projection cannot both include and exclude fields`);
  }
  for (const [name, n] of [
    ['skip', skip],
    ['limit', limit],
  ] as const) {
    if (n !== undefined && (!Number.isSafeInteger(n) || n < 0)) {
      throw new InvalidQueryError(`${collection}: ${name} must be a non-negative integer`);
    }
  }
}
