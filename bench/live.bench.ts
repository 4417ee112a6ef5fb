/**
 * Live-rooms figures: 2,000 participant connections (socket.io-client, WebSocket transport) to one session.
 *
 * 1. One node: bench/live-server.ts starts the product on the embedded store in a child process, sets up 2,000
 *    companies, one session (ADVANCES + 2 slots of 20 minutes, 500 tables, the schema's maximum), 2,000
 *    participants and 4,000 accepted requests, and schedules it. The clients connect in parallel batches (time per
 *    connection until `session:state`); a staff console sends `live:start` and then `live:advance` ADVANCES times,
 *    a second apart. For every `slot:started` the latency is receipt time − the payload's `serverTime` (one machine,
 *    one clock); the `meeting:next` that follows is timed against the same `serverTime`. Server RSS before the
 *    clients, after connecting and at peak. Targets: p99 ≤ 250 ms, every client receives every slot, RSS ≤ 600 MB.
 * 2. Two nodes on Redis (BullMQ queue and the Redis streams adapter, under a QUEUE_NAME of their own): node 1 as
 *    above; node 2 starts on a copy of node 1's store (SQLite backup API, taken after the setup) and serves half the
 *    clients, which hear the clock that the console on node 1 drives through the adapter. Target p99 ≤ 400 ms.
 *
 * Clients run in CLIENT_PROCS child processes (bench/live-client-worker.ts; default 2), or in this process with 0.
 * With all 2,000 in one process its event loop stalled for up to half a second while a round arrived, which then
 * counted as fan-out latency; each client process reports its event-loop delay so that this stays visible.
 * Children, temporary directories and the Redis keys of the run are removed at the end, also after a failure or
 * Ctrl-C.
 *
 * Run: npm run bench:live [-- --clients 2000 --requests 4000 --advances 10 --client-procs 2 --batch 100
 *                             --scenario both|one|two]
 * Redis: REDIS_URL (default redis://127.0.0.1:6379).
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import { ClientGroup } from './live-clients.js';
import type { ConnectResult, Counts, ParentToServer, ParentToWorker, RoundResult, ServerToParent, SetupInfo, WorkerToParent } from './live-protocol.js';

const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: '2000' },
    requests: { type: 'string', default: '4000' },
    advances: { type: 'string', default: '10' },
    'client-procs': { type: 'string', default: '2' },
    batch: { type: 'string', default: '100' },
    scenario: { type: 'string', default: 'both' },
  },
});
const CLIENTS = Number(args.clients);
const REQUESTS = Number(args.requests);
const ADVANCES = Number(args.advances);
const CLIENT_PROCS = Number(args['client-procs']);
const BATCH = Number(args.batch);
const SCENARIO = args.scenario;
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
/** Slots: one for `live:start`, one per advance, one spare so the last advance does not close the session. */
const SLOTS = ADVANCES + 2;
/** The schema's maximum; 500 tables × SLOTS slots leave room for every accepted request. */
const TABLES = 500;
const ROUND_TIMEOUT_MS = 15_000;
const SETUP_TIMEOUT_MS = 300_000;
const TARGETS = { one: { p99: 250 }, two: { p99: 400 }, rssMiB: 600 };

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MiB = 2 ** 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- cleanup ----------------------------------------------------------------------------------------------------

const children = new Set<ChildProcess>();
const tempDirs: string[] = [];
const redisNamespaces: string[] = [];

function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `zonematch-live-bench-${label}-`));
  tempDirs.push(dir);
  return dir;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    children.delete(child);
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.connected) child.send({ type: 'stop' } satisfies ParentToServer & ParentToWorker, () => undefined);
  else child.kill('SIGTERM');
  const killed = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(killed);
  children.delete(child);
}

