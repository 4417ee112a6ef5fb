/**
 * Request and response schemas for staff accounts and company API keys. Requests are strict objects (an unknown
 * field is a 400). Response schemas are plain JSON shapes (no transforms, dates as ISO strings) so the OpenAPI
 * document can be generated from them; none of them has a field for a stored digest, and only the two
 * "created" shapes carry the secret, which is why it is shown exactly once.
 */
import { z } from 'zod';
import { cursorParam, limitParam, pageSchema } from '../audit/listing.js';
import { objectId, text } from '../text.js';

export const STAFF_ROLES = ['admin', 'staff'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const userCreateSchema = z.strictObject({
  name: text(100),
  email: z.string().trim().toLowerCase().pipe(z.email('must be an e-mail address').max(254)).optional(),
  role: z.enum(STAFF_ROLES, { message: 'must be admin or staff' }),
});
export type UserCreate = z.output<typeof userCreateSchema>;

export const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().optional(),
  role: z.enum(STAFF_ROLES),
  disabled: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type UserView = z.output<typeof userSchema>;

export const userWithTokenSchema = userSchema.extend({
  token: z.string().describe('Bearer token of the account. Shown only in this response; store it now.'),
});

export const userPageSchema = pageSchema(userSchema);

export const pageQuerySchema = z.strictObject({ cursor: cursorParam, limit: limitParam });

export const idParamsSchema = z.strictObject({ id: objectId });
export const keyParamsSchema = z.strictObject({ id: objectId, keyId: objectId });

/** The body is optional altogether: `POST .../api-keys` without a body creates an unlabelled key. */
export const apiKeyCreateSchema = z.strictObject({ label: text(100).optional() }).optional();

export const apiKeySchema = z.object({
  id: z.string(),
  companyId: z.string(),
  prefix: z.string().describe('The first characters of the key, to tell keys apart; not enough to use it.'),
  label: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type ApiKeyView = z.output<typeof apiKeySchema>;

export const apiKeyCreatedSchema = apiKeySchema.extend({
  key: z.string().describe('The API key. Shown only in this response; store it now.'),
});

export const apiKeyListSchema = z.object({ items: z.array(apiKeySchema) });
