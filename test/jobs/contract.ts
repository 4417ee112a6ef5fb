/* eslint-disable @typescript-eslint/require-await -- job handlers return promises by contract; most test handlers have nothing to await */
/**
 * The JobQueue contract: what every adapter must do, run once per adapter by swapping the factory
 * (`describeJobQueueContract('inline', …)`, `describeJobQueueContract('bullmq', …)`). Each test gets a fresh
 * queue on its own queue name / collection and disposes of it, so tests neither see nor leave each other's jobs.
 *
 * Timing assertions are about order ("not run yet … run later"), never about how fast a backend is.
 */
import assert from 'node:assert/strict';
import {
  InvalidJobError,
  QueueError,
  type JobContext,
  type JobHandler,
  type JobInfo,
  type JobQueue,
} from '../../jobs/queue/port.js';
import { gate, sleep, waitFor } from './support/wait.js';

export interface QueueUnderTest {
  queue: JobQueue;
  /** Closes the queue if the test did not, and deletes everything it stored. Idempotent. */
  dispose(): Promise<void>;
}

export type QueueFactory = () => Promise<QueueUnderTest>;

export function describeJobQueueContract(label: string, factory: QueueFactory): void {
  describe(`JobQueue contract: ${label}`, function () {
    let subject: QueueUnderTest;
    let queue: JobQueue;

    beforeEach(async function () {
      subject = await factory();
      queue = subject.queue;
    });

    afterEach(async function () {
      await subject.dispose();
    });

    async function stateOf(id: string): Promise<JobInfo['state'] | undefined> {
      return (await queue.getJob(id))?.state;
    }

    async function finished(id: string): Promise<JobInfo> {
      return waitFor(async () => {
        const job = await queue.getJob(id);
        return job && (job.state === 'completed' || job.state === 'failed') ? job : null;
      }, `job ${id} to finish`);
    }

    it('When a job is added and its handler is registered, then the handler gets the data and getJob reports it completed with the result', async function () {
      const seen: JobContext[] = [];
      queue.process<{ company: string }>('greet', async (job) => {
        seen.push(job);
        return { hello: job.data.company };
      });
      const { id } = await queue.add('greet', { company: 'Acme', at: new Date('2025-01-02T03:04:05Z') });

      const job = await finished(id);

      assert.equal(job.state, 'completed');
      assert.equal(job.id, id);
      assert.equal(job.name, 'greet');
      assert.deepEqual(job.result, { hello: 'Acme' });
      // Data travels as JSON in every adapter: the date arrives as its ISO string.
      assert.deepEqual(job.data, { company: 'Acme', at: '2025-01-02T03:04:05.000Z' });
      assert.equal(job.attemptsMade, 1);
      assert.ok(job.createdAt instanceof Date);
      assert.ok(job.finishedAt instanceof Date && job.finishedAt >= job.createdAt);
      assert.equal(seen.length, 1);
      assert.equal(seen[0]?.id, id);
      assert.equal(seen[0]?.attemptsMade, 0);
    });

    it('When a job is added with keepCompleted false, then it runs and is gone once it completed; a failing one is kept', async function () {
      const ran: string[] = [];
      queue.process<{ n: number }>('sync', async (job) => {
        ran.push(job.id);
        if (job.data.n === 2) throw new Error('cannot sync');
        return job.data.n;
      });
      const { id } = await queue.add('sync', { n: 1 }, { keepCompleted: false });
      const failing = await queue.add('sync', { n: 2 }, { keepCompleted: false });
      await waitFor(async () => (ran.includes(id) && (await queue.getJob(id)) === null ? true : null), `job ${id} to be removed`);
      assert.equal((await finished(failing.id)).state, 'failed');
      await assert.rejects(queue.add('sync', { n: 3 }, { keepCompleted: 'no' as unknown as boolean }), /keepCompleted/);
    });

    it('When a handler returns nothing, then the job completes without a result', async function () {
      queue.process('quiet', async () => undefined);
      const { id } = await queue.add('quiet', null);
      const job = await finished(id);
      assert.equal(job.state, 'completed');
      assert.equal(job.result, undefined);
      assert.equal(job.data, null);
    });

    it('When a handler reports progress, then getJob shows it while the job is active and after it completes', async function () {
      const release = gate();
      queue.process('progress', async (job) => {
        await job.updateProgress(42);
        await release.promise;
        await job.updateProgress({ step: 'done', of: 3 });
      });
      const { id } = await queue.add('progress', {});

      const running = await waitFor(async () => {
        const job = await queue.getJob(id);
        return job?.state === 'active' && job.progress === 42 ? job : null;
      }, 'progress 42 while active');
      assert.equal(running.state, 'active');

      release.open();
      const job = await finished(id);
      assert.equal(job.state, 'completed');
      assert.deepEqual(job.progress, { step: 'done', of: 3 });
    });

    it('When a job is added and has not been picked up, then getJob reports it waiting with progress 0', async function () {
      const { id } = await queue.add('unhandled', { n: 1 });
      const job = await queue.getJob(id);
      assert.equal(job?.state, 'waiting');
      assert.equal(job?.progress, 0);
      assert.equal(job?.attemptsMade, 0);
    });

    it('When the same jobId is added twice while the first is waiting, then the second add is a no-op and the handler runs once', async function () {
      const first = await queue.add('dedupe', { n: 1 }, { jobId: 'reminder.s1.slot3' });
      const second = await queue.add('dedupe', { n: 2 }, { jobId: 'reminder.s1.slot3' });
      assert.equal(first.id, 'reminder.s1.slot3');
      assert.equal(second.id, 'reminder.s1.slot3');

      const runs: unknown[] = [];
      queue.process('dedupe', async (job) => {
        runs.push(job.data);
      });
      await finished('reminder.s1.slot3');
      await sleep(200);
      assert.deepEqual(runs, [{ n: 1 }]);
    });

    it('When the same jobId is added while the first is delayed, then it keeps the first delay and data', async function () {
      await queue.add('dedupe-delayed', { n: 1 }, { jobId: 'tick.s1.4', delay: 60_000 });
      await queue.add('dedupe-delayed', { n: 2 }, { jobId: 'tick.s1.4' });
      const job = await queue.getJob('tick.s1.4');
      assert.equal(job?.state, 'delayed');
      assert.deepEqual(job?.data, { n: 1 });
    });

    it('When a job with that id has completed, then adding the id again does not run it again', async function () {
      let runs = 0;
      queue.process('once', async () => {
        runs += 1;
        return runs;
      });
      await queue.add('once', {}, { jobId: 'followup.c1' });
      await finished('followup.c1');
      await queue.add('once', {}, { jobId: 'followup.c1' });
      await sleep(300);
      assert.equal(runs, 1);
      assert.equal((await queue.getJob('followup.c1'))?.result, 1);
    });

    it('When a job is added with a delay, then it is delayed at first and runs only after the delay', async function () {
      const ranAt: number[] = [];
      queue.process('later', async () => {
        ranAt.push(Date.now());
      });
      const addedAt = Date.now();
      const { id } = await queue.add('later', {}, { delay: 400 });

      assert.equal(await stateOf(id), 'delayed');
      await sleep(150);
      assert.equal(ranAt.length, 0, 'ran before its delay');
      assert.equal(await stateOf(id), 'delayed');

      const job = await finished(id);
      assert.equal(job.state, 'completed');
      assert.equal(ranAt.length, 1);
      assert.ok(ranAt[0]! - addedAt >= 400 - 5, `ran ${ranAt[0]! - addedAt} ms after add`);
    });

    it('When a handler fails twice with attempts 3 and fixed backoff, then it is retried after the backoff and completes', async function () {
      const calls: { attemptsMade: number; at: number }[] = [];
      queue.process('flaky', async (job) => {
        calls.push({ attemptsMade: job.attemptsMade, at: Date.now() });
        if (calls.length < 3) throw new Error(`flaky ${calls.length}`);
        return 'third time lucky';
      });
      const { id } = await queue.add('flaky', {}, { attempts: 3, backoff: { type: 'fixed', delay: 150 } });

      const job = await finished(id);
      assert.equal(job.state, 'completed');
      assert.equal(job.result, 'third time lucky');
      assert.equal(job.attemptsMade, 3);
      assert.deepEqual(
        calls.map((call) => call.attemptsMade),
        [0, 1, 2],
      );
      for (let i = 1; i < calls.length; i++) {
        const gap = calls[i]!.at - calls[i - 1]!.at;
        assert.ok(gap >= 150 - 5, `retry ${i} came ${gap} ms after the failure`);
      }
    });

    it('When a job fails with exponential backoff, then the wait doubles between tries', async function () {
      const calls: number[] = [];
      queue.process('exp', async () => {
        calls.push(Date.now());
        if (calls.length < 3) throw new Error('not yet');
      });
      const { id } = await queue.add('exp', {}, { attempts: 3, backoff: { type: 'exponential', delay: 100 } });
      const job = await finished(id);
      assert.equal(job.state, 'completed');
      assert.equal(calls.length, 3);
      const firstGap = calls[1]! - calls[0]!;
      const secondGap = calls[2]! - calls[1]!;
      assert.ok(firstGap >= 100 - 5, `first retry after ${firstGap} ms`);
      assert.ok(secondGap >= 200 - 5, `second retry after ${secondGap} ms`);
    });

    it('When a retry is pending its backoff, then getJob reports the job delayed', async function () {
      queue.process('retry-later', async () => {
        throw new Error('down');
      });
      const { id } = await queue.add('retry-later', {}, { attempts: 2, backoff: { type: 'fixed', delay: 60_000 } });
      const job = await waitFor(async () => {
        const info = await queue.getJob(id);
        return info?.attemptsMade === 1 ? info : null;
      }, 'first try to fail');
      assert.equal(job.state, 'delayed');
      assert.equal(job.failedReason, 'down');
    });

    it('When every attempt fails, then the job ends failed with the last error message', async function () {
      let calls = 0;
      queue.process('doomed', async () => {
        calls += 1;
        throw new Error(`boom ${calls}`);
      });
      const { id } = await queue.add('doomed', {}, { attempts: 2 });
      const job = await finished(id);
      assert.equal(job.state, 'failed');
      assert.equal(job.failedReason, 'boom 2');
      assert.equal(job.attemptsMade, 2);
      assert.ok(job.finishedAt instanceof Date);
      await sleep(200);
      assert.equal(calls, 2);
    });

    it('When handlers throw (an Error, a string, synchronously), then the jobs fail and the process carries on with the next job', async function () {
      const unhandled: unknown[] = [];
      const onUnhandled = (reason: unknown): void => {
        unhandled.push(reason);
      };
      process.on('unhandledRejection', onUnhandled);
      try {
        queue.process('throws-error', async () => {
          throw new Error('plain failure');
        });
        queue.process('throws-string', async () => {
          // eslint-disable-next-line @typescript-eslint/only-throw-error -- handlers written by others may do this
          throw 'a bare string';
        });
        const syncThrower: JobHandler = () => {
          throw new TypeError('thrown before any await');
        };
        queue.process('throws-sync', syncThrower);
        queue.process('fine', async () => 'still here');

        const a = await queue.add('throws-error', {});
        const b = await queue.add('throws-string', {});
        const c = await queue.add('throws-sync', {});
        const d = await queue.add('fine', {});

        assert.equal((await finished(a.id)).failedReason, 'plain failure');
        assert.equal((await finished(b.id)).failedReason, 'a bare string');
        assert.equal((await finished(c.id)).failedReason, 'thrown before any await');
        assert.equal((await finished(d.id)).result, 'still here');
        assert.deepEqual(unhandled, []);
      } finally {
        process.off('unhandledRejection', onUnhandled);
      }
    });

    it('When a schedule repeats every 200 ms, then its job runs at least twice with the schedule data, and after unschedule it stops', async function () {
      const runs: unknown[] = [];
      queue.process('heartbeat', async (job) => {
        runs.push(job.data);
      });
      await queue.schedule('heartbeat-every', 'heartbeat', { every: 200, data: { kind: 'beat' } });

      await waitFor(() => runs.length >= 2, 'two scheduled runs');
      assert.deepEqual(runs[0], { kind: 'beat' });

      await queue.unschedule('heartbeat-every');
      await sleep(150); // a run that was already taken may still start
      const settled = runs.length;
      await sleep(700);
      assert.equal(runs.length, settled, 'ran again after unschedule');
    });

    it('When a schedule is set again with the same id, then it replaces the first one instead of adding a second', async function () {
      const runs: string[] = [];
      queue.process('replaced', async (job) => {
        runs.push((job.data as { v: string }).v);
      });
      await queue.schedule('replace-me', 'replaced', { every: 500, data: { v: 'old' } });
      await waitFor(() => runs.length >= 1, 'first immediate run');
      await queue.schedule('replace-me', 'replaced', { every: 150, data: { v: 'new' } });
      await waitFor(() => runs.filter((v) => v === 'new').length >= 2, 'two runs of the new schedule');
      await sleep(700); // the old schedule's next run would have come by now
      await queue.unschedule('replace-me');
      assert.deepEqual(
        runs.filter((v) => v === 'old'),
        ['old'],
      );
    });

    it('When a cron schedule matches every second, then its job runs, and after unschedule it stops', async function () {
      this.timeout(15_000);
      const runs: number[] = [];
      queue.process('cron-tick', async () => {
        runs.push(Date.now());
      });
      await queue.schedule('cron-every-second', 'cron-tick', { cron: '* * * * * *', tz: 'Asia/Shanghai' });
      await waitFor(() => runs.length >= 2, 'two cron runs', { timeoutMs: 6000 });
      await queue.unschedule('cron-every-second');
      await sleep(300);
      const settled = runs.length;
      await sleep(1500);
      assert.equal(runs.length, settled);
    });

    it('When unschedule is called for an unknown schedule, then it resolves', async function () {
      await queue.unschedule('never-scheduled');
    });

    it('When a delayed job is removed, then it never runs and getJob returns null', async function () {
      let runs = 0;
      queue.process('cancelled', async () => {
        runs += 1;
      });
      const { id } = await queue.add('cancelled', {}, { delay: 300, jobId: 'reminder.s2.slot1' });
      assert.equal(await queue.remove(id), true);
      assert.equal(await queue.getJob(id), null);
      await sleep(600);
      assert.equal(runs, 0);
      assert.equal(await queue.remove(id), false);
    });

    it('When remove is called for a running job, then it returns false and the job still completes', async function () {
      const release = gate();
      queue.process('busy', async () => {
        await release.promise;
        return 'done';
      });
      const { id } = await queue.add('busy', {});
      await waitFor(async () => (await stateOf(id)) === 'active', 'job to start');
      assert.equal(await queue.remove(id), false);
      release.open();
      assert.equal((await finished(id)).result, 'done');
    });

    it('When getJob or remove is given an unknown id, then they answer null and false', async function () {
      assert.equal(await queue.getJob('no-such-job'), null);
      assert.equal(await queue.remove('no-such-job'), false);
    });

    it('When jobs of a name have no handler in this process, then they stay waiting while other names run', async function () {
      queue.process('handled', async () => 'ok');
      const other = await queue.add('not-handled-here', {});
      const mine = await queue.add('handled', {});
      assert.equal((await finished(mine.id)).state, 'completed');
      await sleep(200);
      assert.equal(await stateOf(other.id), 'waiting');
    });

    it('When concurrency is 2, then two jobs of that name run at once and the third waits', async function () {
      const release = gate();
      let running = 0;
      let peak = 0;
      queue.process(
        'pair',
        async () => {
          running += 1;
          peak = Math.max(peak, running);
          await release.promise;
          running -= 1;
        },
        { concurrency: 2 },
      );
      const ids = await Promise.all([1, 2, 3].map((n) => queue.add('pair', { n })));
      await waitFor(() => running === 2, 'two jobs running');
      await sleep(250);
      assert.equal(running, 2);
      const states = await Promise.all(ids.map(({ id }) => stateOf(id)));
      assert.deepEqual(states.filter((state) => state === 'active').length, 2);
      release.open();
      for (const { id } of ids) assert.equal((await finished(id)).state, 'completed');
      assert.equal(peak, 2);
    });

    it('When a name, jobId or option breaks the rules, then add rejects with InvalidJobError and stores nothing', async function () {
      await assert.rejects(queue.add('bad', {}, { jobId: 'has:colon' }), InvalidJobError);
      await assert.rejects(queue.add('bad', {}, { jobId: '42' }), InvalidJobError);
      await assert.rejects(queue.add('bad name', {}), InvalidJobError);
      await assert.rejects(queue.add('bad', {}, { attempts: 0 }), InvalidJobError);
      await assert.rejects(queue.add('bad', {}, { delay: -1 }), InvalidJobError);
      await assert.rejects(queue.add('bad', { n: 1n }), InvalidJobError);
      await assert.rejects(queue.schedule('s', 'bad', {}), InvalidJobError);
      await assert.rejects(queue.schedule('s', 'bad', { every: 100, cron: '* * * * *' }), InvalidJobError);
      await assert.rejects(queue.schedule('s', 'bad', { cron: 'not a cron' }), InvalidJobError);
      assert.equal(await queue.getJob('has:colon'), null);
      assert.throws(() => queue.process('bad name', async () => undefined), InvalidJobError);
    });

    it('When a second handler is registered for a name, then process throws', async function () {
      queue.process('single', async () => undefined);
      assert.throws(() => queue.process('single', async () => undefined), QueueError);
    });

    it('When the backend is up, then ping reports it reachable under the adapter name', async function () {
      const health = await queue.ping();
      assert.equal(health.reachable, true, health.detail);
      assert.equal(health.adapter, queue.adapter);
    });

    it('When close is called while a job runs, then close waits for the job to finish', async function () {
      let finishedAt = 0;
      queue.process('slow', async () => {
        await sleep(400);
        finishedAt = Date.now();
      });
      const { id } = await queue.add('slow', {});
      await waitFor(async () => (await stateOf(id)) === 'active', 'job to start');

      await queue.close();
      const closedAt = Date.now();

      assert.ok(finishedAt > 0, 'close returned before the running job finished');
      assert.ok(closedAt >= finishedAt);
    });

    it('When close has been called, then close again resolves and add rejects', async function () {
      await queue.close();
      await queue.close();
      await assert.rejects(queue.add('late', {}), QueueError);
      assert.throws(() => queue.process('late', async () => undefined), QueueError);
    });
  });
}
