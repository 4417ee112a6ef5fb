/**
 * Embedded SearchIndex figures: build throughput and search latency on synthetic Chinese postings.
 * Targets: build ≥ 3,000 docs/s; search p95 well under 25 ms on 80,000 documents.
 * Run: npx tsx bench/search-index.bench.ts [documentCount]
 */
import { performance } from 'node:perf_hooks';
import { createEmbeddedIndex } from '../matcher/index/adapters/embedded/index.js';
import type { SearchDocument, SearchFilter } from '../matcher/index/port.js';

const WORDS = [
  '精密', '加工', '贴片', '注塑', '模具', '激光', '切割', '钣金', '折弯', '焊接', '机器人', '自动化', '电子', '制造',
  '电路板', '组装', '检测', '认证', '汽车', '零部件', '新能源', '电池', '包装', '物流', '仓储', '软件', '系统', '集成',
  '不锈钢', '铝合金', '铸造', '锻造', '热处理', '表面', '喷涂', '电镀', '数控', '车床', '铣床', '研发', '设计', '服务',
  '供应', '采购', '需求', '合作', '外协', '代工', '批量', '小批量', '样品', '交付', '质量', '体系', '环保', '节能',
];
const PARKS = ['东区', '西区', '南区', '北区', '综保区'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function makeDocuments(count: number): SearchDocument[] {
  const random = rng(42);
  const pick = (): string => WORDS[Math.floor(random() * WORDS.length)]!;
  const phrase = (n: number): string => Array.from({ length: n }, pick).join('');
  return Array.from({ length: count }, (_, i) => ({
    id: `p${i}`,
    title: phrase(3),
    description: `${phrase(12)}，${phrase(10)}。`,
    tags: [pick(), pick(), pick()],
    kind: random() < 0.5 ? 'need' : 'capability',
    park: PARKS[Math.floor(random() * PARKS.length)]!,
  }));
}

const count = Number(process.argv[2] ?? 80_000);
const documents = makeDocuments(count);
const index = createEmbeddedIndex();
await index.ensureIndex('bench', {
  searchableAttributes: ['title', 'description', 'tags'],
  filterableAttributes: ['kind', 'park', 'tags'],
  synonyms: { smt: ['贴片', '表面贴装'], 贴片: ['smt'], 代工: ['oem', '外协加工'] },
});
const started = performance.now();
for (let i = 0; i < documents.length; i += 1000) await index.upsert('bench', documents.slice(i, i + 1000));
const buildMs = performance.now() - started;
console.log(`build: ${count} docs in ${buildMs.toFixed(0)} ms = ${Math.round(count / (buildMs / 1000))} docs/s`);
console.log(`heap used: ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MiB`);

const queries = ['精密加工', 'SMT 贴片', '激光切割 不锈钢', '注塑模具 汽车零部件', '机器人', '外协加工 小批量', '电', '新能源电池 包装 物流'];
const timings: number[] = [];
for (let round = 0; round < 25; round++) {
  for (const query of queries) {
    const filter: SearchFilter = round % 2 === 0 ? { kind: 'capability' } : { park: ['东区', '南区'] };
    const t0 = performance.now();
    await index.search('bench', query, { filter, limit: 50 });
    timings.push(performance.now() - t0);
  }
}
timings.sort((a, b) => a - b);
const at = (q: number): string => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]!.toFixed(2);
console.log(`search (${timings.length} queries): p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
