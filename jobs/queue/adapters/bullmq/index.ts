/**
 * BullMQ adapter of the JobQueue port (production: several server and worker processes over one Redis).
 *
 * One BullMQ queue — and, in processes that handle it, one Worker — per job name (`<queueName>.<jobName>`),
 * rather than one queue whose single worker dispatches by name:
 *  - a process consumes exactly the names it registered (a BullMQ worker takes every job of its queue, so with
 *    one shared queue a process would have to take, and then bounce, jobs it cannot handle);
 *  - `concurrency` is per name, as the port promises, and a burst of slow jobs (an index rebuild) never holds
 *    the slots that short, time-critical ones (live-session ticks) need.
 * The price: a job id alone does not say which queue holds it, so the names ever used are kept in a Redis set
 * (`<prefix>:<queueName>:names`) and getJob/remove look the id up in all of them with one pipelined EXISTS.
 *
 * Connections: one producer connection shared by every per-name Queue (offline queue off: fail fast, see
 * connection.ts); each Worker gets its own connections from BullMQ (`maxRetriesPerRequest: null`, as BullMQ
 * requires for its blocking commands, so workers ride out a Redis restart and carry on).
 */
import { randomUUID } from 'node:crypto';
import { Queue, Worker, type Job } from 'bullmq';
import { pino, type Logger } from 'pino';
import {
  QueueError,
  QueueUnavailableError,
  type AddOptions,
  type JobContext,
  type JobHandler,
  type JobInfo,
  type JobQueue,
  type ProcessOptions,
  type QueueHealth,
  type RepeatOptions,
} from '../../port.js';
import {
  DEFAULT_RETENTION,
  assertAddOptions,
  assertJobId,
  assertJobName,
  assertRepeat,
  toError,
  toJsonValue,
  type Retention,
} from '../shared/rules.js';
import { Producer, isConnectionError, timedPing } from './connection.js';
import { retentionOptions, toJobInfo, toJobsOptions, toPortState } from './mapping.js';

export interface BullmqWorkerOptions {
  /** How long a running job's lock lives; renewed every half of it. A dead worker's job is recovered after
   * roughly lockDuration + stalledInterval (BullMQ default 30 s each). */
  lockDuration?: number;
  /** How often workers look for jobs whose lock expired (BullMQ default 30 s). */
  stalledInterval?: number;
  /** How many times a job may be recovered that way before it fails (BullMQ default 1). */
  maxStalledCount?: number;
}

export interface BullmqQueueOptions {
  /** redis://[user:password@]host:port[/db] */
  url: string;
  /** Namespace of this application's queues; each job name gets `<queueName>.<name>`. Default 'zonematch'. */
  queueName?: string;
  /** Redis key prefix (BullMQ default 'bull'). */
  prefix?: string;
  logger?: Logger;
  workerOptions?: BullmqWorkerOptions;
  retention?: Retention;
  /** Longest an add/getJob/remove/schedule may wait on Redis before QueueUnavailableError. Default 3000 ms. */
  commandTimeoutMs?: number;
}

export function createBullmqQueue(options: BullmqQueueOptions): JobQueue {
  return new BullmqJobQueue(options);
}

const PING_TIMEOUT_MS = 1000;

class BullmqJobQueue implements JobQueue {
  readonly adapter = 'bullmq' as const;
  private readonly queueName: string;
  private readonly prefix: string;
  private readonly logger: Logger;
  private readonly retention: Required<Retention>;
  private readonly producer: Producer;
  private readonly namesKey: string;
  private readonly queues = new Map<string, Queue>();
  private readonly workers = new Map<string, Worker>();
  /** Handler runs in progress in this process, so close() can wait for them whatever state Redis is in. */
  private readonly running = new Set<Promise<unknown>>();
  /** Names this process already put in the names set (saves a round trip per add). */
  private readonly recorded = new Set<string>();
  private readonly commandTimeoutMs: number;
  private closing: Promise<void> | null = null;

  constructor(private readonly options: BullmqQueueOptions) {
    this.queueName = options.queueName ?? 'zonematch';
    if (this.queueName.includes(':')) throw new QueueError('queueName must not contain ":"');
    this.prefix = options.prefix ?? 'bull';
    this.logger = options.logger ?? pino({ enabled: false });
    this.retention = { ...DEFAULT_RETENTION, ...options.retention };
    this.namesKey = `${this.prefix}:${this.queueName}:names`;
    this.commandTimeoutMs = options.commandTimeoutMs ?? 3000;
    this.producer = new Producer({ url: options.url, commandTimeoutMs: this.commandTimeoutMs, logger: this.logger });
  }

