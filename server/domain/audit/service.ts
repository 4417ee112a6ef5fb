/**
 * Audit log of every change to a company or posting: who (principal role and id, or the system for scheduled
 * jobs), when, what (create / update / delete / expire) and, per changed field, the value before and after.
 *
 * Entries are written right after the change they describe. The two writes are not one transaction (the store
 * port has none across collections); writing the entry second means a crash can lose an entry but never invent
 * one for a change that did not happen. The entries go to the change feed (search index sync) as they are written,
 * so every audited change reaches the index and nothing else has to remember to tell it. The feed is told while
 * the entry is being written rather than after: the change it reports is already stored, the sync job reads the
 * store's current state whatever it is told, and the request then waits for one round of writes instead of two.
 */
import type { Collection, Filter } from '../../store/port.js';
import { AUDIT } from '../../store/schemas/audit.js';
import type { DomainDeps } from '../deps.js';
import { allOf, pageOf, type PageRequest } from './listing.js';
import type { AuditEntity, AuditRecord } from './record.js';
import { toAuditView, type AuditEntryView } from './views.js';

export interface AuditQuery extends PageRequest {
  entity?: AuditEntity | undefined;
  entityId?: string | undefined;
  /** Actor id (`admin`, a user or key id, `system`). */
  actor?: string | undefined;
  companyId?: string | undefined;
}

export class AuditLog {
  constructor(readonly deps: DomainDeps) {}

  private get entries(): Collection<AuditRecord> {
    return this.deps.store.collection<AuditRecord>(AUDIT);
  }

  /** Records one change. */
  async record(entry: AuditRecord): Promise<void> {
    await Promise.all([this.entries.insertOne(entry), this.deps.changes?.changed([entry])]);
  }

  /** Records many changes in one write (bulk imports, cascading deletes, expiry runs). */
  async recordMany(entries: AuditRecord[]): Promise<void> {
    if (entries.length === 0) return;
    await Promise.all([this.entries.insertMany(entries), this.deps.changes?.changed(entries)]);
  }

  /** Entries in the order they were written, filtered by the given fields. */
  async list(query: AuditQuery): Promise<{ items: AuditEntryView[]; nextCursor: string | null }> {
    const conditions: Filter[] = [];
    if (query.entity !== undefined) conditions.push({ entity: query.entity });
    if (query.entityId !== undefined) conditions.push({ entityId: query.entityId });
    if (query.actor !== undefined) conditions.push({ 'actor.id': query.actor });
    if (query.companyId !== undefined) conditions.push({ companyId: query.companyId });
    const page = await pageOf(this.entries, allOf(conditions), query);
    return { items: page.items.map(toAuditView), nextCursor: page.nextCursor };
  }
}

export { SYSTEM_ACTOR, actorOf, type AuditAction, type AuditActor, type AuditEntity, type AuditRecord } from './record.js';
