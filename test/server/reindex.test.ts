/**
 * `npm run seed` and `npm run reindex` against a Meilisearch stub: what was loaded into the store reaches the index,
 * every company and posting once, after the matcher's settings; with the in-process index reindex has nothing to do.
 */
import assert from 'node:assert/strict';
import { MeiliStub } from '../index/meili-stub.js';
import { spawnEntry, tempDataDir } from '../support/process.js';

describe('reindex command', function () {
  this.timeout(120_000);
  let stub: MeiliStub;

  beforeEach(async function () {
    stub = await new MeiliStub().start();
  });

  afterEach(async function () {
    await stub.stop();
  });

  /** Ids of the documents the stub received for the matcher's index. */
  function indexedIds(): string[] {
    return stub
      .calls()
      .filter((call) => call.method === 'POST' && call.path === '/indexes/zonematch_matchables/documents')
      .flatMap((call) => (call.body as { id: string }[]).map((d) => d.id));
  }

  it('When the demo is seeded and then reindexed with MEILI_HOST set, then both send every company and posting once, after the settings', async function () {
    const env = { DATA_DIR: tempDataDir(), MEILI_HOST: stub.url, LOG_LEVEL: 'warn' };
    const seed = spawnEntry('seeds/cli.ts', env);
    assert.equal((await seed.exited).code, 0, seed.stderr());
    assert.match(seed.stdout(), /indexed 2485 documents into Meilisearch/);
    const seeded = indexedIds();
    assert.equal(seeded.length, 2485);
    assert.equal(new Set(seeded).size, 2485);

    const before = stub.calls().length;
    const reindex = spawnEntry('server/reindex.ts', env);
    assert.equal((await reindex.exited).code, 0, reindex.stderr());
    assert.match(reindex.stdout(), /indexed 514 companies and 1971 postings into meilisearch/);
    const calls = stub.calls().slice(before);
    const settings = calls.findIndex((call) => call.method === 'PATCH' && call.path === '/indexes/zonematch_matchables/settings');
    const cleared = calls.findIndex((call) => call.method === 'DELETE' && call.path === '/indexes/zonematch_matchables/documents');
    const firstWrite = calls.findIndex((call) => call.method === 'POST' && call.path === '/indexes/zonematch_matchables/documents');
    assert.ok(settings >= 0 && settings < cleared && cleared < firstWrite, 'settings, then emptied, then written');
    assert.equal(indexedIds().length, 2 * 2485);
  });

  it('When no MEILI_HOST is set, then reindex explains that the server rebuilds the in-process index and exits 0', async function () {
    const reindex = spawnEntry('server/reindex.ts', { DATA_DIR: tempDataDir() });
    assert.equal((await reindex.exited).code, 0);
    assert.match(reindex.stdout(), /rebuilds it from the store at every start/);
  });
});