  async add<D>(name: string, data: D, options: AddOptions = {}): Promise<{ id: string }> {
    this.assertOpen();
    assertJobName(name);
    assertAddOptions(options);
    const payload = toJsonValue(data, 'job data');
    // BullMQ's own ids are per-queue counters, which would collide across the per-name queues.
    const id = options.jobId ?? randomUUID();
    await this.guard(async () => {
      await this.recordName(name);
      await this.queueFor(name).add(name, payload, toJobsOptions(id, options, this.retention));
    });
    return { id };
  }

  async schedule(schedulerId: string, name: string, repeat: RepeatOptions): Promise<void> {
    this.assertOpen();
    assertJobId(schedulerId, 'schedulerId');
    assertJobName(name);
    const tz = assertRepeat(repeat);
    const data = toJsonValue(repeat.data, 'schedule data');
    await this.guard(async () => {
      await this.recordName(name);
      // A scheduler lives in its name's queue: if this id used to produce another name, drop that one.
      const others = (await this.allNames()).filter((other) => other !== name);
      await Promise.all(others.map((other) => this.queueFor(other).removeJobScheduler(schedulerId)));
      const every = repeat.every;
      await this.queueFor(name).upsertJobScheduler(
        schedulerId,
        every !== undefined ? { every } : { pattern: repeat.cron, tz },
        { name, data, opts: retentionOptions(this.retention) },
      );
    });
  }

  async unschedule(schedulerId: string): Promise<void> {
    this.assertOpen();
    await this.guard(async () => {
      const names = await this.allNames();
      // removeJobScheduler also deletes the scheduler's pending (delayed) run.
      await Promise.all(names.map((name) => this.queueFor(name).removeJobScheduler(schedulerId)));
    });
  }

  process<D>(name: string, handler: JobHandler<D>, options: ProcessOptions = {}): void {
    this.assertOpen();
    assertJobName(name);
    if (this.workers.has(name)) throw new QueueError(`a handler for ${name} is already registered`);
    const tuning = this.options.workerOptions ?? {};
    const worker = new Worker(this.bullName(name), (job: Job) => this.track(runHandler(job, handler)), {
      connection: { url: this.options.url, maxRetriesPerRequest: null },
      prefix: this.prefix,
      concurrency: options.concurrency ?? 1,
      ...(tuning.lockDuration !== undefined ? { lockDuration: tuning.lockDuration } : {}),
      ...(tuning.stalledInterval !== undefined ? { stalledInterval: tuning.stalledInterval } : {}),
      ...(tuning.maxStalledCount !== undefined ? { maxStalledCount: tuning.maxStalledCount } : {}),
    });
    const log = this.logger.child({ job: name });
    // An 'error' event without a listener would throw and take the process down.
    worker.on('error', (error) => log.warn({ err: error }, 'job queue: worker error'));
    worker.on('failed', (job, error) => {
      log.warn({ jobId: job?.id, attemptsMade: job?.attemptsMade, err: error }, 'job queue: job try failed');
    });
    worker.on('stalled', (jobId) => log.warn({ jobId }, 'job queue: job stalled (its worker died?); running it again'));
    this.workers.set(name, worker);
  }

  async getJob(id: string): Promise<JobInfo | null> {
    this.assertOpen();
    return this.guard(async () => {
      const name = await this.locate(id);
      if (name === null) return null;
      const queue = this.queueFor(name);
      // The job hash and its state are two reads; a job moving on in between (a retry failing, say) would give
      // a torn answer such as "failed" with the previous try's reason. Accept a read only when the state is the
      // same before and after the hash was read.
      for (let tries = 0; ; tries++) {
        const before = await queue.getJobState(id);
        const job = await queue.getJob(id);
        if (!job) return null;
        const after = await job.getState();
        if (before === after || tries === 4) {
          const state = toPortState(after);
          return state === null ? null : toJobInfo(job, state);
        }
      }
    });
  }

  async remove(id: string): Promise<boolean> {
    this.assertOpen();
    return this.guard(async () => {
      const name = await this.locate(id);
      if (name === null) return false;
      const queue = this.queueFor(name);
      const job = await queue.getJob(id);
      if (!job) return false;
      const state = toPortState(await job.getState());
      if (state !== 'waiting' && state !== 'delayed') return false;
      try {
        return (await queue.remove(id)) === 1;
      } catch (error) {
        // It became active in between: a worker holds its lock, and the port says running jobs stay.
        if (error instanceof Error && /locked/.test(error.message)) return false;
        throw error;
      }
    });
  }