async function deleteRedisKeys(namespace: string): Promise<number> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let deleted = 0;
    for (const pattern of [`${namespace}:*`, `bull:${namespace}:*`, `bull:${namespace}.*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        cursor = next;
        if (keys.length > 0) deleted += await redis.unlink(...keys);
      } while (cursor !== '0');
    }
    return deleted;
  } finally {
    redis.disconnect();
  }
}

let cleaned: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaned ??= (async () => {
    await Promise.all([...children].map((child) => stopChild(child).catch(() => child.kill('SIGKILL'))));
    for (const namespace of redisNamespaces) {
      const deleted = await deleteRedisKeys(namespace).catch((error: unknown) => {
        console.error(`could not delete the Redis keys of ${namespace}: ${String(error)}`);
        return 0;
      });
      console.error(`redis: deleted ${deleted} keys of ${namespace}`);
    }
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  })();
  return cleaned;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}
process.on('unhandledRejection', (error) => {
  console.error(error);
  void cleanup().finally(() => process.exit(1));
});
// Last resort if something exits the process without the cleanup above.
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

// ---- server nodes -----------------------------------------------------------------------------------------------

interface Rss {
  rss: number;
  peak: number;
  maxRss: number;
  cpuMs: number;
}

class ServerNode {
  private pending: ((message: ServerToParent) => void) | undefined;

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
    readonly info: Partial<SetupInfo> & { url: string },
  ) {
    child.on('message', (message: unknown) => this.pending?.(message as ServerToParent));
  }

  static async start(name: string, env: Record<string, string>): Promise<ServerNode> {
    const dir = env.BENCH_INFO_DIR as string;
    const infoFile = join(dir, `${name}.json`);
    const child = fork(join(ROOT, 'bench/live-server.ts'), [], {
      cwd: ROOT,
      execArgv: ['--expose-gc', '--import', 'tsx'],
      env: { ...serverEnv(), ...env, BENCH_INFO: infoFile },
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    children.add(child);
    child.on('error', (error) => console.error(`[${name}] ${error.message}`));
    if (child.stderr) createInterface({ input: child.stderr }).on('line', (line) => console.error(`[${name}] ${line}`));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} was not ready within ${SETUP_TIMEOUT_MS / 1000} s`)), SETUP_TIMEOUT_MS);
      const onExit = (code: number | null) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited (${code}) before it was ready`));
      };
      child.once('exit', onExit);
      child.on('message', (raw: unknown) => {
        const message = raw as ServerToParent;
        if (message.type === 'ready') {
          clearTimeout(timer);
          child.off('exit', onExit);
          resolve();
        } else if (message.type === 'failed') {
          clearTimeout(timer);
          reject(new Error(`${name}: ${message.message}`));
        }
      });
    });
    return new ServerNode(name, child, JSON.parse(readFileSync(infoFile, 'utf8')) as Partial<SetupInfo> & { url: string });
  }

  /** RSS now and the peak since the last reset; `resetPeak` starts a new peak window, `gc` collects first. */
  rss(options: { resetPeak?: boolean; gc?: boolean } = {}): Promise<Rss> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name} did not report its RSS`)), 10_000);
      this.pending = (message) => {
        if (message.type !== 'rss') return;
        clearTimeout(timer);
        this.pending = undefined;
        resolve(message);
      };
      this.child.send({ type: 'rss', ...options } satisfies ParentToServer, (error) => {
        if (!error) return;
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  /** What a setup node wrote (a serving node only has its url). */
  get setup(): SetupInfo {
    if (this.info.tokens === undefined) throw new Error(`${this.name} did not set up a session`);
    return this.info as SetupInfo;
  }

  stop(): Promise<void> {
    return stopChild(this.child);
  }
}

/** The environment of a server node: this one without anything that would pick other adapters or ports. */
function serverEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  const foreign = new Set(['MONGODB_URI', 'MEILI_HOST', 'MEILI_API_KEY', 'REDIS_URL', 'QUEUE_NAME', 'PROCESS_ROLE', 'PORT', 'HOST', 'DATA_DIR', 'ADMIN_TOKEN', 'SEED_DEMO', 'NODE_OPTIONS']);
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !foreign.has(key) && !key.startsWith('BENCH_')) env[key] = value;
  return env;
}

