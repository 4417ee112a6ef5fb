/**
 * In-memory indexes of one collection, built from `schema.indexes()`:
 *
 * - equality maps (value key → ids) on the first field of every index, used to narrow the documents a filter is
 *   tested against (`{ companyId: x }` on 60,000 postings touches a handful instead of all). They only ever return
 *   a superset: the full mingo filter still runs on every candidate.
 * - unique indexes, checked inside the write transaction, so uniqueness is as atomic as the write itself. They
 *   follow MongoDB: array values are indexed per element, a missing field counts as null (so two documents missing
 *   a non-sparse unique field collide), `sparse` skips documents missing every field, `partialFilterExpression`
 *   is evaluated with mingo. Collations on indexes are not modelled.
 */
import { Query } from 'mingo';
import type { Schema } from 'mongoose';
import { DuplicateKeyError } from '../../port.js';
import type { Doc } from '../shared/documents.js';
import { isPlainObject } from '../shared/plain.js';
import { encodeDoc } from './codec.js';
import { MINGO_OPTIONS } from '../shared/mingo.js';


interface UniqueIndex {
  fields: string[];
  sparse: boolean;
  partial: Query | null;
  entries: Map<string, Set<string>>;
}

/** One document's change inside a write: `before` null for an insert, `after` null for a delete. */
export interface Change {
  id: string;
  before: Doc | null;
  after: Doc | null;
}

export class CollectionIndexes {
  private readonly equality = new Map<string, Map<string, Set<string>>>();
  private readonly unique: UniqueIndex[] = [];

  constructor(
    schema: Schema,
    private readonly collection: string,
  ) {
    for (const [spec, options] of schema.indexes()) {
      const fields = Object.keys(spec);
      const kinds = Object.values(spec);
      const first = fields[0];
      if (first === undefined || first === '_id') continue;
      const ordered = kinds.every((k) => k === 1 || k === -1);
      if (ordered || kinds[0] === 'hashed') this.equality.set(first, this.equality.get(first) ?? new Map<string, Set<string>>());
      if (options.unique && ordered) {
        this.unique.push({
          fields,
          sparse: options.sparse === true,
          partial: isPlainObject(options.partialFilterExpression)
            ? new Query(options.partialFilterExpression, MINGO_OPTIONS)
            : null,
          entries: new Map(),
        });
      }
    }
  }

  /** True when the collection has a unique index besides `_id` (checking it needs every document in memory). */
  get hasUnique(): boolean {
    return this.unique.length > 0;
  }

  clear(): void {
    for (const map of this.equality.values()) map.clear();
    for (const u of this.unique) u.entries.clear();
  }

  add(doc: Doc): void {
    for (const [path, map] of this.equality) {
      for (const key of keysAt(doc, path)) addTo(map, key, doc._id);
    }
    for (const u of this.unique) {
      for (const key of uniqueKeys(u, doc)) addTo(u.entries, key, doc._id);
    }
  }

  remove(doc: Doc): void {
    for (const [path, map] of this.equality) {
      for (const key of keysAt(doc, path)) removeFrom(map, key, doc._id);
    }
    for (const u of this.unique) {
      for (const key of uniqueKeys(u, doc)) removeFrom(u.entries, key, doc._id);
    }
  }

  /**
   * Throws {@link DuplicateKeyError} when applying `changes` together would break a unique index. Documents of the
   * batch are judged against each other and against the rest of the collection; nothing is modified.
   */
  assertUnique(changes: Change[]): void {
    if (this.unique.length === 0) return;
    const batch = new Set(changes.map((c) => c.id));
    for (const u of this.unique) {
      const claimed = new Map<string, string>();
      for (const { id, after } of changes) {
        if (!after) continue;
        for (const key of uniqueKeys(u, after)) {
          const holders = u.entries.get(key);
          const taken = holders !== undefined && [...holders].some((holder) => !batch.has(holder));
          const claimedBy = claimed.get(key);
          if (taken || (claimedBy !== undefined && claimedBy !== id)) throw new DuplicateKeyError(this.collection, u.fields);
          claimed.set(key, id);
        }
      }
    }
  }

