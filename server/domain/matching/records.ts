/** Store records → what the matcher indexes and ranks. */
import type { MatchableCompany, MatchablePosting } from '../../../matcher/ranking/documents.js';
import type { Stored } from '../../store/port.js';
import type { CompanyRecord } from '../companies/model.js';
import type { PostingRecord } from '../postings/model.js';

export function matchableCompany(doc: Stored<CompanyRecord>): MatchableCompany {
  return {
    id: doc._id,
    name: doc.name,
    industries: doc.industries,
    description: doc.description,
    certifications: doc.certifications,
    park: doc.park,
    employees: doc.employees,
    updatedAt: doc.updatedAt,
  };
}

export function matchablePosting(doc: Stored<PostingRecord>): MatchablePosting {
  return {
    id: doc._id,
    companyId: doc.companyId,
    kind: doc.kind,
    status: doc.status,
    title: doc.title,
    description: doc.description,
    tags: doc.tags,
    industries: doc.industries,
    certificationsRequired: doc.certificationsRequired,
    quantity: doc.quantity,
    validUntil: doc.validUntil,
    updatedAt: doc.updatedAt,
  };
}
