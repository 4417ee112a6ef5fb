import assert from 'node:assert/strict';
import { createEmbeddedIndex, SimpleTokenizer, type Tokenizer } from '../../matcher/index/adapters/embedded/index.js';
import { topK } from '../../matcher/index/adapters/embedded/top-k.js';
import { SearchIndexError, type SearchResult } from '../../matcher/index/port.js';
import { describeSearchIndexContract, postingSettings, postings } from './contract.js';

describeSearchIndexContract('embedded', () => createEmbeddedIndex());

const ids = (result: SearchResult): string[] => result.hits.map((hit) => hit.document.id);

describe('Embedded search index', function () {
  describe('default tokenizer', function () {
    const tokenizer = new SimpleTokenizer();

    it('When text has full-width Latin and upper case, then tokens are folded to lower-case ASCII', function () {
      assert.deepEqual(tokenizer.tokens('ＳＭＴ Line ２０２４'), ['smt', 'line', '2024']);
    });

    it('When text mixes Latin and Chinese, then Latin words stay whole and Chinese gets unigrams and bigrams', function () {
      assert.deepEqual(tokenizer.tokens('Wi-Fi模块，ISO9001'), ['wi', 'fi', '模', '模块', '块', 'iso9001']);
    });

    it('When a query is tokenised, then Chinese runs give bigrams only and a lone character its unigram', function () {
      assert.deepEqual(tokenizer.queryTokens('激光切割 电'), ['激光', '光切', '切割', '电']);
    });

    it('When text is only punctuation, then there are no tokens', function () {
      assert.deepEqual(tokenizer.tokens(' ，。!? -- '), []);
    });
  });

  describe('behaviour beyond the contract', function () {
    it('When a tokenizer is injected, then documents and queries go through it', async function () {
      // Splits on spaces only: no n-grams, so a Chinese run is one token.
      const spaces: Tokenizer = { tokens: (text) => text.split(/\s+/).filter(Boolean) };
      const search = createEmbeddedIndex({ tokenizer: spaces });
      await search.ensureIndex('t', { searchableAttributes: ['title'], filterableAttributes: [] });
      await search.upsert('t', [
        { id: 'joined', title: '电路板贴片代工' },
        { id: 'spaced', title: '贴片 代工' },
      ]);
      assert.deepEqual(ids(await search.search('t', '贴片')), ['spaced']);
    });

    it('When the query is written in full-width letters, then it finds the half-width text', async function () {
      const search = createEmbeddedIndex();
      await search.ensureIndex('t', postingSettings);
      await search.upsert('t', postings);
      assert.equal((await search.search('t', 'ＳＭＴ')).hits[0]?.document.id, 'smt-line');
    });

    it('When the query is only punctuation, then it behaves as a placeholder search', async function () {
      const search = createEmbeddedIndex();
      await search.ensureIndex('t', postingSettings);
      await search.upsert('t', postings);
      assert.equal((await search.search('t', '，。')).total, postings.length);
    });

    it('When documents are upserted, then a placeholder search lists them in insertion order', async function () {
      const search = createEmbeddedIndex();
      await search.ensureIndex('t', postingSettings);
      await search.upsert('t', postings.slice(0, 3));
      await search.upsert('t', postings.slice(3));
      assert.deepEqual(ids(await search.search('t', '')), postings.map((p) => p.id));
      assert.deepEqual(ids(await search.search('t', '', { limit: 2, offset: 1 })), ['mould-need', 'laser-cut']);
      assert.deepEqual(ids(await search.search('t', '', { filter: { kind: 'need' } })), ['mould-need', 'robot-need']);
    });

    it('When a document is replaced, then it keeps its place in placeholder order', async function () {
      const search = createEmbeddedIndex();
      await search.ensureIndex('t', postingSettings);
      await search.upsert('t', postings);
      await search.upsert('t', [{ ...postings[0]!, title: '新标题' }]);
      assert.deepEqual(ids(await search.search('t', '')), postings.map((p) => p.id));
    });

    it('When documents are replaced thousands of times, then the compacted index still answers correctly', async function () {
      const search = createEmbeddedIndex();
      await search.ensureIndex('t', postingSettings);
      await search.upsert('t', postings);
      for (let round = 0; round < 1200; round++) {
        await search.upsert('t', postings.map((p) => ({ ...p, description: `${p.description} rev${round}` })));
      }
      await search.remove('t', ['laser-cut']);
      const all = await search.search('t', '');
      assert.deepEqual(ids(all), postings.map((p) => p.id).filter((id) => id !== 'laser-cut'));
      assert.equal(all.hits[0]?.document.description, `${postings[0]!.description} rev1199`);
      assert.deepEqual(ids(await search.search('t', 'rev1199', { filter: { kind: 'need' } })).sort(), ['mould-need', 'robot-need']);
      assert.deepEqual(ids(await search.search('t', 'rev1198')), []);
      assert.deepEqual(ids(await search.search('t', '注塑模具')), ['mould-need']);
    });

    it('When ensureIndex changes the searchable attributes, then existing documents are reindexed', async function () {
      const search = createEmbeddedIndex();
      await search.ensureIndex('t', { searchableAttributes: ['title'], filterableAttributes: [] });
      await search.upsert('t', [{ id: 'a', title: '标题', note: '备注里的词' }]);
      assert.deepEqual(ids(await search.search('t', '备注')), []);
      await search.ensureIndex('t', { searchableAttributes: ['title', 'note'], filterableAttributes: ['note'] });
      assert.deepEqual(ids(await search.search('t', '备注')), ['a']);
      assert.deepEqual(ids(await search.search('t', '', { filter: { note: '备注里的词' } })), ['a']);
    });

    it('When the caller changes a document after upserting it, then the index is not affected', async function () {
      const search = createEmbeddedIndex();
      await search.ensureIndex('t', postingSettings);
      const document = { ...postings[0]!, tags: [...postings[0]!.tags] };
      await search.upsert('t', [document]);
      document.title = '改过了';
      document.tags.push('changed');
      const [hit] = (await search.search('t', '')).hits;
      assert.deepEqual(hit?.document, postings[0]);
      hit!.document.title = 'also changed';
      assert.deepEqual((await search.search('t', '')).hits[0]?.document, postings[0]);
    });

    it('When filtering, then strings compare trimmed and case-insensitively and numbers match their spelling', async function () {
      const search = createEmbeddedIndex();
      await search.ensureIndex('t', { searchableAttributes: ['title'], filterableAttributes: ['code', 'count'] });
      await search.upsert('t', [
        { id: 'a', title: 'a', code: 'ABC', count: 5 },
        { id: 'b', title: 'b', code: 'xyz', count: '7' },
      ]);
      assert.deepEqual(ids(await search.search('t', '', { filter: { code: ' abc ' } })), ['a']);
      assert.deepEqual(ids(await search.search('t', '', { filter: { count: '5' } })), ['a']);
      assert.deepEqual(ids(await search.search('t', '', { filter: { count: 7 } })), ['b']);
    });

    it('When a filterable attribute is nested, then a dotted name reaches into objects and arrays of objects', async function () {
      const search = createEmbeddedIndex();
      await search.ensureIndex('t', { searchableAttributes: ['company.name'], filterableAttributes: ['company.park', 'sites.city'] });
      await search.upsert('t', [
        { id: 'a', company: { name: '华工激光', park: '东区' }, sites: [{ city: '武汉' }, { city: '苏州' }] },
        { id: 'b', company: { name: '恒力注塑', park: '西区' }, sites: [{ city: '无锡' }] },
      ]);
      assert.deepEqual(ids(await search.search('t', '', { filter: { 'company.park': '东区' } })), ['a']);
      assert.deepEqual(ids(await search.search('t', '', { filter: { 'sites.city': '苏州' } })), ['a']);
      assert.deepEqual(ids(await search.search('t', '注塑')), ['b']);
    });

    it('When writing to an index that was never ensured, then the call fails with index_not_found', async function () {
      const search = createEmbeddedIndex();
      await assert.rejects(search.upsert('missing', [{ id: 'a' }]), (error: unknown) => {
        return error instanceof SearchIndexError && error.code === 'index_not_found';
      });
    });

    it('When one document of a batch has a bad id, then none of the batch is written', async function () {
      const search = createEmbeddedIndex();
      await search.ensureIndex('t', postingSettings);
      await assert.rejects(search.upsert('t', [postings[0]!, { id: 'bad id' }]), SearchIndexError);
      assert.equal((await search.search('t', '')).total, 0);
    });

    it('When a query matches thousands of documents, then the best ones come back in score order', async function () {
      const search = createEmbeddedIndex();
      await search.ensureIndex('t', { searchableAttributes: ['title'], filterableAttributes: [] });
      const documents = Array.from({ length: 5000 }, (_, i) => ({
        id: `d${i}`,
        // Document i mentions 焊接 (i % 7) + 1 times among filler words: fewer filler, more mentions → higher score.
        title: `${'焊接 '.repeat((i % 7) + 1)}${'设备 '.repeat(7 - (i % 7))}`,
      }));
      await search.upsert('t', documents);
      const result = await search.search('t', '焊接', { limit: 10, offset: 5 });
      assert.equal(result.total, 5000);
      // The top band is every i with i % 7 === 6, in insertion order (equal scores keep insertion order); skip 5.
      assert.deepEqual(ids(result), [5, 6, 7, 8, 9, 10, 11, 12, 13, 14].map((k) => `d${k * 7 + 6}`));
    });
  });

  describe('topK', function () {
    it('When selecting from many items, then the result equals sorting everything and slicing', function () {
      let seed = 7;
      const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const items = Array.from({ length: 20_000 }, () => Math.floor(random() * 1000));
      for (const k of [1, 10, 1000]) {
        assert.deepEqual(topK(items, k, (a, b) => b - a), [...items].sort((a, b) => b - a).slice(0, k));
      }
      assert.deepEqual(topK([3, 1, 2], 10, (a, b) => a - b), [1, 2, 3]);
      assert.deepEqual(topK([3, 1, 2], 0, (a, b) => a - b), []);
    });
  });
});
