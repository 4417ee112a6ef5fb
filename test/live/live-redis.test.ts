/**
 * Two server instances on one Redis: rooms span both through the Redis streams adapter, and a phone that drops
 * for five seconds gets the events it missed (connection-state recovery). The instances share one store, as two
 * API nodes share MongoDB in production.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import type { Socket } from 'socket.io-client';
import { adminTokenSource } from '../../server/http/auth.js';
import { createServices } from '../../server/domain/services.js';
import { createLiveServer, type LiveServer } from '../../server/live/server.js';
import { keysWithPrefix, redisUrl, requireRedis, uniquePrefix, withRedis } from '../jobs/support/redis.js';
import { ADMIN_TOKEN, startTestApp, type TestApp } from '../support/app.js';
import { connect, next, scheduledSession, send, type LiveParticipant } from './support.js';

const COMPANIES = [
  { name: '智驾域控', description: '自动驾驶域控制器研发制造' },
  { name: '联驰机器人', description: 'AGV/AMR 移动机器人' },
  { name: '亦测检测', description: 'EMC 与车规级可靠性检测' },
  { name: '恒睿元件', description: '车规级功率电感' },
];

describe('live rooms across two instances on Redis', function () {
  this.timeout(30_000);
  let app: TestApp | undefined;
  let second: { http: Server; live: LiveServer; url: string } | undefined;
  const namespace = uniquePrefix('live');
  const sockets: Socket[] = [];
  let sessionId: string;
  let ps: LiveParticipant[];

  before(async function () {
    if (!(await requireRedis(this))) return;
    app = await startTestApp({ REDIS_URL: redisUrl, QUEUE_NAME: namespace });
    // Instance B: its own HTTP server, Socket.IO server, Redis adapter connection and services over the same store.
    const services = createServices(app.server.services.deps);
    const credentials = [adminTokenSource(ADMIN_TOKEN), services.users.credentialSource(), services.apiKeys.credentialSource(), services.sessions.credentialSource()];
    const http = createServer();
    const live = createLiveServer(http, { logger: pino({ level: 'silent' }), credentials, redisUrl, redisNamespace: namespace, gateway: { live: services.live, sessions: services.sessions } });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    second = { http, live, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` };
    ({ sessionId, participants: ps } = await scheduledSession(app, COMPANIES, [[0, 1], [2, 3]]));
  });

  after(async () => {
    for (const socket of sockets) socket.close();
    if (second) {
      await second.live.close();
      await new Promise((resolve) => second?.http.close(resolve));
    }
    await app?.stop();
    await withRedis(redisUrl, async (client) => {
      const keys = [...(await keysWithPrefix(client, namespace)), ...(await keysWithPrefix(client, `bull:${namespace}`))];
      if (keys.length > 0) await client.del(...keys);
    });
  });

  function open(url: string, auth: Record<string, unknown>, reconnectionDelay?: number): Socket {
    const socket = connect(url, auth, reconnectionDelay ? { reconnectionDelay } : {});
    sockets.push(socket);
    return socket;
  }

  it('When the staff console on instance B starts the session, then a participant on instance A receives slot:started and meeting:next', async () => {
    const test = app as TestApp;
    const onA = open(test.url, { token: ps[0]?.joinToken });
    await next(onA, 'session:state');
    const staffOnB = open(second?.url ?? '', { token: ADMIN_TOKEN, sessionId });
    await next(staffOnB, 'session:state');
    const started = next<{ slot: number }>(onA, 'slot:started');
    const meeting = next<{ partner: { companyName: string } }>(onA, 'meeting:next');
    const ack = await send(staffOnB, 'live:start', {});
    assert.equal(ack.ok, true, JSON.stringify(ack));
    assert.equal((await started).slot, 0);
    assert.equal((await meeting).partner.companyName, '联驰机器人');
  });

  it('When a participant on instance A checks in, then the staff console on instance B sees it', async () => {
    const test = app as TestApp;
    const staffOnB = open(second?.url ?? '', { token: ADMIN_TOKEN, sessionId });
    await next(staffOnB, 'session:state');
    const onA = open(test.url, { token: ps[2]?.joinToken });
    await next(onA, 'session:state');
    const seen = next<{ participantId: string }>(staffOnB, 'checkin:update', 5000, (u) => u.participantId === ps[2]?.id);
    assert.equal((await send(onA, 'checkin', {})).ok, true);
    await seen;
  });

  it('When a phone drops for five seconds, then on reconnecting it receives the slot:started it missed', async () => {
    const test = app as TestApp;
    const phone = open(test.url, { token: ps[1]?.joinToken }, 5000);
    await next(phone, 'session:state');
    const staffOnB = open(second?.url ?? '', { token: ADMIN_TOKEN, sessionId });
    await next(staffOnB, 'session:state');
    // A transport failure (not a deliberate disconnect), as when a phone loses the network.
    phone.io.engine.close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(phone.connected, false);
    const missed = next<{ slot: number }>(phone, 'slot:started', 10_000, (s) => s.slot === 1);
    assert.equal((await send(staffOnB, 'live:advance', {})).ok, true);
    const recovered = new Promise<boolean>((resolve) => phone.once('connect', () => resolve(phone.recovered)));
    assert.equal((await missed).slot, 1);
    assert.equal(await recovered, true);
  });
});
