/**
 * GET /api/v1/health: 200 when every dependency answers, 503 when one does not. Each dependency names its
 * adapter, so an operator sees at a glance whether a node runs embedded or on MongoDB/Meilisearch/Redis.
 * Probes are bounded by a timeout so a hung dependency makes the check fail, not hang.
 */
import { Router } from 'express';

export interface DependencyStatus {
  adapter: string;
  reachable: boolean;
  detail?: string;
}

/** What every port offers for health checks (DocumentStore, SearchIndex and JobQueue all do). */
export interface Pingable {
  readonly adapter: string;
  ping(): Promise<DependencyStatus>;
}

export interface HealthProbes {
  store: Pingable;
  search: Pingable;
  queue: Pingable;
}

async function runProbe(target: Pingable, timeoutMs: number): Promise<DependencyStatus> {
  let timer: NodeJS.Timeout | undefined;
  const down = (detail: string): DependencyStatus => ({ adapter: target.adapter, reachable: false, detail });
  const timeout = new Promise<DependencyStatus>((resolve) => {
    timer = setTimeout(() => resolve(down(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const answer = target.ping().catch((error: unknown) => down(error instanceof Error ? error.message : String(error)));
    return await Promise.race([answer, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function healthRouter(version: string, probes: HealthProbes, timeoutMs = 2000): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const [store, search, queue] = await Promise.all([probes.store, probes.search, probes.queue].map((p) => runProbe(p, timeoutMs)));
    const ok = [store, search, queue].every((d) => d?.reachable);
    res.status(ok ? 200 : 503).set('Cache-Control', 'no-store').json({ status: ok ? 'ok' : 'unavailable', version, store, search, queue });
  });
  return router;
}
