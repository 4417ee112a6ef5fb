/**
 * Registers every job handler on the queue. Both `npm start` (role all) and `npm run worker` call this, so a
 * job is handled the same way whichever process picks it up. Each capability adds its handlers here; handlers
 * must be idempotent because delivery is at least once.
 */
import type { Logger } from 'pino';
import type { JobQueue } from '../queue/port.js';
import type { DocumentStore } from '../../server/store/port.js';
import type { SearchIndex } from '../../matcher/index/port.js';
import { registerPostingsExpiry } from './postings-expiry.js';

export interface JobDependencies {
  store: DocumentStore;
  search: SearchIndex;
  queue: JobQueue;
  logger: Logger;
}

export type JobRegistration = (deps: JobDependencies) => void;

/** Capabilities contribute their registrations to this list. */
const registrations: JobRegistration[] = [registerPostingsExpiry];

export function registerJobHandlers(deps: JobDependencies): number {
  for (const register of registrations) register(deps);
  return registrations.length;
}
