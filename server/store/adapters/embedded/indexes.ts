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
  entries: IdsByKey;
}

/**
 * Ids by index key. Most keys of an index on a name, a credit code or a company id belong to one document, so a
 * key's ids are held as that one id until a second arrives (a Set of one costs over a hundred bytes, for every
 * document the store caches). Keys are what {@link keyOf} gives.
 */
class IdsByKey {
  private readonly map = new Map<IndexKey, string | Set<string>>();

  add(key: IndexKey, id: string): void {
    const held = this.map.get(key);
    if (held === undefined) this.map.set(key, id);
    else if (typeof held !== 'string') held.add(id);
    else if (held !== id) this.map.set(key, new Set([held, id]));
  }

  remove(key: IndexKey, id: string): void {
    const held = this.map.get(key);
    if (held === undefined) return;
    if (typeof held === 'string') {
      if (held === id) this.map.delete(key);
      return;
    }
    held.delete(id);
    if (held.size === 1) this.map.set(key, held.values().next().value as string);
  }

  /** The ids under `key`: the index's own set when there are several (read-only for callers). */
  get(key: IndexKey): ReadonlySet<string> {
    const held = this.map.get(key);
    if (held === undefined) return EMPTY_IDS;
    return typeof held === 'string' ? new Set([held]) : held;
  }

  /** Whether an id other than those in `except` is under `key`. */
  heldByOther(key: IndexKey, except: ReadonlySet<string>): boolean {
    const held = this.map.get(key);
    if (held === undefined) return false;
    if (typeof held === 'string') return !except.has(held);
    for (const id of held) if (!except.has(id)) return true;
    return false;
  }

  clear(): void {
    this.map.clear();
  }
}

const EMPTY_IDS: ReadonlySet<string> = new Set();

/** One document's change inside a write: `before` null for an insert, `after` null for a delete. */
export interface Change {
  id: string;
  before: Doc | null;
  after: Doc | null;
}

export class CollectionIndexes {
  private readonly equality = new Map<string, IdsByKey>();
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
      if (ordered || kinds[0] === 'hashed') this.equality.set(first, this.equality.get(first) ?? new IdsByKey());
      if (options.unique && ordered) {
        this.unique.push({
          fields,
          sparse: options.sparse === true,
          partial: isPlainObject(options.partialFilterExpression)
            ? new Query(options.partialFilterExpression, MINGO_OPTIONS)
            : null,
          entries: new IdsByKey(),
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
    for (const [path, ids] of this.equality) {
      for (const key of keysAt(doc, path)) ids.add(key, doc._id);
    }
    for (const u of this.unique) {
      for (const key of uniqueKeys(u, doc)) u.entries.add(key, doc._id);
    }
  }

  remove(doc: Doc): void {
    for (const [path, ids] of this.equality) {
      for (const key of keysAt(doc, path)) ids.remove(key, doc._id);
    }
    for (const u of this.unique) {
      for (const key of uniqueKeys(u, doc)) u.entries.remove(key, doc._id);
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
      const claimed = new Map<IndexKey, string>();
      for (const { id, after } of changes) {
        if (!after) continue;
        for (const key of uniqueKeys(u, after)) {
          const taken = u.entries.heldByOther(key, batch);
          const claimedBy = claimed.get(key);
          if (taken || (claimedBy !== undefined && claimedBy !== id)) throw new DuplicateKeyError(this.collection, u.fields);
          claimed.set(key, id);
        }
      }
    }
  }

  /** Ids that may match `filter` (read-only; may be the index's own set), or null when no equality term can use an index. */
  candidates(filter: Record<string, unknown>, has: (id: string) => boolean): ReadonlySet<string> | null {
    let best: ReadonlySet<string> | null = null;
    for (const { path, values } of equalityTerms(filter)) {
      let found: ReadonlySet<string> | undefined;
      if (path === '_id') {
        found = new Set(values.filter((v): v is string => typeof v === 'string' && has(v)));
      } else {
        const ids = this.equality.get(path);
        if (!ids) continue;
        if (values.length === 1) {
          // The index's own set, not a copy (15,000 ids per request otherwise); callers only read it, synchronously.
          found = ids.get(keyOf(values[0]));
        } else {
          const union = new Set<string>();
          for (const v of values) for (const id of ids.get(keyOf(v))) union.add(id);
          found = union;
        }
      }
      if (best === null || found.size < best.size) best = found;
    }
    return best;
  }
}

/** Keys a unique index holds for `doc` (several for an array field), or none when sparse/partial exclude it. */
function uniqueKeys(u: UniqueIndex, doc: Doc): Set<IndexKey> {
  if (u.partial && !u.partial.test(doc)) return new Set();
  const perField = u.fields.map((f) => valuesAt(doc, f));
  if (u.sparse && perField.every((vs) => vs.every((v) => v === undefined))) return new Set();
  if (perField.length === 1) return new Set(perField[0]!.map(keyOf));
  // A compound key: the fields' keys as one string, each tagged with its type so "1" and 1 stay apart.
  let keys = [''];
  for (const values of perField) {
    const next: string[] = [];
    for (const prefix of keys) for (const v of values) next.push(`${prefix}|${taggedKeyOf(v)}`);
    keys = next;
  }
  return new Set(keys);
}

function keysAt(doc: Doc, path: string): Set<IndexKey> {
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

/** What an index holds a value under (see {@link keyOf}). */
type IndexKey = string | number | boolean | null;

const TAG = '\uffff';

/**
 * A Map key equal (SameValueZero) for two values exactly when MongoDB's equality says so, for the types documents
 * hold: numbers by value (1 and 1.0 alike), Dates by instant, null and missing alike. Strings, numbers and
 * booleans are their own keys, so an index shares the document's strings instead of holding a copy of each.
 * Dates and objects become a string tagged with U+FFFF (a noncharacter); the rare string value that itself starts
 * with it is tagged as a string, so no two kinds of value can share a key.
 */
function keyOf(value: unknown): IndexKey {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
      return value.startsWith(TAG) ? `${TAG}s${value}` : value;
    case 'number':
    case 'boolean':
      return value;
    default:
      return `${TAG}${taggedKeyOf(value)}`;
  }
}

/** A string that is equal for two values exactly when MongoDB's equality says so (see {@link keyOf}). */
function taggedKeyOf(value: unknown): string {
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
