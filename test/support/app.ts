/**
 * Component-test harness: starts the real product in-process (embedded store, in-process index, inline queue)
 * on port 0 with a fresh DATA_DIR, and hands out supertest agents with the bootstrap admin token or any other.
 */
import { rmSync } from 'node:fs';
import { pino } from 'pino';
import request from 'supertest';
import { loadConfig } from '../../server/config.js';
import { startServer, type RunningServer } from '../../server/runtime.js';
import { tempDataDir } from './process.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface TestApp {
  server: RunningServer;
  url: string;
  /** Sends a request with `Authorization: Bearer <token>` (the admin token unless another is given). */
  as(token?: string): {
    get(path: string): request.Test;
    post(path: string): request.Test;
    patch(path: string): request.Test;
    put(path: string): request.Test;
    delete(path: string): request.Test;
  };
  /** No credentials at all. */
  anonymous: ReturnType<typeof request>;
  stop(): Promise<void>;
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = tempDataDir();
  // Rate limits off unless a suite asks for them (test/server/rate-limit.test.ts does): suites send hundreds of
  // requests and deliberate bad tokens from one address and one credential.
  const limitsOff = { RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_IP_PER_MINUTE: '0', RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: '0' };
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_TOKEN, SEED_DEMO: '0', NODE_ENV: 'test', ...limitsOff, ...env });
  const server = await startServer(config, pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }));
  return testAppOf(server, async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
}

/** A TestApp over a server a suite started itself (restart tests start and stop servers on one DATA_DIR). */
export function testAppOf(server: RunningServer, stop: () => Promise<void> = () => server.stop()): TestApp {
  const agent = request(server.url);
  const as = (token: string = ADMIN_TOKEN) => {
    const auth = { Authorization: `Bearer ${token}` };
    return {
      get: (path: string) => agent.get(path).set(auth),
      post: (path: string) => agent.post(path).set(auth),
      patch: (path: string) => agent.patch(path).set(auth),
      put: (path: string) => agent.put(path).set(auth),
      delete: (path: string) => agent.delete(path).set(auth),
    };
  };
  return { server, url: server.url, as, anonymous: agent, stop };
}