// ---- client groups ----------------------------------------------------------------------------------------------

interface Group {
  connect(url: string, tokens: string[], node: number): Promise<ConnectResult>;
  round(slot: number, timeoutMs: number): Promise<RoundResult>;
  counts(): Promise<Counts>;
  close(): Promise<void>;
}

function localGroup(batch: number): Group {
  const group = new ClientGroup();
  return {
    connect: (url, tokens, node) => group.connect(url, tokens, batch, node),
    round: (slot, timeoutMs) => group.round(slot, timeoutMs),
    counts: () => Promise.resolve(group.counts()),
    close: () => Promise.resolve(group.close()),
  };
}

function workerGroup(batch: number): Group {
  const child = fork(join(ROOT, 'bench/live-client-worker.ts'), [], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.add(child);
  child.on('error', (error) => console.error(`client worker: ${error.message}`));
  const waiting = new Map<string, { resolve: (message: WorkerToParent) => void; reject: (error: Error) => void }>();
  child.on('message', (raw: unknown) => {
    const message = raw as WorkerToParent;
    if (message.type === 'failed') {
      for (const w of waiting.values()) w.reject(new Error(`client worker: ${message.message}`));
      waiting.clear();
      return;
    }
    const w = waiting.get(message.type);
    waiting.delete(message.type);
    w?.resolve(message);
  });
  child.once('exit', (code) => {
    for (const w of waiting.values()) w.reject(new Error(`client worker exited (${code})`));
    waiting.clear();
  });
  const ask = <T extends WorkerToParent['type']>(request: ParentToWorker, answer: T) =>
    new Promise<Extract<WorkerToParent, { type: T }>>((resolve, reject) => {
      if (!child.connected) return reject(new Error('client worker is gone'));
      waiting.set(answer, { resolve: resolve as (message: WorkerToParent) => void, reject });
      child.send(request, (error) => {
        if (!error) return;
        waiting.delete(answer);
        reject(error);
      });
    });
  return {
    connect: async (url, tokens, node) => (await ask({ type: 'connect', url, tokens, batch, node }, 'connected')).result,
    round: async (slot, timeoutMs) => (await ask({ type: 'round', slot, timeoutMs }, 'round')).result,
    counts: async () => (await ask({ type: 'counts' }, 'counts')).result,
    close: async () => {
      await ask({ type: 'close' }, 'closed');
      child.disconnect();
      await stopChild(child);
    },
  };
}

// ---- statistics ---------------------------------------------------------------------------------------------------

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, min: sorted[0] ?? Number.NaN, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}

const ms = (v: number) => (Number.isNaN(v) ? '–' : `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`);
const mib = (bytes: number) => `${Math.round(bytes / MiB)} MiB`;

function machineLoad(): string {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `load average: ${loadavg().map((l) => l.toFixed(2)).join(', ')}`;
  }
}

// ---- one scenario -------------------------------------------------------------------------------------------------

interface NodeFigures {
  name: string;
  clients: number;
  fanout: ReturnType<typeof summary>;
  next: ReturnType<typeof summary>;
  idle: Rss;
  connected: Rss;
  end: Rss;
  /** Server CPU time during the rounds over their wall time (100 % = one core). */
  cpuPercent: number;
}

interface ScenarioFigures {
  title: string;
  target: number;
  clients: number;
  connected: number;
  failed: number;
  errors: string[];
  connectWallMs: number;
  connect: ReturnType<typeof summary>;
  rounds: number;
  receivedPerRound: number[];
  /** Per round, the lowest latency: how long the server took until the emit, roughly. */
  firstPerRound: number[];
  fanout: ReturnType<typeof summary>;
  next: ReturnType<typeof summary>;
  nodes: NodeFigures[];
  ackMs: ReturnType<typeof summary>;
  meetingNext: number;
  disconnects: number;
  clientLoopMaxMs: number;
  clientCpuPercent: number;
  roundsWallMs: number;
  load: string;
}

