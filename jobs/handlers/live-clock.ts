/**
 * The live clock's ticks (`live.tick`, one job per phase boundary). Registered by the processes that serve
 * Socket.IO, because a tick tells clients what happened; see LiveService for why repeated or stale ticks are safe.
 */
import type { DomainDeps } from '../../server/domain/deps.js';
import { LIVE_TICK_JOB, type LiveService, type LiveTick } from '../../server/domain/live/service.js';

export function registerLiveClock(deps: DomainDeps, live: LiveService): void {
  deps.queue.process<LiveTick>(LIVE_TICK_JOB, async (job) => ({ outcome: await live.tick(job.data) }), { concurrency: 4 });
}
