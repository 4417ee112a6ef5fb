/**
 * Checks the matcher's evaluation set itself (queries.ts) against the demo zone: that every key it names exists,
 * that it covers what it claims to cover, and that its judgements are consistent with the data — not how well any
 * ranking does on it.
 */
import assert from 'node:assert/strict';
import { postingCreateSchema } from '../../../server/domain/postings/schemas.js';
import { buildDemo, DISTRACTORS, type DemoDataset, type SeedCompany } from '../../../seeds/demo/index.js';
import { resolveGrades } from './grades.js';
import { EVAL_QUERIES } from './queries.js';
import type { AdHocPosting, EvalCover, EvalQuery } from './types.js';

const NOW = new Date('2026-11-01T00:00:00Z');

/** How many queries each coverage tag needs at least. */
const MINIMUM: Readonly<Record<EvalCover, number>> = {
  synonym: 6,
  traditional: 5,
  english: 6,
  'chain-upstream': 6,
  'chain-downstream': 6,
  certification: 4,
  distractor: 4,
  colloquial: 6,
  capability: 6,
  service: 5,
  story: 2,
};

/** Service areas the set must ask for, by the segments of their suppliers. */
const SERVICE_AREAS: Readonly<Record<string, readonly string[]>> = {
  testing: ['testing-electrical', 'testing-life'],
  logistics: ['logistics', 'cold-chain'],
  finance: ['finance'],
  staffing: ['staffing'],
  cleanroom: ['cleanroom'],
};

/** Characters that exist only in traditional script, so a text with several of them is written in 繁體. */
const TRADITIONAL_ONLY = new Set('電產業與務術備製體導質資們從為於開發關應園區鏈檢測驗證醫療藥設計經營員東車貨際歷廠線試國會場樣據對點這個尋規雷達應採購動馬視組裝備'.split(''));
const HAN = /\p{Script=Han}/u;

interface Posting {
  readonly kind: 'need' | 'capability';
  readonly title: string;
  readonly description: string;
  readonly tags?: readonly string[];
  readonly industries?: readonly string[];
  readonly certificationsRequired?: readonly string[];
  /** Owner of a demo posting; absent for ad-hoc ones. */
  readonly companyKey?: string;
}

function isAdHoc(posting: EvalQuery['posting']): posting is AdHocPosting {
  return !('key' in posting);
}

