/**
 * One collection of the embedded store: reads from the in-memory cache with mingo, writes through SQLite, each
 * operation's changes in one savepoint of a group commit (group-commit.ts).
 *
 * Validation is asynchronous (mongoose validators may be), so a write reads, computes and validates outside the
 * transaction, then commits only if what it read is still current: inside the transaction it checks that each
 * document it changes is still the very object it read (every write replaces the cached object, and a reload after
 * another process wrote replaces them all). If not, the operation starts over; with `expectedVersion` the second
 * round reports the conflict.
 */
import {
  DuplicateKeyError,
  InvalidQueryError,
  StoreError,
  VersionConflictError,
  type Collection,
  type Filter,
  type FindOptions,
  type NewDocument,
  type Page,
  type PageOptions,
  type Pipeline,
  type Projection,
  type Stored,
  type Update,
  type UpdateOptions,
} from '../../port.js';
import { encodeCursor, readPageOptions } from '../shared/cursor.js';
import { buildNewRecord, validateStored, type Doc } from '../shared/documents.js';
import { prepareFilter, type AnyModel } from '../shared/filter.js';
import { assertFindOptions, assertPipelineShape } from '../shared/guard.js';
import { isPlainObject, toPlain } from '../shared/plain.js';
import { assertUpdateOptions, buildUpdate, upsertDocument } from '../shared/update.js';
import { encodeDoc } from './codec.js';
import { deepFreeze } from './freeze.js';
import type { Change } from './indexes.js';
import { applyUpdate, compileFilter, filterKey, projectDocs, runPipeline, sortDocs, type DocumentTest } from '../shared/mingo.js';
import type { SqliteFile } from './sqlite.js';
import { upperBound, type CollectionState } from './state.js';

/** What a collection needs from its store. */
export interface EmbeddedContext {
  readonly sqlite: SqliteFile;
  /** Throws when the store is closed; drops caches that another process's commits made stale. */
  sync(): void;
  /** Throws when the store is closed. */
  assertOpen(): void;
  /**
   * Runs a write's checks and statements in the next group commit, after the store has loaded whatever another
   * process committed; resolves once it has committed. `oneStatement`: the work runs at most one statement.
   */
  write(work: () => void, oneStatement?: boolean): Promise<void>;
  /** Documents of another collection for `$lookup` / `$unionWith` (copies; empty for an unknown name). */
  lookup(name: string): Doc[];
}

/** Thrown inside a commit when what the operation read is no longer current; never leaves this module. */
class Retry extends Error {}
/** Far more than in-process interleaving needs; only a pathological writer storm would exhaust it. */
const MAX_ATTEMPTS = 50;
/** Up to this many index candidates are sorted into `_id` order; more are filtered from the ordered ids. */
const SORT_CANDIDATES_UP_TO = 256;
/** Prepared filters kept per collection (see {@link EmbeddedCollection.prepare}). */
const PREPARED_KEPT = 256;

/** A caller's filter, sanitized and cast, with its compiled test. */
interface Prepared {
  readonly filter: Filter;
  readonly test: DocumentTest;
}

export class EmbeddedCollection<T extends object> implements Collection<T> {
  /** Prepared filters by {@link filterKey} of the caller's filter, most recently used last. */
  private readonly prepared = new Map<string, Prepared>();

  constructor(
    readonly name: string,
    private readonly model: AnyModel,
    private readonly state: CollectionState,
    private readonly ctx: EmbeddedContext,
  ) {}

  async insertOne(doc: NewDocument<T>): Promise<Stored<T>> {
    const [stored] = await this.insertMany([doc]);
    return stored as Stored<T>;
  }

