/** Mongoose schema(s) of the users collection(s). */
import type { SchemaRegistry } from '../schema.js';

export const usersSchemas: SchemaRegistry = {};
