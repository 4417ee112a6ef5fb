/**
 * The SearchIndex contract: one suite that every adapter must pass. Each test works in its own index (unique
 * name) and drops it afterwards, so suites can share a Meilisearch instance and run in any order.
 */
import assert from 'node:assert/strict';
import {
  SearchIndexError,
  type IndexSettings,
  type SearchDocument,
  type SearchIndex,
  type SearchResult,
} from '../../matcher/index/port.js';

export type SearchIndexFactory = () => SearchIndex | Promise<SearchIndex>;

export const postingSettings: IndexSettings = {
  searchableAttributes: ['title', 'description', 'tags'],
  filterableAttributes: ['kind', 'park', 'tags', 'employees', 'verified', 'label'],
  sortableAttributes: ['employees'],
  synonyms: { smt: ['贴片', '表面贴装'], 贴片: ['smt', '表面贴装'], 表面贴装: ['smt', '贴片'] },
  localizedAttributes: [{ locales: ['cmn'], attributePatterns: ['*'] }],
};

export interface Posting extends SearchDocument {
  title: string;
  description: string;
  tags: string[];
  kind: 'need' | 'capability';
  park: string;
  employees: number;
  verified: boolean;
  label?: string;
}

export const postings: Posting[] = [
  {
    id: 'smt-line',
    title: '精密电子组装',
    description: '提供SMT贴片、插件和整机组装服务',
    tags: ['电子制造', 'pcb'],
    kind: 'capability',
    park: '东区',
    employees: 120,
    verified: true,
  },
  {
    id: 'mould-need',
    title: '寻找注塑模具供应商',
    description: '需要汽车零部件注塑模具，年需求约两百套',
    tags: ['注塑', '模具'],
    kind: 'need',
    park: '西区',
    employees: 40,
    verified: false,
  },
  {
    id: 'laser-cut',
    title: '激光切割',
    description: '不锈钢板材加工，厚度三十毫米以内',
    tags: ['钣金', '激光'],
    kind: 'capability',
    park: '东区',
    employees: 60,
    verified: true,
  },
  {
    id: 'robot-need',
    title: 'Welding robot integration',
    description: 'Looking for an integrator of automated welding cells',
    tags: ['automation', 'robot'],
    kind: 'need',
    park: '南区',
    employees: 300,
    verified: true,
  },
  {
    id: 'oem-board',
    title: '电路板贴片代工',
    description: '小批量打样与批量生产',
    tags: ['电子制造'],
    kind: 'capability',
    park: '北区',
    employees: 80,
    verified: false,
  },
];

const ids = (result: SearchResult): string[] => result.hits.map((hit) => hit.document.id);
/**
 * Ids in sorted order, for results whose order the contract leaves open: a placeholder search lists documents in
 * Meilisearch's internal id order, which is not guaranteed to be insertion order (the embedded index does keep it).
 */
const sortedIds = (result: SearchResult): string[] => ids(result).sort();

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof SearchIndexError, `expected a SearchIndexError, got ${String(error)}`);
    assert.equal(error.code, code, `error code (message: ${error.message})`);
    return true;
  });
}

