/** The shape of one stored audit entry, and who can appear as its actor. */
import type { Principal } from '../../http/auth.js';
import type { FieldChange } from './changes.js';

export const AUDIT_ENTITIES = ['company', 'posting'] as const;
export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'expire'] as const;
export const ACTOR_ROLES = ['admin', 'staff', 'company', 'participant', 'system'] as const;

export type AuditEntity = (typeof AUDIT_ENTITIES)[number];
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditActor {
  role: (typeof ACTOR_ROLES)[number];
  id: string;
}

/** Scheduled jobs (posting expiry) act as this. */
export const SYSTEM_ACTOR: AuditActor = Object.freeze({ role: 'system', id: 'system' });

export function actorOf(principal: Principal): AuditActor {
  return { role: principal.role, id: principal.id };
}

export interface AuditRecord {
  entity: AuditEntity;
  entityId: string;
  /** The company the entity belongs to (the company itself for a company). */
  companyId: string;
  action: AuditAction;
  actor: AuditActor;
  at: Date;
  changes: FieldChange[];
}
