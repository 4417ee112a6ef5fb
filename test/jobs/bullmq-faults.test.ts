/* eslint-disable @typescript-eslint/require-await -- job handlers return promises by contract; most test handlers have nothing to await */
/**
 * BullMQ under faults: a worker process dying mid-job, and Redis itself being killed and restarted while jobs
 * are processed. What must hold: no acknowledged job is lost (at-least-once; handlers are idempotent).
 * Needs the shared Redis (a) and the redis-server binary (b, c); gated like bullmq.test.ts.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createBullmqQueue } from '../../jobs/queue/adapters/bullmq/index.js';
import { QueueUnavailableError, type JobQueue } from '../../jobs/queue/port.js';
import { recordingLogger, testLogger } from './support/logger.js';
import {
  deleteKeys,
  keysWithPrefix,
  redisUrl,
  requireRedis,
  runPrefix,
  skipSuite,
  uniquePrefix,
  withRedis,
} from './support/redis.js';
import { privateRedis, redisServerInstalled, type PrivateRedis } from './support/redis-server.js';
import { sleep, waitFor } from './support/wait.js';

const fixture = fileURLToPath(new URL('./fixtures/worker.ts', import.meta.url));

/** Spawns the fixture worker and resolves each JSON line it prints to the listeners. */
function spawnWorker(args: string[]): {
  child: ChildProcess;
  ended: Promise<void>;
  nextEvent: (event: string) => Promise<Record<string, unknown>>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let running = true;
  const ended = new Promise<void>((resolve) =>
    child.once('close', () => {
      running = false;
      resolve();
    }),
  );
  const events: Record<string, unknown>[] = [];
  let buffer = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      try {
        events.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not one of ours (a library warning); ignore
      }
    }
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const nextEvent = (event: string): Promise<Record<string, unknown>> =>
    waitFor(() => {
      if (!running) throw new Error(`worker process ended early: ${stderr}`);
      return events.find((e) => e.event === event) ?? null;
    }, `worker event ${event}`, { timeoutMs: 15_000 });
  return { child, ended, nextEvent };
}

