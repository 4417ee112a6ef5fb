/**
 * Mongoose schemas are the single source of document shape, defaults, validation and indexes for both
 * DocumentStore adapters: the mongoose adapter hands them to MongoDB, the embedded adapter validates every
 * document with the same schema (a mongoose document validates without a connection) and builds its unique
 * indexes from `schema.indexes()`.
 */
import { Schema, Types, type SchemaDefinition } from 'mongoose';

/** Collection name → schema. The composition root passes one registry to whichever adapter it picks. */
export type SchemaRegistry = Readonly<Record<string, Schema>>;

/** A new time-ordered 24-hex id (MongoDB ObjectId layout), so `_id` order is creation order. */
export function newId(): string {
  return new Types.ObjectId().toHexString();
}

/**
 * Builds a collection schema with the fields every stored document has: a string `_id`, `version`
 * (optimistic concurrency), `createdAt` and `updatedAt`. Unknown fields are rejected (`strict: 'throw'`) rather
 * than silently dropped, so a typo in code surfaces as an error instead of lost data.
 */
export function defineSchema(definition: SchemaDefinition): Schema {
  return new Schema(
    {
      _id: { type: String, default: newId },
      version: { type: Number, default: 0, min: 0 },
      createdAt: { type: Date },
      updatedAt: { type: Date },
      ...definition,
    },
    {
      strict: 'throw',
      strictQuery: 'throw',
      versionKey: false,
      timestamps: false,
      minimize: false,
      id: false,
    },
  );
}
