/**
 * Request schemas for companies: the single definition that validates the API, the bulk import and the seed
 * loader, and that the OpenAPI document is generated from. Strict objects: an unknown field is a 400, which is
 * what stops mass assignment of `id`, `createdAt`, `verified` and the like.
 */
import { z } from 'zod';
import { industryCodes } from '../industries/codes.js';
import { labels, text } from '../text.js';
import { isValidCreditCode } from './credit-code.js';

export const contactSchema = z.strictObject({
  name: text(60),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 -]{4,19}$/, 'must be a phone number of digits, spaces and dashes')
    .optional(),
  email: z.string().trim().toLowerCase().pipe(z.email('must be an e-mail address').max(254)).optional(),
});

export const creditCodeSchema = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .refine(isValidCreditCode, { message: 'must be an 18-character unified social credit code with a valid check character' });

export const companyCreateSchema = z.strictObject({
  name: text(100),
  industries: industryCodes(10).refine((codes) => codes.length > 0, { message: 'must name at least one industry' }),
  description: text(4000),
  creditCode: creditCodeSchema.optional(),
  employees: z.int('must be a whole number').min(1).max(2_000_000).optional(),
  certifications: labels(30, 60).optional(),
  park: text(60).optional(),
  website: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(300).optional(),
  contacts: z.array(contactSchema).max(20, 'must have at most 20 contacts').optional(),
});

/** PATCH body: any subset of the create fields; `verified` is accepted from the bureau only (checked by the service). */
export const companyPatchSchema = companyCreateSchema.partial().extend({ verified: z.boolean().optional() }).strict();

export type CompanyCreate = z.output<typeof companyCreateSchema>;
export type CompanyPatch = z.output<typeof companyPatchSchema>;
export type Contact = z.output<typeof contactSchema>;
