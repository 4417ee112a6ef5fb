/** Translation between the port's vocabulary and BullMQ's. */
import type { Job, JobsOptions } from 'bullmq';
import type { AddOptions, JobInfo, JobState } from '../../port.js';
import { asProgress, type Retention } from '../shared/rules.js';

/** BullMQ ages are in seconds. */
export function retentionOptions(retention: Required<Retention>): Pick<JobsOptions, 'removeOnComplete' | 'removeOnFail'> {
  return {
    removeOnComplete: { age: Math.ceil(retention.completedMs / 1000) },
    removeOnFail: { age: Math.ceil(retention.failedMs / 1000) },
  };
}

export function toJobsOptions(id: string, options: AddOptions, retention: Required<Retention>): JobsOptions {
  return {
    jobId: id,
    ...(options.delay ? { delay: options.delay } : {}),
    attempts: options.attempts ?? 1,
    ...(options.backoff ? { backoff: { type: options.backoff.type, delay: options.backoff.delay } } : {}),
    ...retentionOptions(retention),
    ...(options.keepCompleted === false ? { removeOnComplete: true } : {}),
  };
}

/**
 * BullMQ has more states than the port: `prioritized` and `waiting-children` are kinds of waiting (this
 * adapter uses neither priorities nor flows, but a job could be put there by other tooling). `unknown` means
 * the job is gone (removed, or dropped by retention) — the port says null.
 */
export function toPortState(state: string): JobState | null {
  switch (state) {
    case 'waiting':
    case 'wait':
    case 'paused':
    case 'prioritized':
    case 'waiting-children':
      return 'waiting';
    case 'delayed':
    case 'active':
    case 'completed':
    case 'failed':
      return state;
    default:
      return null;
  }
}

export function toJobInfo(job: Job, state: JobState): JobInfo {
  const info: JobInfo = {
    id: String(job.id),
    name: job.name,
    data: job.data as unknown,
    state,
    progress: asProgress(job.progress),
    attemptsMade: job.attemptsMade,
    createdAt: new Date(job.timestamp),
  };
  // BullMQ stores an undefined return value as null; the port leaves `result` out in both cases.
  const result = job.returnvalue as unknown;
  if (state === 'completed' && result !== null && result !== undefined) info.result = result;
  if (job.failedReason) info.failedReason = job.failedReason;
  if (job.finishedOn) info.finishedAt = new Date(job.finishedOn);
  return info;
}
