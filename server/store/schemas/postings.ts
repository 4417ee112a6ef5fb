/** Mongoose schema(s) of the postings collection(s). */
import type { SchemaRegistry } from '../schema.js';

export const postingsSchemas: SchemaRegistry = {};
