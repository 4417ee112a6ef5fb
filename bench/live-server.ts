/**
 * Server side of the live-rooms benchmark (bench/live.bench.ts starts it as a child process with an IPC channel).
 *
 * BENCH_MODE=setup: starts the product on a fresh DATA_DIR, registers BENCH_PARTICIPANTS companies in one session
 * (BENCH_SLOTS slots of 20 minutes, BENCH_TABLES tables), stores BENCH_REQUESTS accepted meeting requests between
 * random pairs, runs the scheduler, optionally copies the SQLite file with the backup API (BENCH_BACKUP_TO, for a
 * second node), and writes `{ url, sessionId, adminToken, tokens, ... }` to BENCH_INFO.
 * BENCH_MODE=serve: starts the product on an existing DATA_DIR (such a copy) and writes `{ url }` to BENCH_INFO.
 *
 * Either way it then serves, samples its RSS every 100 ms and answers `{ type: 'rss' }` messages from the parent
 * with the current, peak (since the last reset) and lifetime maximum RSS. It stops when the parent says so or goes
 * away (the IPC channel closes).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { loadConfig } from '../server/config.js';
import type { Principal } from '../server/http/auth.js';
import { pairKeyOf } from '../server/domain/sessions/model.js';
import { mulberry32 } from '../seeds/demo/random.js';
import { startServer, type RunningServer } from '../server/runtime.js';
import type { ServerToParent, ParentToServer, SetupInfo } from './live-protocol.js';

const STORE_FILE = 'zonematch.sqlite';
const ADMIN: Principal = { role: 'admin', id: 'admin' };
const INDUSTRIES = ['C3982', 'C3921', 'C3911', 'C3981', 'M7452', 'C3914', 'C3971', 'C3976'];
const DESCRIPTIONS = [
  '专业 SMT 贴片加工、PCBA 代工，高速贴片线多条',
  '通信终端设备制造，需要采购贴片加工与结构件',
  '服务器整机制造，采购主板 PCBA 与散热模组',
  '片式电感、电容等电子元件制造',
  'EMC 电磁兼容检测、安规检测认证服务',
  '工业软件与产线数字化改造服务',
];

const env = process.env;
const mode = env.BENCH_MODE === 'serve' ? 'serve' : 'setup';
const infoFile = env.BENCH_INFO;
if (!infoFile) throw new Error('BENCH_INFO (the file the setup is written to) is required');
if (!process.send) throw new Error('bench/live-server.ts runs as a child of bench/live.bench.ts (with an IPC channel)');

const send = (message: ServerToParent) => process.send?.(message);
const logger = pino({ level: env.LOG_LEVEL ?? 'warn' }, pino.destination(2));


async function setup(running: RunningServer): Promise<SetupInfo> {
  const started = Date.now();
  const participantCount = Number(env.BENCH_PARTICIPANTS ?? 2000);
  const requestCount = Number(env.BENCH_REQUESTS ?? 4000);
  const slotCount = Number(env.BENCH_SLOTS ?? 12);
  const tables = Number(env.BENCH_TABLES ?? 500);
  const { services } = running;
  if (requestCount > (participantCount * (participantCount - 1)) / 2) throw new Error(`${requestCount} requests need more than ${participantCount} participants`);

  const companyIds: string[] = [];
  for (let i = 0; i < participantCount; i += 500) {
    const batch = Array.from({ length: Math.min(500, participantCount - i) }, (_, k) => {
      const n = i + k;
      return { name: `基准电子企业 ${n}`, industries: [INDUSTRIES[n % INDUSTRIES.length] as string], description: DESCRIPTIONS[n % DESCRIPTIONS.length] as string };
    });
    const created = await services.companies.createMany(ADMIN, batch);
    companyIds.push(...created.map((c) => c.id));
  }

  // Starts now: reminders for the day are then all in the past and cancelled, so no delivery job runs meanwhile.
  const session = await services.sessions.create(ADMIN, { title: '现场洽谈基准场次', startsAt: new Date(), slotMinutes: 20, slotCount, tables });
  await services.sessions.update(ADMIN, session.id, { status: 'open' });

  const participants: { id: string; joinToken: string }[] = new Array(companyIds.length);
  const CONCURRENT = 50;
  for (let i = 0; i < companyIds.length; i += CONCURRENT) {
    const chunk = companyIds.slice(i, i + CONCURRENT);
    const added = await Promise.all(chunk.map((companyId) => services.sessions.addParticipant(ADMIN, session.id, { companyId })));
    added.forEach((p, k) => (participants[i + k] = { id: p.id, joinToken: p.joinToken }));
  }

  // Accepted requests between random distinct pairs, written directly (what request + accept would leave behind).
  const rand = mulberry32(20_26);
  const pairs = new Set<string>();
  const requests = [];
  const decidedAt = new Date();
  while (requests.length < requestCount) {
    const a = participants[Math.floor(rand() * participants.length)]?.id as string;
    const b = participants[Math.floor(rand() * participants.length)]?.id as string;
    if (a === b || pairs.has(pairKeyOf(a, b))) continue;
    pairs.add(pairKeyOf(a, b));
    requests.push({
      sessionId: session.id,
      from: a,
      to: b,
      pairKey: pairKeyOf(a, b),
      priority: (1 + Math.floor(rand() * 3)) as 1 | 2 | 3,
      status: 'accepted' as const,
      origin: 'request' as const,
      requestedBy: 'admin',
      decidedAt,
      decidedBy: 'admin',
    });
  }
  for (let i = 0; i < requests.length; i += 1000) await services.sessions.db.requests.insertMany(requests.slice(i, i + 1000));

  const scheduleStarted = Date.now();
  const { jobId } = await services.agenda.requestRun(ADMIN, session.id, true);
  for (;;) {
    const job = await services.deps.queue.getJob(jobId);
    if (job?.state === 'completed') break;
    if (job?.state === 'failed') throw new Error(`the schedule run failed: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const scheduleSeconds = (Date.now() - scheduleStarted) / 1000;
  const stored = await services.sessions.db.sessions.findById(session.id);
  if (stored?.status !== 'scheduled') throw new Error(`the session is ${stored?.status}, not scheduled, after the schedule run`);
  const meetings = await services.sessions.db.meetings.count({ sessionId: session.id, status: 'scheduled' });

  return {
    url: running.url,
    sessionId: session.id,
    adminToken: env.ADMIN_TOKEN ?? '',
    tokens: participants.map((p) => p.joinToken),
    participants: participants.length,
    requests: requests.length,
    meetings,
    slotCount,
    tables,
    setupSeconds: (Date.now() - started) / 1000,
    scheduleSeconds,
  };
}

/** A consistent copy of the store file while this process keeps it open (SQLite online backup). */
async function backup(dataDir: string, targetDir: string): Promise<void> {
  const db = new Database(join(dataDir, STORE_FILE), { readonly: true, fileMustExist: true });
  try {
    await db.backup(join(targetDir, STORE_FILE));
  } finally {
    db.close();
  }
}

