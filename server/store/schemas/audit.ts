/** Mongoose schema(s) of the audit collection(s). */
import type { SchemaRegistry } from '../schema.js';

export const auditSchemas: SchemaRegistry = {};
