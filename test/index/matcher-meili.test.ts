/**
 * The matcher over the Meilisearch adapter, at the HTTP level against the local stub: the index settings it
 * creates (searchable and filterable attributes, the synonym table, Chinese locale, no typo tolerance on Chinese
 * fields) and the searches it sends, with user-supplied filter values escaped, never interpreted.
 */
import assert from 'node:assert/strict';
import { createMeiliIndex } from '../../matcher/index/adapters/meilisearch/index.js';
import type { SearchIndex } from '../../matcher/index/port.js';
import { MATCH_INDEX, certificationKey, matchIndexSettings, type MatchableCompany, type MatchablePosting } from '../../matcher/ranking/documents.js';
import { Matcher } from '../../matcher/ranking/matcher.js';
import { meiliSynonyms } from '../../matcher/text/index.js';
import { MeiliStub } from './meili-stub.js';

const company: MatchableCompany = {
  id: '0123456789abcdef01234567',
  name: '京联智造电子',
  industries: ['C3982'],
  description: '从事PCBA电子制造服务，12条SMT贴片线。',
  certifications: ['ISO 9001'],
  park: '路东区',
  employees: 680,
  updatedAt: new Date('2026-11-01T00:00:00Z'),
};

const need: MatchablePosting = {
  id: '0123456789abcdef01234568',
  companyId: company.id,
  kind: 'need',
  status: 'open',
  title: 'SMT产线自动化改造',
  description: '引入机器视觉AOI检测和AGV物料配送。',
  tags: ['自动化'],
  industries: ['C3499'],
  certificationsRequired: [],
  updatedAt: new Date('2026-11-01T00:00:00Z'),
};

describe('matcher on Meilisearch: HTTP requests', function () {
  let stub: MeiliStub;
  let index: SearchIndex;
  let matcher: Matcher;

  beforeEach(async function () {
    stub = await new MeiliStub().start();
    index = createMeiliIndex({ host: stub.url, apiKey: 'test-key', pollIntervalMs: 1 });
    matcher = new Matcher(index);
  });

  afterEach(async function () {
    await index.close();
    await stub.stop();
  });

  it('When the matcher creates its index, then the settings carry its fields, the synonym table, Chinese locale and no typo tolerance on Chinese fields', async function () {
    await matcher.ensureIndex();
    await matcher.waitUntilIdle();
    const patch = stub.calls().find((call) => call.method === 'PATCH');
    assert.equal(patch?.path, `/indexes/zonematch_${MATCH_INDEX}/settings`);
    const body = patch?.body as Record<string, unknown>;
    assert.deepEqual(body['searchableAttributes'], ['titleTerms', 'terms']);
    for (const field of ['type', 'companyId', 'kind', 'side', 'status', 'roles', 'industryCodes', 'park', 'certifications']) {
      assert.ok((body['filterableAttributes'] as string[]).includes(field), field);
    }
    assert.deepEqual(body['synonyms'], meiliSynonyms());
    const synonyms = body['synonyms'];
    assert.ok(synonyms['贴片']?.includes('smt') && synonyms['smt']?.includes('表面贴装'));
    assert.ok(synonyms['仓库']?.includes('物流'), 'colloquial hints map one way');
    assert.equal(synonyms['物流']?.includes('仓库') ?? false, false);
    assert.deepEqual(body['localizedAttributes'], matchIndexSettings().localizedAttributes);
    assert.deepEqual(body['typoTolerance'], { enabled: true, disableOnAttributes: ['titleTerms', 'terms'] });
  });

  it('When documents are synced, then each carries its concepts, roles and filter fields', async function () {
    await matcher.upsert([company], [need]);
    const sent = stub.calls().filter((call) => call.method === 'POST' && call.path.endsWith('/documents'));
    assert.equal(sent.length, 1, 'one write for the batch');
    const [companyDoc, postingDoc] = sent[0]?.body as Record<string, unknown>[];
    assert.equal(companyDoc?.['id'], `c-${company.id}`);
    assert.equal(companyDoc?.['type'], 'company');
    assert.ok((companyDoc?.['roles'] as string[]).includes('ems'));
    assert.ok(String(companyDoc?.['terms']).split(' ').includes('zzsmt'), 'SMT and 贴片 are one concept word');
    assert.deepEqual(companyDoc?.['certifications'], ['iso9001']);
    assert.equal(postingDoc?.['id'], `p-${need.id}`);
    assert.equal(postingDoc?.['side'], 'want');
    assert.deepEqual(postingDoc?.['industryCodes'], ['C3499', 'C349', 'C34', 'C']);
  });

  it('When a match is asked with filter values full of filter syntax, then every search escapes them inside quotes', async function () {
    const park = `路东区" OR type = "posting`;
    const certification = `ISO 9001" OR park = "x`;
    const items = await matcher.match(need, company, { limit: 10, lang: 'zh', park, certification });
    assert.deepEqual(items, []);
    const searches = stub.calls().filter((call) => call.path.endsWith('/search'));
    assert.ok(searches.length >= 2);
    const withPark = searches.map((call) => (call.body as { filter?: string }).filter ?? '').filter((filter) => filter.includes('park'));
    assert.ok(withPark.length > 0);
    for (const filter of withPark) {
      assert.ok(filter.includes(`park = "路东区\\" OR type = \\"posting"`), filter);
      assert.ok(filter.includes(`certifications = "${certificationKey(certification).replace(/"/g, '\\"')}"`), filter);
    }
    for (const call of searches) {
      const body = call.body as { attributesToRetrieve?: string[] };
      assert.ok(body.attributesToRetrieve?.includes('id'), 'only the fields ranking reads are fetched');
      assert.ok(!body.attributesToRetrieve?.includes('description'));
    }
  });
});
