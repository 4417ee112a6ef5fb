/**
 * JobQueue port: timed and heavy work (index sync, reminders, scheduling, live-session ticks).
 *
 * Delivery is at least once, so handlers must be idempotent. A `jobId` deduplicates: adding a job whose id
 * is already waiting, delayed or active is a no-op that returns the existing job. Two adapters implement it —
 * the inline in-process queue (persisted in the DocumentStore so delayed jobs survive a restart) and BullMQ
 * on Redis — and both pass `test/jobs/contract.ts`.
 */

export interface Backoff {
  type: 'fixed' | 'exponential';
  /** Base delay in milliseconds. */
  delay: number;
}

export interface AddOptions {
  /** Deduplication key; also the id `getJob` accepts. Must not contain ':'. */
  jobId?: string;
  /** Milliseconds to wait before the job becomes runnable. */
  delay?: number;
  /** Total tries including the first (default 1). */
  attempts?: number;
  backoff?: Backoff;
}

export interface RepeatOptions {
  /** Run every N milliseconds. */
  every?: number;
  /** Or on a cron pattern (5 or 6 fields). */
  cron?: string;
  /** IANA time zone for cron patterns (default Asia/Shanghai). */
  tz?: string;
  data?: unknown;
}

export type JobState = 'waiting' | 'delayed' | 'active' | 'completed' | 'failed';

export interface JobInfo {
  id: string;
  name: string;
  data: unknown;
  state: JobState;
  /** 0..100, or a handler-defined object. */
  progress: number | object;
  attemptsMade: number;
  result?: unknown;
  failedReason?: string;
  createdAt: Date;
  finishedAt?: Date;
}

/** What a handler gets for one run of a job. */
export interface JobContext<D = unknown> {
  id: string;
  name: string;
  data: D;
  /** Tries already made before this one. */
  attemptsMade: number;
  updateProgress(progress: number | object): Promise<void>;
}

export type JobHandler<D = unknown> = (job: JobContext<D>) => Promise<unknown>;

export interface ProcessOptions {
  /** Jobs of this name run at most this many at once in this process (default 1). */
  concurrency?: number;
}

export interface QueueHealth {
  adapter: string;
  reachable: boolean;
  detail?: string;
}

export interface JobQueue {
  readonly adapter: 'inline' | 'bullmq';
  add<D>(name: string, data: D, options?: AddOptions): Promise<{ id: string }>;
  /** Creates or replaces the repeat schedule `schedulerId`; each run adds a job named `name`. */
  schedule(schedulerId: string, name: string, repeat: RepeatOptions): Promise<void>;
  unschedule(schedulerId: string): Promise<void>;
  /** Registers the handler for jobs named `name`. Only processes that call this consume jobs. */
  process<D>(name: string, handler: JobHandler<D>, options?: ProcessOptions): void;
  getJob(id: string): Promise<JobInfo | null>;
  /** Removes a waiting or delayed job (e.g. a reminder that no longer applies). Returns false if absent or running. */
  remove(id: string): Promise<boolean>;
  ping(): Promise<QueueHealth>;
  /** Stops taking new jobs, waits for running ones to finish, releases connections. Idempotent. */
  close(): Promise<void>;
}

export class QueueError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The queue backend cannot be reached; HTTP callers answer 503 instead of hanging. */
export class QueueUnavailableError extends QueueError {}
