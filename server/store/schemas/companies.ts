/** Mongoose schema(s) of the companies collection(s). */
import type { SchemaRegistry } from '../schema.js';

export const companiesSchemas: SchemaRegistry = {};
