/**
 * Search index sync: applies the changes the audit log reported (see server/domain/matching/index-sync.ts). The
 * job carries ids only and reads the records when it runs, so a retry or a late duplicate never writes stale data.
 */
import type { DomainDeps } from '../../server/domain/deps.js';
import { IndexSync, SEARCH_SYNC_JOB, type SearchSyncData } from '../../server/domain/matching/index-sync.js';
import { Matcher } from '../../matcher/ranking/matcher.js';

export function registerSearchSync(deps: DomainDeps): void {
  const { store, search, queue, logger } = deps;
  const matcher = new Matcher(search);
  const sync = new IndexSync(store, matcher);
  let ready: Promise<void> | undefined;
  queue.process<SearchSyncData>(
    SEARCH_SYNC_JOB,
    async (job) => {
      // Settings (filterable fields) must exist before the first write; once per process, retried on failure.
      ready ??= matcher.ensureIndex().catch((error: unknown) => {
        ready = undefined;
        throw error;
      });
      await ready;
      const result = await sync.apply(job.data);
      logger.debug({ ...result }, 'search index synced');
      return result;
    },
    // One at a time: two syncs of the same record racing could land the older read last.
    { concurrency: 1 },
  );
}
