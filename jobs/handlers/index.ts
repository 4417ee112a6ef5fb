/**
 * Registers every job handler on the queue. Both `npm start` (role all) and `npm run worker` call this, so a
 * job is handled the same way whichever process picks it up. Each capability adds its handlers here; handlers
 * must be idempotent because delivery is at least once.
 */
import type { DomainDeps } from '../../server/domain/deps.js';
import { createServices, type Services } from '../../server/domain/services.js';
import { registerPostingsExpiry } from './postings-expiry.js';
import { registerSearchSync } from './search-sync.js';
import { registerSessionJobs } from './sessions.js';

/** What handlers are built from: the domain's dependencies (ports, logger and the change feed). */
export type JobDependencies = DomainDeps;

/** Handlers get the ports and the process's domain services (built once, shared with the HTTP side). */
export type JobRegistration = (deps: JobDependencies, services: Services) => void;

/** Capabilities contribute their registrations to this list. */
const registrations: JobRegistration[] = [registerPostingsExpiry, registerSearchSync, registerSessionJobs];

export function registerJobHandlers(deps: JobDependencies, services: Services = createServices(deps)): number {
  for (const register of registrations) register(deps, services);
  return registrations.length;
}
