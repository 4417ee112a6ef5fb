/**
 * Mongoose schema of the `users` collection: bureau staff accounts. The bearer token itself is never stored, only
 * its SHA-256 digest, behind a unique index so that authentication is one exact-match lookup.
 */
import { defineSchema, type SchemaRegistry } from '../schema.js';

const SHA256_HEX = /^[0-9a-f]{64}$/;

const user = defineSchema({
  name: { type: String, required: true, maxlength: 100 },
  email: { type: String, maxlength: 254 },
  role: { type: String, required: true, enum: ['admin', 'staff'] },
  tokenHash: { type: String, required: true, match: SHA256_HEX },
  /** Id of the principal that created the account ('admin' for the bootstrap administrator). */
  createdBy: { type: String, required: true, maxlength: 64 },
  tokenRotatedAt: { type: Date },
  /** Set once the account is disabled; a disabled account's token no longer authenticates. */
  disabledAt: { type: Date },
  disabledBy: { type: String, maxlength: 64 },
});
user.index({ tokenHash: 1 }, { unique: true });

export const usersSchemas: SchemaRegistry = { users: user };
