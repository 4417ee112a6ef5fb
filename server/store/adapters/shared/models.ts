/**
 * One mongoose model per registered collection, on whatever owns them: a private `Mongoose` instance that never
 * connects (embedded adapter: models only validate and cast) or the mongoose adapter's own connection.
 */
import type { Schema } from 'mongoose';
import { InvalidQueryError } from '../../port.js';
import type { SchemaRegistry } from '../../schema.js';
import type { AnyModel } from './filter.js';

interface ModelOwner {
  model(name: string, schema: Schema, collection: string): unknown;
}

/** Collection names double as SQLite table names, so they are kept to identifier characters. */
const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;

export function buildModels(owner: ModelOwner, schemas: SchemaRegistry): Map<string, AnyModel> {
  const models = new Map<string, AnyModel>();
  for (const [name, schema] of Object.entries(schemas)) {
    if (!COLLECTION_NAME.test(name)) throw new InvalidQueryError(`invalid collection name "${name}"`);
    // The third argument pins the MongoDB collection name (mongoose would otherwise pluralise it).
    models.set(name, owner.model(name, schema, name) as AnyModel);
  }
  return models;
}

/** The model of a registered collection; an unregistered name is a programming error reported as a bad query. */
export function modelOf(models: Map<string, AnyModel>, name: string): AnyModel {
  const model = models.get(name);
  if (!model) throw new InvalidQueryError(`unknown collection "${name}" (not in the schema registry)`);
  return model;
}
