/**
 * Posting expiry: a repeat schedule adds a `postings.expire` job every minute, and the handler closes every open
 * or paused posting whose validUntil has passed (status "expired", audited as the system). The schedule is
 * (re)declared at every start, as the queue port intends, so it survives restarts and redeploys without piling
 * up duplicates.
 */
import { AuditLog } from '../../server/domain/audit/service.js';
import type { DomainDeps } from '../../server/domain/deps.js';
import {
  expireDuePostings,
  POSTINGS_EXPIRE_EVERY_MS,
  POSTINGS_EXPIRE_JOB,
  POSTINGS_EXPIRE_SCHEDULE,
} from '../../server/domain/postings/expiry.js';

export function registerPostingsExpiry(deps: DomainDeps): void {
  const { store, queue, logger } = deps;
  const audit = new AuditLog(deps);
  queue.process(POSTINGS_EXPIRE_JOB, async () => {
    const expired = await expireDuePostings(store, audit, new Date());
    if (expired > 0) logger.info({ expired }, 'postings expired');
    return { expired };
  });
  queue.schedule(POSTINGS_EXPIRE_SCHEDULE, POSTINGS_EXPIRE_JOB, { every: POSTINGS_EXPIRE_EVERY_MS }).catch((error: unknown) => {
    logger.error({ err: error }, 'could not schedule posting expiry; postings past validUntil stay open until the next start');
  });
}
