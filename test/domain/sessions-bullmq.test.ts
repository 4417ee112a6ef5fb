/**
 * The session flow with its jobs on BullMQ (Redis): schedule runs with progress, outbox deliveries, reminders as
 * delayed jobs, and one run at a time. Runs in CI (REQUIRE_REDIS=1); each run uses its own queue namespace and
 * removes its keys afterwards.
 */
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/app.js';
import { keysWithPrefix, redisUrl, requireRedis, uniquePrefix, withRedis } from '../jobs/support/redis.js';
import { createCompany } from './fixtures.js';

const HOUR_MS = 3_600_000;

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('matchmaking sessions on BullMQ', function () {
  let app: TestApp | undefined;
  const queueName = uniquePrefix('sessions');

  before(async function () {
    if (!(await requireRedis(this))) return;
    app = await startTestApp({ REDIS_URL: redisUrl, QUEUE_NAME: queueName });
  });

  after(async () => {
    await app?.stop();
    await withRedis(redisUrl, async (client) => {
      const keys = [...(await keysWithPrefix(client, `bull:${queueName}`)), ...(await keysWithPrefix(client, queueName))];
      if (keys.length > 0) await client.del(...keys);
    });
  });

  it('When a session is scheduled on BullMQ, then the job reports progress, the agenda is stored, messages are delivered and reminders wait as delayed jobs', async () => {
    const test = app as TestApp;
    const session = await test.as().post('/api/v1/sessions').send({
      title: '新能源汽车产业链对接会',
      startsAt: new Date(Date.now() + 3 * 24 * HOUR_MS).toISOString(),
      slotMinutes: 20,
      slotCount: 3,
      tables: 2,
    });
    assert.equal(session.status, 201);
    const id = session.body.id as string;
    assert.equal((await test.as().patch(`/api/v1/sessions/${id}`).send({ status: 'open' })).status, 200);
    const participants = [];
    for (const name of ['智驾域控', '联驰机器人', '亦测检测']) {
      const companyId = await createCompany(test, { name });
      const res = await test.as().post(`/api/v1/sessions/${id}/participants`).send({ companyId });
      assert.equal(res.status, 201);
      participants.push(res.body as { id: string; joinToken: string });
    }
    const [a, b, c] = participants as [{ id: string; joinToken: string }, { id: string; joinToken: string }, { id: string; joinToken: string }];
    for (const [from, to] of [[a, b], [a, c], [b, c]] as const) {
      const made = await test.as(from.joinToken).post(`/api/v1/sessions/${id}/meeting-requests`).send({ from: from.id, to: to.id, priority: 2 });
      assert.equal(made.status, 201);
      assert.equal((await test.as(to.joinToken).patch(`/api/v1/sessions/${id}/meeting-requests/${made.body.id}`).send({ status: 'accepted' })).status, 200);
    }

    const run = await test.as().post(`/api/v1/sessions/${id}/schedule`).send({});
    assert.equal(run.status, 202);
    const job = await until('the schedule job', async () => {
      const res = await test.as().get(`/api/v1/jobs/${run.body.jobId}`);
      const body = res.body as { state: string; failedReason?: string; progress: unknown; result: { value: number } };
      return body.state === 'completed' || body.state === 'failed' ? body : undefined;
    });
    assert.equal(job.state, 'completed', job.failedReason);
    assert.deepEqual(job.progress, { phase: 'saving', fraction: 1 });
    assert.equal(job.result.value, 6);
    const agenda = await test.as().get(`/api/v1/sessions/${id}/agenda`);
    assert.equal(agenda.body.meetings.length, 3);

    const delivered = await until('the meeting-request messages to be delivered', async () => {
      const res = await test.as().get(`/api/v1/outbox?sessionId=${id}&kind=meeting-request`);
      const items = res.body.items as { status: string; channel?: string }[];
      return items.length === 3 && items.every((m) => m.status === 'sent') ? items : undefined;
    });
    assert.ok(delivered.every((m) => m.channel === 'log'));

    const reminders = await test.as().get(`/api/v1/outbox?sessionId=${id}&kind=reminder`);
    assert.equal(reminders.body.items.length, 6);
    const queue = test.server.services.deps.queue;
    const states = await Promise.all(
      (await test.server.services.outbox.messages.find({ sessionId: id, kind: 'reminder' })).map(async (m) => (await queue.getJob(m.jobId ?? ''))?.state),
    );
    assert.deepEqual([...new Set(states)], ['delayed']);
  });

  it('When two runs are asked for at once on BullMQ, then exactly one is queued', async () => {
    const test = app as TestApp;
    const session = await test.as().post('/api/v1/sessions').send({ title: '机器人产业对接会', startsAt: new Date(Date.now() + 24 * HOUR_MS).toISOString(), slotMinutes: 15, slotCount: 2, tables: 1 });
    const id = session.body.id as string;
    await test.as().patch(`/api/v1/sessions/${id}`).send({ status: 'open' });
    const [first, second] = await Promise.all([test.as().post(`/api/v1/sessions/${id}/schedule`).send({}), test.as().post(`/api/v1/sessions/${id}/schedule`).send({})]);
    assert.deepEqual([first.status, second.status].sort(), [202, 409]);
  });
});
