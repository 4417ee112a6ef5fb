/**
 * Document validation shared by both adapters: a mongoose document built from the schema validates without a
 * connection, so the embedded adapter and the mongoose adapter accept and reject exactly the same documents, with
 * the same defaults, casts and dotted error paths.
 */
import mongoose, { type HydratedDocument } from 'mongoose';
import { ValidationError, type FieldError } from '../../port.js';
import { fastCheckOf } from './fast-check.js';
import type { AnyModel } from './filter.js';
import { toPlain } from './plain.js';

/** How a validated mongoose document becomes the plain record both adapters store and return. */
const TO_OBJECT = {
  flattenMaps: true,
  flattenObjectIds: true,
  versionKey: false,
  virtuals: false,
  getters: false,
  depopulate: true,
} as const;

/** A mongoose document of any store model. */
export type StoreDocument = HydratedDocument<Record<string, unknown>>;

export type Doc = Record<string, unknown> & { _id: string; version: number; createdAt: Date; updatedAt: Date };

/**
 * Builds a new document: the caller's fields (and `_id` if given), `version` 0, both timestamps = `now`, schema
 * defaults and casts; validates it. Throws {@link ValidationError}. Returns the mongoose document (the mongoose
 * adapter saves it as is) — use {@link plainOf} for the stored record.
 */
export async function buildNewDocument(
  model: AnyModel,
  input: Record<string, unknown>,
  now: Date,
  collection: string,
): Promise<StoreDocument> {
  // The store owns these; a caller's values would make version history and timestamps lie.
  const { version: _v, createdAt: _c, updatedAt: _u, ...fields } = input;
  return validated(model, { ...fields, version: 0, createdAt: now, updatedAt: now }, collection);
}

/**
 * {@link buildNewDocument} for a store that keeps plain records (the embedded adapter): the same record, without
 * building a mongoose document when the quick check (./fast-check.ts) can vouch for the input.
 */
export async function buildNewRecord(model: AnyModel, input: Record<string, unknown>, now: Date, collection: string): Promise<Doc> {
  const { version: _v, createdAt: _c, updatedAt: _u, ...fields } = input;
  return validateStored(model, { ...fields, version: 0, createdAt: now, updatedAt: now }, collection);
}

/**
 * Validates a complete stored document (an updated one, or one built for an upsert): casts it, applies defaults,
 * and returns the plain record to store. Throws {@link ValidationError}.
 */
export async function validateStored(model: AnyModel, record: Record<string, unknown>, collection: string): Promise<Doc> {
  const quick = fastCheckOf(model.schema)?.(record);
  if (quick) return quick as Doc;
  return plainOf(await validated(model, record, collection));
}

/** The plain stored record of a validated mongoose document (ObjectIds as hex strings, Maps as objects). */
export function plainOf(doc: StoreDocument): Doc {
  return toPlain(doc.toObject(TO_OBJECT)) as Doc;
}

async function validated(model: AnyModel, record: Record<string, unknown>, collection: string): Promise<StoreDocument> {
  let doc: StoreDocument;
  try {
    // strict: 'throw' makes the constructor itself throw for a field the schema does not have.
    doc = new model(record);
    await doc.validate();
  } catch (err) {
    const errors = fieldErrorsOf(err);
    if (errors) throw new ValidationError(collection, errors);
    throw err;
  }
  return doc;
}

/**
 * Mongoose's validation, cast and strict-mode errors as dotted-path field errors (sorted, so messages are stable);
 * null for any other error.
 */
export function fieldErrorsOf(err: unknown): FieldError[] | null {
  if (err instanceof mongoose.Error.ValidationError) {
    return Object.entries(err.errors)
      .map(([path, e]) => ({ path, message: messageOf(e) }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
  if (err instanceof mongoose.Error.CastError) return [{ path: err.path, message: messageOf(err) }];
  if (err instanceof mongoose.Error.StrictModeError) return [{ path: err.path, message: 'is not in the schema' }];
  return null;
}

function messageOf(err: { kind?: string; message: string }): string {
  // Cast messages embed the model name and the offending value; the kind ("Number", "Date") says enough.
  if (err instanceof mongoose.Error.CastError) return `must be a valid ${err.kind}`;
  return err.message;
}