function openStaff(url: string, token: string, sessionId: string): Promise<Socket> {
  const socket = io(`${url}/live`, { auth: { token, sessionId }, transports: ['websocket'], forceNew: true });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the staff console got no session:state')), 30_000);
    socket.once('session:state', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (error: Error) => {
      clearTimeout(timer);
      reject(new Error(`staff console: ${error.message}`));
    });
  });
}

async function runScenario(title: string, target: number, nodes: ServerNode[]): Promise<ScenarioFigures> {
  const setup = (nodes[0] as ServerNode).setup;
  const tokens = setup.tokens;
  // Clients are dealt to the nodes in contiguous shares, each share split over the client processes.
  const shares = nodes.map((node, i) => ({ node: i, url: node.info.url, tokens: tokens.slice(Math.floor((i * tokens.length) / nodes.length), Math.floor(((i + 1) * tokens.length) / nodes.length)) }));
  const groupCount = Math.max(1, CLIENT_PROCS);
  // BATCH connections in flight in all, whatever the number of client processes.
  const batch = Math.ceil(BATCH / groupCount);
  const groups = Array.from({ length: groupCount }, () => (CLIENT_PROCS === 0 ? localGroup(batch) : workerGroup(batch)));
  const plan: { group: Group; node: number; url: string; tokens: string[] }[] = [];
  for (const share of shares) {
    for (let g = 0; g < groupCount; g += 1) {
      const part = share.tokens.slice(Math.floor((g * share.tokens.length) / groupCount), Math.floor(((g + 1) * share.tokens.length) / groupCount));
      if (part.length > 0) plan.push({ group: groups[(g + share.node) % groupCount] as Group, node: share.node, url: share.url, tokens: part });
    }
  }
  let staff: Socket | undefined;
  try {
    const idle = await Promise.all(nodes.map((node) => node.rss({ gc: true, resetPeak: true })));
    console.log(`  ${title}: connecting ${tokens.length} clients, ${BATCH} at a time (${CLIENT_PROCS === 0 ? 'in this process' : `${groupCount} client processes × ${batch}`})`);
    const connectStarted = performance.now();
    // Each group connects its parts one after another; groups run in parallel.
    const perGroup = await Promise.all(
      groups.map(async (group) => {
        const results: ConnectResult[] = [];
        for (const part of plan.filter((p) => p.group === group)) results.push(await group.connect(part.url, part.tokens, part.node));
        return results;
      }),
    );
    const connectWallMs = performance.now() - connectStarted;
    const connectResults = perGroup.flat();
    const connectMs = connectResults.flatMap((r) => r.connectMs);
    const failed = connectResults.reduce((sum, r) => sum + r.failed, 0);
    const errors = [...new Set(connectResults.flatMap((r) => r.errors))];
    console.log(`  connected ${connectMs.length}/${tokens.length} in ${(connectWallMs / 1000).toFixed(1)} s${failed ? ` (${failed} failed: ${errors.join('; ')})` : ''}`);
    await sleep(2000); // presence counts settle
    const connected = await Promise.all(nodes.map((node) => node.rss()));

    staff = await openStaff(setup.url, setup.adminToken, setup.sessionId);
    const countsBefore = await Promise.all(groups.map((g) => g.counts()));
    const serverCpuBefore = connected.map((r) => r.cpuMs);
    const roundsStarted = performance.now();
    const rounds: RoundResult[][] = [];
    const acks: number[] = [];
    for (let r = 0; r <= ADVANCES; r += 1) {
      const slot = r;
      const waits = groups.map((g) => g.round(slot, ROUND_TIMEOUT_MS));
      for (const wait of waits) wait.catch(() => undefined); // awaited below; a failure meanwhile must not go unhandled
      await sleep(50); // the workers have armed the round (reset their loop-delay histograms)
      const sent = performance.now();
      const ack = (await staff.timeout(30_000).emitWithAck(r === 0 ? 'live:start' : 'live:advance', {})) as { ok: boolean; error?: unknown };
      acks.push(performance.now() - sent);
      if (!ack.ok) throw new Error(`${r === 0 ? 'live:start' : 'live:advance'} refused: ${JSON.stringify(ack.error)}`);
      const results = await Promise.all(waits);
      rounds.push(results);
      const got = results.reduce((sum, x) => sum + x.latencies.reduce((s, l) => s + (l?.length ?? 0), 0), 0);
      const lat = summary(results.flatMap((x) => x.latencies.flat()));
      const next = summary(results.flatMap((x) => x.nextLatencies.flat()));
      console.log(
        `  slot ${slot}: slot:started ${got}/${connectMs.length}, min ${ms(lat.min)}, p50 ${ms(lat.p50)}, p99 ${ms(lat.p99)}, max ${ms(lat.max)}; meeting:next ${next.n}, p50 ${ms(next.p50)}, p99 ${ms(next.p99)}; ack ${ms(acks.at(-1) ?? Number.NaN)}`,
      );
      if (r < ADVANCES) await sleep(1000);
    }
    const roundsWallMs = performance.now() - roundsStarted;
    await sleep(1000); // the last meeting:next events arrive
    const countsAfter = await Promise.all(groups.map((g) => g.counts()));
    const end = await Promise.all(nodes.map((node) => node.rss()));
    const load = machineLoad();

    const all = rounds.flatMap((results) => results.flatMap((x) => x.latencies.flat()));
    const receivedPerRound = rounds.map((results) => results.reduce((sum, x) => sum + x.latencies.reduce((s, l) => s + (l?.length ?? 0), 0), 0));
    const clientCpuMs = countsAfter.reduce((sum, c, i) => sum + c.cpuMs - (countsBefore[i]?.cpuMs ?? 0), 0);
    const nodeFigures = nodes.map((node, i) => ({
      name: node.name,
      clients: shares[i]?.tokens.length ?? 0,
      fanout: summary(rounds.flatMap((results) => results.flatMap((x) => x.latencies[i] ?? []))),
      next: summary(rounds.flatMap((results) => results.flatMap((x) => x.nextLatencies[i] ?? []))),
      idle: idle[i] as Rss,
      connected: connected[i] as Rss,
      end: end[i] as Rss,
      cpuPercent: (((end[i]?.cpuMs ?? 0) - (serverCpuBefore[i] ?? 0)) / roundsWallMs) * 100,
    }));
    return {
      title,
      target,
      clients: tokens.length,
      connected: connectMs.length,
      failed,
      errors,
      connectWallMs,
      connect: summary(connectMs),
      rounds: rounds.length,
      receivedPerRound,
      firstPerRound: rounds.map((results) => summary(results.flatMap((x) => x.latencies.flat())).min),
      fanout: summary(all),
      next: summary(rounds.flatMap((results) => results.flatMap((x) => x.nextLatencies.flat()))),
      nodes: nodeFigures,
      ackMs: summary(acks),
      meetingNext: countsAfter.reduce((sum, c, i) => sum + c.meetingNext - (countsBefore[i]?.meetingNext ?? 0), 0),
      disconnects: countsAfter.reduce((sum, c) => sum + c.disconnects, 0),
      clientLoopMaxMs: Math.max(...rounds.flatMap((results) => results.map((x) => x.loopDelayMaxMs))),
      // With CLIENT_PROCS 0 this is the bench process itself, staff console included (negligible).
      clientCpuPercent: (clientCpuMs / roundsWallMs) * 100,
      roundsWallMs,
      load,
    };
  } finally {
    staff?.close();
    await Promise.all(groups.map((g) => g.close().catch(() => undefined)));
    // The nodes count the departures (presence, a second later) before they are stopped.
    await sleep(1500);
  }
}

