/**
 * Rules both JobQueue adapters enforce the same way, so a job the inline queue accepts is one BullMQ accepts
 * too (and the other way round): name, id and option checks, JSON coercion, backoff arithmetic, retention.
 */
import { InvalidJobError, type AddOptions, type Backoff, type RepeatOptions } from '../../port.js';
import { assertCronPattern } from './cron.js';

/** Cron patterns without an explicit zone run on zone time: the development zone is in China. */
export const DEFAULT_TZ = 'Asia/Shanghai';

/** How long finished jobs are kept (getJob can still report them; their ids stay taken for dedupe). */
export interface Retention {
  /** Completed jobs, default 24 h. */
  completedMs?: number;
  /** Failed jobs, default 7 days (long enough to look into them). */
  failedMs?: number;
}

export const DEFAULT_RETENTION: Required<Retention> = {
  completedMs: 24 * 3600_000,
  failedMs: 7 * 24 * 3600_000,
};

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export function assertJobName(name: string): void {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new InvalidJobError(`job name ${JSON.stringify(name)} must match ${NAME.source}`);
  }
}

/** Ids: no ':' (BullMQ builds Redis keys with it), not a plain integer (BullMQ's own ids are). */
export function assertJobId(id: string, what = 'jobId'): void {
  if (typeof id !== 'string' || id.length === 0 || id.length > 200) {
    throw new InvalidJobError(`${what} must be a string of 1..200 characters`);
  }
  if (id.includes(':')) throw new InvalidJobError(`${what} ${JSON.stringify(id)} must not contain ':'`);
  if (String(Number.parseInt(id, 10)) === id) {
    throw new InvalidJobError(`${what} ${JSON.stringify(id)} must not be a plain integer`);
  }
}

function assertMs(value: number | undefined, what: string, min: number): void {
  if (value === undefined) return;
  if (!Number.isSafeInteger(value) || value < min) {
    throw new InvalidJobError(`${what} must be an integer >= ${min} (got ${String(value)})`);
  }
}

export function assertBackoff(backoff: Backoff | undefined): void {
  if (backoff === undefined) return;
  if (backoff.type !== 'fixed' && backoff.type !== 'exponential') {
    throw new InvalidJobError(`backoff.type must be 'fixed' or 'exponential'`);
  }
  assertMs(backoff.delay, 'backoff.delay', 0);
}

export function assertAddOptions(options: AddOptions): void {
  if (options.jobId !== undefined) assertJobId(options.jobId);
  assertMs(options.delay, 'delay', 0);
  assertMs(options.attempts, 'attempts', 1);
  assertBackoff(options.backoff);
  if (options.keepCompleted !== undefined && typeof options.keepCompleted !== 'boolean') {
    throw new InvalidJobError('keepCompleted must be true or false');
  }
}

/** Exactly one of every/cron; cron must parse in its zone. Returns the zone to use. */
export function assertRepeat(repeat: RepeatOptions): string {
  const hasEvery = repeat.every !== undefined;
  const hasCron = repeat.cron !== undefined;
  if (hasEvery === hasCron) throw new InvalidJobError('a schedule needs exactly one of every and cron');
  assertMs(repeat.every, 'every', 1);
  const tz = repeat.tz ?? DEFAULT_TZ;
  if (repeat.cron !== undefined) assertCronPattern(repeat.cron, tz);
  return tz;
}

/**
 * Milliseconds to wait before try `attemptsMade + 1`, after `attemptsMade` tries failed — BullMQ's formula:
 * fixed → delay; exponential → delay * 2^(attemptsMade - 1). No backoff retries at once.
 */
export function backoffDelay(backoff: Backoff | undefined, attemptsMade: number): number {
  if (!backoff) return 0;
  if (backoff.type === 'fixed') return backoff.delay;
  return Math.round(2 ** Math.max(0, attemptsMade - 1) * backoff.delay);
}

/**
 * Job data and results travel as JSON in both adapters (BullMQ stores JSON strings), so they are coerced the
 * same way: `undefined` → null, dates → strings. Throws InvalidJobError for values JSON cannot carry.
 */
export function toJsonText(value: unknown, what: string): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value === undefined ? null : value);
  } catch (error) {
    throw new InvalidJobError(`${what} must be JSON-serializable`, { cause: error });
  }
  // JSON.stringify returns undefined for a bare function or symbol.
  if (text === undefined) throw new InvalidJobError(`${what} must be JSON-serializable`);
  return text;
}

export function toJsonValue(value: unknown, what: string): unknown {
  return JSON.parse(toJsonText(value, what)) as unknown;
}

/** Handlers may throw anything; the queue records an Error's message (a string or other value as text). */
export function toError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  return new Error(typeof thrown === 'string' ? thrown : safeText(thrown));
}

function safeText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Progress is a number (0..100 by convention) or an object; anything else reads as 0. */
export function asProgress(value: unknown): number | object {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (value !== null && typeof value === 'object') return value;
  return 0;
}
