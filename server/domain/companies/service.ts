/** Companies: create, read, update, delete, list — with object-level authorisation and audit. */
import type { AuditLog } from '../audit/service.js';
import type { DomainDeps } from '../deps.js';

export class CompanyService {
  constructor(
    readonly deps: DomainDeps,
    readonly audit: AuditLog,
  ) {}
}