  async insertMany(docs: NewDocument<T>[]): Promise<Stored<T>[]> {
    if (!Array.isArray(docs)) throw new InvalidQueryError(`${this.name}: insertMany needs an array`);
    this.ctx.assertOpen(); // what is stored is checked under the write lock, in the commit
    if (docs.length === 0) return [];
    const now = new Date();
    const prepared = await Promise.all(
      docs.map((d) => buildNewRecord(this.model, this.objectOf(d), now, this.name)),
    );
    const changes = prepared.map((after) => ({ id: after._id, before: null, after }));
    const seen = new Set<string>();
    for (const { id } of changes) {
      if (seen.has(id)) throw new DuplicateKeyError(this.name, ['_id']);
      seen.add(id);
    }
    await this.commit(changes, (loaded) => {
      // Unloaded, the table's primary key reports a taken `_id` (see tryCommit).
      if (loaded) for (const { id } of changes) if (this.state.docs.has(id)) throw new DuplicateKeyError(this.name, ['_id']);
    });
    // The very documents the cache now holds, frozen like every cached document.
    return prepared.map((d) => deepFreeze(d) as Stored<T>);
  }

  async findOne(filter: Filter, options: Pick<FindOptions, 'projection' | 'sort'> = {}): Promise<Stored<T> | null> {
    const [first] = await this.find(filter, { ...options, limit: 1 });
    return first ?? null;
  }

  findById(id: string): Promise<Stored<T> | null> {
    // The hottest read (credentials, existence checks, views): a direct cache lookup, no filter to cast or compile.
    if (typeof id !== 'string') return this.findOne({ _id: id });
    return this.now(() => {
      this.ctx.sync();
      this.state.ensureLoaded();
      const doc = this.state.docs.get(id);
      return doc ? (this.output([doc])[0] ?? null) : null;
    });
  }

  find(filter: Filter, options: FindOptions = {}): Promise<Stored<T>[]> {
    return this.now(() => {
      assertFindOptions(options, this.name);
      const { sort, skip = 0, limit = 0, projection } = options;
      const prepared = this.prepare(filter);
      const matches = this.scan(prepared);
      let docs: Doc[];
      if (sort === undefined || isIdAscending(sort)) {
        docs = take(matches, skip, limit);
      } else {
        // mingo's sort is stable and the input is in `_id` order, so ties stay in `_id` order.
        const sorted = sortDocs([...matches], sort, this.name);
        docs = sorted.slice(skip, limit > 0 ? skip + limit : undefined);
      }
      return this.output(docs, projection);
    });
  }

  page(filter: Filter, options: PageOptions): Promise<Page<Stored<T>>> {
    return this.now(() => {
      const { limit, after } = readPageOptions(options, this.name);
      const docs = take(this.scan(this.prepare(filter), after), 0, limit + 1);
      const items = this.output(docs.slice(0, limit));
      const last = items[items.length - 1];
      return { items, nextCursor: docs.length > limit && last ? encodeCursor(last._id) : null };
    });
  }

