/**
 * A private, throwaway redis-server for fault tests: its own port and data directory, killed and restarted at
 * will without touching the shared Redis other suites use.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redisAnswers } from './redis.js';
import { waitFor } from './wait.js';

export function redisServerInstalled(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface PrivateRedis {
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  /** Starts (or restarts) the server on the same port and directory; resolves when it answers PING. */
  start(): Promise<void>;
  /** SIGKILL: no shutdown work at all, like a crashed host process. Resolves when the process is gone. */
  kill(): Promise<void>;
  /** Stops the server and deletes its directory. */
  destroy(): Promise<void>;
}

export async function privateRedis(extraArgs: string[] = []): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'zm-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  let child: { process: ChildProcess; gone: Promise<void> } | null = null;

  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (!child) return;
    const { process: running, gone } = child;
    running.kill(signal); // no-op if it already ended
    await gone;
    child = null;
  };

  return {
    url,
    port,
    dir,
    async start() {
      const started = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--daemonize', 'no', ...extraArgs],
        { stdio: 'ignore' },
      );
      child = { process: started, gone: new Promise((resolve) => started.once('close', () => resolve())) };
      await waitFor(() => redisAnswers(url), `redis-server on port ${port}`, { timeoutMs: 10_000, intervalMs: 50 });
    },
    kill: () => stop('SIGKILL'),
    async destroy() {
      await stop('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