export function describeSearchIndexContract(label: string, factory: SearchIndexFactory): void {
  describe(`SearchIndex contract: ${label}`, function () {
    let search: SearchIndex;
    let created: string[] = [];
    const runId = Date.now().toString(36);
    let counter = 0;

    /** A fresh index name, dropped after the test. */
    function indexName(): string {
      const name = `contract_${runId}_${++counter}`;
      created.push(name);
      return name;
    }

    async function seeded(documents: SearchDocument[] = postings, settings = postingSettings): Promise<string> {
      const name = indexName();
      await search.ensureIndex(name, settings);
      await search.upsert(name, documents);
      await search.waitUntilIdle();
      return name;
    }

    before(async function () {
      search = await factory();
    });

    afterEach(async function () {
      for (const name of created) await search.dropIndex(name);
      created = [];
    });

    after(async function () {
      await search?.close();
    });

    describe('index lifecycle', function () {
      it('When ensureIndex runs twice with the same settings, then the second run succeeds and keeps documents', async function () {
        const name = await seeded();
        await search.ensureIndex(name, postingSettings);
        await search.waitUntilIdle();
        const result = await search.search(name, '', { filter: { kind: 'need' } });
        assert.deepEqual(sortedIds(result), ['mould-need', 'robot-need']);
      });

      it('When an index is dropped, then searching it fails with index_not_found and dropping it again is harmless', async function () {
        const name = await seeded();
        await search.dropIndex(name);
        await search.waitUntilIdle();
        await rejectsWith(search.search(name, ''), 'index_not_found');
        await search.dropIndex(name);
      });

      it('When a dropped index is ensured again, then it starts empty', async function () {
        const name = await seeded();
        await search.dropIndex(name);
        await search.ensureIndex(name, postingSettings);
        await search.waitUntilIdle();
        const result = await search.search(name, '');
        assert.equal(result.total, 0);
        assert.deepEqual(result.hits, []);
      });

      it('When nothing was written, then waitUntilIdle resolves', async function () {
        await search.waitUntilIdle();
      });

      it('When pinged, then the adapter reports itself reachable', async function () {
        const health = await search.ping();
        assert.equal(health.adapter, search.adapter);
        assert.equal(health.reachable, true);
      });
    });

    describe('writes', function () {
      it('When documents are upserted and waited for, then a placeholder search returns all of them as stored', async function () {
        const name = await seeded();
        const result = await search.search(name, '');
        assert.equal(result.total, postings.length);
        assert.deepEqual(sortedIds(result), postings.map((p) => p.id).sort());
        const stored = result.hits.find((hit) => hit.document.id === 'smt-line')?.document;
        assert.deepEqual(stored, postings[0]);
      });

      it('When many documents are upserted without waiting, then after waitUntilIdle all are searchable', async function () {
        const name = indexName();
        await search.ensureIndex(name, postingSettings);
        for (let batch = 0; batch < 5; batch++) {
          const documents = Array.from({ length: 40 }, (_, i) => ({ ...postings[i % postings.length]!, id: `b${batch}-${i}` }));
          await search.upsert(name, documents);
        }
        await search.waitUntilIdle();
        assert.equal((await search.search(name, '', { limit: 1 })).total, 200);
      });

      it('When a document is upserted again with the same id, then it is replaced, not merged', async function () {
        const name = await seeded();
        await search.upsert(name, [{ ...postings[2]!, title: '水刀切割', description: '石材与玻璃切割', tags: ['水刀'] }]);
        await search.waitUntilIdle();
        const replaced = await search.search(name, '水刀');
        assert.deepEqual(ids(replaced), ['laser-cut']);
        assert.equal(replaced.hits[0]?.document.title, '水刀切割');
        assert.ok(!ids(await search.search(name, '激光')).includes('laser-cut'));
        assert.equal((await search.search(name, '')).total, postings.length);

        await search.upsert(name, [{ id: 'laser-cut', title: '仅标题' }]);
        await search.waitUntilIdle();
        const [hit] = (await search.search(name, '仅标题')).hits;
        assert.deepEqual(hit?.document, { id: 'laser-cut', title: '仅标题' });
      });

      it('When documents are removed, then they are gone and unknown ids are ignored', async function () {
        const name = await seeded();
        await search.remove(name, ['mould-need', 'no-such-id']);
        await search.waitUntilIdle();
        const all = await search.search(name, '');
        assert.equal(all.total, postings.length - 1);
        assert.ok(!ids(all).includes('mould-need'));
        assert.deepEqual(ids(await search.search(name, '注塑模具')), []);
      });

      it('When an index is cleared, then it is empty but keeps its settings', async function () {
        const name = await seeded();
        await search.clear(name);
        await search.waitUntilIdle();
        assert.equal((await search.search(name, '')).total, 0);
        await search.upsert(name, [postings[0]!]);
        await search.waitUntilIdle();
        // Still filterable and synonym-aware: the settings survived.
        assert.deepEqual(ids(await search.search(name, '表面贴装', { filter: { park: '东区' } })), ['smt-line']);
      });

      it('When a document has no valid id, then upsert is rejected', async function () {
        const name = indexName();
        await search.ensureIndex(name, postingSettings);
        await assert.rejects(search.upsert(name, [{ id: 'bad id!', title: 'x' }]), SearchIndexError);
      });
    });

    describe('text relevance', function () {
      it('When a query matches one document in its title and another in its description, then the title match ranks first', async function () {
        const name = await seeded([
          { id: 'in-description', title: '钣金折弯', description: '兼做激光切割', tags: [] },
          { id: 'in-title', title: '激光切割', description: '钣金件与结构件', tags: [] },
          { id: 'unrelated', title: '包装印刷', description: '纸箱与彩盒', tags: [] },
        ]);
        const result = await search.search(name, '激光切割');
        assert.deepEqual(ids(result), ['in-title', 'in-description']);
      });

      it('When a Latin query matches a title and another description, then the title match ranks first', async function () {
        const name = await seeded([
          { id: 'in-description', title: 'Sheet metal bending', description: 'also welding services', tags: [] },
          { id: 'in-title', title: 'Welding services', description: 'steel structures', tags: [] },
        ]);
        assert.deepEqual(ids(await search.search(name, 'welding')), ['in-title', 'in-description']);
      });

      it('When a Chinese query is searched, then the Chinese document about it comes first', async function () {
        const name = await seeded();
        const result = await search.search(name, '注塑模具');
        assert.equal(result.hits[0]?.document.id, 'mould-need');
      });

      it('When hits carry scores, then they lie in 0..1 and do not increase down the list', async function () {
        const name = await seeded();
        const result = await search.search(name, '贴片 组装');
        assert.ok(result.hits.length >= 2);
        const scores = result.hits.map((hit) => hit.score ?? 0);
        for (const score of scores) assert.ok(score >= 0 && score <= 1, `score ${score}`);
        for (let i = 1; i < scores.length; i++) assert.ok(scores[i - 1]! >= scores[i]!, `scores ${scores.join(', ')}`);
      });

      it('When the settings map SMT to 贴片, then the query "SMT" finds a document that only says 贴片', async function () {
        const name = await seeded();
        assert.ok(ids(await search.search(name, 'SMT')).includes('oem-board'));
      });

      it('When hit counts are asked for, then each query gets the total its search reports, the empty query all documents', async function () {
        const name = await seeded();
        const queries = ['', '贴片', '不存在的词语'];
        const counts = await search.count(name, queries);
        const totals = await Promise.all(queries.map(async (q) => (await search.search(name, q)).total));
        assert.deepEqual(counts, totals);
        assert.ok((counts[0] ?? 0) > (counts[1] ?? 0) && (counts[1] ?? 0) > 0);
        assert.equal(counts[2], 0);
      });

      it('When a query matches nothing, then there are no hits and the total is 0', async function () {
        const name = await seeded();
        const result = await search.search(name, 'zzqx');
        assert.deepEqual(result, { hits: [], total: 0 });
      });
    });

    describe('filters', function () {
      it('When filtering by a scalar, then only documents with that value match', async function () {
        const name = await seeded();
        assert.deepEqual(sortedIds(await search.search(name, '', { filter: { kind: 'need' } })), ['mould-need', 'robot-need']);
      });

      it('When filtering by a list of values, then documents with any of them match', async function () {
        const name = await seeded();
        const result = await search.search(name, '', { filter: { park: ['南区', '北区'] } });
        assert.deepEqual(sortedIds(result), ['oem-board', 'robot-need']);
      });

      it('When filtering an array field by a scalar, then documents whose array contains it match', async function () {
        const name = await seeded();
        assert.deepEqual(sortedIds(await search.search(name, '', { filter: { tags: '电子制造' } })), ['oem-board', 'smt-line']);
      });

      it('When several fields are filtered, then a document must match all of them', async function () {
        const name = await seeded();
        const filter = { kind: 'capability', park: ['东区', '北区'], verified: true };
        assert.deepEqual(sortedIds(await search.search(name, '', { filter })), ['laser-cut', 'smt-line']);
      });

      it('When a text query is combined with a filter, then only matching documents that pass the filter are returned', async function () {
        const name = await seeded();
        const result = await search.search(name, '贴片', { filter: { park: '北区' } });
        assert.deepEqual(ids(result), ['oem-board']);
        assert.equal(result.total, 1);
      });

      it('When filtering by a number or a boolean, then values compare as such', async function () {
        const name = await seeded();
        assert.deepEqual(ids(await search.search(name, '', { filter: { employees: 60 } })), ['laser-cut']);
        assert.deepEqual(sortedIds(await search.search(name, '', { filter: { verified: false } })), ['mould-need', 'oem-board']);
      });

      it('When an any-of list is empty, then nothing matches', async function () {
        const name = await seeded();
        assert.deepEqual(await search.search(name, '', { filter: { park: [] } }), { hits: [], total: 0 });
      });

      it('When filter values contain quotes, backslashes and filter keywords, then they are compared literally', async function () {
        const tricky = [`say "hi" AND it's \\ fine`, `x' OR label = 'y`, 'a\\"b', 'TO', `kind = "need"`];
        const name = await seeded(tricky.map((label, i) => ({ id: `t${i}`, title: '标签', label, kind: 'need' })));
        for (const [i, label] of tricky.entries()) {
          assert.deepEqual(ids(await search.search(name, '', { filter: { label } })), [`t${i}`], label);
        }
        assert.deepEqual(ids(await search.search(name, '', { filter: { label: [tricky[0]!, 'AND', 'OR'] } })), ['t0']);
        // A value that would read as "everything" if it escaped its quotes matches nothing.
        assert.deepEqual(ids(await search.search(name, '', { filter: { label: `" OR kind = "need` } })), []);
        assert.deepEqual(ids(await search.search(name, '', { filter: { label: `\\" OR kind = \\"need` } })), []);
      });

      it('When filtering on an attribute that is not filterable, then the search fails with invalid_search_filter', async function () {
        const name = await seeded();
        await rejectsWith(search.search(name, '', { filter: { title: '激光切割' } }), 'invalid_search_filter');
      });

      it('When a filter field name is not an identifier, then the search fails before reaching the index', async function () {
        const name = await seeded();
        await rejectsWith(search.search(name, '', { filter: { 'kind = "need" OR park': 'x' } }), 'invalid_search_filter');
      });
    });

    describe('paging', function () {
      it('When limit and offset are given, then that window of results is returned with the full total', async function () {
        const name = await seeded();
        const all = await search.search(name, '', { limit: 1000 });
        const page = await search.search(name, '', { limit: 2, offset: 1 });
        assert.deepEqual(ids(page), ids(all).slice(1, 3));
        assert.equal(page.total, postings.length);
        const textAll = await search.search(name, '贴片 组装');
        const textPage = await search.search(name, '贴片 组装', { limit: 1, offset: 1 });
        assert.deepEqual(ids(textPage), ids(textAll).slice(1, 2));
      });

      it('When a text query matches more documents than the limit, then total counts all of them', async function () {
        const name = await seeded();
        const result = await search.search(name, '贴片', { limit: 1 });
        assert.equal(result.hits.length, 1);
        assert.equal(result.total, 2);
      });

      it('When the offset is past the end, then there are no hits but the total stays', async function () {
        const name = await seeded();
        const result = await search.search(name, '', { offset: 50 });
        assert.deepEqual(result.hits, []);
        assert.equal(result.total, postings.length);
      });

      it('When the limit is out of range, then the search is rejected', async function () {
        const name = await seeded();
        await assert.rejects(search.search(name, '', { limit: 0 }), SearchIndexError);
        await assert.rejects(search.search(name, '', { limit: 1001 }), SearchIndexError);
      });
    });
  });
}
