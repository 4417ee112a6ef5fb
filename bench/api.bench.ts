/**
 * HTTP API figures (issue 3): requests/s and latency p50/p99 of `POST /api/v1/postings` and
 * `GET /api/v1/postings?…` on the embedded store with 20,000 companies loaded, beside a bare express "hello"
 * measured in the same run on the same machine, plus the server's resident memory.
 *
 * The server runs as its own process (the built `dist/server/main.js` with the node options of `npm start`) so its RSS is its
 * own; autocannon drives it from this process. Rate limits are switched off for the run.
 * Targets: create ≥ 1,500 req/s, list ≥ 2,000 req/s on 2 cores, p99 ≤ 50 ms, server RSS ≤ 400 MB.
 *
 * Run: npm run build && npx tsx bench/api.bench.ts [companies=20000] [seconds=10]
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { generateSyntheticZone } from '../seeds/demo/synthetic.js';
import { openEmbeddedStore } from '../server/store/adapters/embedded/index.js';
import { allSchemas } from '../server/compose.js';
import { createServices } from '../server/domain/services.js';
import { createEmbeddedIndex } from '../matcher/index/adapters/embedded/index.js';
import { createInlineQueue } from '../jobs/queue/adapters/inline/index.js';
import { companyCreateSchema } from '../server/domain/companies/schemas.js';

const companyCount = Number(process.argv[2] ?? 20_000);
const seconds = Number(process.argv[3] ?? 10);
const TOKEN = 'bench-admin-token-0123456789abcdef';

interface Figures {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /**
   * Server CPU milliseconds per request: what the run cost the server, including the background work it caused
   * (waited for before the next run), whatever else the machine was doing.
   */
  cpuMs?: number;
}

async function load(dataDir: string): Promise<{ companyIds: string[] }> {
  const store = openEmbeddedStore({ file: join(dataDir, 'zonematch.sqlite'), schemas: allSchemas });
  const logger = pino({ level: 'warn' });
  const queue = createInlineQueue({ store, logger });
  const services = createServices({ store, search: createEmbeddedIndex(), queue, logger });
  const zone = generateSyntheticZone({ companies: companyCount, seed: 7 });
  const actor = { role: 'admin' as const, id: 'bench' };
  const started = performance.now();
  const ids: string[] = [];
  for (let i = 0; i < zone.companies.length; i += 5000) {
    const created = await services.companies.createMany(actor, zone.companies.slice(i, i + 5000).map((c) => companyCreateSchema.parse(c.input)));
    ids.push(...created.map((c) => c.id));
  }
  console.log(`loaded ${ids.length} companies in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await queue.close();
  await store.close();
  return { companyIds: ids };
}

function startProcess(command: string, args: string[], env: Record<string, string>, readyPattern: RegExp): Promise<ChildProcess> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (readyPattern.test(output)) {
        // Ready: from now on the output (request logs at the default level) is read and dropped.
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        child.stdout?.resume();
        child.stderr?.resume();
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output.slice(-2000)}`)));
  });
}

/** The node options `npm start` runs the server with (package.json), so the server here runs as it does there. */
function startNodeOptions(): string[] {
  const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } };
  const words = scripts.start.trim().split(/\s+/);
  const entry = words.indexOf('dist/server/main.js');
  if (words[0] !== 'node' || entry < 0) throw new Error(`package.json "start" is not "node [options] dist/server/main.js": ${scripts.start}`);
  return words.slice(1, entry);
}

/** CPU seconds (user + system) the process has used so far, from /proc (clock ticks of 10 ms). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function rssMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

/**
 * Waits until the server has been idle for half a second: the search-index sync of the postings just created runs
 * after their requests were answered, and belongs to the create run rather than to the next one. Returns seconds.
 */
async function settle(pid: number): Promise<number> {
  const started = performance.now();
  let last = cpuSeconds(pid);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = cpuSeconds(pid);
    if (now - last < 0.03) return (performance.now() - started) / 1000;
    last = now;
  }
}

async function run(name: string, options: autocannon.Options, serverPid?: number): Promise<Figures> {
  const cpuBefore = serverPid === undefined ? 0 : cpuSeconds(serverPid);
  const result = await autocannon({ connections: 32, duration: seconds, ...options });
  const settled = serverPid === undefined ? 0 : await settle(serverPid);
  if (settled > 0.6) console.log(`${name}: background work (search-index sync) finished ${settled.toFixed(1)} s after the run`);
  const cpuMs = serverPid === undefined ? undefined : ((cpuSeconds(serverPid) - cpuBefore) * 1000) / result.requests.total;
  return {
    cpuMs,
    name,
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zm-bench-api-'));
  const { companyIds } = await load(dataDir);

  const hello = await startProcess(
    process.execPath,
    ['-e', "const e=require('express');const a=e();a.get('/',(q,s)=>s.json({hello:'world'}));a.listen(3981,'127.0.0.1',()=>console.log('ready'))"],
    {},
    /ready/,
  );
  const helloFigures = await run('bare express hello', { url: 'http://127.0.0.1:3981/' }, hello.pid);
  hello.kill('SIGTERM');

  const server = await startProcess(
    process.execPath,
    // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server during the runs.
    [...startNodeOptions(), ...(process.env['BENCH_NODE_ARGS']?.split(' ').filter(Boolean) ?? []), 'dist/server/main.js'],
    { PORT: '3982', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_TOKEN: TOKEN, SEED_DEMO: '0', LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_IP_PER_MINUTE: '0', NODE_ENV: 'production' },
    /is ready/,
  );
  const atStart = rssMiB(server.pid ?? 0);
  const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  let n = 0;
  const create = await run('POST /api/v1/postings', {
    url: 'http://127.0.0.1:3982/api/v1/postings',
    method: 'POST',
    headers,
    requests: [
      {
        setupRequest: (request) => {
          n += 1;
          const body = {
            companyId: companyIds[n % companyIds.length],
            kind: n % 2 === 0 ? 'need' : 'capability',
            title: `SMT贴片加工产能 ${n}`,
            description: '提供SMT贴片、PCBA加工与整机组装，月产能50万点，通过ISO 9001与IATF 16949认证。',
            tags: ['SMT', 'PCBA'],
            industries: ['C3982'],
          };
          return { ...request, body: JSON.stringify(body) };
        },
      },
    ],
  }, server.pid);
  const afterCreate = rssMiB(server.pid ?? 0);
  const list = await run('GET /api/v1/postings?kind=need&industry=C39&limit=20', {
    url: 'http://127.0.0.1:3982/api/v1/postings?kind=need&industry=C39&limit=20',
    headers,
  }, server.pid);
  const memory = rssMiB(server.pid ?? 0);
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });

  console.log(`\n${companyCount} companies, ${seconds} s per run, 32 connections, ${(await import('node:os')).cpus().length} cores`);
  console.log('| run | requests/s | p50 ms | p99 ms | server CPU ms/request | errors | non-2xx |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const f of [helloFigures, create, list]) {
    console.log(`| ${f.name} | ${f.rps.toFixed(0)} | ${f.p50} | ${f.p99} | ${f.cpuMs?.toFixed(2) ?? '-'} | ${f.errors} | ${f.non2xx} |`);
  }
  console.log(
    `server RSS: ${atStart.rss.toFixed(0)} MiB when ready, ${afterCreate.rss.toFixed(0)} MiB after creating ${create.requests} postings, ` +
      `${memory.rss.toFixed(0)} MiB after the runs (peak ${memory.peak.toFixed(0)} MiB)`,
  );
}

await main();
