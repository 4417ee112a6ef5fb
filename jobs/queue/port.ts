/**
 * JobQueue port: timed and heavy work (index sync, reminders, scheduling, live-session ticks).
 *
 * Delivery is at least once, so handlers must be idempotent. A `jobId` deduplicates: while a job with that id
 * exists — waiting, delayed, active, or kept as completed/failed until the adapter's retention drops it —
 * adding it again is a no-op that returns the existing id (BullMQ's own rule, which the inline adapter copies).
 * A jobId names one job across every job name: embed the name (`reminder.<session>.<slot>`) rather than
 * reusing an id under two names. Two adapters implement it — the inline in-process queue (persisted in the
 * DocumentStore so delayed jobs survive a restart) and BullMQ on Redis — and both pass `test/jobs/contract.ts`.
 *
 * Job names and ids: names match `[A-Za-z0-9][A-Za-z0-9._-]{0,99}`; ids are 1..200 characters, contain no ':'
 * and are not plain integers (BullMQ reserves those). Ids the queue generates itself (auto ids, schedule
 * occurrences such as `repeat:<schedulerId>:<ms>`) may look different; `getJob` and `remove` accept them.
 * Data, results and progress travel as JSON: dates become strings, `undefined` becomes null.
 */

export interface Backoff {
  type: 'fixed' | 'exponential';
  /** Base delay in milliseconds. */
  delay: number;
}

export interface AddOptions {
  /** Deduplication key; also the id `getJob` accepts. Must not contain ':' nor be a plain integer. */
  jobId?: string;
  /** Milliseconds to wait before the job becomes runnable. */
  delay?: number;
  /** Total tries including the first (default 1). */
  attempts?: number;
  /** Wait between tries: `fixed` waits `delay` every time; `exponential` waits `delay * 2^(n - 1)` after try n. */
  backoff?: Backoff;
  /**
   * Keep the job once it completed, readable by getJob for the completed-job retention period (default true).
   * False removes it on completion: for frequent jobs whose result nobody reads (index syncs), so they do not
   * pile up in the store or in Redis. Failed jobs are kept either way.
   */
  keepCompleted?: boolean;
}

/** Exactly one of `every` and `cron`. */
export interface RepeatOptions {
  /** Run every N milliseconds; the first run is immediate. */
  every?: number;
  /** Or on a cron pattern (5 fields, or 6 with leading seconds); the first run is at the next match. */
  cron?: string;
  /** IANA time zone for cron patterns (default Asia/Shanghai). */
  tz?: string;
  data?: unknown;
}

/** `delayed` covers both a job added with a delay and one waiting out its backoff before the next try. */
export type JobState = 'waiting' | 'delayed' | 'active' | 'completed' | 'failed';

export interface JobInfo {
  id: string;
  name: string;
  data: unknown;
  state: JobState;
  /** 0..100, or a handler-defined object. */
  progress: number | object;
  /** Tries that have ended (failed or completed). */
  attemptsMade: number;
  /** What the handler returned (absent when it returned nothing or null). */
  result?: unknown;
  /** Message of the last failed try, also kept when a later try succeeded. */
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
  /**
   * Stores a job and resolves once the backend acknowledged it (an acknowledged job is not lost).
   * Rejects with {@link InvalidJobError} for a bad name, id or option, {@link QueueUnavailableError} when the
   * backend cannot be reached (fast, without queueing the call), {@link QueueError} after `close()`.
   */
  add<D>(name: string, data: D, options?: AddOptions): Promise<{ id: string }>;
  /**
   * Creates or replaces the repeat schedule `schedulerId` (same id rules as a jobId); each run adds a job named
   * `name`. Schedules are stored in the backend, so they outlive the process; re-running the same call at every
   * start is the intended use.
   */
  schedule(schedulerId: string, name: string, repeat: RepeatOptions): Promise<void>;
  /** Deletes the schedule and its pending run; a run already in progress finishes. No-op when absent. */
  unschedule(schedulerId: string): Promise<void>;
  /**
   * Registers the handler for jobs named `name` (once per name). Only processes that call this consume jobs;
   * jobs of a name nobody handles stay waiting. A handler's rejection fails the try (then retries or fails
   * the job); it never crashes the process.
   */
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

/** A job name, id, schedule or option breaks the rules above; nothing was stored. A programming error. */
export class InvalidJobError extends QueueError {}
