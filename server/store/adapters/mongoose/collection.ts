/**
 * One collection on MongoDB through mongoose. Thin: filters and updates are prepared by `../shared` (the same
 * code the embedded adapter runs), documents are validated by the same schema before they are sent, results are
 * lean and made plain (no ObjectId leaves the adapter).
 *
 * Where MongoDB cannot match the embedded adapter exactly is listed at the top of `./index.ts`.
 */
import type { PipelineStage } from 'mongoose';
import {
  InvalidQueryError,
  StoreUnavailableError,
  VersionConflictError,
  trusted,
  type Collection,
  type Filter,
  type FindOptions,
  type NewDocument,
  type Page,
  type PageOptions,
  type Pipeline,
  type Stored,
  type Update,
  type UpdateOptions,
} from '../../port.js';
import { encodeCursor, readPageOptions } from '../shared/cursor.js';
import { buildNewDocument, plainOf, validateStored, type StoreDocument } from '../shared/documents.js';
import { prepareFilter, type AnyModel } from '../shared/filter.js';
import { assertFindOptions, assertPipelineShape } from '../shared/guard.js';
import { isPlainObject, toPlain } from '../shared/plain.js';
import { assertUpdateOptions, buildUpdate, upsertDocument } from '../shared/update.js';
import { firstFailedIndex, mapMongoError } from './errors.js';
import { UPDATE_MANY_OPTIONS, pageFilter, sortWithId, updateOneOptions } from './requests.js';

/** What a collection needs from its store. */
export interface MongooseContext {
  readonly closed: boolean;
  /** True on a replica set or sharded cluster: insertMany then runs in a transaction. */
  readonly transactions: boolean;
  transaction<R>(fn: (session: unknown) => Promise<R>): Promise<R>;
}

export class MongooseCollection<T extends object> implements Collection<T> {
  constructor(
    readonly name: string,
    private readonly model: AnyModel,
    private readonly ctx: MongooseContext,
  ) {}

  async insertOne(doc: NewDocument<T>): Promise<Stored<T>> {
    const [stored] = await this.insertMany([doc]);
    return stored as Stored<T>;
  }

  insertMany(input: NewDocument<T>[]): Promise<Stored<T>[]> {
    return this.run(async () => {
      if (!Array.isArray(input)) throw new InvalidQueryError(`${this.name}: insertMany needs an array`);
      if (input.length === 0) return [];
      const now = new Date();
      const docs = await Promise.all(input.map((d) => buildNewDocument(this.model, this.objectOf(d), now, this.name)));
      if (this.ctx.transactions) {
        // Replica set / cluster: all-or-nothing for readers too.
        await this.ctx.transaction((session) => this.model.insertMany(docs, { session: session as never, ordered: true }));
      } else {
        // Standalone server: ordered insert; on failure, remove what this batch inserted before the failing
        // document. Readers may briefly see the partial batch.
        try {
          await this.model.insertMany(docs, { ordered: true });
        } catch (err) {
          await this.undoPartialInsert(err, docs, now);
          throw err;
        }
      }
      return docs.map((d) => plainOf(d) as Stored<T>);
    });
  }

  findOne(filter: Filter, options: Pick<FindOptions, 'projection' | 'sort'> = {}): Promise<Stored<T> | null> {
    return this.run(async () => {
      assertFindOptions(options, this.name);
      const doc: unknown = await this.model
        .findOne(this.prepare(filter), options.projection ?? null, { sort: sortWithId(options.sort) })
        .lean();
      return doc ? toPlain(doc as Stored<T>) : null;
    });
  }

  findById(id: string): Promise<Stored<T> | null> {
    return this.findOne({ _id: id });
  }

  find(filter: Filter, options: FindOptions = {}): Promise<Stored<T>[]> {
    return this.run(async () => {
      assertFindOptions(options, this.name);
      const { sort, skip = 0, limit = 0, projection } = options;
      const docs: unknown[] = await this.model
        .find(this.prepare(filter), projection ?? null, { sort: sortWithId(sort), skip, limit })
        .lean();
      return docs.map((d) => toPlain(d as Stored<T>));
    });
  }

  page(filter: Filter, options: PageOptions): Promise<Page<Stored<T>>> {
    return this.run(async () => {
      const { limit, after } = readPageOptions(options, this.name);
      const docs: unknown[] = await this.model
        .find(this.prepare(pageFilter(filter, after)), null, { sort: { _id: 1 }, limit: limit + 1 })
        .lean();
      const items = docs.slice(0, limit).map((d) => toPlain(d as Stored<T>));
      const last = items[items.length - 1];
      return { items, nextCursor: docs.length > limit && last ? encodeCursor(last._id) : null };
    });
  }

