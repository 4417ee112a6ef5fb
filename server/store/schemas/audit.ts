/**
 * Mongoose schema of the `audit` collection: one entry per change to a company or posting. Entries are only ever
 * inserted. `companyId` is the company the entity belongs to, so a company's history (its profile and its
 * postings) is one indexed query.
 */
import { Schema } from 'mongoose';
import { defineSchema, type SchemaRegistry } from '../schema.js';

export const AUDIT = 'audit';

const CHANGE_KEYS = new Set(['field', 'before', 'after']);

/** An array of `{ field, before?, after? }`; before and after are JSON values (dates already ISO strings). */
function isChangeList(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every(
      (c: unknown) =>
        typeof c === 'object' &&
        c !== null &&
        typeof (c as { field?: unknown }).field === 'string' &&
        Object.keys(c).every((key) => CHANGE_KEYS.has(key)),
    )
  );
}

const audit = defineSchema({
  entity: { type: String, required: true, enum: ['company', 'posting'] },
  entityId: { type: String, required: true, index: true },
  companyId: { type: String, required: true, index: true },
  action: { type: String, required: true, enum: ['create', 'update', 'delete', 'expire'] },
  actor: {
    role: { type: String, required: true, enum: ['admin', 'staff', 'company', 'participant', 'system'] },
    id: { type: String, required: true },
  },
  at: { type: Date, required: true, index: true },
  // One validator rather than subdocuments: entries are written in bulk (imports, cascades, expiry runs).
  changes: {
    type: Schema.Types.Mixed,
    default: () => [],
    validate: { validator: isChangeList, message: 'must be a list of { field, before?, after? }' },
  },
});
audit.index({ 'actor.id': 1 });

export const auditSchemas: SchemaRegistry = { [AUDIT]: audit };
