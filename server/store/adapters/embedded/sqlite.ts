/**
 * The SQLite file: one table per collection `(id TEXT PRIMARY KEY, doc TEXT NOT NULL)`.
 *
 * Durability is a choice between two SQLite settings, both in WAL mode:
 * - `normal` (default): a commit is written to the log (the OS holds it) before it is acknowledged, so it survives
 *   the process dying (`kill -9`, a crash, an OOM kill); the log is fsynced at checkpoints, so a power cut or kernel
 *   crash may lose the last commits. No fsync per commit: several thousand writes per second.
 * - `full`: the log is fsynced on every commit, so an acknowledged write also survives power loss; each commit
 *   then blocks for the disk's flush (about 1 ms here), which caps commits at a few hundred per second. Writes run in `BEGIN IMMEDIATE` transactions: the write lock is taken first, so the
 * checks made inside a transaction (versions, unique keys) hold until it commits, even against another process.
 * One commit carries every write that became ready in the same turn of the event loop (group-commit.ts).
 */
import Database from 'better-sqlite3';

/** How far an acknowledged write is guaranteed to survive (see above). */
export type StoreSync = 'normal' | 'full';

export interface Row {
  id: string;
  doc: string;
}

export interface TableStatements {
  all: Database.Statement<[], Row>;
  insert: Database.Statement<[string, string]>;
  update: Database.Statement<[string, string]>;
  remove: Database.Statement<[string]>;
}

/**
 * Write transactions committed by any connection of this process. A connection that checked `data_version` a
 * moment ago may rely on that check only while this is unchanged (see `EmbeddedStore.sync`).
 */
let commitsInProcess = 0;

export function localCommitCount(): number {
  return commitsInProcess;
}

export class SqliteFile {
  readonly journalMode: string;
  private readonly db: Database.Database;
  private readonly dataVersionStmt: Database.Statement<[], number>;
  private readonly runInTransaction: Database.Transaction<(fn: () => unknown) => unknown>;

  constructor(
    readonly file: string,
    readonly synchronous: StoreSync = 'normal',
  ) {
    this.db = new Database(file);
    this.journalMode = String(this.db.pragma('journal_mode = WAL', { simple: true }));
    this.db.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    // A second process holding the write lock makes us wait rather than fail at once.
    this.db.pragma('busy_timeout = 5000');
    this.dataVersionStmt = this.db.prepare<[], number>('PRAGMA data_version').pluck();
    this.runInTransaction = this.db.transaction((fn: () => unknown) => fn());
  }

  /** False after SQLite rolled a transaction back by itself (or outside any). */
  get inTransaction(): boolean {
    return this.db.inTransaction;
  }

  get open(): boolean {
    return this.db.open;
  }

  /** Creates the collection's table if needed and prepares its statements. `name` is a checked identifier. */
  table(name: string): TableStatements {
    const t = `"${name}"`;
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${t} (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
    return {
      all: this.db.prepare<[], Row>(`SELECT id, doc FROM ${t}`),
      insert: this.db.prepare<[string, string]>(`INSERT INTO ${t} (id, doc) VALUES (?, ?)`),
      update: this.db.prepare<[string, string]>(`UPDATE ${t} SET doc = ? WHERE id = ?`),
      remove: this.db.prepare<[string]>(`DELETE FROM ${t} WHERE id = ?`),
    };
  }

  /** Changes when another connection (another process) commits; our own commits leave it unchanged. */
  dataVersion(): number {
    return this.dataVersionStmt.get() as number;
  }

  /**
   * Runs `fn` in a `BEGIN IMMEDIATE` transaction; a throw rolls back. Inside a transaction, runs it in a savepoint
   * instead: a throw rolls back what `fn` did and leaves the rest of the transaction as it was.
   */
  transaction<T>(fn: () => T): T {
    if (this.db.inTransaction) return this.runInTransaction(fn) as T;
    try {
      return this.runInTransaction.immediate(fn) as T;
    } finally {
      // Counted whether it committed or rolled back: a reader only ever checks again once too often.
      commitsInProcess++;
    }
  }

  ping(): boolean {
    return this.db.prepare('SELECT 1').pluck().get() === 1;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
