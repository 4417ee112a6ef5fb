/**
 * Runs the labelled evaluation set over the demo zone: the matcher (the product's ranking over the embedded index)
 * and the plain BM25 baseline, side by side. Metrics per query and overall: nDCG@10 (gain 2^grade − 1),
 * precision@1 (the first result has grade ≥ 1) and the unrelated companies (grade 0) shown in a top 5.
 */
import { buildDemo } from '../../../seeds/demo/index.js';
import { Bm25Baseline } from './bm25.js';
import { indexZone, toPosting, toZone } from './demo-index.js';
import { resolveGrades } from './grades.js';
import { EVAL_QUERIES } from './queries.js';
import type { EvalQuery } from './types.js';

export interface QueryResult {
  query: EvalQuery;
  ranked: string[];
  ndcg: number;
  p1: number;
  unrelatedTop5: string[];
}

export interface SystemResult {
  name: string;
  queries: QueryResult[];
  ndcg: number;
  p1: number;
  unrelatedTop5: number;
}

export interface Evaluation {
  matcher: SystemResult;
  baseline: SystemResult;
  companies: number;
  postings: number;
}

/** Demo dates are relative to `now`; a fixed one keeps the evaluation repeatable. */
const NOW = new Date('2026-11-01T00:00:00Z');

function ndcgAt10(ranked: readonly string[], grades: ReadonlyMap<string, number>): number {
  const gain = (g: number) => 2 ** g - 1;
  const dcg = ranked.slice(0, 10).reduce((sum, key, i) => sum + gain(grades.get(key) ?? 0) / Math.log2(i + 2), 0);
  const ideal = [...grades.values()].sort((a, b) => b - a).slice(0, 10);
  const idcg = ideal.reduce((sum, g, i) => sum + gain(g) / Math.log2(i + 2), 0);
  return idcg === 0 ? 0 : dcg / idcg;
}

function measure(query: EvalQuery, ranked: string[], grades: ReadonlyMap<string, number>): QueryResult {
  return {
    query,
    ranked,
    ndcg: ndcgAt10(ranked, grades),
    p1: (grades.get(ranked[0] ?? '') ?? 0) >= 1 ? 1 : 0,
    unrelatedTop5: ranked.slice(0, 5).filter((key) => (grades.get(key) ?? 0) === 0),
  };
}

function summarise(name: string, queries: QueryResult[]): SystemResult {
  const mean = (f: (q: QueryResult) => number) => queries.reduce((s, q) => s + f(q), 0) / queries.length;
  return { name, queries, ndcg: mean((q) => q.ndcg), p1: mean((q) => q.p1), unrelatedTop5: queries.reduce((s, q) => s + q.unrelatedTop5.length, 0) };
}

export async function evaluate(): Promise<Evaluation> {
  const demo = buildDemo({ now: NOW });
  const zone = toZone(demo.companies, demo.postings, NOW);
  const { matcher } = await indexZone(zone);
  const baseline = new Bm25Baseline(zone.companies.values(), zone.postings.values());
  const graded = demo.companies.map((c) => ({ key: c.key, segment: c.segment }));

  const matcherResults: QueryResult[] = [];
  const baselineResults: QueryResult[] = [];
  for (const query of EVAL_QUERIES) {
    const requester = zone.companies.get(query.requester);
    if (!requester) throw new Error(`${query.id}: no company ${query.requester}`);
    const posting = 'key' in query.posting ? zone.postings.get(query.posting.key) : toPosting(`eval-${query.id}`, query.requester, query.posting, NOW);
    if (!posting) throw new Error(`${query.id}: no posting ${'key' in query.posting ? query.posting.key : ''}`);
    const grades = resolveGrades(query, graded);

    const items = await matcher.match(posting, requester, { limit: 10, lang: 'zh', now: NOW.getTime() });
    matcherResults.push(measure(query, items.map((i) => i.company.id), grades));

    // The baseline looks for the same kind of posting the matcher would (capabilities for a need, needs otherwise).
    const wanted = posting.kind === 'need' ? 'capability' : 'need';
    const text = `${posting.title} ${posting.tags.join(' ')} ${posting.description}`;
    baselineResults.push(measure(query, baseline.rank(text, wanted, requester.id, 10), grades));
  }
  return {
    matcher: summarise('matcher', matcherResults),
    baseline: summarise('BM25 baseline', baselineResults),
    companies: zone.companies.size,
    postings: zone.postings.size,
  };
}
