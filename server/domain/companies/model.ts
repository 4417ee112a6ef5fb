/** The stored company record and its collection. */
import type { Collection, DocumentStore } from '../../store/port.js';
import { COMPANIES } from '../../store/schemas/companies.js';
import type { Contact } from './schemas.js';

export interface CompanyRecord {
  name: string;
  industries: string[];
  description: string;
  creditCode?: string;
  employees?: number;
  certifications: string[];
  park?: string;
  website?: string;
  contacts: Contact[];
  verified: boolean;
}

/** Fields a change can touch, in the order the audit log lists them. */
export const COMPANY_FIELDS = [
  'name',
  'industries',
  'description',
  'creditCode',
  'employees',
  'certifications',
  'park',
  'website',
  'contacts',
  'verified',
] as const satisfies readonly (keyof CompanyRecord)[];

export function companiesOf(store: DocumentStore): Collection<CompanyRecord> {
  return store.collection<CompanyRecord>(COMPANIES);
}