describe('BullMQ job queue under faults', function () {
  this.timeout(90_000);
  let redisUp = false;

  before(async function () {
    redisUp = await requireRedis(this);
  });

  after(async function () {
    if (!redisUp) return;
    const left = await withRedis(redisUrl, (client) => keysWithPrefix(client, runPrefix));
    assert.deepEqual(left, [], 'fault tests left Redis keys behind');
  });

  it('When a worker process is SIGKILLed mid-job, then another worker recovers the stalled job and completes it', async function () {
    const prefix = uniquePrefix('stalled');
    const queueName = 'faults';
    const tuning = { lockDuration: 1000, stalledInterval: 500 };
    const { child, ended, nextEvent } = spawnWorker([redisUrl, prefix, queueName, String(tuning.lockDuration), String(tuning.stalledInterval)]);
    const survivor: JobQueue = createBullmqQueue({ url: redisUrl, prefix, queueName, logger: testLogger(), workerOptions: tuning });
    try {
      await nextEvent('ready');
      const { id } = await survivor.add('long', { report: 'q3' }, { jobId: 'long-report-q3' });
      const started = await nextEvent('started');
      assert.equal(started.id, id);

      const killedAt = Date.now();
      child.kill('SIGKILL');
      await ended;

      // The dead worker's lock has not expired yet: the job still reads as active and nobody runs it.
      assert.equal((await survivor.getJob(id))?.state, 'active');
      const runs: { id: string; attemptsMade: number }[] = [];
      survivor.process('long', async (job) => {
        runs.push({ id: job.id, attemptsMade: job.attemptsMade });
        return 'recovered';
      });

      const job = await waitFor(async () => {
        const info = await survivor.getJob(id);
        return info?.state === 'completed' ? info : null;
      }, 'the stalled job to complete elsewhere', { timeoutMs: 20_000 });
      const recoveredInMs = Date.now() - killedAt;

      assert.equal(job.result, 'recovered');
      assert.deepEqual(
        runs.map((run) => run.id),
        [id],
      );
      console.log(
        `      stalled-job recovery: worker pid ${String(started.pid)} killed mid-job; job completed by the survivor ` +
          `${recoveredInMs} ms later (lockDuration ${tuning.lockDuration} ms, stalledInterval ${tuning.stalledInterval} ms)`,
      );
    } finally {
      child.kill('SIGKILL'); // no-op when already dead
      await ended;
      await survivor.close();
      await deleteKeys(redisUrl, prefix);
    }
  });

  describe('with a private redis-server', function () {
    let server: PrivateRedis | null = null;

    before(function () {
      if (!redisUp) return;
      if (!redisServerInstalled()) {
        if (process.env.REQUIRE_REDIS === '1') throw new Error('REQUIRE_REDIS=1 but the redis-server binary is missing');
        console.log('  (Redis restart tests not run: no redis-server binary)');
        skipSuite(this);
      }
    });

    afterEach(async function () {
      await server?.destroy();
      server = null;
    });

    it('When Redis is killed and restarted during processing, then every acknowledged job still completes', async function () {
      // AOF with fsync on every write: an acknowledged add is on disk before the reply, so it survives SIGKILL.
      server = await privateRedis(['--appendonly', 'yes', '--appendfsync', 'always', '--maxmemory-policy', 'noeviction']);
      await server.start();
      const queue = createBullmqQueue({
        url: server.url,
        prefix: uniquePrefix('restart'),
        logger: testLogger(),
        commandTimeoutMs: 1000,
        workerOptions: { lockDuration: 2000, stalledInterval: 1000 },
      });
      const acknowledged = new Set<string>();
      const runsById = new Map<string, number>();
      let rejectedDuringOutage = 0;
      try {
        const N = 300;
        for (let i = 0; i < N; i++) {
          const { id } = await queue.add('work', { i }, { jobId: `work-${i}` });
          acknowledged.add(id);
        }
        queue.process(
          'work',
          async (job) => {
            runsById.set(job.id, (runsById.get(job.id) ?? 0) + 1);
            await sleep(20);
            return job.data;
          },
          { concurrency: 2 },
        );

        await waitFor(() => runsById.size >= N / 3, 'a third of the jobs to run', { timeoutMs: 30_000 });
        const ranBeforeKill = runsById.size;
        await server.kill();

        // While Redis is gone, producers are told so at once instead of hanging.
        for (let i = 0; i < 10; i++) {
          try {
            const { id } = await queue.add('work', { late: i }, { jobId: `outage-${i}` });
            acknowledged.add(id);
          } catch (error) {
            assert.ok(error instanceof QueueUnavailableError, String(error));
            rejectedDuringOutage += 1;
          }
        }
        await sleep(500);
        await server.start();
        const restartedAt = Date.now();

        // After the restart the queue takes new work again (the producer reconnects on its own).
        const afterRestart = await waitFor(async () => {
          try {
            return await queue.add('work', { after: true }, { jobId: 'after-restart' });
          } catch {
            return null;
          }
        }, 'an add to succeed after the restart');
        acknowledged.add(afterRestart.id);

        const notCompleted = async (): Promise<string[]> => {
          const pending: string[] = [];
          for (const id of acknowledged) if ((await queue.getJob(id))?.state !== 'completed') pending.push(id);
          return pending;
        };
        let pending: string[] = [];
        await waitFor(async () => {
          pending = await notCompleted();
          return pending.length === 0;
        }, 'every acknowledged job to complete', { timeoutMs: 60_000, intervalMs: 250 }).catch((error: unknown) => {
          throw new Error(`${pending.length} acknowledged jobs not completed, e.g. ${pending.slice(0, 5).join(', ')}`, {
            cause: error,
          });
        });

        const totalRuns = [...runsById.values()].reduce((sum, runs) => sum + runs, 0);
        const runTwice = [...runsById.values()].filter((runs) => runs > 1).length;
        for (const id of acknowledged) assert.ok((runsById.get(id) ?? 0) >= 1, `${id} never ran`);
        console.log(
          `      redis restart: ${acknowledged.size} acknowledged adds (${N} before, ${acknowledged.size - N - 1} during ` +
            `the outage, 1 after), ${rejectedDuringOutage} rejected with QueueUnavailableError during the outage; ` +
            `${ranBeforeKill} had run when Redis was SIGKILLed; all ${acknowledged.size} completed ` +
            `${Date.now() - restartedAt} ms after the restart; ${totalRuns} handler runs, ${runTwice} jobs ran twice (at-least-once)`,
        );
      } finally {
        await queue.close();
      }
    });

    it('When Redis may evict keys (maxmemory-policy is not noeviction), then the adapter warns through its logger', async function () {
      server = await privateRedis(['--maxmemory-policy', 'allkeys-lru']);
      await server.start();
      const { logger, warnings } = recordingLogger();
      const queue = createBullmqQueue({ url: server.url, prefix: uniquePrefix('evict'), logger });
      try {
        await queue.ping();
        await waitFor(() => warnings.some((msg) => /maxmemory-policy/.test(msg)), 'the eviction warning', { timeoutMs: 5000 });
      } finally {
        await queue.close();
      }
    });
  });
});
