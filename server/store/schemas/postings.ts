/**
 * Mongoose schema of the `postings` collection (needs and capabilities). Indexes serve the lists (by company,
 * status, kind, industry) and the expiry job (status + validUntil).
 */
import { Schema } from 'mongoose';
import { defineSchema, type SchemaRegistry } from '../schema.js';

export const POSTINGS = 'postings';

const quantity = new Schema(
  {
    amount: { type: Number, required: true, min: 0 },
    unit: { type: String, required: true, maxlength: 20 },
  },
  { _id: false, strict: 'throw' },
);

const postings = defineSchema({
  companyId: { type: String, required: true, match: /^[0-9a-f]{24}$/, index: true },
  kind: { type: String, required: true, enum: ['need', 'capability'], index: true },
  title: { type: String, required: true, maxlength: 120 },
  description: { type: String, required: true, maxlength: 4000 },
  tags: { type: [String], default: [] },
  industries: { type: [String], default: [], index: true },
  quantity: { type: quantity },
  certificationsRequired: { type: [String], default: [] },
  validUntil: { type: Date, index: true },
  status: { type: String, required: true, enum: ['open', 'paused', 'fulfilled', 'expired'], default: 'open', index: true },
});
// What the expiry job asks every minute: live postings whose validity has passed.
postings.index({ status: 1, validUntil: 1 });

export const postingsSchemas: SchemaRegistry = { [POSTINGS]: postings };
