/**
 * The product's collections and their mongoose schemas (single source of shape and validation for both
 * store adapters). Capabilities add their collections here.
 */
import type { SchemaRegistry } from '../schema.js';

export const domainSchemas: SchemaRegistry = {};
