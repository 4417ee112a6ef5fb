/**
 * Request schemas for postings (what a company can supply — a capability — or must buy / is looking for — a need).
 * Shared by the API, the bulk import and the seed loader; the OpenAPI document is generated from them.
 */
import { z } from 'zod';
import { industryCodes } from '../industries/codes.js';
import { labels, objectId, text } from '../text.js';

export const POSTING_KINDS = ['need', 'capability'] as const;
export const POSTING_STATUSES = ['open', 'paused', 'fulfilled', 'expired'] as const;
export type PostingKind = (typeof POSTING_KINDS)[number];
export type PostingStatus = (typeof POSTING_STATUSES)[number];

export const quantitySchema = z.strictObject({
  amount: z.number('must be a number').positive('must be greater than 0').max(1e12),
  unit: text(20),
});

/** An ISO 8601 date or date-time; stored as a Date. */
export const dateInput = z.union([z.iso.datetime({ offset: true }), z.iso.date()], 'must be an ISO 8601 date or date-time').transform((s) => new Date(s));

export const postingCreateSchema = z.strictObject({
  /** Optional for a company key (its own company); required for the bureau. */
  companyId: objectId.optional(),
  kind: z.enum(POSTING_KINDS, 'must be "need" or "capability"'),
  title: text(120),
  description: text(4000),
  tags: labels(20, 30).optional(),
  industries: industryCodes(10).optional(),
  quantity: quantitySchema.optional(),
  certificationsRequired: labels(20, 60).optional(),
  validUntil: dateInput.optional(),
});

/**
 * PATCH body. `companyId` and `kind` are fixed at creation. `status` accepts the transitions a client may make
 * (open ⇄ paused, → fulfilled; the bureau may reopen); `expired` is set only by the expiry job.
 */
export const postingPatchSchema = postingCreateSchema
  .omit({ companyId: true, kind: true })
  .partial()
  .extend({ status: z.enum(['open', 'paused', 'fulfilled'], 'must be open, paused or fulfilled').optional() })
  .strict();

export type PostingCreate = z.output<typeof postingCreateSchema>;
export type PostingPatch = z.output<typeof postingPatchSchema>;
