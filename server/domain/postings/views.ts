/** The posting as the API shows it (and as the OpenAPI document describes it). */
import { z } from 'zod';
import type { Stored } from '../../store/port.js';
import { pageSchema } from '../audit/listing.js';
import type { PostingRecord } from './model.js';
import { POSTING_KINDS, POSTING_STATUSES } from './schemas.js';

export const postingViewSchema = z
  .strictObject({
    id: z.string(),
    companyId: z.string(),
    companyName: z.string(),
    kind: z.enum(POSTING_KINDS).describe('"need": what the company must buy or seeks; "capability": what it can supply.'),
    title: z.string(),
    description: z.string(),
    tags: z.array(z.string()),
    industries: z.array(z.string()).describe('GB/T 4754-2017 codes'),
    quantity: z.strictObject({ amount: z.number(), unit: z.string() }).optional(),
    certificationsRequired: z.array(z.string()),
    validUntil: z.iso.datetime().optional().describe('After this instant the posting expires (status "expired").'),
    status: z.enum(POSTING_STATUSES),
    version: z.int().describe('Also sent as the ETag; send it back in If-Match to update safely.'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Posting' });

export type PostingView = z.output<typeof postingViewSchema>;

export const postingPageSchema = pageSchema(postingViewSchema).meta({ id: 'PostingPage' });

export function toPostingView(doc: Stored<PostingRecord>, companyName: string): PostingView {
  const view: PostingView = {
    id: doc._id,
    companyId: doc.companyId,
    companyName,
    kind: doc.kind,
    title: doc.title,
    description: doc.description,
    tags: [...doc.tags],
    industries: [...doc.industries],
    certificationsRequired: [...doc.certificationsRequired],
    status: doc.status,
    version: doc.version,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
  if (doc.quantity !== undefined) view.quantity = { amount: doc.quantity.amount, unit: doc.quantity.unit };
  if (doc.validUntil !== undefined) view.validUntil = doc.validUntil.toISOString();
  return view;
}