  updateOne(filter: Filter, update: Update, options: UpdateOptions = {}): Promise<Stored<T> | null> {
    return this.run(async () => {
      assertUpdateOptions(options, this.name);
      let target = this.prepare(filter);
      const built = buildUpdate(update, { now: new Date(), upsert: options.upsert }, this.name);
      const { expectedVersion } = options;
      let id: string | undefined;
      if (expectedVersion !== undefined) {
        // Same rule as embedded: the first match decides; a stale version there is a conflict.
        const current = (await this.model.findOne(target, { _id: 1, version: 1 }, { sort: { _id: 1 } }).lean()) as {
          _id: string;
          version: number;
        } | null;
        if (!current) return null;
        id = current._id;
        if (current.version !== expectedVersion) throw new VersionConflictError(this.name, id);
        target = this.prepare({ _id: id, version: expectedVersion });
      }
      let doc: unknown = await this.model.findOneAndUpdate(target, built, updateOneOptions(false)).lean();
      if (!doc && id !== undefined) throw new VersionConflictError(this.name, id); // changed since we looked
      if (!doc && options.upsert) {
        // Update validators would not notice a required field the new document lacks, so the document the
        // upsert will insert is built and validated here first (the same code builds it in the embedded adapter).
        await validateStored(this.model, upsertDocument(target, built, this.name), this.name);
        doc = await this.model.findOneAndUpdate(target, built, updateOneOptions(true)).lean();
      }
      return doc ? toPlain(doc as Stored<T>) : null;
    });
  }

  updateMany(filter: Filter, update: Update): Promise<number> {
    return this.run(async () => {
      const prepared = this.prepare(filter);
      const built = buildUpdate(update, { now: new Date() }, this.name);
      const result = await this.model.updateMany(prepared, built, UPDATE_MANY_OPTIONS);
      return result.modifiedCount;
    });
  }

  deleteOne(filter: Filter): Promise<boolean> {
    return this.run(async () => {
      // findOneAndDelete takes a sort, so "first match" means the same as in the embedded adapter.
      const doc: unknown = await this.model
        .findOneAndDelete(this.prepare(filter), { sort: { _id: 1 }, projection: { _id: 1 } })
        .lean();
      return doc !== null;
    });
  }

  deleteMany(filter: Filter): Promise<number> {
    return this.run(async () => (await this.model.deleteMany(this.prepare(filter))).deletedCount);
  }

  count(filter: Filter = {}): Promise<number> {
    return this.run(() => this.model.countDocuments(this.prepare(filter)).exec());
  }

  aggregate<R = Record<string, unknown>>(pipeline: Pipeline): Promise<R[]> {
    return this.run(async () => {
      assertPipelineShape(pipeline, this.name);
      const out: unknown[] = await this.model.aggregate(pipeline as unknown as PipelineStage[]).exec();
      return out.map((d) => toPlain(d as R));
    });
  }

  // ---- internals ----

  private async run<R>(fn: () => Promise<R>): Promise<R> {
    if (this.ctx.closed) throw new StoreUnavailableError('the MongoDB store is closed');
    try {
      return await fn();
    } catch (err) {
      throw mapMongoError(err, this.name);
    }
  }

  private prepare(filter: Filter): Filter {
    return prepareFilter(this.model, filter, this.name);
  }

  private objectOf(doc: unknown): Record<string, unknown> {
    if (!isPlainObject(doc)) throw new InvalidQueryError(`${this.name}: a document must be an object`);
    return doc;
  }

  /**
   * Deletes the documents of a failed ordered batch that did get in. Only documents with this batch's exact
   * `createdAt` and version 0 are touched, so a pre-existing document whose `_id` caused the failure survives.
   */
  private async undoPartialInsert(err: unknown, docs: StoreDocument[], now: Date): Promise<void> {
    const inserted = docs.slice(0, firstFailedIndex(err) ?? docs.length).map((d) => plainOf(d)._id);
    if (inserted.length === 0) return;
    try {
      await this.model.deleteMany(this.prepare({ _id: trusted({ $in: inserted }), createdAt: now, version: 0 }));
    } catch {
      // The insert's own error is what the caller needs; a failed cleanup leaves what a crash would leave.
    }
  }
}
