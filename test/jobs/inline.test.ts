/* eslint-disable @typescript-eslint/require-await -- job handlers return promises by contract; most test handlers have nothing to await */
/**
 * The JobQueue contract on the inline adapter over the embedded DocumentStore (SQLite in a temp dir), plus what
 * only a persisted in-process queue has to prove: delayed jobs, retries and schedules outlive the process, and
 * a job interrupted by a crash runs again.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInlineQueue, inlineJobSchemas, inlineJobSchemasFor, type InlineQueueOptions } from '../../jobs/queue/adapters/inline/index.js';
import type { JobRecord } from '../../jobs/queue/adapters/inline/schema.js';
import type { JobQueue } from '../../jobs/queue/port.js';
import { openEmbeddedStore } from '../../server/store/adapters/embedded/index.js';
import type { DocumentStore } from '../../server/store/port.js';
import { describeJobQueueContract } from './contract.js';
import { testLogger } from './support/logger.js';
import { gate, sleep, waitFor } from './support/wait.js';

let counter = 0;

/** A store file in a fresh temp dir, and a collection name no other test uses. */
function place(): { dir: string; file: string; collection: string } {
  counter += 1;
  const dir = mkdtempSync(join(tmpdir(), 'zm-inline-'));
  return { dir, file: join(dir, 'store.sqlite'), collection: `jobs_t${counter}` };
}

function open(file: string, collection: string, options: Partial<InlineQueueOptions> = {}): { store: DocumentStore; queue: JobQueue } {
  const store = openEmbeddedStore({ file, schemas: inlineJobSchemasFor(collection) });
  // A long poll: the tests must pass on the queue's own wake-ups, not on the safety net.
  const queue = createInlineQueue({ store, collection, logger: testLogger(), pollIntervalMs: 60_000, ...options });
  return { store, queue };
}

