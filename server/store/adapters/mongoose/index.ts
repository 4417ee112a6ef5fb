/**
 * MongoDB DocumentStore through mongoose: its own connection (the global mongoose is untouched), models from the
 * shared schemas, indexes built at open.
 *
 * Same semantics as the embedded adapter (both pass test/store/contract.ts), with these MongoDB-side limits:
 * - insertMany is all-or-nothing through a transaction on a replica set or sharded cluster; on a standalone
 *   server it is an ordered insert whose already-inserted part is deleted when a later document fails, so
 *   readers can see the partial batch for a moment.
 * - updateOne/updateMany run mongoose's update validators, which check the paths an update sets, unsets, pushes
 *   or pulls. They do not check `$inc`/`$mul`/`$min`/`$max`/`$rename` results nor validators that look at the
 *   whole document; the embedded adapter validates the whole updated document.
 * - updateMany is not atomic across documents (a duplicate key midway leaves the earlier documents updated).
 */
import mongoose, { type Connection } from 'mongoose';
import { StoreError, StoreUnavailableError, type Collection, type DependencyHealth, type DocumentStore } from '../../port.js';
import type { SchemaRegistry } from '../../schema.js';
import type { AnyModel } from '../shared/filter.js';
import { buildModels, modelOf } from '../shared/models.js';
import { MongooseCollection, type MongooseContext } from './collection.js';
import { mapMongoError, redact } from './errors.js';
import { connectionOptions } from './requests.js';

export interface MongooseStoreOptions {
  uri: string;
  schemas: SchemaRegistry;
  /** Server selection and connect timeout; an unreachable server fails `openMongooseStore` after this. */
  connectTimeoutMs?: number;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/** Connects, builds the schemas' indexes, and returns the store. Throws {@link StoreUnavailableError} when unreachable. */
export async function openMongooseStore(options: MongooseStoreOptions): Promise<DocumentStore> {
  let conn: Connection;
  try {
    conn = mongoose.createConnection(options.uri, connectionOptions(options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS));
  } catch (err) {
    throw new StoreUnavailableError(`MongoDB connection string rejected: ${redact((err as Error).message)}`, { cause: err });
  }
  try {
    await conn.asPromise();
    const models = buildModels(conn, options.schemas);
    // Model.init() resolves once the collection and indexes exist (and rejects if, say, existing data breaks a
    // unique index): no write may run before its unique index does.
    await Promise.all([...models.values()].map((m) => m.init()));
    return new MongooseStore(conn, models, await supportsTransactions(conn));
  } catch (err) {
    await conn.close(true).catch(() => undefined);
    // A typed error (e.g. existing data breaking a unique index) says more than "unavailable".
    const mapped = mapMongoError(err, 'store');
    if (mapped instanceof StoreError) throw mapped;
    throw new StoreUnavailableError(`MongoDB is unavailable: ${redact((err as Error).message)}`, { cause: err });
  }
}

/** Transactions need a replica set (`setName`) or a mongos (`isdbgrid`). */
async function supportsTransactions(conn: Connection): Promise<boolean> {
  const db = conn.db;
  if (!db) return false;
  const hello = await db.admin().command({ hello: 1 });
  return typeof hello.setName === 'string' || hello.msg === 'isdbgrid';
}

class MongooseStore implements DocumentStore, MongooseContext {
  readonly adapter = 'mongodb' as const;
  closed = false;
  private readonly collections = new Map<string, MongooseCollection<object>>();

  constructor(
    private readonly conn: Connection,
    private readonly models: Map<string, AnyModel>,
    readonly transactions: boolean,
  ) {}

  collection<T extends object>(name: string): Collection<T> {
    let c = this.collections.get(name);
    if (!c) {
      c = new MongooseCollection<object>(name, modelOf(this.models, name), this);
      this.collections.set(name, c);
    }
    return c as unknown as Collection<T>;
  }

  transaction<R>(fn: (session: unknown) => Promise<R>): Promise<R> {
    return this.conn.transaction((session) => fn(session));
  }

  async ping(): Promise<DependencyHealth> {
    const where = `mongodb ${this.conn.host}:${this.conn.port}/${this.conn.name}`;
    if (this.closed || !this.conn.db) return { adapter: this.adapter, reachable: false, detail: 'closed' };
    try {
      await this.conn.db.admin().ping();
      return { adapter: this.adapter, reachable: true, detail: where };
    } catch (err) {
      return { adapter: this.adapter, reachable: false, detail: `${where}: ${(err as Error).name}` };
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.conn.close();
  }
}