  /** Ids that may match `filter` (read-only; may be the index's own set), or null when no equality term can use an index. */
  candidates(filter: Record<string, unknown>, has: (id: string) => boolean): Set<string> | null {
    let best: Set<string> | null = null;
    for (const { path, values } of equalityTerms(filter)) {
      let found: Set<string> | undefined;
      if (path === '_id') {
        found = new Set(values.filter((v): v is string => typeof v === 'string' && has(v)));
      } else {
        const map = this.equality.get(path);
        if (!map) continue;
        if (values.length === 1) {
          // The index's own set, not a copy (15,000 ids per request otherwise); callers only read it, synchronously.
          found = map.get(keyOf(values[0])) ?? new Set();
        } else {
          found = new Set();
          for (const v of values) for (const id of map.get(keyOf(v)) ?? []) found.add(id);
        }
      }
      if (best === null || found.size < best.size) best = found;
    }
    return best;
  }
}

function addTo(map: Map<string, Set<string>>, key: string, id: string): void {
  const set = map.get(key);
  if (set) set.add(id);
  else map.set(key, new Set([id]));
}

function removeFrom(map: Map<string, Set<string>>, key: string, id: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(id);
  if (set.size === 0) map.delete(key);
}

/** Keys a unique index holds for `doc` (several for an array field), or none when sparse/partial exclude it. */
function uniqueKeys(u: UniqueIndex, doc: Doc): Set<string> {
  if (u.partial && !u.partial.test(doc)) return new Set();
  const perField = u.fields.map((f) => valuesAt(doc, f));
  if (u.sparse && perField.every((vs) => vs.every((v) => v === undefined))) return new Set();
  let keys = [''];
  for (const values of perField) {
    const next: string[] = [];
    for (const prefix of keys) for (const v of values) next.push(`${prefix}|${keyOf(v)}`);
    keys = next;
  }
  return new Set(keys);
}

function keysAt(doc: Doc, path: string): Set<string> {
  return new Set(valuesAt(doc, path).map(keyOf));
}

/**
 * The values MongoDB would index for `path`: arrays along the way are traversed (multikey), an array at the end
 * contributes each element, a missing value is `undefined`.
 */
export function valuesAt(doc: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  collect(doc, path.split('.'), 0, out);
  return out;
}

function collect(value: unknown, parts: string[], i: number, out: unknown[]): void {
  if (i === parts.length) {
    if (Array.isArray(value)) {
      if (value.length === 0) out.push(undefined);
      for (const item of value) collect(item, parts, i, out);
    } else {
      out.push(value);
    }
    return;
  }
  const part = parts[i] as string;
  if (Array.isArray(value)) {
    if (value.length === 0) out.push(undefined);
    for (const item of value) collect(item, parts, i, out);
    if (/^\d+$/.test(part)) collect(value[Number(part)], parts, i + 1, out);
    return;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    collect((value as Record<string, unknown>)[part], parts, i + 1, out);
    return;
  }
  out.push(undefined);
}

/**
 * A string that is equal for two values exactly when MongoDB's equality says so, for the types documents hold:
 * numbers by value (1 and 1.0 alike), Dates by instant, null and missing alike.
 */
export function keyOf(value: unknown): string {
  if (value === null || value === undefined) return 'z';
  switch (typeof value) {
    case 'string':
      return `s${value}`;
    case 'number':
      return `n${String(value)}`;
    case 'boolean':
      return value ? 'bt' : 'bf';
    default:
      if (value instanceof Date) return `d${value.getTime()}`;
      return `o${encodeDoc({ v: value })}`;
  }
}

/** Scalar values an equality lookup can use (arrays, objects and regexes leave the filter to a scan). */
function isScalar(v: unknown): boolean {
  return v === null || ['string', 'number', 'boolean'].includes(typeof v) || v instanceof Date;
}

/** `{ path: scalar }`, `{ path: { $eq: scalar } }` and `{ path: { $in: [scalars] } }` terms, also inside `$and`. */
function equalityTerms(filter: Record<string, unknown>): { path: string; values: unknown[] }[] {
  const terms: { path: string; values: unknown[] }[] = [];
  for (const [path, cond] of Object.entries(filter)) {
    if (path === '$and' && Array.isArray(cond)) {
      for (const sub of cond) if (isPlainObject(sub)) terms.push(...equalityTerms(sub));
      continue;
    }
    if (path.startsWith('$')) continue;
    if (isScalar(cond)) {
      terms.push({ path, values: [cond] });
    } else if (isPlainObject(cond)) {
      const ops = Object.keys(cond);
      if (ops.length !== 1) continue;
      if (ops[0] === '$eq' && isScalar(cond.$eq)) terms.push({ path, values: [cond.$eq] });
      if (ops[0] === '$in' && Array.isArray(cond.$in) && cond.$in.every(isScalar)) terms.push({ path, values: cond.$in });
    }
  }
  return terms;
}
