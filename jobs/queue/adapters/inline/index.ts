/**
 * Inline adapter of the JobQueue port (embedded mode: one process, no Redis). Jobs run in this process and are
 * persisted through the DocumentStore port, so delayed jobs, retries and schedules survive a restart.
 */
import { pino, type Logger } from 'pino';
import type { DocumentStore } from '../../../../server/store/port.js';
import type { SchemaRegistry } from '../../../../server/store/schema.js';
import { DEFAULT_RETENTION, type Retention } from '../shared/rules.js';
import { InlineJobQueue } from './queue.js';
import { inlineJobSchemasFor } from './schema.js';

export type { InlineJobQueue } from './queue.js';
export { inlineJobSchemasFor } from './schema.js';

export interface InlineQueueOptions {
  store: DocumentStore;
  /** Collection of the jobs (default 'jobs'); schedules go to `<collection>_schedules`. Both need their
   * schemas in the store's registry: {@link inlineJobSchemas}, or {@link inlineJobSchemasFor} for another name. */
  collection?: string;
  logger?: Logger;
  /** Safety-net rescan for due jobs, in case a wake-up was missed (e.g. the store failed once). Default 5000. */
  pollIntervalMs?: number;
  retention?: Retention;
  /** Times a job may be found interrupted by a dying process and run again before it fails (BullMQ's
   * maxStalledCount; default 1). */
  maxStalledCount?: number;
}

/** The schemas of the default `jobs` collection and its schedules; the composition root merges them in. */
export const inlineJobSchemas: SchemaRegistry = inlineJobSchemasFor('jobs');

export function createInlineQueue(options: InlineQueueOptions): InlineJobQueue {
  return new InlineJobQueue({
    store: options.store,
    collection: options.collection ?? 'jobs',
    logger: options.logger ?? pino({ enabled: false }),
    pollIntervalMs: options.pollIntervalMs ?? 5000,
    retention: { ...DEFAULT_RETENTION, ...options.retention },
    maxStalledCount: options.maxStalledCount ?? 1,
  });
}
