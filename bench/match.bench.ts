/**
 * Matcher figures on the synthetic zone: index build (documents/s, from store-shaped records to a searchable
 * index, text analysis included), then `matches` latency p50/p95/p99 over random postings, and the process RSS.
 * Targets: build ≥ 3,000 documents/s, p95 ≤ 25 ms per matches call, RSS ≤ 500 MB.
 * The matcher runs in this process over the embedded index, exactly as the server runs it (no HTTP in between).
 * After the build the generated records are dropped (the server does not hold them either: they live in the
 * store), so the RSS printed is the index's and the matcher's, plus the Node runtime.
 * Run: npm run bench:match [-- companies [calls]]   (defaults: 20000 companies, 1000 calls)
 */
import { performance } from 'node:perf_hooks';
import { generateSyntheticZone } from '../seeds/demo/index.js';
import { warmUpText } from '../matcher/text/index.js';
import { indexZone, toZone } from '../test/matcher/eval/demo-index.js';

const companies = Number(process.argv[2] ?? 20_000);
const calls = Number(process.argv[3] ?? 1000);
const now = new Date('2026-11-01T00:00:00Z');
const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;

warmUpText();
const { matcher, sample, requesters } = await build();

/** Generates the zone, indexes it, and keeps only the postings to match (and their companies). */
async function build() {
  const zone = generateSyntheticZone({ companies, seed: 7, now });
  const records = toZone(zone.companies, zone.postings, now);
  const started = performance.now();
  const built = await indexZone(records);
  const buildSeconds = (performance.now() - started) / 1000;
  console.log(`zone: ${records.companies.size} companies, ${records.postings.size} postings`);
  console.log(`index build: ${built.documents} documents in ${buildSeconds.toFixed(1)} s = ${Math.round(built.documents / buildSeconds)} documents/s`);
  // Deterministic sample of postings (every k-th), so runs compare.
  const postings = [...records.postings.values()];
  const step = Math.max(1, Math.floor(postings.length / calls));
  const picked = Array.from({ length: Math.min(calls, postings.length) }, (_, i) => postings[(i * step) % postings.length]!);
  return { matcher: built.matcher, sample: picked, requesters: new Map(picked.map((p) => [p.companyId, records.companies.get(p.companyId)!])) };
}

global.gc?.();
for (const posting of sample.slice(0, 20)) await matcher.match(posting, requesters.get(posting.companyId)!, { limit: 10, lang: 'zh', now: now.getTime() });

const times: number[] = [];
let results = 0;
const started = performance.now();
for (const posting of sample) {
  const t = performance.now();
  const items = await matcher.match(posting, requesters.get(posting.companyId)!, { limit: 10, lang: 'zh', now: now.getTime() });
  times.push(performance.now() - t);
  results += items.length;
}
const total = (performance.now() - started) / 1000;
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
console.log(`matches: ${sample.length} calls, ${(sample.length / total).toFixed(0)} calls/s, p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms, max ${times.at(-1)!.toFixed(1)} ms, ${(results / sample.length).toFixed(1)} results per call`);
global.gc?.();
const memory = process.memoryUsage();
console.log(`memory: RSS ${mib(memory.rss)}, heap used ${mib(memory.heapUsed)}${global.gc ? '' : ' (run with --expose-gc for a settled figure)'}`);
