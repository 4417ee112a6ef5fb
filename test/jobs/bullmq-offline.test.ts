/* eslint-disable @typescript-eslint/require-await -- job handlers return promises by contract; most test handlers have nothing to await */
/**
 * BullMQ with Redis unreachable: the producer must fail fast (HTTP answers 503) rather than queue the call.
 * Runs everywhere: port 1 on loopback refuses connections, no Redis needed.
 */
import assert from 'node:assert/strict';
import { createBullmqQueue } from '../../jobs/queue/adapters/bullmq/index.js';
import { QueueUnavailableError, type JobQueue } from '../../jobs/queue/port.js';
import { testLogger } from './support/logger.js';
import { sleep } from './support/wait.js';

describe('BullMQ job queue with Redis unreachable', function () {
  let queue: JobQueue;

  beforeEach(function () {
    queue = createBullmqQueue({ url: 'redis://127.0.0.1:1', queueName: 'offline', logger: testLogger() });
  });

  afterEach(async function () {
    await queue.close();
  });

  it('When a job is added right after start, then add rejects quickly with QueueUnavailableError', async function () {
    const started = Date.now();
    await assert.rejects(queue.add('reminder', { n: 1 }), QueueUnavailableError);
    assert.ok(Date.now() - started < 1500, `took ${Date.now() - started} ms`);
  });

  it('When Redis has been down for a while, then every add rejects at once with QueueUnavailableError', async function () {
    await sleep(300); // let the first attempt fail: the client is now between reconnects
    for (let i = 0; i < 5; i++) {
      const started = Date.now();
      await assert.rejects(queue.add('reminder', { i }, { delay: 1000 }), QueueUnavailableError);
      assert.ok(Date.now() - started < 500, `add ${i} took ${Date.now() - started} ms`);
    }
  });

  it('When getJob, remove, schedule or unschedule is called, then they reject with QueueUnavailableError', async function () {
    await assert.rejects(queue.getJob('some-id'), QueueUnavailableError);
    await assert.rejects(queue.remove('some-id'), QueueUnavailableError);
    await assert.rejects(queue.schedule('digest', 'digest', { every: 1000 }), QueueUnavailableError);
    await assert.rejects(queue.unschedule('digest'), QueueUnavailableError);
  });

  it('When ping is called, then it reports reachable:false with a detail and no connection string', async function () {
    const health = await queue.ping();
    assert.equal(health.adapter, 'bullmq');
    assert.equal(health.reachable, false);
    assert.ok(health.detail);
    assert.doesNotMatch(health.detail, /redis:\/\//);
  });

  it('When a handler is registered and the queue closed while Redis is down, then close resolves', async function () {
    this.timeout(10_000);
    queue.process('reminder', async () => undefined);
    await sleep(200);
    const started = Date.now();
    await queue.close();
    assert.ok(Date.now() - started < 5000, `close took ${Date.now() - started} ms`);
  });
});