  async updateOne(filter: Filter, update: Update, options: UpdateOptions = {}): Promise<Stored<T> | null> {
    assertUpdateOptions(options, this.name);
    this.ctx.sync();
    const prepared = this.prepare(filter);
    buildUpdate(update, { now: new Date() }, this.name); // refuse a bad update before reading anything
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const now = new Date();
      const { $setOnInsert, ...ops } = buildUpdate(update, { now, upsert: options.upsert }, this.name);
      const [target] = take(this.scan(prepared), 0, 1);
      if (!target) {
        if (!options.upsert) return null;
        const seen = this.state.generation;
        const doc = await validateStored(this.model, upsertDocument(prepared.filter, { ...ops, $setOnInsert }, this.name), this.name);
        const committed = await this.tryCommit([{ id: doc._id, before: null, after: doc }], () => {
          if (this.state.generation !== seen) throw new Retry();
        });
        if (committed) return this.output([doc])[0] ?? null;
        continue;
      }
      if (options.expectedVersion !== undefined && target.version !== options.expectedVersion) {
        throw new VersionConflictError(this.name, target._id);
      }
      const next = toPlain(target);
      applyUpdate(next, ops, prepared.filter, this.name);
      const doc = await validateStored(this.model, next, this.name);
      if (await this.tryCommit([{ id: target._id, before: target, after: doc }], () => this.assertCurrent([target]))) {
        return this.output([doc])[0] ?? null;
      }
    }
    throw contention(this.name);
  }

  async updateMany(filter: Filter, update: Update): Promise<number> {
    this.ctx.sync();
    const prepared = this.prepare(filter);
    buildUpdate(update, { now: new Date() }, this.name);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const { $setOnInsert: _ignored, ...ops } = buildUpdate(update, { now: new Date() }, this.name);
      const targets = [...this.scan(prepared)];
      if (targets.length === 0) return 0;
      const updated = await Promise.all(
        targets.map((t) => {
          const next = toPlain(t);
          applyUpdate(next, ops, prepared.filter, this.name);
          return validateStored(this.model, next, this.name);
        }),
      );
      const changes = targets.map((before, i) => ({ id: before._id, before, after: updated[i] as Doc }));
      if (await this.tryCommit(changes, () => this.assertCurrent(targets))) return targets.length;
    }
    throw contention(this.name);
  }

  async deleteOne(filter: Filter): Promise<boolean> {
    return (await this.remove(filter, 1)) > 0;
  }

  deleteMany(filter: Filter): Promise<number> {
    return this.remove(filter, 0);
  }

  count(filter: Filter = {}): Promise<number> {
    return this.now(() => {
      let n = 0;
      for (const _ of this.scan(this.prepare(filter))) n++;
      return n;
    });
  }

  aggregate<R = Record<string, unknown>>(pipeline: Pipeline): Promise<R[]> {
    return this.now(() => {
      assertPipelineShape(pipeline, this.name);
      this.ctx.sync();
      this.state.ensureLoaded();
      // Like MongoDB, pipelines are not cast or sanitized. A leading $match still narrows through the indexes.
      const [first, ...rest] = pipeline;
      const match = first?.$match;
      const input = isPlainObject(match)
        ? [...this.scanWith(match, compileFilter(match, this.name))]
        : this.state.ids.map((id) => this.state.docs.get(id) as Doc);
      const stages = isPlainObject(match) ? rest : pipeline;
      // mingo runs without cloning, so it gets copies: a stage must never write into the cache.
      return runPipeline(input.map(toPlain), stages, (name) => this.ctx.lookup(name), this.name) as R[];
    });
  }

  // ---- internals ----

  /** Runs a synchronous operation as a promise, so errors reject instead of throwing. */
  private now<R>(fn: () => R): Promise<R> {
    // The executor runs synchronously, and a throw inside it becomes the rejection.
    return new Promise<R>((resolve) => resolve(fn()));
  }

  private objectOf(doc: unknown): Record<string, unknown> {
    if (!isPlainObject(doc)) throw new InvalidQueryError(`${this.name}: a document must be an object`);
    return doc;
  }

  /**
   * The shared sanitize + cast, then plain values (subdocument ids as strings, as the documents store them), and
   * the compiled test. Casting builds a mongoose query and compiling may build a mingo one, which cost more than
   * most reads, and the same filters come back all the time (a list's filter, the job queue's "next job of this
   * name"), so both are kept by the filter's key, which tells trusted operator objects from literal ones. The kept
   * filter is frozen: scans only read it, and an upsert copies it before seeding the new document.
   */
  private prepare(filter: Filter): Prepared {
    const key = filterKey(filter);
    if (key === undefined) return this.compile(toPlain(prepareFilter(this.model, filter, this.name)));
    const hit = this.prepared.get(key);
    if (hit) {
      this.prepared.delete(key);
      this.prepared.set(key, hit);
      return hit;
    }
    const prepared = this.compile(deepFreeze(toPlain(prepareFilter(this.model, filter, this.name))));
    if (this.prepared.size >= PREPARED_KEPT) this.prepared.delete(this.prepared.keys().next().value as string);
    this.prepared.set(key, prepared);
    return prepared;
  }

  private compile(filter: Filter): Prepared {
    return { filter, test: compileFilter(filter, this.name) };
  }

  /** Matching documents in `_id` order (after `after`, if given). Syncs and loads the cache first. */
  private scan(prepared: Prepared, after?: string): Generator<Doc> {
    this.ctx.sync();
    return this.scanWith(prepared.filter, prepared.test, after);
  }

  private *scanWith(filter: Filter, query: DocumentTest, after?: string): Generator<Doc> {
    const { state } = this;
    state.ensureLoaded();
    const candidates = state.indexes.candidates(filter, (id) => state.docs.has(id));
    // A few candidates: sort them. Many: walk the ordered ids and skip non-candidates, so a page or a limit
    // stops early instead of sorting thousands of ids per request.
    const small = candidates !== null && candidates.size <= SORT_CANDIDATES_UP_TO;
    const ids = small ? [...candidates].sort() : state.ids;
    for (let i = after === undefined ? 0 : upperBound(ids, after); i < ids.length; i++) {
      const id = ids[i] as string;
      if (candidates !== null && !small && !candidates.has(id)) continue;
      const doc = state.docs.get(id);
      if (doc && query.test(doc)) yield doc;
    }
  }

  private async remove(filter: Filter, limit: number): Promise<number> {
    const prepared = this.prepare(filter);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const targets = take(this.scan(prepared), 0, limit);
      if (targets.length === 0) return 0;
      // Queued right after the scan, so writes queued after it commit after it. A write queued before it (or
      // another process's) that changed a target makes the check fail: then the targets are read again.
      const changes = targets.map((before) => ({ id: before._id, before, after: null }));
      if (await this.tryCommit(changes, () => this.assertCurrent(targets))) return targets.length;
    }
    throw contention(this.name);
  }

  private assertCurrent(read: Doc[]): void {
    for (const doc of read) if (this.state.docs.get(doc._id) !== doc) throw new Retry();
  }

  /**
   * Inserts only. A collection nobody has read yet and that has no unique index besides `_id` (the audit log) is
   * written without loading it: the table's primary key refuses a taken `_id`, and the next read loads the table.
   */
  private async commit(changes: Change[], precondition: (loaded: boolean) => void): Promise<void> {
    const lazy = !this.state.indexes.hasUnique;
    try {
      if (await this.tryCommit(changes, precondition, lazy)) return;
    } catch (err) {
      if (isPrimaryKeyViolation(err)) throw new DuplicateKeyError(this.name, ['_id']);
      throw err;
    }
    // The precondition of an insert never asks for a retry.
    throw new StoreError(`${this.name}: write could not be committed`);
  }

  /**
   * One write of a group commit (see group-commit.ts): re-sync, check, check unique keys, write, mirror in memory;
   * resolves once committed. False = start over. `lazy`: leave an unloaded cache unloaded (inserts into a
   * collection without unique indexes only).
   */
  private async tryCommit(changes: Change[], precondition: (loaded: boolean) => void, lazy = false): Promise<boolean> {
    const { state } = this;
    const { table } = state;
    try {
      await this.ctx.write(() => {
        if (!lazy) state.ensureLoaded();
        precondition(state.loaded);
        if (state.loaded) state.indexes.assertUnique(changes);
        for (const { id, before, after } of changes) {
          if (!after) table.remove.run(id);
          else if (!before) table.insert.run(id, encodeDoc(after));
          else table.update.run(encodeDoc(after), id);
        }
        // Mirrored now, inside the batch, so the writes after this one check against it.
        state.apply(changes);
      }, changes.length === 1);
    } catch (err) {
      if (err instanceof Retry) return false;
      throw err;
    }
    return true;
  }

  /** Results: the frozen cached documents themselves, or new ones projected from copies. */
  private output(docs: Doc[], projection?: Projection): Stored<T>[] {
    return (projection ? projectDocs(docs.map((d) => toPlain(d)), projection, this.name) : docs) as Stored<T>[];
  }
}

/** better-sqlite3's error for a row whose primary key is taken. */
function isPrimaryKeyViolation(err: unknown): boolean {
  return err instanceof Error && (err as { code?: unknown }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

function isIdAscending(sort: Record<string, number>): boolean {
  const keys = Object.keys(sort);
  return keys.length === 0 || (keys.length === 1 && sort._id === 1);
}

/** The first `limit` (0 = all) items after skipping `skip`, pulling no more than needed. */
function take<D>(items: Iterable<D>, skip: number, limit: number): D[] {
  const out: D[] = [];
  let skipped = 0;
  for (const item of items) {
    if (skipped < skip) {
      skipped++;
      continue;
    }
    out.push(item);
    if (limit > 0 && out.length >= limit) break;
  }
  return out;
}

function contention(collection: string): StoreError {
  return new StoreError(`${collection}: gave up after ${MAX_ATTEMPTS} attempts; the documents kept changing`);
}
