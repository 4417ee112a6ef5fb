import { createMeiliIndex } from '../../matcher/index/adapters/meilisearch/index.js';
import { describeSearchIndexContract } from './contract.js';

const host = process.env.MEILI_HOST;

if (host) {
  // A prefix per run keeps parallel or aborted runs from seeing each other's indexes.
  const indexPrefix = `zonematch_test_${Date.now().toString(36)}_`;
  describeSearchIndexContract('meilisearch', () =>
    createMeiliIndex({ host, apiKey: process.env.MEILI_API_KEY, indexPrefix }),
  );
} else {
  describe('SearchIndex contract: meilisearch', function () {
    before(function () {
      console.log('  (Meilisearch contract suite not run: MEILI_HOST is unset)');
      this.skip();
    });

    it('When MEILI_HOST points at a Meilisearch, then the contract suite runs against it', function () {
      // Runs only with MEILI_HOST set; the before hook skips it otherwise.
    });
  });
}
