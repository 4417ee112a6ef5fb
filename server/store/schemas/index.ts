/**
 * The product's collections and their mongoose schemas (single source of shape and validation for both
 * store adapters). Capabilities add their collections here.
 */
import type { SchemaRegistry } from '../schema.js';
import { apiKeySchemas } from './api-keys.js';
import { auditSchemas } from './audit.js';
import { companiesSchemas } from './companies.js';
import { postingsSchemas } from './postings.js';
import { seedRunSchemas } from './seed-runs.js';
import { sessionSchemas } from './sessions.js';
import { usersSchemas } from './users.js';

export const domainSchemas: SchemaRegistry = {
  ...companiesSchemas,
  ...postingsSchemas,
  ...auditSchemas,
  ...usersSchemas,
  ...apiKeySchemas,
  ...seedRunSchemas,
  ...sessionSchemas,
};
