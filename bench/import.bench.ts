/**
 * Bulk-import throughput over HTTP on the embedded store: 10,000 company rows per call, as CSV in UTF-8 (with BOM)
 * and in GBK, then the same UTF-8 file again (every row an unchanged update) and once more with a changed field
 * (every row a real update), plus a dry run (read, validate and match without writing). Target: a 10,000-row file in a few seconds.
 * Run: npx tsx bench/import.bench.ts [rows]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import iconv from 'iconv-lite';
import { pino } from 'pino';
import { loadConfig } from '../server/config.js';
import { creditCodeCheckChar } from '../server/domain/companies/credit-code.js';
import { startServer } from '../server/runtime.js';

const rows = Number(process.argv[2] ?? 10_000);
const TOKEN = 'bench-admin-token-0123456789abcdef';
const HEADER = '企业名称,行业代码,统一社会信用代码,员工人数,资质认证,所在园区,官网,企业简介,联系人,联系电话,邮箱';

function creditCode(n: number): string {
  const first17 = `91110302${String(n).padStart(9, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}

function companiesCsv(count: number, offset: number, employeesBase = 50): string {
  const lines = Array.from({ length: count }, (_, i) => {
    const n = offset + i;
    return [
      `北京亦庄精密制造有限公司${n}`,
      'C3982;C3989',
      creditCode(n),
      String(employeesBase + (n % 900)),
      'ISO 9001、IATF 16949',
      '亦庄新城',
      'https://example.cn',
      '"专业从事 SMT 贴片加工、整机组装，月产能 500 万点"',
      '王经理',
      '010-6785 0000',
      `contact${n}@example.cn`,
    ].join(',');
  });
  return [HEADER, ...lines].join('\r\n') + '\r\n';
}

async function post(url: string, body: Buffer, query = ''): Promise<{ ms: number; report: unknown }> {
  const started = performance.now();
  const res = await fetch(`${url}/api/v1/import/companies${query}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/csv' },
    body,
  });
  const report: unknown = await res.json();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`import answered ${res.status}: ${JSON.stringify(report).slice(0, 500)}`);
  return { ms, report };
}

function line(label: string, bytes: number, ms: number, report: unknown): void {
  const { created, updated, failed } = report as { created: number; updated: number; failed: unknown[] };
  const perSecond = Math.round((rows / ms) * 1000);
  console.log(
    `${label.padEnd(34)} ${(bytes / 1048576).toFixed(1).padStart(5)} MB ${String(Math.round(ms)).padStart(7)} ms ${String(perSecond).padStart(7)} rows/s  created ${created} updated ${updated} failed ${failed.length}`,
  );
}

const dataDir = mkdtempSync(join(tmpdir(), 'zonematch-bench-'));
const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_TOKEN: TOKEN, SEED_DEMO: '0', NODE_ENV: 'production', LOG_LEVEL: 'silent' });
const server = await startServer(config, pino({ level: 'silent' }));
try {
  console.log(`bulk import of ${rows} company rows per call (embedded store)`);
  const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(companiesCsv(rows, 0), 'utf8')]);
  const gbk = iconv.encode(companiesCsv(rows, rows), 'gbk');

  const dry = await post(server.url, utf8, '?dryRun=true');
  line('CSV UTF-8, dry run (no writes)', utf8.length, dry.ms, dry.report);
  const first = await post(server.url, utf8);
  line('CSV UTF-8 + BOM, all new', utf8.length, first.ms, first.report);
  const second = await post(server.url, gbk);
  line('CSV GBK, all new', gbk.length, second.ms, second.report);
  const again = await post(server.url, utf8);
  line('CSV UTF-8 again, all unchanged', utf8.length, again.ms, again.report);
  const changed = Buffer.from(companiesCsv(rows, 0, 60), 'utf8');
  const updates = await post(server.url, changed);
  line('CSV UTF-8, every row changed', changed.length, updates.ms, updates.report);
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
