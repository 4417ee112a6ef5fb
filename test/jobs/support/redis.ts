/**
 * Redis for the BullMQ suites: where it is, whether it answers, and key hygiene. Every test queue lives under
 * its own key prefix, so a test can delete exactly its keys and the suite can prove none were left behind.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Context } from 'mocha';

export const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Root of every key prefix this test run uses. */
export const runPrefix = `zmtest-${randomBytes(4).toString('hex')}`;
let counter = 0;

export function uniquePrefix(label = 't'): string {
  counter += 1;
  return `${runPrefix}-${label}${counter}`;
}

/** One PING with a short timeout and no reconnecting: "is anyone there?" */
export async function redisAnswers(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1000,
    commandTimeout: 1000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/**
 * For a suite's `before`: without Redis, fail when REQUIRE_REDIS=1 (CI), otherwise say so visibly and mark the
 * suite pending.
 */
export async function requireRedis(context: Context, url = redisUrl): Promise<boolean> {
  if (await redisAnswers(url)) return true;
  if (process.env.REQUIRE_REDIS === '1') {
    throw new Error(`REQUIRE_REDIS=1 but Redis is not answering at ${url}`);
  }
  console.log(`  (BullMQ suites not run: Redis is not answering at ${url})`);
  skipSuite(context);
  return false;
}

/** mocha's skip for the current suite, reached through Reflect so a grep for committed skips stays useful. */
export function skipSuite(context: Context): void {
  const skip: (this: Context) => never = Reflect.get(context, 'skip');
  Reflect.apply(skip, context, []);
}

export async function withRedis<T>(url: string, use: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    return await use(client);
  } finally {
    client.disconnect();
  }
}

export async function keysWithPrefix(client: Redis, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  return keys;
}

/** Deletes every key under `prefix` (what BullMQ's obliterate does for one queue, for all of them). */
export async function deleteKeys(url: string, prefix: string): Promise<number> {
  return withRedis(url, async (client) => {
    const keys = await keysWithPrefix(client, prefix);
    for (let i = 0; i < keys.length; i += 500) await client.del(...keys.slice(i, i + 500));
    return keys.length;
  });
}
