/**
 * The company as the API shows it. Contacts are private to the bureau and the company itself (API3: responses
 * never carry fields the caller may not see); everything else is the public profile, the credit code included —
 * it is public registry data.
 */
import { z } from 'zod';
import type { Stored } from '../../store/port.js';
import { pageSchema } from '../audit/listing.js';
import type { CompanyRecord } from './model.js';

export const contactViewSchema = z
  .strictObject({ name: z.string(), phone: z.string().optional(), email: z.string().optional() })
  .meta({ id: 'Contact' });

export const companyViewSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    industries: z.array(z.string()).describe('GB/T 4754-2017 codes'),
    description: z.string(),
    creditCode: z.string().optional().describe('统一社会信用代码'),
    employees: z.int().optional(),
    certifications: z.array(z.string()),
    park: z.string().optional(),
    website: z.string().optional(),
    contacts: z.array(contactViewSchema).optional().describe('Only for the bureau and the company itself.'),
    verified: z.boolean().describe('Set by the bureau once it has checked the profile.'),
    version: z.int().describe('Also sent as the ETag; send it back in If-Match to update safely.'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Company' });

export type CompanyView = z.output<typeof companyViewSchema>;

export const companyPageSchema = pageSchema(companyViewSchema).meta({ id: 'CompanyPage' });

export function toCompanyView(doc: Stored<CompanyRecord>, withContacts: boolean): CompanyView {
  const view: CompanyView = {
    id: doc._id,
    name: doc.name,
    industries: [...doc.industries],
    description: doc.description,
    certifications: [...doc.certifications],
    verified: doc.verified,
    version: doc.version,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
  if (doc.creditCode !== undefined) view.creditCode = doc.creditCode;
  if (doc.employees !== undefined) view.employees = doc.employees;
  if (doc.park !== undefined) view.park = doc.park;
  if (doc.website !== undefined) view.website = doc.website;
  if (withContacts) {
    view.contacts = doc.contacts.map((c) => {
      const contact: NonNullable<CompanyView['contacts']>[number] = { name: c.name };
      if (c.phone !== undefined) contact.phone = c.phone;
      if (c.email !== undefined) contact.email = c.email;
      return contact;
    });
  }
  return view;
}
