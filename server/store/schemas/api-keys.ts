/** Mongoose schema(s) of the api-keys collection(s). */
import type { SchemaRegistry } from '../schema.js';

export const apiKeySchemas: SchemaRegistry = {};
