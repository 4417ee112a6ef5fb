/**
 * The Meilisearch adapter at the HTTP level, against a local stub: which calls it makes, with which bodies, and
 * how it turns answers and failures into port results and errors. Runs everywhere; no Meilisearch needed.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildMeiliFilter, createMeiliIndex } from '../../matcher/index/adapters/meilisearch/index.js';
import {
  SearchIndexError,
  SearchUnavailableError,
  type IndexSettings,
  type SearchIndex,
} from '../../matcher/index/port.js';
import { MeiliStub } from './meili-stub.js';

const settings: IndexSettings = {
  searchableAttributes: ['title', 'description', 'tags'],
  filterableAttributes: ['kind', 'park', 'tags'],
  sortableAttributes: ['updatedAt'],
  synonyms: { smt: ['贴片'], 贴片: ['smt'] },
  localizedAttributes: [{ locales: ['cmn'], attributePatterns: ['*'] }],
};

const expectedSettingsBody = {
  searchableAttributes: ['title', 'description', 'tags'],
  filterableAttributes: ['kind', 'park', 'tags'],
  sortableAttributes: ['updatedAt'],
  synonyms: { smt: ['贴片'], 贴片: ['smt'] },
  localizedAttributes: [{ locales: ['cmn'], attributePatterns: ['*'] }],
  typoTolerance: { enabled: true, disableOnAttributes: ['title', 'description', 'tags'] },
};

const taskFailure = (code: string, message: string) => ({
  message,
  code,
  type: 'invalid_request',
  link: `https://docs.meilisearch.com/errors#${code}`,
});

function isSearchError(code: string | undefined, type: typeof SearchIndexError = SearchIndexError) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof type, `expected ${type.name}, got ${String(error)}`);
    assert.equal(error.code, code);
    return true;
  };
}

/** A port on which nothing listens: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('Meilisearch adapter: HTTP requests', function () {
  let stub: MeiliStub;
  let search: SearchIndex;

  beforeEach(async function () {
    stub = await new MeiliStub().start();
    search = createMeiliIndex({ host: stub.url, apiKey: 'test-key', pollIntervalMs: 1 });
  });

  afterEach(async function () {
    await search.close();
    await stub.stop();
  });

  describe('ensureIndex', function () {
    it('When the index does not exist, then it is created with primary key id and then its settings are patched', async function () {
      await search.ensureIndex('postings', settings);
      await search.waitUntilIdle();
      assert.deepEqual(stub.calls(), [
        { method: 'GET', path: '/indexes/zonematch_postings', body: undefined },
        { method: 'POST', path: '/indexes', body: { uid: 'zonematch_postings', primaryKey: 'id' } },
        { method: 'GET', path: '/tasks/1', body: undefined },
        { method: 'PATCH', path: '/indexes/zonematch_postings/settings', body: expectedSettingsBody },
        { method: 'GET', path: '/tasks/2', body: undefined },
      ]);
    });

    it('When the index exists, then only the settings are patched', async function () {
      stub.indexes.add('zonematch_postings');
      await search.ensureIndex('postings', settings);
      assert.deepEqual(stub.calls(), [
        { method: 'GET', path: '/indexes/zonematch_postings', body: undefined },
        { method: 'PATCH', path: '/indexes/zonematch_postings/settings', body: expectedSettingsBody },
      ]);
    });

    it('When another process created the index meanwhile, then ensureIndex still succeeds', async function () {
      stub.plans.push({ statuses: ['failed'], error: taskFailure('index_already_exists', 'Index already exists.') });
      await search.ensureIndex('postings', settings);
      await search.waitUntilIdle();
      assert.equal(stub.calls().at(-2)?.method, 'PATCH');
    });

    it('When index creation fails for another reason, then ensureIndex rejects with that error', async function () {
      stub.plans.push({ statuses: ['failed'], error: taskFailure('no_space_left_on_device', 'No space left on device') });
      await assert.rejects(search.ensureIndex('postings', settings), isSearchError('no_space_left_on_device'));
    });

    it('When only some attributes are localised as Chinese, then typo tolerance is disabled on those only', async function () {
      stub.indexes.add('zonematch_postings');
      await search.ensureIndex('postings', {
        searchableAttributes: ['title_zh', 'title_en', 'body_zh'],
        filterableAttributes: [],
        localizedAttributes: [
          { locales: ['cmn'], attributePatterns: ['*_zh'] },
          { locales: ['eng'], attributePatterns: ['*_en'] },
        ],
      });
      const body = stub.calls()[1]?.body as Record<string, unknown>;
      assert.deepEqual(body.typoTolerance, { enabled: true, disableOnAttributes: ['title_zh', 'body_zh'] });
    });

    it('When optional settings are omitted, then defaults reset them: no sortable attributes, no synonyms, no locales', async function () {
      stub.indexes.add('zonematch_postings');
      await search.ensureIndex('postings', { searchableAttributes: ['title'], filterableAttributes: ['kind'] });
      assert.deepEqual(stub.calls()[1]?.body, {
        searchableAttributes: ['title'],
        filterableAttributes: ['kind'],
        sortableAttributes: [],
        synonyms: {},
        localizedAttributes: null,
        typoTolerance: { enabled: true, disableOnAttributes: [] },
      });
    });
  });

  describe('writes', function () {
    it('When documents are upserted, then they are POSTed to the documents route and waited for by waitUntilIdle', async function () {
      const documents = [
        { id: 'a', title: '贴片加工' },
        { id: 'b', title: '注塑' },
      ];
      await search.upsert('postings', documents);
      assert.deepEqual(stub.calls(), [{ method: 'POST', path: '/indexes/zonematch_postings/documents', body: documents }]);
      await search.waitUntilIdle();
      assert.deepEqual(stub.calls().at(-1), { method: 'GET', path: '/tasks/1', body: undefined });
    });

    it('When more than 5,000 documents are upserted, then they are sent in batches of 5,000', async function () {
      const documents = Array.from({ length: 12_000 }, (_, i) => ({ id: `d${i}`, title: 't' }));
      await search.upsert('postings', documents);
      const sizes = stub.calls().map((call) => (call.body as unknown[]).length);
      assert.deepEqual(sizes, [5000, 5000, 2000]);
      await search.waitUntilIdle();
      assert.deepEqual(stub.calls().slice(3).map((call) => call.path), ['/tasks/1', '/tasks/2', '/tasks/3']);
    });

    it('When a document id is invalid, then upsert rejects without calling Meilisearch', async function () {
      await assert.rejects(search.upsert('postings', [{ id: 'not ok' }]), isSearchError('invalid_document_id'));
      assert.deepEqual(stub.calls(), []);
    });

    it('When ids are removed, then they are POSTed to delete-batch', async function () {
      await search.remove('postings', ['a', 'b']);
      assert.deepEqual(stub.calls(), [
        { method: 'POST', path: '/indexes/zonematch_postings/documents/delete-batch', body: ['a', 'b'] },
      ]);
    });

    it('When the lists are empty, then upsert and remove make no request', async function () {
      await search.upsert('postings', []);
      await search.remove('postings', []);
      await search.waitUntilIdle();
      assert.deepEqual(stub.calls(), []);
    });

    it('When the index is cleared, then all its documents are deleted', async function () {
      await search.clear('postings');
      assert.deepEqual(stub.calls(), [{ method: 'DELETE', path: '/indexes/zonematch_postings/documents', body: undefined }]);
    });

    it('When an index is dropped, then it is deleted and the deletion is awaited; a missing index is not an error', async function () {
      stub.plans.push({ statuses: ['failed'], error: taskFailure('index_not_found', 'Index `zonematch_postings` not found.') });
      await search.dropIndex('postings');
      assert.deepEqual(stub.calls(), [
        { method: 'DELETE', path: '/indexes/zonematch_postings', body: undefined },
        { method: 'GET', path: '/tasks/1', body: undefined },
      ]);
    });

    it('When an index name is not a valid uid, then the call rejects without a request', async function () {
      await assert.rejects(search.search('bad/name', ''), isSearchError('invalid_index_uid'));
      await assert.rejects(search.clear('../tasks'), isSearchError('invalid_index_uid'));
      assert.deepEqual(stub.calls(), []);
    });

    it('When an index prefix is configured, then it names every index', async function () {
      const prefixed = createMeiliIndex({ host: stub.url, indexPrefix: 'tenant7_' });
      await prefixed.clear('postings');
      assert.equal(stub.calls()[0]?.path, '/indexes/tenant7_postings/documents');
    });
  });

  describe('waitUntilIdle', function () {
    it('When a task is still enqueued or processing, then it polls the task until it has succeeded', async function () {
      stub.plans.push({ statuses: ['enqueued', 'processing', 'processing', 'succeeded'] });
      await search.upsert('postings', [{ id: 'a' }]);
      await search.waitUntilIdle();
      const polls = stub.calls().filter((call) => call.path === '/tasks/1');
      assert.equal(polls.length, 4);
      assert.ok(polls.every((call) => call.method === 'GET'));
      // Nothing is pending any more: a second wait asks nothing.
      const before = stub.calls().length;
      await search.waitUntilIdle();
      assert.equal(stub.calls().length, before);
    });

    it('When several writes are pending, then it waits for every one of them', async function () {
      await search.upsert('postings', [{ id: 'a' }]);
      await search.remove('postings', ['b']);
      await search.clear('other');
      await search.waitUntilIdle();
      const polled = stub.calls().filter((call) => call.path.startsWith('/tasks/')).map((call) => call.path);
      assert.deepEqual(polled, ['/tasks/1', '/tasks/2', '/tasks/3']);
    });

    it("When a task failed, then it rejects with Meilisearch's message and code, once", async function () {
      stub.plans.push({ statuses: ['processing', 'failed'], error: taskFailure('invalid_document_id', 'Document identifier `x y` is invalid.') });
      await search.upsert('postings', [{ id: 'a' }]);
      await assert.rejects(search.waitUntilIdle(), (error: unknown) => {
        assert.ok(error instanceof SearchIndexError);
        assert.equal(error.code, 'invalid_document_id');
        assert.match(error.message, /Document identifier `x y` is invalid\./);
        return true;
      });
      await search.waitUntilIdle();
    });
  });

  describe('search', function () {
    it('When searching with a filter, then the body has q, limit, offset, showRankingScore and the escaped filter', async function () {
      await search.search('postings', '贴片 加工', {
        filter: { kind: 'need', tags: `say "hi" \\ it's AND x`, park: ['东区', 'OR', `a' TO 'b`] },
        limit: 50,
        offset: 10,
      });
      assert.deepEqual(stub.calls(), [
        {
          method: 'POST',
          path: '/indexes/zonematch_postings/search',
          body: {
            q: '贴片 加工',
            limit: 50,
            offset: 10,
            showRankingScore: true,
            filter: `kind = "need" AND tags = "say \\"hi\\" \\\\ it's AND x" AND park IN ["东区", "OR", "a' TO 'b"]`,
          },
        },
      ]);
    });

    it('When searching without a filter, then defaults are sent and there is no filter key', async function () {
      await search.search('postings', '');
      assert.deepEqual(stub.calls()[0]?.body, { q: '', limit: 20, offset: 0, showRankingScore: true });
    });

    it('When Meilisearch answers, then hits carry the document without _rankingScore, plus the score, and total', async function () {
      stub.searchReply = {
        status: 200,
        body: {
          hits: [
            { id: 'a', title: '贴片', _rankingScore: 0.91 },
            { id: 'b', title: '贴片加工', _rankingScore: 0.5 },
          ],
          estimatedTotalHits: 42,
          query: '贴片',
          limit: 2,
          offset: 0,
          processingTimeMs: 1,
        },
      };
      const result = await search.search('postings', '贴片', { limit: 2 });
      assert.deepEqual(result, {
        hits: [
          { document: { id: 'a', title: '贴片' }, score: 0.91 },
          { document: { id: 'b', title: '贴片加工' }, score: 0.5 },
        ],
        total: 42,
      });
    });

    it('When hit counts are asked for several queries, then one multi-search carries them all', async function () {
      stub.counts = { '': 120, zzsmt: 7, 贴片: 3 };
      assert.deepEqual(await search.count('postings', ['', 'zzsmt', '贴片']), [120, 7, 3]);
      assert.deepEqual(stub.calls(), [
        {
          method: 'POST',
          path: '/multi-search',
          body: {
            queries: [
              { indexUid: 'zonematch_postings', q: '', limit: 1, attributesToRetrieve: ['id'] },
              { indexUid: 'zonematch_postings', q: 'zzsmt', limit: 1, attributesToRetrieve: ['id'] },
              { indexUid: 'zonematch_postings', q: '贴片', limit: 1, attributesToRetrieve: ['id'] },
            ],
          },
        },
      ]);
    });

    it('When no counts are asked for, then no request is made', async function () {
      assert.deepEqual(await search.count('postings', []), []);
      assert.deepEqual(stub.calls(), []);
    });

    it('When an any-of list is empty, then there are no hits and no request', async function () {
      assert.deepEqual(await search.search('postings', 'x', { filter: { park: [] } }), { hits: [], total: 0 });
      assert.deepEqual(stub.calls(), []);
    });

    it('When Meilisearch rejects the search, then a SearchIndexError carries its code and message', async function () {
      stub.searchReply = {
        status: 400,
        body: taskFailure('invalid_search_filter', 'Attribute `title` is not filterable.'),
      };
      await assert.rejects(search.search('postings', '', { filter: { title: 'x' } }), (error: unknown) => {
        assert.ok(error instanceof SearchIndexError && !(error instanceof SearchUnavailableError));
        assert.equal(error.code, 'invalid_search_filter');
        assert.equal(error.message, 'Attribute `title` is not filterable.');
        return true;
      });
    });

    it('When a proxy answers 503 without a Meilisearch error, then SearchUnavailableError', async function () {
      stub.searchReply = { status: 503 };
      await assert.rejects(search.search('postings', ''), isSearchError(undefined, SearchUnavailableError));
    });
  });

  describe('connection', function () {
    it('When an API key is configured, then every request sends it as a Bearer token', async function () {
      await search.ensureIndex('postings', settings);
      await search.upsert('postings', [{ id: 'a' }]);
      await search.waitUntilIdle();
      await search.search('postings', 'a');
      assert.ok(stub.requests.length >= 6);
      for (const request of stub.requests) assert.equal(request.headers.authorization, 'Bearer test-key', request.path);
    });

    it('When no API key is configured, then no Authorization header is sent', async function () {
      const open = createMeiliIndex({ host: stub.url });
      await open.search('postings', '');
      assert.equal(stub.requests[0]?.headers.authorization, undefined);
    });

    it('When /health answers available, then ping reports the engine reachable', async function () {
      assert.deepEqual(await search.ping(), { adapter: 'meilisearch', reachable: true, detail: 'available' });
      assert.deepEqual(stub.calls(), [{ method: 'GET', path: '/health', body: undefined }]);
    });

    it('When the host is unreachable, then calls fail with SearchUnavailableError and ping says unreachable', async function () {
      const down = createMeiliIndex({ host: `http://127.0.0.1:${await closedPort()}` });
      await assert.rejects(down.search('postings', ''), SearchUnavailableError);
      await assert.rejects(down.upsert('postings', [{ id: 'a' }]), SearchUnavailableError);
      await assert.rejects(down.ensureIndex('postings', settings), SearchUnavailableError);
      const health = await down.ping();
      assert.equal(health.reachable, false);
      assert.equal(health.adapter, 'meilisearch');
    });

    it('When Meilisearch does not answer within timeoutMs, then the call fails with SearchUnavailableError', async function () {
      stub.intercept = () => true; // never answers
      const slow = createMeiliIndex({ host: stub.url, timeoutMs: 100 });
      await assert.rejects(slow.search('postings', ''), SearchUnavailableError);
    });
  });
});

describe('buildMeiliFilter', function () {
  /**
   * Reads a double-quoted filter string the way Meilisearch's filter parser does (filter-parser `quoted_by`:
   * a backslash skips the next character; then `\"` becomes `"`; then standard escapes such as `\\` are decoded).
   */
  function readMeiliString(expression: string, start: number): { value: string; end: number } {
    assert.equal(expression[start], '"');
    let i = start + 1;
    let escapedQuote = false;
    while (i < expression.length && expression[i] !== '"') {
      if (expression[i] === '\\') {
        if (expression[i + 1] === '"') escapedQuote = true;
        i += 2;
      } else {
        i += 1;
      }
    }
    assert.equal(expression[i], '"', 'string is closed');
    let raw = expression.slice(start + 1, i);
    if (escapedQuote) raw = raw.split('\\"').join('"');
    const escapes: Record<string, string> = { '\\': '\\', '"': '"', "'": "'", n: '\n', t: '\t', r: '\r', '0': '\0' };
    let value = '';
    for (let j = 0; j < raw.length; j++) {
      if (raw[j] !== '\\') {
        value += raw[j];
        continue;
      }
      const next = raw[j + 1];
      assert.ok(next !== undefined && next in escapes, `valid escape at ${j} in ${raw}`);
      value += escapes[next];
      j++;
    }
    return { value, end: i + 1 };
  }

  it('When the filter is empty, then there is no expression', function () {
    assert.equal(buildMeiliFilter({}), undefined);
  });

  it('When values are scalars, then each becomes a quoted equality, joined with AND in key order', function () {
    assert.equal(
      buildMeiliFilter({ kind: 'need', employees: 60, verified: true, 'company.park': '东区' }),
      'kind = "need" AND employees = "60" AND verified = "true" AND company.park = "东区"',
    );
  });

  it('When a value is a list, then it becomes IN […]; a one-element list an equality', function () {
    assert.equal(buildMeiliFilter({ park: ['东区', '西区'], tags: ['激光'] }), 'park IN ["东区", "西区"] AND tags = "激光"');
  });

  it('When values contain quotes, backslashes or filter keywords, then they are escaped inside double quotes', function () {
    assert.equal(buildMeiliFilter({ label: 'a"b' }), 'label = "a\\"b"');
    assert.equal(buildMeiliFilter({ label: 'a\\b' }), 'label = "a\\\\b"');
    assert.equal(buildMeiliFilter({ label: '\\"' }), 'label = "\\\\\\""');
    assert.equal(buildMeiliFilter({ label: "it's" }), `label = "it's"`);
    assert.equal(buildMeiliFilter({ label: 'x AND y OR z TO w' }), 'label = "x AND y OR z TO w"');
    assert.equal(buildMeiliFilter({ label: 'a = b' }), 'label = "a = b"');
  });

  it("When Meilisearch's parser reads a value back, then it gets exactly the original and nothing after it", function () {
    const tricky = [
      'plain',
      '"',
      '\\',
      '\\"',
      '"\\',
      'a\\"b\\\\"',
      'x" OR kind = "need',
      '\\" OR kind = \\"need',
      "' OR '1'='1",
      'AND',
      '1 TO 5',
      '(a) NOT b',
      'tab\tand\nnewline',
      '\\n is not a newline',
      '贴片 "SMT" \\ 表面贴装',
    ];
    for (const value of tricky) {
      const expression = buildMeiliFilter({ label: value })!;
      assert.ok(expression.startsWith('label = '), expression);
      const read = readMeiliString(expression, 'label = '.length);
      assert.equal(read.value, value);
      assert.equal(read.end, expression.length, `nothing follows the string in ${expression}`);
    }
  });

  it('When a field name is not an identifier or is a keyword, then it is rejected', function () {
    for (const field of ['', 'a b', 'kind = "x" OR park', '1abc', 'a-b', 'a"', 'AND', 'NOT', '_geoRadius', '贴片']) {
      assert.throws(() => buildMeiliFilter({ [field]: 'x' }), isSearchError('invalid_search_filter'), field);
    }
    assert.equal(buildMeiliFilter({ _private: 'x', 'a.b_c': 1 }), '_private = "x" AND a.b_c = "1"');
  });

  it('When a value is not a string, finite number or boolean, then it is rejected', function () {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, null, undefined, { $ne: 1 }, [['nested']]]) {
      assert.throws(
        () => buildMeiliFilter({ kind: value as never }),
        isSearchError('invalid_search_filter'),
        JSON.stringify(value),
      );
    }
  });

  it('When an any-of list is empty, then it is rejected (the adapter answers such searches itself)', function () {
    assert.throws(() => buildMeiliFilter({ park: [] }), isSearchError('invalid_search_filter'));
  });
});
