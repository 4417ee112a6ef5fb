/**
 * What domain services are built from: the ports (never an adapter) and a logger. The composition root
 * (server/runtime.ts) passes the adapters it picked.
 */
import type { Logger } from 'pino';
import type { JobQueue } from '../../jobs/queue/port.js';
import type { SearchIndex } from '../../matcher/index/port.js';
import type { DocumentStore } from '../store/port.js';
import type { ChangeFeed } from './matching/index-sync.js';

export interface DomainDeps {
  store: DocumentStore;
  search: SearchIndex;
  queue: JobQueue;
  logger: Logger;
  /** Told about every audited change (the search index sync); absent where nothing needs to know. */
  changes?: ChangeFeed;
}
