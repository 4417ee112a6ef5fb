/**
 * The inline JobQueue: jobs run in this process, and live in the DocumentStore so that delayed jobs, retries
 * and schedules survive a restart. It copies BullMQ's semantics (see the port), so code written against one
 * adapter behaves the same on the other.
 *
 * Single process by design (embedded mode): on start it treats every job found `active` as interrupted by the
 * death of the previous process and puts it back in line. Two live processes on one store would take each
 * other's running jobs for dead ones; anything needing two processes runs on BullMQ.
 *
 * How work is found: a "pump" claims due jobs (waiting, or delayed with `runAt` passed) for the names that have
 * a handler and a free slot, flipping each to `active` with a conditional update (so a job is claimed once),
 * and sets one timer to the earliest future `runAt`. It runs on add, on a handler finishing, on the timer, and
 * every `pollIntervalMs` as a safety net (e.g. after a store error).
 *
 * A pump asks the store only about the names that may have work: the name of a job just added or retried, of a
 * handler that just freed a slot. The timer, the poll and the start look at every name and re-arm the timer.
 * Under load that is one query per pump instead of one per registered name, and the search for the next
 * delayed job runs when a delayed job became due, not on every pump (its timer was armed when it was added).
 */
import type { Logger } from 'pino';
import {
  DuplicateKeyError,
  StoreUnavailableError,
  trusted,
  type Collection,
  type DocumentStore,
  type Stored,
} from '../../../../server/store/port.js';
import { newId } from '../../../../server/store/schema.js';
import {
  InvalidJobError,
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
  asProgress,
  assertAddOptions,
  assertJobId,
  assertJobName,
  assertRepeat,
  backoffDelay,
  toError,
  toJsonText,
  type Retention,
} from '../shared/rules.js';
import { toJobInfo } from './mapping.js';
import { firstRunAt, nextRunAt, sameDefinition } from './repeat.js';
import { schedulesCollection, type JobRecord, type ScheduleRecord } from './schema.js';
import { WakeTimer } from './timer.js';

export interface InlineQueueSettings {
  store: DocumentStore;
  collection: string;
  logger: Logger;
  pollIntervalMs: number;
  retention: Required<Retention>;
  maxStalledCount: number;
}

type JobDoc = Stored<JobRecord>;
type ScheduleDoc = Stored<ScheduleRecord>;

interface Registration {
  handler: JobHandler<unknown>;
  concurrency: number;
  running: number;
}

/**
 * Operator objects in filters are marked as built by code (the store treats unmarked ones as literals, which
 * keeps operator injection out of filters built from user input).
 */
const op = trusted;
const pending = (): object => op({ $in: ['waiting', 'delayed'] });
const SWEEP_INTERVAL_MS = 3600_000;
/** Marks a pump that looks at every registered name. */
const ALL_NAMES = Symbol('all names');

export class InlineJobQueue implements JobQueue {
  readonly adapter = 'inline' as const;
  private readonly jobs: Collection<JobRecord>;
  private readonly schedules: Collection<ScheduleRecord>;
  private readonly logger: Logger;
  private readonly handlers = new Map<string, Registration>();
  private readonly running = new Set<Promise<void>>();
  private readonly timer = new WakeTimer(() => this.kick(ALL_NAMES));
  /** Names that may have due jobs since their last look (see the header). */
  private readonly maybeDue = new Set<string>();
  /** The next pump looks at every name and re-arms the timer. */
  private lookEverywhere = true;
  /** Per-schedule promise chains: a schedule's writes (upsert, unschedule, next run) never interleave. */
  private readonly scheduleLocks = new Map<string, Promise<void>>();
  private starting: Promise<void> | null = null;
  private started = false;
  private pumping: Promise<void> | null = null;
  private pumpAgain = false;
  private poller: NodeJS.Timeout | null = null;
  private sweeper: NodeJS.Timeout | null = null;
  private closing: Promise<void> | null = null;

