/**
 * Embedded DocumentStore: SQLite (better-sqlite3) for durability, mingo for MongoDB semantics, the shared mongoose
 * schemas for validation. For development, tests and single-node deployments.
 *
 * Several processes may open the same file one after another, or even at once: every operation checks SQLite's
 * `data_version` and reloads the cache when another connection committed, and writes re-check under the write
 * lock. Concurrent processes are correct but not fast (each foreign write reloads a whole collection).
 */
import path from 'node:path';
import { Mongoose } from 'mongoose';
import { StoreUnavailableError, type Collection, type DependencyHealth, type DocumentStore } from '../../port.js';
import type { SchemaRegistry } from '../../schema.js';
import type { Doc } from '../shared/documents.js';
import { buildModels, modelOf } from '../shared/models.js';
import { toPlain } from '../shared/plain.js';
import { EmbeddedCollection, type EmbeddedContext } from './collection.js';
import { GroupCommit } from './group-commit.js';
import { localCommitCount, SqliteFile, type StoreSync } from './sqlite.js';
import { CollectionState } from './state.js';

export interface EmbeddedStoreOptions {
  /** SQLite file path, or ':memory:' for a store that lives as long as the process. */
  file: string;
  schemas: SchemaRegistry;
  /** `normal` (default): acknowledged writes survive a process crash; `full`: also a power cut, at ~1 ms per commit. */
  synchronous?: StoreSync;
}

export function openEmbeddedStore(options: EmbeddedStoreOptions): DocumentStore {
  return new EmbeddedStore(options);
}

class EmbeddedStore implements DocumentStore, EmbeddedContext {
  readonly adapter = 'embedded-sqlite' as const;
  readonly sqlite: SqliteFile;
  private readonly states = new Map<string, CollectionState>();
  private readonly collections = new Map<string, EmbeddedCollection<object>>();
  private readonly models;
  private readonly commits: GroupCommit;
  private seenVersion: number;
  private closed = false;
  /** Set by a `data_version` check until the current synchronous run of code ends (see {@link sync}). */
  private checkedInThisRun = false;
  /** {@link localCommitCount} at that check. */
  private checkedAtCommit = -1;
  private readonly endRun = () => {
    this.checkedInThisRun = false;
  };

  constructor(options: EmbeddedStoreOptions) {
    // A private, never-connected Mongoose: its models only validate and cast, and the app's global mongoose
    // (used by the mongoose adapter) is untouched.
    const validator = new Mongoose({ strictQuery: 'throw', sanitizeFilter: true, autoIndex: false, autoCreate: false });
    this.models = buildModels(validator, options.schemas);
    this.sqlite = new SqliteFile(options.file, options.synchronous);
    for (const [name, model] of this.models) {
      this.states.set(name, new CollectionState(name, model.schema, this.sqlite.table(name)));
    }
    this.seenVersion = this.sqlite.dataVersion();
    // A batch that failed to commit was already mirrored in the caches: reload them from the file.
    this.commits = new GroupCommit(
      this.sqlite,
      () => {
        for (const state of this.states.values()) state.invalidate();
      },
      // Under the write lock no other process can commit, so one look per batch serves all its writes.
      () => this.syncLocked(),
    );
  }

  collection<T extends object>(name: string): Collection<T> {
    let c = this.collections.get(name);
    if (!c) {
      const model = modelOf(this.models, name);
      c = new EmbeddedCollection<object>(name, model, this.states.get(name) as CollectionState, this);
      this.collections.set(name, c);
    }
    return c as unknown as Collection<T>;
  }

  /**
   * Reading `data_version` starts a read transaction on the file (file locks, ~5-10 µs); a page of postings
   * looks up twenty companies. Operations started in one synchronous run of code (`Promise.all` over lookups)
   * are concurrent to their caller, so one check serves all of them, unless a connection of this process
   * committed meanwhile. A commit by another process is only ever known to this one through (asynchronous) I/O,
   * whose callback is a later run, after the microtask below has cleared the mark. Writes check again under the
   * write lock.
   */
  sync(): void {
    this.assertOpen();
    if (this.checkedInThisRun && this.checkedAtCommit === localCommitCount()) return;
    this.syncLocked();
    this.checkedAtCommit = localCommitCount();
    if (!this.checkedInThisRun) {
      this.checkedInThisRun = true;
      queueMicrotask(this.endRun);
    }
  }

  syncLocked(): void {
    this.assertOpen();
    const version = this.sqlite.dataVersion();
    if (version !== this.seenVersion) {
      this.seenVersion = version;
      for (const state of this.states.values()) state.invalidate();
    }
  }

  assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError('the embedded store is closed');
  }

  write(work: () => void, oneStatement?: boolean): Promise<void> {
    this.assertOpen();
    return this.commits.run(work, oneStatement);
  }

  lookup(name: string): Doc[] {
    const state = this.states.get(name);
    if (!state) return [];
    this.sync();
    state.ensureLoaded();
    return state.ids.map((id) => toPlain(state.docs.get(id) as Doc));
  }

  ping(): Promise<DependencyHealth> {
    const where = this.sqlite.file === ':memory:' ? 'in memory' : path.basename(this.sqlite.file);
    if (this.closed) return Promise.resolve({ adapter: this.adapter, reachable: false, detail: 'closed' });
    try {
      this.sqlite.ping();
      return Promise.resolve({ adapter: this.adapter, reachable: true, detail: `sqlite ${where}, journal ${this.sqlite.journalMode}` });
    } catch (err) {
      return Promise.resolve({ adapter: this.adapter, reachable: false, detail: (err as Error).message });
    }
  }

  close(): Promise<void> {
    if (!this.closed) {
      this.commits.flush(); // writes already queued are committed (and acknowledged) before the file closes
      this.closed = true;
      // Closing the last connection checkpoints the WAL into the main file.
      this.sqlite.close();
    }
    return Promise.resolve();
  }
}