function traditionalCount(text: string): number {
  let n = 0;
  for (const ch of text) if (TRADITIONAL_ONLY.has(ch)) n++;
  return n;
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

describe('matcher evaluation set', () => {
  let demo: DemoDataset;
  let companies: Map<string, SeedCompany>;
  let segments: Set<string>;
  let postings: Map<string, Posting>;

  const postingOf = (query: EvalQuery): Posting => {
    if (isAdHoc(query.posting)) return query.posting;
    const found = postings.get(query.posting.key);
    assert.ok(found, `${query.id}: no demo posting ${query.posting.key}`);
    return found;
  };
  const gradesOf = (query: EvalQuery) => resolveGrades(query, demo.companies);
  const withCover = (cover: EvalCover) => EVAL_QUERIES.filter((q) => q.covers.includes(cover));

  before(() => {
    demo = buildDemo({ now: NOW });
    companies = new Map(demo.companies.map((c) => [c.key, c]));
    segments = new Set(demo.companies.map((c) => c.segment));
    postings = new Map(demo.postings.map((p) => [p.key, { ...p.input, companyKey: p.companyKey }]));
  });

  describe('shape', () => {
    it('When the set is counted, then it holds at least 45 queries with unique, well-formed ids', () => {
      assert.ok(EVAL_QUERIES.length >= 45, `${EVAL_QUERIES.length} queries`);
      assert.deepEqual(duplicates(EVAL_QUERIES.map((q) => q.id)), []);
      for (const q of EVAL_QUERIES) assert.match(q.id, /^q\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/, q.id);
      for (const q of EVAL_QUERIES) {
        assert.ok(q.covers.length > 0, `${q.id} covers nothing`);
        assert.deepEqual(duplicates([...q.covers]), [], q.id);
      }
    });

    it('When requesters and posting keys are looked up, then each exists and every demo posting belongs to its requester', () => {
      for (const q of EVAL_QUERIES) {
        assert.ok(companies.has(q.requester), `${q.id}: unknown requester ${q.requester}`);
        const posting = postingOf(q);
        if (!isAdHoc(q.posting)) assert.equal(posting.companyKey, q.requester, `${q.id}: ${q.posting.key} is not the requester's`);
      }
    });

    it('When ad-hoc postings go through postingCreateSchema, then none is rejected', () => {
      for (const q of EVAL_QUERIES) {
        if (!isAdHoc(q.posting)) continue;
        const result = postingCreateSchema.safeParse(q.posting);
        assert.ok(result.success, `${q.id}: ${result.error?.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
      }
    });

    it('When about half of the queries are counted, then they use postings that exist in the demo data', () => {
      const byKey = EVAL_QUERIES.filter((q) => !isAdHoc(q.posting)).length;
      assert.ok(byKey >= EVAL_QUERIES.length * 0.4 && byKey <= EVAL_QUERIES.length * 0.7, `${byKey} of ${EVAL_QUERIES.length} by key`);
    });
  });

  describe('judgements', () => {
    it('When judgements are read, then every graded segment and company exists in the demo zone', () => {
      for (const q of EVAL_QUERIES) {
        for (const [segment, grade] of Object.entries(q.judgements.segments ?? {})) {
          assert.ok(segments.has(segment), `${q.id}: unknown segment ${segment}`);
          assert.ok([1, 2, 3].includes(grade), `${q.id}: segment ${segment} graded ${grade}`);
        }
        for (const [key, grade] of Object.entries(q.judgements.companies ?? {})) {
          assert.ok(companies.has(key), `${q.id}: unknown company ${key}`);
          assert.ok([0, 1, 2, 3].includes(grade), `${q.id}: ${key} graded ${grade}`);
        }
      }
    });

    it('When the requester is looked for in the judgements, then it is never graded, neither by key nor by its segment', () => {
      for (const q of EVAL_QUERIES) {
        assert.ok(!(q.requester in (q.judgements.companies ?? {})), `${q.id}: requester graded`);
        const own = companies.get(q.requester)?.segment ?? '';
        assert.ok(!(own in (q.judgements.segments ?? {})), `${q.id}: requester's segment ${own} graded`);
      }
    });

    it('When grades are resolved, then each query has at least one ideal partner (grade 3) other than the requester', () => {
      for (const q of EVAL_QUERIES) {
        const ideal = [...gradesOf(q)].filter(([key, grade]) => grade === 3 && key !== q.requester);
        assert.ok(ideal.length > 0, `${q.id}: no grade-3 company`);
      }
    });

    it('When a query requires certifications, then every company graded 2 or 3 holds all of them', () => {
      for (const q of withCover('certification')) {
        const required = postingOf(q).certificationsRequired ?? [];
        assert.ok(required.length > 0, `${q.id} covers certification but requires none`);
        for (const [key, grade] of gradesOf(q)) {
          if (grade < 2) continue;
          const held = companies.get(key)?.input.certifications ?? [];
          for (const cert of required) assert.ok(held.includes(cert), `${q.id}: ${key} graded ${grade} without ${cert}`);
        }
      }
    });

    it('When a query covers distractors, then it names at least one distractor company with grade 0', () => {
      const keys = new Set<string>(Object.values(DISTRACTORS));
      for (const q of withCover('distractor')) {
        const named = Object.entries(q.judgements.companies ?? {}).filter(([key]) => keys.has(key));
        assert.ok(named.length > 0, `${q.id}: names no distractor`);
        for (const [key, grade] of named) assert.equal(grade, 0, `${q.id}: distractor ${key} graded ${grade}`);
      }
    });
  });

  describe('coverage', () => {
    it('When coverage tags are counted, then each meets its minimum', () => {
      const counts = Object.fromEntries(Object.keys(MINIMUM).map((cover) => [cover, withCover(cover as EvalCover).length]));
      console.log(`      coverage: ${JSON.stringify(counts)}`);
      for (const [cover, minimum] of Object.entries(MINIMUM)) {
        assert.ok((counts[cover] ?? 0) >= minimum, `${cover}: ${counts[cover]} < ${minimum}`);
      }
    });

    it('When kinds are compared with tags, then the capabilities are tagged capability and at least six look for buyers downstream', () => {
      for (const q of EVAL_QUERIES) {
        assert.equal(q.covers.includes('capability'), postingOf(q).kind === 'capability', q.id);
      }
      const downstream = withCover('chain-downstream').filter((q) => postingOf(q).kind === 'capability');
      assert.ok(downstream.length >= 6, `${downstream.length} capabilities looking for buyers`);
    });

    it('When tagged texts are read, then traditional ones are in 繁體, English ones hold no Chinese, colloquial ones name no codes', () => {
      for (const q of withCover('traditional')) {
        const p = postingOf(q);
        assert.ok(traditionalCount(p.title + p.description) >= 3, `${q.id} is not in traditional characters`);
      }
      for (const q of withCover('english')) {
        const p = postingOf(q);
        assert.ok(!HAN.test([p.title, p.description, ...(p.tags ?? [])].join(' ')), `${q.id} contains Chinese`);
      }
      for (const q of withCover('colloquial')) assert.equal(postingOf(q).industries, undefined, `${q.id} names industry codes`);
    });

    it('When the story is looked for, then both of the EMS company’s demo needs are queries', () => {
      const keys = withCover('story').map((q) => (isAdHoc(q.posting) ? '' : q.posting.key));
      for (const key of ['ems-jinglian-need-customers', 'ems-jinglian-need-automation']) assert.ok(keys.includes(key), `no story query for ${key}`);
    });

    it('When service queries are read, then testing, logistics, finance, staffing and cleanroom suppliers are each asked for', () => {
      const asked = new Set<string>();
      for (const q of withCover('service')) {
        if (postingOf(q).kind !== 'need') continue;
        for (const [key, grade] of gradesOf(q)) if (grade === 3) asked.add(companies.get(key)?.segment ?? '');
      }
      for (const [area, list] of Object.entries(SERVICE_AREAS)) assert.ok(list.some((s) => asked.has(s)), `no service need for ${area}`);
    });
  });
});