// ---- the report ---------------------------------------------------------------------------------------------------

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length))) ?? [];
  const line = (row: string[]) => `| ${row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(rows[0] ?? []), rule, ...rows.slice(1).map(line)].join('\n');
}

/** A node's figure, or an empty cell for a scenario without that node. */
function cell(f: ScenarioFigures, i: number, show: (node: NodeFigures) => string): string {
  const node = f.nodes[i];
  return node ? show(node) : '';
}

function report(figures: ScenarioFigures[]): string {
  const header = ['', ...figures.map((f) => f.title)];
  const row = (label: string, cell: (f: ScenarioFigures) => string) => [label, ...figures.map(cell)];
  const pass = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  const rows: string[][] = [
    header,
    row('clients connected', (f) => `${f.connected} / ${f.clients}${f.failed ? ` (${f.failed} failed)` : ''}`),
    row('connect, all clients (wall)', (f) => `${(f.connectWallMs / 1000).toFixed(1)} s`),
    row('connect per client p50 / p99 / max', (f) => `${ms(f.connect.p50)} / ${ms(f.connect.p99)} / ${ms(f.connect.max)}`),
    row('slot:started rounds', (f) => String(f.rounds)),
    row('received per round (min / max)', (f) => `${Math.min(...f.receivedPerRound)} / ${Math.max(...f.receivedPerRound)} of ${f.connected}`),
    row('slot:started latency p50 / p99 / max', (f) => `${ms(f.fanout.p50)} / ${ms(f.fanout.p99)} / ${ms(f.fanout.max)}`),
    row('  first receipt per round, median', (f) => ms(summary(f.firstPerRound).p50)),
  ];
  const maxNodes = Math.max(...figures.map((f) => f.nodes.length));
  const perNode = (pick: (node: NodeFigures) => ReturnType<typeof summary>) => {
    if (maxNodes < 2) return;
    for (let i = 0; i < maxNodes; i += 1) {
      rows.push(row(`  clients on node ${i + 1}`, (f) => (f.nodes.length > 1 ? cell(f, i, (node) => `${ms(pick(node).p50)} / ${ms(pick(node).p99)} / ${ms(pick(node).max)} (${node.clients} clients)`) : '')));
    }
  };
  perNode((node) => node.fanout);
  rows.push(row('meeting:next latency p50 / p99 / max', (f) => `${ms(f.next.p50)} / ${ms(f.next.p99)} / ${ms(f.next.max)}`));
  perNode((node) => node.next);
  rows.push(
    row('staff ack of start/advance p50 / max', (f) => `${ms(f.ackMs.p50)} / ${ms(f.ackMs.max)}`),
    row('meeting:next received', (f) => `${f.meetingNext} of ${f.connected * f.rounds}`),
    row('client disconnects', (f) => String(f.disconnects)),
  );
  for (let i = 0; i < maxNodes; i += 1) {
    const label = maxNodes > 1 ? `node ${i + 1} ` : 'server ';
    rows.push(
      row(`${label}RSS idle (after setup, GC)`, (f) => cell(f, i, (n) => mib(n.idle.rss))),
      row(`${label}RSS after connecting`, (f) => cell(f, i, (n) => mib(n.connected.rss))),
      row(`${label}RSS peak while serving`, (f) => cell(f, i, (n) => mib(n.end.peak))),
      row(`${label}RSS lifetime max (incl. setup)`, (f) => cell(f, i, (n) => mib(n.end.maxRss))),
      row(`${label}CPU, rounds average`, (f) => cell(f, i, (n) => `${Math.round(n.cpuPercent)} %`)),
    );
  }
  rows.push(
    row('client CPU, rounds average (all procs)', (f) => `${Math.round(f.clientCpuPercent)} %`),
    row('client event-loop delay max', (f) => ms(f.clientLoopMaxMs)),
    row('target slot:started p99', (f) => `≤ ${f.target} ms: ${pass(f.fanout.p99 <= f.target)}`),
    row('target all received', (f) => pass(f.failed === 0 && f.receivedPerRound.every((n) => n === f.clients))),
    row(`target RSS ≤ ${TARGETS.rssMiB} MB (peak)`, (f) => pass(f.nodes.every((n) => n.end.peak / MiB <= TARGETS.rssMiB))),
  );
  return table(rows);
}

// ---- main ---------------------------------------------------------------------------------------------------------

const adminToken = `bench-live-${randomBytes(16).toString('hex')}`;
const setupEnv = (dataDir: string, infoDir: string) => ({
  BENCH_MODE: 'setup',
  BENCH_INFO_DIR: infoDir,
  BENCH_PARTICIPANTS: String(CLIENTS),
  BENCH_REQUESTS: String(REQUESTS),
  BENCH_SLOTS: String(SLOTS),
  BENCH_TABLES: String(TABLES),
  DATA_DIR: dataDir,
  ADMIN_TOKEN: adminToken,
});

const figures: ScenarioFigures[] = [];
let exitCode = 0;
console.log(`live rooms: ${CLIENTS} clients, ${REQUESTS} accepted requests, ${SLOTS} slots × 20 min, ${TABLES} tables, live:start + ${ADVANCES} × live:advance`);
console.log(`machine: ${machineLoad()}`);
try {
  if (SCENARIO === 'both' || SCENARIO === 'one') {
    const dir = tempDir('one');
    const node = await ServerNode.start('node', setupEnv(join(dir, 'data'), dir));
    const info = node.setup;
    console.log(`one node: set up ${info.participants} participants, ${info.requests} requests, ${info.meetings} meetings scheduled in ${info.setupSeconds.toFixed(1)} s (schedule run ${info.scheduleSeconds.toFixed(1)} s)`);
    figures.push(await runScenario('one node (embedded)', TARGETS.one.p99, [node]));
    console.log(`  machine: ${figures.at(-1)?.load}`);
    await node.stop();
  }
  if (SCENARIO === 'both' || SCENARIO === 'two') {
    const namespace = `zmbench_live_${process.pid}_${Date.now().toString(36)}`;
    redisNamespaces.push(namespace);
    const dir = tempDir('two');
    const copy = tempDir('two-copy');
    const redis = { REDIS_URL, QUEUE_NAME: namespace };
    const node1 = await ServerNode.start('node1', { ...setupEnv(join(dir, 'data'), dir), ...redis, BENCH_BACKUP_TO: copy });
    const info = node1.setup;
    console.log(`two nodes: node 1 set up ${info.participants} participants, ${info.requests} requests, ${info.meetings} meetings in ${info.setupSeconds.toFixed(1)} s; node 2 starts on a backup copy`);
    const node2 = await ServerNode.start('node2', { BENCH_MODE: 'serve', BENCH_INFO_DIR: copy, DATA_DIR: copy, ADMIN_TOKEN: adminToken, ...redis });
    figures.push(await runScenario('two nodes (Redis adapter)', TARGETS.two.p99, [node1, node2]));
    console.log(`  machine: ${figures.at(-1)?.load}`);
    await Promise.all([node1.stop(), node2.stop()]);
  }
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await cleanup();
}
if (figures.length > 0) {
  console.log('');
  console.log(`clients in ${CLIENT_PROCS === 0 ? 'the bench process' : `${Math.max(1, CLIENT_PROCS)} client processes`}; latency = receipt − serverTime of slot:started`);
  console.log(report(figures));
  console.log(`machine at the end: ${machineLoad()}`);
}
process.exit(exitCode);
