/**
 * DocumentStore port: collections with MongoDB semantics, sized to what the application uses.
 *
 * The port names no driver type. Two adapters implement it — the embedded one (SQLite + mingo) and the
 * mongoose one — and both pass `test/store/contract.ts`. Document shape, defaults, validation and indexes
 * come from the mongoose schemas in `server/store/schemas`, so both adapters accept and reject the same documents.
 *
 * Every stored document carries `_id` (a time-ordered 24-hex string, so `_id` order is insertion order),
 * `version` (incremented on every update, for optimistic concurrency), `createdAt` and `updatedAt`.
 */

/**
 * A MongoDB query filter. Built by code, never passed through from user input.
 *
 * Both adapters sanitize filters the way mongoose's `sanitizeFilter` does: a field value that is an object with
 * `$`-keys (`{ name: { $gt: '' } }`) is treated as a literal to compare with (`$eq`), not as operators, unless the
 * code that built it marked it with {@link trusted}. `$and` / `$or` / `$nor` are walked; `$expr`, `$text`,
 * `$jsonSchema` and `$where` at the top level are refused unless trusted (and `$where` always is). So code writes
 * `{ status: trusted({ $in: ['open', 'paused'] }), companyId: input.companyId }`: an operator object smuggled in
 * through `input` cannot widen the query; on a typed path it fails the schema cast (InvalidQueryError).
 */
export type Filter = Record<string, unknown>;

/** Marks operator objects that code built into a {@link Filter}. A global symbol, so it survives duplicate module copies. */
const TRUSTED = Symbol.for('zonematch.store.trusted');

/**
 * Marks an operator object in a filter as built by code (see {@link Filter}). Returns the same object, marked with
 * a non-enumerable symbol, so it still prints and compares as a plain object.
 */
export function trusted<T extends object>(operators: T): T {
  Object.defineProperty(operators, TRUSTED, { value: true, enumerable: false, configurable: true });
  return operators;
}

/** True when `value` was marked with {@link trusted}. */
export function isTrusted(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[TRUSTED] === true;
}

/** A MongoDB update document (`$set`, `$unset`, `$inc`, `$push`, `$pull`, `$addToSet`, ...). */
export type Update = Record<string, unknown>;
/** A MongoDB aggregation pipeline. */
export type Pipeline = Record<string, unknown>[];
/** Sort spec: field → 1 (ascending) or -1 (descending). */
export type Sort = Record<string, 1 | -1>;
/** Projection: field → 1 (include) or 0 (exclude). */
export type Projection = Record<string, 0 | 1>;

/** Fields the store maintains on every document. */
export interface StoredFields {
  _id: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type Stored<T> = T & StoredFields;

/** What callers may pass to insert: the store fills `_id` (unless given), `version` and the timestamps. */
export type NewDocument<T> = T & { _id?: string };

export interface FindOptions {
  sort?: Sort;
  limit?: number;
  skip?: number;
  projection?: Projection;
}

export interface PageOptions {
  /** Page size, 1..1000. */
  limit: number;
  /** Opaque cursor from a previous page's `nextCursor`; absent for the first page. */
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Cursor of the next page, or null when this page is the last. */
  nextCursor: string | null;
}

export interface UpdateOptions {
  /** Insert the document built from the filter's equality fields and the update when nothing matches. */
  upsert?: boolean;
  /**
   * Optimistic concurrency: apply the update only if the stored `version` equals this value;
   * otherwise throw {@link VersionConflictError}.
   */
  expectedVersion?: number;
}

/**
 * One collection. Documents it returns are values to read, never to change: copy before modifying. (The embedded
 * adapter returns its frozen cache, where a change throws a TypeError; mongoose returns fresh objects. Aggregation
 * results are the caller's own on both.)
 */
export interface Collection<T extends object> {
  readonly name: string;
  /** Validates against the schema, applies defaults, inserts. Throws ValidationError / DuplicateKeyError. */
  insertOne(doc: NewDocument<T>): Promise<Stored<T>>;
  /** All-or-nothing: either every document is stored or none is. */
  insertMany(docs: NewDocument<T>[]): Promise<Stored<T>[]>;
  findOne(filter: Filter, options?: Pick<FindOptions, 'projection' | 'sort'>): Promise<Stored<T> | null>;
  findById(id: string): Promise<Stored<T> | null>;
  find(filter: Filter, options?: FindOptions): Promise<Stored<T>[]>;
  /** Stable cursor pagination in `_id` order. */
  page(filter: Filter, options: PageOptions): Promise<Page<Stored<T>>>;
  /**
   * Updates the first document matching `filter` (in `_id` order) and returns it as stored after the update,
   * or null when nothing matched (and no upsert). The updated document is validated before it is written.
   */
  updateOne(filter: Filter, update: Update, options?: UpdateOptions): Promise<Stored<T> | null>;
  /** Returns how many documents were modified. */
  updateMany(filter: Filter, update: Update): Promise<number>;
  /** Returns true when a document was deleted. */
  deleteOne(filter: Filter): Promise<boolean>;
  /** Returns how many documents were deleted. */
  deleteMany(filter: Filter): Promise<number>;
  count(filter?: Filter): Promise<number>;
  aggregate<R = Record<string, unknown>>(pipeline: Pipeline): Promise<R[]>;
}

export interface DependencyHealth {
  /** Adapter name, e.g. "embedded-sqlite", "mongodb", "meilisearch", "inline", "bullmq". */
  adapter: string;
  reachable: boolean;
  /** Short human-readable detail (never a secret or a connection string with credentials). */
  detail?: string;
}

export interface DocumentStore {
  /** Adapter name, as reported by health. */
  readonly adapter: 'embedded-sqlite' | 'mongodb';
  collection<T extends object>(name: string): Collection<T>;
  ping(): Promise<DependencyHealth>;
  /** Flushes and releases connections/files. Idempotent. */
  close(): Promise<void>;
}

/** One failed field of a document or request. `path` is dotted (e.g. `contacts.0.email`). */
export interface FieldError {
  path: string;
  message: string;
}

/** Base class for errors the store raises; callers map them to HTTP statuses. */
export class StoreError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The document fails schema validation; nothing was written. */
export class ValidationError extends StoreError {
  constructor(
    readonly collection: string,
    readonly errors: FieldError[],
  ) {
    super(`${collection}: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  }
}

/** A unique index would be violated; nothing was written. */
export class DuplicateKeyError extends StoreError {
  constructor(
    readonly collection: string,
    readonly fields: string[],
  ) {
    super(`${collection}: duplicate value for ${fields.join(', ')}`);
  }
}

/** `expectedVersion` did not match the stored version; nothing was written. */
export class VersionConflictError extends StoreError {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`${collection}/${id} was changed by someone else`);
  }
}

/** The filter or update is not allowed (unknown field, forbidden operator such as `$where`). */
export class InvalidQueryError extends StoreError {}

/** The store cannot be reached (production adapter only). */
export class StoreUnavailableError extends StoreError {}