describe('Inline job queue', function () {
  describeJobQueueContract('inline over the embedded store', () => {
    const { dir, file, collection } = place();
    const { store, queue } = open(file, collection);
    return Promise.resolve({
      queue,
      async dispose() {
        await queue.close();
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    });
  });

  describe('persistence across restarts', function () {
    let dir: string;
    let file: string;
    let collection: string;
    const opened: { store: DocumentStore; queue: JobQueue }[] = [];

    function session(options: Partial<InlineQueueOptions> = {}): { store: DocumentStore; queue: JobQueue } {
      const s = open(file, collection, options);
      opened.push(s);
      return s;
    }

    async function shutdown(s: { store: DocumentStore; queue: JobQueue }): Promise<void> {
      await s.queue.close();
      await s.store.close();
    }

    beforeEach(function () {
      ({ dir, file, collection } = place());
    });

    afterEach(async function () {
      for (const s of opened.splice(0)) await shutdown(s);
      rmSync(dir, { recursive: true, force: true });
    });

    it('When the queue and store close with a delayed job pending and are reopened, then the job runs after its delay', async function () {
      const first = session();
      const ranInFirst: string[] = [];
      first.queue.process('reminder', async (job) => {
        ranInFirst.push(job.id);
      });
      await first.queue.add('reminder', { slot: 3 }, { jobId: 'reminder.s1.slot3', delay: 400 });
      await shutdown(first);

      const second = session();
      assert.equal((await second.queue.getJob('reminder.s1.slot3'))?.state, 'delayed');
      const ranInSecond: unknown[] = [];
      second.queue.process('reminder', async (job) => {
        ranInSecond.push(job.data);
      });
      await waitFor(async () => (await second.queue.getJob('reminder.s1.slot3'))?.state === 'completed', 'the delayed job to run');
      assert.deepEqual(ranInFirst, []);
      assert.deepEqual(ranInSecond, [{ slot: 3 }]);
    });

    it('When a job fails and the process restarts during its backoff, then the retry happens after the restart', async function () {
      const first = session();
      first.queue.process('sync', async () => {
        throw new Error('index unreachable');
      });
      const { id } = await first.queue.add('sync', {}, { attempts: 2, backoff: { type: 'fixed', delay: 300 } });
      await waitFor(async () => (await first.queue.getJob(id))?.attemptsMade === 1, 'the first try to fail');
      await shutdown(first);

      const second = session();
      second.queue.process('sync', async (job) => ({ retriedAfter: job.attemptsMade }));
      const job = await waitFor(async () => {
        const info = await second.queue.getJob(id);
        return info?.state === 'completed' ? info : null;
      }, 'the retry to complete');
      assert.deepEqual(job.result, { retriedAfter: 1 });
      assert.equal(job.failedReason, 'index unreachable');
    });

    it('When a schedule was set before a restart, then it keeps running after the restart', async function () {
      const first = session();
      await first.queue.schedule('digest', 'digest', { every: 200, data: { kind: 'weekly' } });
      await shutdown(first);

      const second = session();
      const runs: unknown[] = [];
      second.queue.process('digest', async (job) => {
        runs.push(job.data);
      });
      await waitFor(() => runs.length >= 2, 'two runs after the restart');
      assert.deepEqual(runs[0], { kind: 'weekly' });
      await second.queue.unschedule('digest');
    });

    it('When the same schedule is declared again at start, then its next run is kept rather than duplicated', async function () {
      const first = session();
      await first.queue.schedule('nightly', 'nightly', { cron: '0 2 * * *' });
      const firstRun = (await first.store.collection<JobRecord>(collection).find({ scheduleId: 'nightly' })).map((d) => d._id);
      await shutdown(first);

      const second = session();
      await second.queue.schedule('nightly', 'nightly', { cron: '0 2 * * *' });
      const runs = await second.store.collection<JobRecord>(collection).find({ scheduleId: 'nightly' });
      assert.deepEqual(
        runs.map((d) => d._id),
        firstRun,
      );
      assert.equal(runs.length, 1);
      // 02:00 in Asia/Shanghai (UTC+8, no DST) is 18:00 UTC.
      assert.equal(new Date(runs[0]!.runAt).getUTCHours(), 18);
    });

    it('When a process is SIGKILLed while a job is active, then after reopening the job runs again', async function () {
      this.timeout(30_000);
      const fixture = fileURLToPath(new URL('./fixtures/inline-worker.ts', import.meta.url));
      const child = spawn(process.execPath, ['--import', 'tsx', fixture, file, collection, '100'], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      try {
        await waitFor(() => out.includes('"ready"'), 'the child queue to start', { timeoutMs: 15_000 });
        // Added from this process, through the same file: the child picks it up on its next poll.
        const producer = session();
        await producer.queue.add('long', { report: 'q3' }, { jobId: 'long-report-q3' });
        await shutdown(producer);
        opened.splice(0);
        await waitFor(() => out.includes('"started"'), 'the child to start the job', { timeoutMs: 15_000 });
      } finally {
        const gone = new Promise<void>((resolve) => child.once('close', () => resolve()));
        child.kill('SIGKILL');
        await gone;
      }

      const after = session();
      assert.equal((await after.queue.getJob('long-report-q3'))?.state, 'active', 'left active by the dead process');
      const runs: string[] = [];
      after.queue.process('long', async (job) => {
        runs.push(job.id);
        return 'done after the crash';
      });
      const job = await waitFor(async () => {
        const info = await after.queue.getJob('long-report-q3');
        return info?.state === 'completed' ? info : null;
      }, 'the interrupted job to run again');
      assert.equal(job.result, 'done after the crash');
      assert.deepEqual(runs, ['long-report-q3']);
    });

    it('When a job was interrupted more often than maxStalledCount, then it fails instead of running again', async function () {
      const { store, queue } = session();
      const now = new Date();
      await store.collection<JobRecord>(collection).insertOne({
        _id: 'poison',
        name: 'crashy',
        data: '{}',
        state: 'active',
        runAt: now,
        attempts: 3,
        attemptsMade: 0,
        progress: '0',
        stalledCount: 1,
      });
      let runs = 0;
      queue.process('crashy', async () => {
        runs += 1;
      });
      const job = await waitFor(async () => {
        const info = await queue.getJob('poison');
        return info?.state === 'failed' ? info : null;
      }, 'the poison job to fail');
      assert.equal(job.failedReason, 'job stalled more than allowable limit');
      assert.equal(runs, 0);
    });

    it('When hundreds of jobs are delayed, then the queue holds one timer, not one per job', async function () {
      const { queue } = session();
      const release = gate();
      queue.process('tick', async () => {
        await release.promise;
      });
      await sleep(50); // let the queue start
      const timers = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
      const before = timers();
      for (let i = 0; i < 300; i++) await queue.add('tick', { i }, { delay: 60_000 + i * 1000 });
      assert.ok(timers() <= before + 1, `${timers() - before} timers for 300 delayed jobs`);
      release.open();
    });
  });

  it('When the composition root merges inlineJobSchemas, then it gets the jobs collection and its schedules', function () {
    assert.deepEqual(Object.keys(inlineJobSchemas).sort(), ['jobs', 'jobs_schedules']);
  });
});
