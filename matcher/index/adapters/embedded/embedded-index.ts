/**
 * In-process SearchIndex for embedded mode and CI. Writes apply synchronously, so `waitUntilIdle()` has nothing to
 * wait for. It mirrors Meilisearch's observable behaviour where tests can see it: settings per index, error codes,
 * filter semantics, synonyms at query time, placeholder search in insertion order.
 */
import {
  SearchIndexError,
  type IndexSettings,
  type SearchDocument,
  type SearchIndex,
  type SearchIndexHealth,
  type SearchOptions,
  type SearchResult,
} from '../../port.js';
import { assertDocumentId, assertFilterField, assertIndexName, resolveSearchOptions } from '../../validate.js';
import { jsonCopy } from './json-copy.js';
import { IndexStore } from './store.js';
import { MAX_FIELDS } from './text-index.js';
import { defaultTokenizer, type Tokenizer } from './tokenizer.js';

export interface EmbeddedIndexOptions {
  /** Turns text into index terms, for documents and queries alike. Defaults to {@link defaultTokenizer}. */
  tokenizer?: Tokenizer;
}

export function createEmbeddedIndex(options: EmbeddedIndexOptions = {}): SearchIndex {
  return new EmbeddedSearchIndex(options.tokenizer ?? defaultTokenizer);
}

class EmbeddedSearchIndex implements SearchIndex {
  readonly adapter = 'embedded' as const;
  readonly #tokenizer: Tokenizer;
  readonly #stores = new Map<string, IndexStore>();

  constructor(tokenizer: Tokenizer) {
    this.#tokenizer = tokenizer;
  }

  ensureIndex(index: string, settings: IndexSettings): Promise<void> {
    return run(() => {
      assertIndexName(index);
      const normalised = normaliseSettings(settings);
      const existing = this.#stores.get(index);
      if (existing === undefined) {
        this.#stores.set(index, new IndexStore(normalised, this.#tokenizer));
      } else if (JSON.stringify(existing.settings) !== JSON.stringify(normalised)) {
        // Settings changed: reindex, as Meilisearch does after a settings update.
        this.#stores.set(index, existing.withSettings(normalised));
      }
    });
  }

  upsert(index: string, documents: SearchDocument[]): Promise<void> {
    return run(() => {
      const store = this.#store(index);
      // Validate and copy the whole batch first: like a Meilisearch task, a bad batch changes nothing.
      const copies = documents.map(toStoredDocument);
      store.upsert(copies);
    });
  }

  remove(index: string, ids: string[]): Promise<void> {
    return run(() => this.#store(index).remove(ids));
  }

  clear(index: string): Promise<void> {
    return run(() => this.#store(index).clear());
  }

  count(index: string, queries: string[]): Promise<number[]> {
    return run(() => {
      const store = this.#store(index);
      const options = resolveSearchOptions({ limit: 1, attributes: [] });
      return queries.map((query) => store.search(query, options).total);
    });
  }

  search<D extends SearchDocument = SearchDocument>(
    index: string,
    query: string,
    options?: SearchOptions,
  ): Promise<SearchResult<D>> {
    return run(() => {
      const store = this.#store(index);
      const resolved = resolveSearchOptions(options);
      if (resolved.clauses.some((clause) => clause.values.length === 0)) return { hits: [], total: 0 };
      return store.search(query ?? '', resolved) as SearchResult<D>;
    });
  }

  waitUntilIdle(): Promise<void> {
    return Promise.resolve();
  }

  dropIndex(index: string): Promise<void> {
    return run(() => {
      assertIndexName(index);
      this.#stores.delete(index);
    });
  }

  ping(): Promise<SearchIndexHealth> {
    return Promise.resolve({ adapter: this.adapter, reachable: true });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  #store(index: string): IndexStore {
    assertIndexName(index);
    const store = this.#stores.get(index);
    if (store === undefined) {
      // Meilisearch would create the index on first write, with every attribute searchable; we have no such
      // default, so callers must ensureIndex() first.
      throw new SearchIndexError(`Index \`${index}\` not found.`, { code: 'index_not_found' });
    }
    return store;
  }
}

/** Runs synchronous work as a promise, so errors reject instead of throwing at the call site. */
function run<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new SearchIndexError(String(error)));
  }
}

function normaliseSettings(settings: IndexSettings): IndexSettings {
  if (!Array.isArray(settings?.searchableAttributes) || !Array.isArray(settings.filterableAttributes)) {
    throw new SearchIndexError('searchableAttributes and filterableAttributes are required', {
      code: 'invalid_settings',
    });
  }
  if (settings.searchableAttributes.length > MAX_FIELDS) {
    throw new SearchIndexError(`At most ${MAX_FIELDS} searchable attributes`, { code: 'invalid_settings' });
  }
  if (settings.searchableAttributes.includes('*')) {
    throw new SearchIndexError('The embedded index needs explicit searchableAttributes (no "*")', {
      code: 'invalid_settings',
    });
  }
  settings.filterableAttributes.forEach(assertFilterField);
  // A canonical, detached copy: later changes to the caller's object must not alter the index.
  return {
    searchableAttributes: [...new Set(settings.searchableAttributes)],
    filterableAttributes: [...new Set(settings.filterableAttributes)].sort(),
    sortableAttributes: [...new Set(settings.sortableAttributes ?? [])].sort(),
    synonyms: structuredClone(settings.synonyms ?? {}),
    localizedAttributes: structuredClone(settings.localizedAttributes ?? []),
  };
}

function toStoredDocument(document: SearchDocument): SearchDocument {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new SearchIndexError('A document must be an object', { code: 'invalid_document_fields' });
  }
  if (document.id === undefined) {
    throw new SearchIndexError('Document is missing its `id` field', { code: 'missing_document_id' });
  }
  assertDocumentId(document.id);
  // What a JSON round trip gives is what Meilisearch would store (no undefined, Dates as strings), detached.
  return jsonCopy(document) as SearchDocument;
}
