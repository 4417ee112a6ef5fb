/**
 * The JobQueue contract on BullMQ, against the Redis at REDIS_URL (default redis://127.0.0.1:6379).
 * Without Redis the suite is reported as not run — unless REQUIRE_REDIS=1 (CI), where that is a failure.
 */
import assert from 'node:assert/strict';
import { createBullmqQueue } from '../../jobs/queue/adapters/bullmq/index.js';
import { describeJobQueueContract } from './contract.js';
import { testLogger } from './support/logger.js';
import { deleteKeys, keysWithPrefix, redisUrl, requireRedis, runPrefix, uniquePrefix, withRedis } from './support/redis.js';

describe('BullMQ job queue', function () {
  let redisUp = false;
  before(async function () {
    redisUp = await requireRedis(this);
  });

  describeJobQueueContract('bullmq', () => {
    const prefix = uniquePrefix('contract');
    const queue = createBullmqQueue({
      url: redisUrl,
      prefix,
      queueName: 'contract',
      logger: testLogger(),
      // Shorter than BullMQ's 30 s defaults only so that a test worker left behind would be noticed sooner.
      workerOptions: { lockDuration: 5000, stalledInterval: 5000 },
    });
    return Promise.resolve({
      queue,
      async dispose() {
        await queue.close();
        await deleteKeys(redisUrl, prefix);
      },
    });
  });

  after(async function () {
    if (!redisUp) return;
    // Every test deleted its own prefix; prove it (this also catches keys written after a close).
    const left = await withRedis(redisUrl, (client) => keysWithPrefix(client, runPrefix));
    assert.deepEqual(left, [], 'tests left Redis keys behind');
  });
});
