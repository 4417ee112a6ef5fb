/** Audit log of every change to a company or posting (who, when, what changed). */
import type { DomainDeps } from '../deps.js';

export class AuditLog {
  constructor(readonly deps: DomainDeps) {}
}
