/**
 * Mongoose schema of the `apiKeys` collection: company API keys. Only the SHA-256 digest of a key is stored
 * (unique index: authentication is one exact-match lookup) plus its first characters as a label for people.
 * Revoked keys are kept, marked with `revokedAt`, so the record of who revoked what survives.
 */
import { defineSchema, type SchemaRegistry } from '../schema.js';

const SHA256_HEX = /^[0-9a-f]{64}$/;
const OBJECT_ID = /^[0-9a-f]{24}$/;

const apiKey = defineSchema({
  companyId: { type: String, required: true, match: OBJECT_ID },
  label: { type: String, maxlength: 100, default: null },
  /** The key's first characters (kind prefix + 8), shown in lists so a company can tell its keys apart. */
  prefix: { type: String, required: true, maxlength: 16 },
  keyHash: { type: String, required: true, match: SHA256_HEX },
  createdBy: { type: String, required: true, maxlength: 64 },
  revokedAt: { type: Date },
  revokedBy: { type: String, maxlength: 64 },
});
apiKey.index({ keyHash: 1 }, { unique: true });
apiKey.index({ companyId: 1, _id: 1 });

export const apiKeySchemas: SchemaRegistry = { apiKeys: apiKey };