  constructor(private readonly settings: InlineQueueSettings) {
    this.jobs = settings.store.collection<JobRecord>(settings.collection);
    this.schedules = settings.store.collection<ScheduleRecord>(schedulesCollection(settings.collection));
    this.logger = settings.logger;
  }

  // ---- the port ----

  async add<D>(name: string, data: D, options: AddOptions = {}): Promise<{ id: string }> {
    this.assertOpen();
    assertJobName(name);
    assertAddOptions(options);
    const id = options.jobId ?? newId();
    const delay = options.delay ?? 0;
    const runAt = Date.now() + delay;
    const record: JobRecord & { _id: string } = {
      _id: id,
      name,
      data: toJsonText(data, 'job data'),
      state: delay > 0 ? 'delayed' : 'waiting',
      runAt: new Date(runAt),
      attempts: options.attempts ?? 1,
      attemptsMade: 0,
      progress: '0',
      stalledCount: 0,
      ...(options.backoff ? { backoffType: options.backoff.type, backoffDelay: options.backoff.delay } : {}),
      ...(options.keepCompleted === false ? { removeOnComplete: true } : {}),
    };
    // An existing id is the dedupe case: the insert fails on the primary key and the first job stands.
    if (await this.guard(() => this.insertJob(record))) this.wake(name, runAt);
    return { id };
  }

  async schedule(schedulerId: string, name: string, repeat: RepeatOptions): Promise<void> {
    this.assertOpen();
    assertJobId(schedulerId, 'schedulerId');
    assertJobName(name);
    const tz = assertRepeat(repeat);
    const definition: ScheduleRecord = {
      name,
      ...(repeat.every !== undefined ? { every: repeat.every } : { cron: repeat.cron }),
      tz,
      data: toJsonText(repeat.data, 'schedule data'),
      revision: '',
    };
    await this.guard(() => this.serial(schedulerId, () => this.upsertSchedule(schedulerId, definition)));
  }

  async unschedule(schedulerId: string): Promise<void> {
    this.assertOpen();
    await this.guard(() =>
      this.serial(schedulerId, async () => {
        await this.schedules.deleteOne({ _id: schedulerId });
        await this.jobs.deleteMany({ scheduleId: schedulerId, state: pending() });
      }),
    );
  }

  process<D>(name: string, handler: JobHandler<D>, options: ProcessOptions = {}): void {
    this.assertOpen();
    assertJobName(name);
    const concurrency = options.concurrency ?? 1;
    if (!Number.isSafeInteger(concurrency) || concurrency < 1) throw new InvalidJobError('concurrency must be an integer >= 1');
    if (this.handlers.has(name)) throw new QueueError(`a handler for ${name} is already registered`);
    this.handlers.set(name, { handler: handler as JobHandler<unknown>, concurrency, running: 0 });
    if (this.started) this.kick(ALL_NAMES);
    else void this.start().catch(() => undefined); // start() logs its own failure
  }

  async getJob(id: string): Promise<JobInfo | null> {
    this.assertOpen();
    const doc = await this.guard(() => this.jobs.findById(id));
    return doc ? toJobInfo(doc) : null;
  }

  async remove(id: string): Promise<boolean> {
    this.assertOpen();
    return this.guard(() => this.jobs.deleteOne({ _id: id, state: pending() }));
  }

