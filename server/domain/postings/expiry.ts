/**
 * Closing postings whose validity has passed. Run every minute by a repeat schedule on the job queue; safe to run
 * twice at once or to repeat after a crash: each posting is switched with a conditional update that matches only
 * while it is still open or paused and due, so exactly one run changes it and writes its audit entry.
 */
import { trusted, type DocumentStore, type Filter } from '../../store/port.js';
import { SYSTEM_ACTOR, type AuditRecord } from '../audit/record.js';
import type { AuditLog } from '../audit/service.js';
import { postingsOf } from './model.js';

/** Job name and schedule id of the expiry run. */
export const POSTINGS_EXPIRE_JOB = 'postings.expire';
export const POSTINGS_EXPIRE_SCHEDULE = 'postings.expire.every-minute';
export const POSTINGS_EXPIRE_EVERY_MS = 60_000;

/** Postings read per round; a backlog (after downtime) is worked through in rounds of this size. */
const BATCH = 500;

function dueAt(now: Date): Filter {
  return { status: trusted({ $in: ['open', 'paused'] }), validUntil: trusted({ $lte: now }) };
}

/** Expires every open or paused posting whose validUntil is at or before `now`; returns how many it expired. */
export async function expireDuePostings(store: DocumentStore, audit: AuditLog, now: Date): Promise<number> {
  const postings = postingsOf(store);
  let expired = 0;
  for (;;) {
    const due = await postings.find(dueAt(now), { limit: BATCH });
    const entries: AuditRecord[] = [];
    for (const posting of due) {
      // Matching the status just read keeps the entry's "before" exact; a posting changed meanwhile waits a minute.
      const filter = { _id: posting._id, status: posting.status, validUntil: trusted({ $lte: now }) };
      const updated = await postings.updateOne(filter, { $set: { status: 'expired' } });
      if (!updated) continue; // changed meanwhile (paused, fulfilled, extended) or expired by a concurrent run
      entries.push({
        entity: 'posting',
        entityId: updated._id,
        companyId: updated.companyId,
        action: 'expire',
        actor: SYSTEM_ACTOR,
        at: updated.updatedAt,
        changes: [{ field: 'status', before: posting.status, after: 'expired' }],
      });
    }
    await audit.recordMany(entries);
    expired += entries.length;
    if (due.length < BATCH) return expired;
  }
}
