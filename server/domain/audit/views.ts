/** The audit entry as the API shows it (and as the OpenAPI document describes it). */
import { z } from 'zod';
import type { Stored } from '../../store/port.js';
import { pageSchema } from './listing.js';
import { ACTOR_ROLES, AUDIT_ACTIONS, AUDIT_ENTITIES, type AuditRecord } from './record.js';

export const auditEntrySchema = z
  .strictObject({
    id: z.string(),
    entity: z.enum(AUDIT_ENTITIES),
    entityId: z.string(),
    companyId: z.string().describe('The company the entity belongs to (the company itself for a company).'),
    action: z.enum(AUDIT_ACTIONS),
    actor: z.strictObject({
      role: z.enum(ACTOR_ROLES).describe('"system" for scheduled jobs such as posting expiry.'),
      id: z.string().describe('User, API key or job that made the change.'),
    }),
    at: z.iso.datetime(),
    changes: z.array(
      z.strictObject({
        field: z.string(),
        before: z.unknown().optional().describe('Absent when the field had no value.'),
        after: z.unknown().optional().describe('Absent when the field has no value any more.'),
      }),
    ),
  })
  .meta({ id: 'AuditEntry' });

export type AuditEntryView = z.output<typeof auditEntrySchema>;

export const auditPageSchema = pageSchema(auditEntrySchema).meta({ id: 'AuditPage' });

export function toAuditView(doc: Stored<AuditRecord>): AuditEntryView {
  return {
    id: doc._id,
    entity: doc.entity,
    entityId: doc.entityId,
    companyId: doc.companyId,
    action: doc.action,
    actor: { role: doc.actor.role, id: doc.actor.id },
    at: doc.at.toISOString(),
    changes: doc.changes.map((c) => {
      const change: AuditEntryView['changes'][number] = { field: c.field };
      if (c.before !== undefined) change.before = c.before;
      if (c.after !== undefined) change.after = c.after;
      return change;
    }),
  };
}
