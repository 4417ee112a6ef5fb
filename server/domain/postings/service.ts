/** Postings (needs and capabilities): create, read, update, delete, list, expiry — with authorisation and audit. */
import type { AuditLog } from '../audit/service.js';
import type { CompanyService } from '../companies/service.js';
import type { DomainDeps } from '../deps.js';

export class PostingService {
  constructor(
    readonly deps: DomainDeps,
    readonly audit: AuditLog,
    readonly companies: CompanyService,
  ) {}
}
