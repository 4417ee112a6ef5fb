/**
 * Group commit: the writes that become ready in one turn of the event loop are committed in one SQLite
 * transaction, each inside its own savepoint (a write of one statement needs none: SQLite undoes a failed
 * statement by itself).
 *
 * A commit costs far more than the rows it writes (taking the write lock, appending and syncing the log: ~50 µs
 * against ~5 µs for a row), and under load many requests reach their commit in the same turn. Semantics are those
 * of one transaction per write: a write's checks and statements run in order with the others, so each sees what
 * the earlier ones changed; a write that fails (its check asks for a retry, a unique key is taken, a statement
 * fails) rolls back to its savepoint and only its caller gets the error; every caller learns the outcome only after
 * the transaction has committed, so nothing is acknowledged before it is durable. If the commit itself fails, every
 * write of the batch fails and the caller of the batcher drops its caches, which already mirror the batch. So does
 * an error after which SQLite rolled the whole transaction back itself (a full disk, an I/O error): the writes
 * after it must not run outside the transaction.
 */
import type { SqliteFile } from './sqlite.js';

interface Pending {
  work: () => void;
  /** The work runs at most one statement: no savepoint needed. */
  oneStatement: boolean;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const DONE = Symbol('done');

export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled: NodeJS.Immediate | undefined;

  constructor(
    private readonly sqlite: SqliteFile,
    /** Called when a batch's transaction failed as a whole (after its writes already changed the caches). */
    private readonly onBatchFailed: () => void,
    /** Runs first in every batch's transaction, under the write lock (the store reloads what another process wrote). */
    private readonly onBatchStart: () => void = () => undefined,
  ) {}

  /**
   * Runs `work` (synchronous: checks, statements, then mirroring in memory) in the next batch. Resolves once the
   * batch has committed; rejects with what `work` threw, or with the error that stopped the whole batch.
   */
  run(work: () => void, oneStatement = false): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ work, oneStatement, resolve, reject });
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  /** Commits whatever is waiting, now (also used before the file is closed). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const outcomes: unknown[] = [];
    try {
      this.sqlite.transaction(() => {
        this.onBatchStart();
        for (const { work, oneStatement } of batch) {
          try {
            if (oneStatement) work();
            else this.sqlite.transaction(work); // a savepoint
            outcomes.push(DONE);
          } catch (error) {
            if (!this.sqlite.inTransaction) throw error;
            outcomes.push(error);
          }
        }
      });
    } catch (error) {
      this.onBatchFailed();
      for (const { reject } of batch) reject(error);
      return;
    }
    batch.forEach(({ resolve, reject }, i) => {
      const outcome = outcomes[i];
      if (outcome === DONE) resolve();
      else reject(outcome);
    });
  }
}