const config = loadConfig({
  ...env,
  PORT: '0',
  HOST: '127.0.0.1',
  SEED_DEMO: '0',
  NODE_ENV: 'production',
  LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
  RATE_LIMIT_PER_MINUTE: '0',
  RATE_LIMIT_IP_PER_MINUTE: '0',
  RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: '0',
});
const running = await startServer(config, logger);

let stopping = false;
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  const forced = setTimeout(() => process.exit(code), 10_000);
  forced.unref();
  await running.stop().catch((error: unknown) => logger.error({ err: error }, 'stop failed'));
  process.exit(code);
};
process.on('disconnect', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  let info: SetupInfo | { url: string };
  if (mode === 'setup') {
    info = await setup(running);
    if (env.BENCH_BACKUP_TO) await backup(config.dataDir, env.BENCH_BACKUP_TO);
  } else {
    info = { url: running.url };
  }
  writeFileSync(infoFile, JSON.stringify(info));
} catch (error) {
  logger.error({ err: error }, 'live bench server: setup failed');
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  await stop(1);
}

let peak = 0;
const sample = () => {
  const rss = process.memoryUsage.rss();
  if (rss > peak) peak = rss;
  return rss;
};
setInterval(sample, 100);

process.on('message', (raw: unknown) => {
  const message = raw as ParentToServer;
  if (message.type === 'rss') {
    if (message.gc) global.gc?.();
    const rss = sample();
    const usage = process.resourceUsage();
    send({ type: 'rss', rss, peak, maxRss: usage.maxRSS * 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 });
    if (message.resetPeak) peak = rss;
  } else if (message.type === 'stop') {
    void stop(0);
  }
});
global.gc?.();
peak = 0;
sample();
send({ type: 'ready', file: infoFile });
