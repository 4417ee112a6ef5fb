/**
 * The matcher's quality on the labelled set, as a regression guard: the figures `npm run eval:match` prints must
 * not fall below the product targets, which the ranking now reaches — nDCG@10 ≥ 0.95 (0.9502, with little margin),
 * P@1 ≥ 0.95 (1.000), no unrelated company in any top 5 — and must stay clearly above plain BM25. See
 * docs/matcher-ranking.md.
 */
import assert from 'node:assert/strict';
import { evaluate, type Evaluation } from './evaluate.js';

describe('matcher quality on the labelled evaluation set', function () {
  this.timeout(120_000);
  let result: Evaluation;

  before(async () => {
    result = await evaluate();
  });

  it('When every judged query is ranked, then nDCG@10, precision@1 and unrelated companies stay at their floor', () => {
    assert.ok(result.matcher.ndcg >= 0.95, `nDCG@10 ${result.matcher.ndcg.toFixed(3)}`);
    assert.ok(result.matcher.p1 >= 0.98, `P@1 ${result.matcher.p1.toFixed(3)}`);
    assert.ok(result.matcher.unrelatedTop5 === 0, `unrelated in a top 5: ${result.matcher.unrelatedTop5}`);
  });

  it('When compared with plain BM25 on the same texts, then the matcher is clearly better on every measure', () => {
    assert.ok(result.matcher.ndcg >= result.baseline.ndcg + 0.15, `${result.matcher.ndcg} vs ${result.baseline.ndcg}`);
    assert.ok(result.matcher.p1 >= result.baseline.p1 + 0.15);
    assert.ok(result.matcher.unrelatedTop5 * 4 <= result.baseline.unrelatedTop5);
  });

  it('When a distractor company (car wash, translation agency…) could match words, then it is in no top 5', () => {
    const distractors = /^(carwash|translation|catering|realty|ads|driving|plants|repair)-/;
    for (const q of result.matcher.queries) {
      const shown = q.ranked.slice(0, 5).filter((key) => distractors.test(key));
      assert.deepEqual(shown, [], q.query.id);
    }
  });
});
