/**
 * Jobs of the session capability: schedule runs (one at a time per process: they are CPU-heavy), expiry of
 * unanswered meeting requests, and delivery of outbox messages (invitations, reminders, follow-ups). Each handler
 * is idempotent: a repeated delivery of a finished run, an expired request or a sent message does nothing.
 */
import type { DomainDeps } from '../../server/domain/deps.js';
import { OUTBOX_DELIVER_JOB } from '../../server/domain/outbox/service.js';
import type { Services } from '../../server/domain/services.js';
import { SCHEDULE_JOB, type ScheduleJobData } from '../../server/domain/sessions/agenda.js';
import { REQUEST_EXPIRE_JOB } from '../../server/domain/sessions/requests.js';

export function registerSessionJobs(deps: DomainDeps, services: Services): void {
  deps.queue.process<ScheduleJobData>(SCHEDULE_JOB, (job) => services.agenda.run(job), { concurrency: 1 });
  deps.queue.process<{ id: string }>(REQUEST_EXPIRE_JOB, async (job) => ({ expired: await services.requests.expire(job.data.id) }), { concurrency: 4 });
  deps.queue.process<{ id: string; jobId: string }>(OUTBOX_DELIVER_JOB, async (job) => ({ delivery: await services.outbox.deliver(job.data.id, job.data.jobId) }), { concurrency: 4 });
}