  async ping(): Promise<QueueHealth> {
    if (this.closing) return { adapter: this.adapter, reachable: false, detail: 'closed' };
    const unavailable = await this.producer.unavailable(PING_TIMEOUT_MS);
    if (unavailable !== null) return { adapter: this.adapter, reachable: false, detail: unavailable };
    try {
      const ms = await timedPing(this.producer.client, PING_TIMEOUT_MS);
      return { adapter: this.adapter, reachable: true, detail: `PONG in ${ms} ms` };
    } catch (error) {
      return { adapter: this.adapter, reachable: false, detail: toError(error).message };
    }
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    const workers = [...this.workers.values()];
    if (this.producer.status === 'ready') {
      // Worker.close() stops fetching, waits for the jobs it runs and records their outcome in Redis.
      await settleAll(workers.map((worker) => worker.close()), this.logger, 'worker');
    } else {
      // With Redis away a graceful Worker.close() waits for Redis itself (BullMQ awaits its connection), i.e.
      // possibly forever. Wait for the running handlers here instead, then let go of the connections; the
      // outcome of those runs cannot be recorded, so BullMQ's stalled-job check runs them again later.
      await Promise.allSettled([...this.running]);
      await settleAll(workers.map((worker) => worker.close(true)), this.logger, 'worker');
    }
    await settleAll([...this.queues.values()].map((queue) => queue.close()), this.logger, 'queue');
    const client = this.producer.client;
    if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
    else client.disconnect();
  }

  private track<T>(run: Promise<T>): Promise<T> {
    this.running.add(run);
    void run.finally(() => this.running.delete(run)).catch(() => undefined);
    return run;
  }

  private assertOpen(): void {
    if (this.closing) throw new QueueError('the job queue is closed');
  }

  /**
   * Runs a Redis operation the way an HTTP request wants it: QueueUnavailableError at once when Redis is known
   * to be down (or after the connection attempt in progress fails), and the same for a connection failure or
   * timeout on the way.
   */
  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    const unavailable = await this.producer.unavailable(this.commandTimeoutMs);
    if (unavailable !== null) throw new QueueUnavailableError(`Redis is not reachable (${unavailable})`);
    try {
      return await operation();
    } catch (error) {
      if (isConnectionError(error) || this.producer.status !== 'ready') {
        throw new QueueUnavailableError(`Redis is not reachable: ${toError(error).message}`, { cause: error });
      }
      throw error;
    }
  }

  private bullName(name: string): string {
    return `${this.queueName}.${name}`;
  }

  private queueFor(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      // skipVersionCheck: no INFO round trip inside BullMQ's connection setup, which with the offline queue
      // off could fail once and leave the Queue unusable; connection.ts checks the server on every connect.
      queue = new Queue(this.bullName(name), { connection: this.producer.client, prefix: this.prefix, skipVersionCheck: true });
      queue.on('error', (error) => this.logger.debug({ err: error, job: name }, 'job queue: queue error'));
      this.queues.set(name, queue);
    }
    return queue;
  }

  private async recordName(name: string): Promise<void> {
    if (this.recorded.has(name)) return;
    await this.producer.client.sadd(this.namesKey, name);
    this.recorded.add(name);
  }

  private async allNames(): Promise<string[]> {
    const stored = await this.producer.client.smembers(this.namesKey);
    return [...new Set([...stored, ...this.recorded])];
  }

  /** Which job name's queue holds `id` (one pipelined EXISTS over all names), or null. */
  private async locate(id: string): Promise<string | null> {
    const names = await this.allNames();
    if (names.length === 0) return null;
    const pipeline = this.producer.client.pipeline();
    for (const name of names) pipeline.exists(this.queueFor(name).toKey(id));
    const replies = (await pipeline.exec()) ?? [];
    const index = replies.findIndex(([error, count]) => !error && count === 1);
    return index === -1 ? null : (names[index] ?? null);
  }
}

async function runHandler<D>(job: Job, handler: JobHandler<D>): Promise<unknown> {
  const context: JobContext<D> = {
    id: String(job.id),
    name: job.name,
    data: job.data as D,
    attemptsMade: job.attemptsMade,
    updateProgress: (progress) => job.updateProgress(progress),
  };
  try {
    return toJsonValue(await handler(context), 'job result');
  } catch (error) {
    // BullMQ records error.message; a thrown string would otherwise leave failedReason empty.
    throw toError(error);
  }
}

async function settleAll(closing: Promise<void>[], logger: Logger, what: string): Promise<void> {
  for (const outcome of await Promise.allSettled(closing)) {
    if (outcome.status === 'rejected') logger.warn({ err: outcome.reason as unknown }, `job queue: ${what} close failed`);
  }
}
