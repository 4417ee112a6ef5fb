/**
 * The producer's Redis connection and the checks around it. The adapter owns this connection (BullMQ leaves a
 * caller-supplied client open), so it decides how a request behaves while Redis is away: it fails at once.
 */
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

export interface ProducerOptions {
  url: string;
  /** Upper bound for any one command, so a hung Redis cannot hang an HTTP request either. */
  commandTimeoutMs: number;
  logger: Logger;
}

/**
 * The producer connection, with the one bit of state ioredis does not expose: whether Redis has failed us
 * since the last time it was ready.
 *
 * `enableOfflineQueue: false`: a command issued while disconnected rejects immediately instead of waiting in
 * ioredis' offline queue, so add() answers "unavailable" (HTTP 503) rather than hanging until Redis returns.
 * Reconnects keep going in the background (at most 2 s apart), and the first add() after that works again.
 */
export class Producer {
  readonly client: Redis;
  /** A connection attempt failed, or the connection dropped, since the last 'ready'. */
  private down = false;

  constructor({ url, commandTimeoutMs, logger }: ProducerOptions) {
    this.client = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: commandTimeoutMs,
      connectTimeout: Math.max(commandTimeoutMs, 1000),
      retryStrategy: (times) => Math.min(times * 200, 2000),
      connectionName: 'zonematch:producer',
    });
    // Without an 'error' listener ioredis prints every failed reconnect; log the outage once, and its end.
    const lost = (error?: Error): void => {
      if (!this.down) logger.warn({ err: error }, 'job queue: Redis is not reachable; add() answers QueueUnavailableError');
      this.down = true;
    };
    this.client.on('error', lost);
    this.client.on('close', () => lost());
    this.client.on('ready', () => {
      if (this.down) logger.info('job queue: Redis is reachable again');
      this.down = false;
      void checkEvictionPolicy(this.client, logger);
    });
  }

  get status(): string {
    return this.client.status;
  }

  /**
   * Null when commands can be sent, else why not. While Redis is known to be down this answers at once, even
   * if a reconnect attempt is under way; only the very first connection attempt (process start) is waited for,
   * up to `timeoutMs`, so requests arriving during startup are not refused for nothing.
   */
  async unavailable(timeoutMs: number): Promise<string | null> {
    const status = this.client.status;
    if (status === 'ready') return null;
    if (this.down) return `connection lost, reconnecting (${status})`;
    if (status !== 'connecting' && status !== 'connect') return `connection ${status}`;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        for (const event of ['ready', 'error', 'close', 'end']) this.client.off(event, done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      for (const event of ['ready', 'error', 'close', 'end']) this.client.once(event, done);
    });
    return this.client.status === 'ready' ? null : `connection failed (${this.client.status})`;
  }
}

/**
 * BullMQ needs `maxmemory-policy noeviction`: under any other policy Redis may evict job keys under memory
 * pressure and jobs vanish silently. Read from INFO (CONFIG is often disabled on managed Redis). Checked on
 * every (re)connect since a restarted Redis may come back with another configuration.
 */
export async function checkEvictionPolicy(client: Redis, logger: Logger): Promise<string | undefined> {
  try {
    const info = await client.info('memory');
    const policy = /^maxmemory_policy:(\S+)/m.exec(info)?.[1];
    if (policy !== undefined && policy !== 'noeviction') {
      logger.warn(
        { maxmemoryPolicy: policy },
        'job queue: Redis maxmemory-policy is not noeviction; queued jobs may be evicted. Set maxmemory-policy noeviction.',
      );
    }
    return policy;
  } catch (error) {
    logger.debug({ err: error }, 'job queue: could not read maxmemory-policy');
    return undefined;
  }
}

const CONNECTION_ERROR =
  /Connection is closed|Stream isn't writeable|enableOfflineQueue|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENOTFOUND|Command timed out|MaxRetriesPerRequest|Reached the max retries|Connection (?:lost|reset)|socket/i;

/** True when the error says "could not talk to Redis" rather than "Redis refused this command". */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return CONNECTION_ERROR.test(`${error.name} ${error.message}`);
}

/** Resolves with the round trip in ms, or rejects after `timeoutMs`. */
export async function timedPing(client: Redis, timeoutMs: number): Promise<number> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.ping(),
      new Promise((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`no PONG within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return Date.now() - started;
  } finally {
    clearTimeout(timer);
  }
}
