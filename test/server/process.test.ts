import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { spawnEntry, tempDataDir, type Spawned } from '../support/process.js';

async function startMain(env: Record<string, string> = {}): Promise<{ proc: Spawned; url: string; dataDir: string }> {
  const dataDir = tempDataDir();
  const proc = spawnEntry('server/main.ts', { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: '0', ...env });
  const ready = await proc.waitForLog((line) => typeof line.url === 'string' && String(line.msg).includes('is ready'));
  return { proc, url: String(ready.url), dataDir };
}

describe('server process', () => {
  it('When PORT is not a number, then start fails with a readable message and exit code 1', async () => {
    const proc = spawnEntry('server/main.ts', { PORT: 'abc' });
    const { code } = await proc.exited;
    assert.equal(code, 1);
    assert.match(proc.stderr(), /PORT must be an integer between 0 and 65535/);
    assert.doesNotMatch(proc.stderr(), /at .*\.ts:\d+/, 'no stack trace');
  });

  it('When started on the embedded default, then health is 200 and the generated admin token works', async () => {
    const { proc, url, dataDir } = await startMain();
    try {
      const health = await fetch(`${url}/api/v1/health`);
      assert.equal(health.status, 200);
      const body = (await health.json()) as Record<string, { adapter: string; reachable: boolean }>;
      assert.equal(body.store?.adapter, 'embedded-sqlite');
      assert.equal(body.search?.adapter, 'embedded');
      assert.equal(body.queue?.adapter, 'inline');
      const tokenFile = join(dataDir, 'admin-token');
      assert.ok(existsSync(tokenFile));
      assert.match(proc.stdout(), new RegExp(`administrator token is in ${tokenFile.replace(/[/.]/g, '\\$&')}`));
      const token = readFileSync(tokenFile, 'utf8').trim();
      assert.doesNotMatch(proc.stdout(), new RegExp(token), 'the token itself is never logged');
      const me = await fetch(`${url}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
      assert.equal(me.status, 200);
    } finally {
      proc.child.kill('SIGKILL');
    }
  });

  it('When SIGTERM arrives during a request, then the request completes, new connections are refused and the process exits 0', async () => {
    const { proc, url } = await startMain();
    const { hostname, port } = new URL(url);
    // A request whose body is still arriving when the signal comes.
    const body = JSON.stringify({ probe: 'x'.repeat(1000) });
    const inFlight = new Promise<number>((resolve, reject) => {
      const req = httpRequest({ hostname, port, method: 'POST', path: '/api/v1/echo', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        proc.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 300);
      }, 100);
    });
    const status = await inFlight;
    assert.equal(status, 401, 'the in-flight request was answered (by the auth check)');
    const { code } = await proc.exited;
    assert.equal(code, 0);
    await assert.rejects(fetch(`${url}/api/v1/health`), 'the server no longer accepts connections');
    assert.match(proc.stdout(), /shutdown complete/);
  });

  it('When PROCESS_ROLE=worker is given to npm start, then it refuses and points to npm run worker', async () => {
    const proc = spawnEntry('server/main.ts', { PROCESS_ROLE: 'worker', REDIS_URL: 'redis://127.0.0.1:6379', MEILI_HOST: 'http://127.0.0.1:7700' });
    const { code } = await proc.exited;
    assert.equal(code, 1);
    assert.match(proc.stderr(), /npm run worker/);
  });

  it('When the worker is started without REDIS_URL, then it explains that it needs Redis', async () => {
    const proc = spawnEntry('jobs/worker.ts', {});
    const { code } = await proc.exited;
    assert.equal(code, 1);
    assert.match(proc.stderr(), /PROCESS_ROLE=worker needs REDIS_URL/);
  });
});
