/**
 * `npm run eval:match`: prints the matcher's quality on the labelled set beside plain BM25.
 * `-- --verbose` also lists every query where either system falls short, with its top 5 and their grades.
 */
import { buildDemo } from '../../../seeds/demo/index.js';
import { evaluate, type QueryResult, type SystemResult } from './evaluate.js';

const verbose = process.argv.includes('--verbose');
const started = Date.now();
const result = await evaluate();
const seconds = (Date.now() - started) / 1000;

const row = (s: SystemResult) =>
  `${s.name.padEnd(14)}  nDCG@10 ${s.ndcg.toFixed(4)}   P@1 ${s.p1.toFixed(3)}   unrelated in a top 5: ${s.unrelatedTop5}`;

console.log(`Matcher evaluation: ${result.matcher.queries.length} judged queries over the demo zone (${result.companies} companies, ${result.postings} postings), ${seconds.toFixed(1)} s`);
console.log(row(result.matcher));
console.log(row(result.baseline));

const byCover = new Map<string, { m: number; b: number; n: number }>();
result.matcher.queries.forEach((q, i) => {
  for (const cover of q.query.covers) {
    const entry = byCover.get(cover) ?? { m: 0, b: 0, n: 0 };
    entry.m += q.ndcg;
    entry.b += result.baseline.queries[i]?.ndcg ?? 0;
    entry.n += 1;
    byCover.set(cover, entry);
  }
});
console.log('\nnDCG@10 by what the queries cover (matcher / baseline):');
for (const [cover, { m, b, n }] of [...byCover].sort()) console.log(`  ${cover.padEnd(17)} ${String(n).padStart(3)} queries  ${(m / n).toFixed(3)} / ${(b / n).toFixed(3)}`);

if (verbose) {
  const names = new Map(buildDemo({ now: new Date('2026-11-01T00:00:00Z') }).companies.map((c) => [c.key, `${c.key} (${c.segment})`]));
  const show = (label: string, q: QueryResult) => {
    console.log(`  ${label}: nDCG ${q.ndcg.toFixed(3)} P@1 ${q.p1}  unrelated ${q.unrelatedTop5.join(', ') || '-'}`);
    console.log(`    top 5: ${q.ranked.slice(0, 5).map((k) => names.get(k) ?? k).join(' | ')}`);
  };
  console.log('\nQueries below 0.95 nDCG, missing P@1 or showing unrelated companies:');
  result.matcher.queries.forEach((q, i) => {
    if (q.ndcg >= 0.95 && q.p1 === 1 && q.unrelatedTop5.length === 0) return;
    console.log(`- ${q.query.id}`);
    show('matcher ', q);
    const b = result.baseline.queries[i];
    if (b) show('baseline', b);
  });
}
