/**
 * Mongoose schema of the `companies` collection. The request schemas (server/domain/companies/schemas.ts) do the
 * user-facing validation; this one guards the stored shape for every writer (API, bulk import, seeds) and declares
 * the indexes both store adapters build.
 */
import { Schema } from 'mongoose';
import { defineSchema, type SchemaRegistry } from '../schema.js';

export const COMPANIES = 'companies';

const CONTACT_FIELDS: Readonly<Record<string, number>> = { name: 60, phone: 20, email: 254 };

/** An array of `{ name, phone?, email? }` with string values within their lengths. */
function isContactList(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length <= 20 &&
    value.every(
      (c: unknown) =>
        typeof c === 'object' &&
        c !== null &&
        typeof (c as { name?: unknown }).name === 'string' &&
        Object.entries(c).every(([key, v]) => CONTACT_FIELDS[key] !== undefined && typeof v === 'string' && v.length <= (CONTACT_FIELDS[key] ?? 0)),
    )
  );
}

const companies = defineSchema({
  name: { type: String, required: true, maxlength: 100, index: true },
  industries: { type: [String], default: [], index: true },
  description: { type: String, required: true, maxlength: 4000 },
  creditCode: { type: String, match: /^[0-9A-HJ-NP-RTUWXY]{18}$/ },
  employees: { type: Number, min: 1 },
  certifications: { type: [String], default: [] },
  park: { type: String, maxlength: 60, index: true },
  website: { type: String, maxlength: 300 },
  // Checked by one validator instead of a subdocument array: bulk imports of 10,000 companies validate each
  // document, and subdocuments would make that several times slower.
  contacts: {
    type: Schema.Types.Mixed,
    default: () => [],
    validate: { validator: isContactList, message: 'must be a list of at most 20 contacts { name, phone?, email? }' },
  },
  verified: { type: Boolean, default: false },
});
// A credit code names one registered entity; companies without one (not yet registered, foreign) are not indexed.
companies.index({ creditCode: 1 }, { unique: true, partialFilterExpression: { creditCode: { $exists: true } } });

export const companiesSchemas: SchemaRegistry = { [COMPANIES]: companies };
