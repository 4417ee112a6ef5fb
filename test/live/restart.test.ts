/**
 * The clock survives a restart: the server stops mid-session, time passes, it starts again on the same data, and
 * the timeline continues at the slot the planned times say — not where it stopped, and not from scratch.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { pino } from 'pino';
import { loadConfig } from '../../server/config.js';
import { startServer, type RunningServer } from '../../server/runtime.js';
import { ADMIN_TOKEN, testAppOf } from '../support/app.js';
import { tempDataDir } from '../support/process.js';
import { connect, next, scheduledSession } from './support.js';

const MINUTE_MS = 60_000;

describe('live clock across a restart', () => {
  const dataDir = tempDataDir();
  const start = () =>
    startServer(
      loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_TOKEN, SEED_DEMO: '0', NODE_ENV: 'test', RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_IP_PER_MINUTE: '0', RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: '0' }),
      pino({ level: 'silent' }),
    );
  let server: RunningServer | undefined;

  after(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('When the server is down across two slot boundaries, then after the restart the session is at the right slot with the planned end time', async () => {
    server = await start();
    const app = testAppOf(server);
    const { sessionId, participants } = await scheduledSession(
      app,
      [
        { name: '京联电子', description: 'SMT 贴片加工' },
        { name: '星河算力', description: '服务器整机' },
      ],
      [[0, 1]],
      { slotMinutes: 5, slotCount: 4 },
    );
    assert.equal((await app.as().post(`/api/v1/sessions/${sessionId}/live/start`).send({})).status, 200);
    // The server goes down twelve minutes into the session: slot 0 ended 7 minutes ago, slot 1 ended 2 minutes ago.
    const began = Date.now() - 12 * MINUTE_MS;
    const sessions = server.services.sessions.db.sessions;
    const stored = await sessions.findById(sessionId);
    const generation = (stored?.live?.generation ?? 0) + 1;
    await sessions.updateOne(
      { _id: sessionId },
      { $set: { 'live.phaseStartedAt': new Date(began), 'live.phaseEndsAt': new Date(began + 5 * MINUTE_MS), 'live.startedAt': new Date(began), 'live.generation': generation } },
    );
    await server.stop();

    server = await start();
    const restarted = testAppOf(server);
    let clock: { slot: number; phase: string; phaseEndsAt: string } | undefined;
    for (let i = 0; i < 100; i += 1) {
      clock = (await restarted.as().get(`/api/v1/sessions/${sessionId}/live`)).body.clock;
      if (clock?.slot === 2) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(clock?.slot, 2);
    assert.equal(clock?.phase, 'meeting');
    assert.equal(new Date(clock?.phaseEndsAt ?? 0).getTime(), began + 15 * MINUTE_MS);

    const phone = connect(restarted.url, { token: participants[0]?.joinToken });
    try {
      const state = await next<{ clock: { slot: number } }>(phone, 'session:state');
      assert.equal(state.clock.slot, 2);
    } finally {
      phone.close();
    }
  });
});