  async ping(): Promise<QueueHealth> {
    if (this.closing) return { adapter: this.adapter, reachable: false, detail: 'closed' };
    const store = await this.settings.store.ping();
    return {
      adapter: this.adapter,
      reachable: store.reachable,
      detail: `jobs in ${store.adapter} store${store.detail ? `: ${store.detail}` : ''}`,
    };
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  // ---- lifecycle ----

  /**
   * Puts jobs interrupted by a previous process back in line (or fails them after `maxStalledCount`
   * interruptions, as BullMQ does, so a job that kills the process cannot loop forever), makes sure every
   * schedule has its next run, drops finished jobs past retention, then starts processing. Called by the first
   * process(); idempotent. A failure is logged and retried after `pollIntervalMs`.
   */
  start(): Promise<void> {
    this.assertOpen();
    this.starting ??= this.boot().catch((error: unknown) => {
      this.logger.error({ err: error }, 'job queue: inline queue could not start; retrying');
      this.starting = null;
      setTimeout(() => {
        if (!this.closing) void this.start().catch(() => undefined);
      }, this.settings.pollIntervalMs).unref();
      throw error;
    });
    return this.starting;
  }

  private async boot(): Promise<void> {
    const now = new Date();
    const failed = await this.jobs.updateMany(
      { state: 'active', stalledCount: op({ $gte: this.settings.maxStalledCount }) },
      { $set: { state: 'failed', failedReason: 'job stalled more than allowable limit', finishedAt: now } },
    );
    const requeued = await this.jobs.updateMany({ state: 'active' }, { $set: { state: 'waiting' }, $inc: { stalledCount: 1 } });
    if (failed + requeued > 0) {
      this.logger.warn({ requeued, failed }, 'job queue: found jobs interrupted by the previous process');
    }
    for (const schedule of await this.schedules.find({})) {
      await this.serial(schedule._id, () => this.ensureNextRun(schedule));
    }
    await this.sweep();
    if (this.closing) return;
    this.poller = setInterval(() => this.kick(ALL_NAMES), this.settings.pollIntervalMs).unref();
    this.sweeper = setInterval(() => {
      void this.sweep().catch((error: unknown) => this.logger.warn({ err: error }, 'job queue: retention sweep failed'));
    }, SWEEP_INTERVAL_MS).unref();
    this.started = true;
    this.kick(ALL_NAMES);
  }

  private async shutdown(): Promise<void> {
    this.timer.clear();
    if (this.poller) clearInterval(this.poller);
    if (this.sweeper) clearInterval(this.sweeper);
    await this.starting?.catch(() => undefined);
    await this.pumping;
    // Runs may finish and free slots while we wait; nothing new is claimed once closing is set.
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private assertOpen(): void {
    if (this.closing) throw new QueueError('the job queue is closed');
  }

  /** Store outages read as queue outages (HTTP 503), as they do on BullMQ. */
  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof StoreUnavailableError) {
        throw new QueueUnavailableError(`job store is not reachable: ${error.message}`, { cause: error });
      }
      throw error;
    }
  }

  // ---- finding and claiming work ----

  /** A job of `name` becomes due at `runAt`: run it now or set the timer, if this process handles the name. */
  private wake(name: string, runAt: number): void {
    if (!this.started || this.closing || !this.handlers.has(name)) return;
    if (runAt <= Date.now()) this.kick(name);
    else this.timer.arm(runAt);
  }

  /** Asks for a pump that also looks at `name` (or at every name). */
  private kick(name?: string | typeof ALL_NAMES): void {
    if (name === ALL_NAMES) this.lookEverywhere = true;
    else if (name !== undefined) this.maybeDue.add(name);
    if (!this.started || this.closing) return;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = this.pump().finally(() => {
      this.pumping = null;
      if (this.pumpAgain) this.kick();
    });
  }

  private async pump(): Promise<void> {
    do {
      this.pumpAgain = false;
      try {
        // One `now` for both steps: a job must be either due (claimed) or later (timer armed). With two clock
        // reads, a job whose runAt falls between them would be neither, and wait for the safety-net poll.
        const now = new Date();
        const everywhere = this.lookEverywhere;
        const names = everywhere ? [...this.handlers.keys()] : [...this.maybeDue];
        this.lookEverywhere = false;
        this.maybeDue.clear();
        await this.claimDue(now, names);
        if (everywhere) await this.armForNextDelayed(now);
      } catch (error) {
        this.lookEverywhere = true;
        this.logger.warn({ err: error }, 'job queue: could not look for due jobs; will retry');
      }
    } while (this.pumpAgain && !this.closing);
  }

  private async claimDue(now: Date, names: readonly string[]): Promise<void> {
    for (const name of names) {
      const registration = this.handlers.get(name);
      if (!registration) continue;
      // A name without a free slot is looked at again when one of its runs finishes.
      const free = registration.concurrency - registration.running;
      if (free <= 0) continue;
      // The first `free` pending jobs in runAt order, of which the due ones: the same jobs as asking for due jobs
      // with the limit, since the due ones come first. A filter without the clock is compiled once by the embedded
      // store instead of on every pump (several times per second per name under load).
      const next = await this.jobs.find({ name, state: pending() }, { sort: { runAt: 1, _id: 1 }, limit: free });
      const due = next.filter((doc) => new Date(doc.runAt).getTime() <= now.getTime());
      for (const doc of due) {
        if (this.closing) return;
        // Conditional on the state and version read: if anything changed the job since, it is not ours.
        const claimed = await this.jobs.updateOne(
          { _id: doc._id, state: doc.state, version: doc.version },
          { $set: { state: 'active', startedAt: new Date() } },
        );
        if (claimed) this.launch(registration, claimed);
      }
    }
  }

  private async armForNextDelayed(now: Date): Promise<void> {
    const names = [...this.handlers.keys()];
    if (names.length === 0 || this.closing) return;
    const next = await this.jobs.findOne(
      { state: 'delayed', name: op({ $in: names }), runAt: op({ $gt: now }) },
      { sort: { runAt: 1 } },
    );
    if (next) this.timer.arm(new Date(next.runAt).getTime());
  }

  // ---- running a job ----

  private launch(registration: Registration, doc: JobDoc): void {
    registration.running += 1;
    const run: Promise<void> = this.execute(registration, doc)
      .catch((error: unknown) => this.logger.error({ err: error, jobId: doc._id }, 'job queue: could not record a job outcome'))
      .finally(() => {
        registration.running -= 1;
        this.running.delete(run);
        this.kick(doc.name);
      });
    this.running.add(run);
  }

  private async execute(registration: Registration, doc: JobDoc): Promise<void> {
    // Like BullMQ, a schedule's next run is added when this one starts, so runs never pile up while no
    // process handles the name, and a slow run does not delay the next one.
    if (doc.scheduleId !== undefined) {
      const scheduleId = doc.scheduleId;
      await this.serial(scheduleId, () => this.addNextRun(scheduleId, doc)).catch((error: unknown) =>
        this.logger.error({ err: error, scheduleId }, 'job queue: could not add the next scheduled run'),
      );
    }
    const context: JobContext<unknown> = {
      id: doc._id,
      name: doc.name,
      data: JSON.parse(doc.data) as unknown,
      attemptsMade: doc.attemptsMade,
      updateProgress: async (progress) => {
        await this.jobs.updateOne({ _id: doc._id, state: 'active' }, { $set: { progress: toJsonText(asProgress(progress), 'progress') } });
      },
    };
    let result: string;
    try {
      // Through a promise chain, so that a handler throwing before its first await is a failed try too.
      result = toJsonText(await Promise.resolve().then(() => registration.handler(context)), 'job result');
    } catch (thrown) {
      await this.failTry(doc, toError(thrown));
      return;
    }
    if (doc.removeOnComplete === true) {
      await this.jobs.deleteOne({ _id: doc._id, state: 'active' });
      return;
    }
    await this.jobs.updateOne(
      { _id: doc._id, state: 'active' },
      { $set: { state: 'completed', result, finishedAt: new Date(), attemptsMade: doc.attemptsMade + 1 } },
    );
  }

  private async failTry(doc: JobDoc, error: Error): Promise<void> {
    const attemptsMade = doc.attemptsMade + 1;
    const failedReason = error.message;
    this.logger.warn({ err: error, jobId: doc._id, job: doc.name, attemptsMade }, 'job queue: job try failed');
    if (attemptsMade >= doc.attempts) {
      await this.jobs.updateOne(
        { _id: doc._id, state: 'active' },
        { $set: { state: 'failed', failedReason, finishedAt: new Date(), attemptsMade } },
      );
      return;
    }
    const backoff = doc.backoffType ? { type: doc.backoffType, delay: doc.backoffDelay ?? 0 } : undefined;
    const wait = backoffDelay(backoff, attemptsMade);
    const runAt = Date.now() + wait;
    await this.jobs.updateOne(
      { _id: doc._id, state: 'active' },
      { $set: { state: wait > 0 ? 'delayed' : 'waiting', runAt: new Date(runAt), failedReason, attemptsMade } },
    );
    this.wake(doc.name, runAt);
  }

  // ---- schedules ----

  private async upsertSchedule(id: string, definition: ScheduleRecord): Promise<void> {
    const existing = await this.schedules.findById(id);
    if (existing && sameDefinition(existing, definition)) {
      // Re-declared at every start with the same settings: keep its timeline rather than restart it.
      await this.ensureNextRun(existing);
      return;
    }
    const stored: ScheduleRecord = { ...definition, revision: newId() };
    if (existing) {
      await this.schedules.updateOne(
        { _id: id },
        { $set: stored, $unset: stored.every !== undefined ? { cron: '' } : { every: '' } },
      );
    } else {
      await this.schedules.insertOne({ _id: id, ...stored });
    }
    await this.jobs.deleteMany({ scheduleId: id, state: pending() });
    await this.insertRun(id, stored, firstRunAt(stored, Date.now()));
  }

  /** A schedule whose pending run went missing (the process died between two steps) gets one again. */
  private async ensureNextRun(schedule: ScheduleDoc): Promise<void> {
    const live = await this.jobs.count({ scheduleId: schedule._id, state: op({ $in: ['waiting', 'delayed', 'active'] }) });
    if (live === 0) await this.insertRun(schedule._id, schedule, firstRunAt(schedule, Date.now()));
  }

  private async addNextRun(scheduleId: string, run: JobDoc): Promise<void> {
    const schedule = await this.schedules.findById(scheduleId);
    // Unscheduled, or redefined since this run was made (the new definition has its own first run).
    if (!schedule || schedule.revision !== run.scheduleRevision) return;
    await this.insertRun(scheduleId, schedule, nextRunAt(schedule, new Date(run.runAt).getTime(), Date.now()));
  }

  private async insertRun(scheduleId: string, schedule: ScheduleRecord, runAt: number): Promise<void> {
    const record: JobRecord & { _id: string } = {
      // BullMQ's id shape for scheduler runs; the ':' keeps them apart from any caller's jobId.
      _id: `repeat:${scheduleId}:${runAt}`,
      name: schedule.name,
      data: schedule.data,
      state: runAt > Date.now() ? 'delayed' : 'waiting',
      runAt: new Date(runAt),
      attempts: 1,
      attemptsMade: 0,
      progress: '0',
      stalledCount: 0,
      scheduleId,
      scheduleRevision: schedule.revision,
    };
    if (await this.insertJob(record)) this.wake(schedule.name, runAt);
  }

  private serial<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.scheduleLocks.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.scheduleLocks.set(key, tail);
    void tail.then(() => {
      if (this.scheduleLocks.get(key) === tail) this.scheduleLocks.delete(key);
    });
    return result;
  }

  // ---- storage helpers ----

  /** Inserts a job; false when its id already exists (dedupe). */
  private async insertJob(record: JobRecord & { _id: string }): Promise<boolean> {
    try {
      await this.jobs.insertOne(record);
      return true;
    } catch (error) {
      if (error instanceof DuplicateKeyError) return false;
      throw error;
    }
  }

  private async sweep(): Promise<void> {
    const now = Date.now();
    const { completedMs, failedMs } = this.settings.retention;
    const removed =
      (await this.jobs.deleteMany({ state: 'completed', finishedAt: op({ $lt: new Date(now - completedMs) }) })) +
      (await this.jobs.deleteMany({ state: 'failed', finishedAt: op({ $lt: new Date(now - failedMs) }) }));
    if (removed > 0) this.logger.debug({ removed }, 'job queue: dropped finished jobs past retention');
  }
}
