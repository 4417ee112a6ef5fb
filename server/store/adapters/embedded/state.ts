/**
 * The write-through cache of one collection: parsed documents by id, ids in `_id` order, and the in-memory
 * indexes. Loaded from the table on first use and again after another process wrote to the file; changed only by
 * {@link CollectionState.apply}, after the SQLite transaction that made the same change has committed. The cached
 * documents are frozen (./freeze.ts): reads return them as they are.
 */
import type { Schema } from 'mongoose';
import { StoreError } from '../../port.js';
import type { Doc } from '../shared/documents.js';
import { decodeDoc } from './codec.js';
import { deepFreeze } from './freeze.js';
import { CollectionIndexes, type Change } from './indexes.js';
import type { TableStatements } from './sqlite.js';

export class CollectionState {
  readonly docs = new Map<string, Doc>();
  /** Every id, sorted: the order of scans, pages and "first match". */
  ids: string[] = [];
  readonly indexes: CollectionIndexes;
  /** Bumped on every change and reload: lets an upsert notice that the collection moved under it. */
  generation = 0;
  private isLoaded = false;

  constructor(
    readonly name: string,
    schema: Schema,
    readonly table: TableStatements,
  ) {
    this.indexes = new CollectionIndexes(schema, name);
  }

  /** Drops the cache; the next access reloads from the table. */
  invalidate(): void {
    this.isLoaded = false;
    this.generation++;
  }

  /** True while the cache holds the table (false before the first read and after another process wrote). */
  get loaded(): boolean {
    return this.isLoaded;
  }

  ensureLoaded(): void {
    if (this.isLoaded) return;
    this.docs.clear();
    this.indexes.clear();
    for (const row of this.table.all.all()) {
      let doc: Doc;
      try {
        doc = deepFreeze(decodeDoc(row.doc) as Doc);
      } catch (err) {
        throw new StoreError(`${this.name}: stored row ${row.id} is not valid JSON`, { cause: err });
      }
      this.docs.set(row.id, doc);
      this.indexes.add(doc);
    }
    this.ids = [...this.docs.keys()].sort();
    this.isLoaded = true;
    this.generation++;
  }

  /** Mirrors a committed change in memory; nothing to mirror while unloaded (the next load reads the table). */
  apply(changes: Change[]): void {
    this.generation++;
    if (!this.isLoaded) return;
    for (const { id, before, after } of changes) {
      if (before) this.indexes.remove(before);
      if (after) {
        deepFreeze(after);
        this.indexes.add(after);
        this.docs.set(id, after);
        if (!before) this.ids.splice(upperBound(this.ids, id), 0, id);
      } else if (before) {
        this.docs.delete(id);
        const at = upperBound(this.ids, id) - 1;
        if (this.ids[at] === id) this.ids.splice(at, 1);
      }
    }
  }
}

/** Index of the first element of sorted `ids` greater than `id`. */
export function upperBound(ids: string[], id: string): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ids[mid] as string) <= id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
