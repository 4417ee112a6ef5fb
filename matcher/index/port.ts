/**
 * SearchIndex port: retrieves candidate documents for a text query. Ranking is the matcher's own job;
 * the index only has to find candidates, so both adapters lead to the same final ranking.
 *
 * Meilisearch writes are asynchronous tasks while the embedded index is synchronous; `waitUntilIdle()`
 * makes both look the same to callers and tests. Filters are structured values, never strings a user wrote:
 * the Meilisearch adapter escapes every value it puts into a filter expression.
 */

/** A document in an index. `id` is the primary key; other fields are strings, numbers, booleans or arrays of them. */
export interface SearchDocument {
  id: string;
  [field: string]: unknown;
}

/** Scalar filter values. */
export type FilterValue = string | number | boolean;

/**
 * Structured filter: every entry must hold (AND). A scalar means equality (for array fields: contains);
 * an array means "any of" (OR).
 */
export type SearchFilter = Record<string, FilterValue | FilterValue[]>;

export interface IndexSettings {
  /** Fields searched for text, in order of importance. */
  searchableAttributes: string[];
  filterableAttributes: string[];
  sortableAttributes?: string[];
  /** Synonym table: word → words that should match it (applied both ways by the caller building the table). */
  synonyms?: Record<string, string[]>;
  /** Locale hints per attribute pattern, e.g. `[{ locales: ['cmn'], attributePatterns: ['*'] }]`. */
  localizedAttributes?: { locales: string[]; attributePatterns: string[] }[];
}

export interface SearchOptions {
  filter?: SearchFilter;
  /** 1..1000, default 20. */
  limit?: number;
  offset?: number;
  /** Fields to return (`id` always comes back); all fields when absent. Less to copy and to send. */
  attributes?: string[];
}

export interface SearchHit<D extends SearchDocument = SearchDocument> {
  document: D;
  /** Adapter's own relevance in 0..1 where available; the matcher computes the final score itself. */
  score?: number;
}

export interface SearchResult<D extends SearchDocument = SearchDocument> {
  hits: SearchHit<D>[];
  /** Estimated number of matching documents. */
  total: number;
}

export interface SearchIndexHealth {
  adapter: string;
  reachable: boolean;
  detail?: string;
}

export interface SearchIndex {
  readonly adapter: 'embedded' | 'meilisearch';
  /** Creates the index if missing and applies its settings (idempotent). */
  ensureIndex(index: string, settings: IndexSettings): Promise<void>;
  /** Inserts or replaces documents by `id`. */
  upsert(index: string, documents: SearchDocument[]): Promise<void>;
  /** Removes documents by `id`; unknown ids are ignored. */
  remove(index: string, ids: string[]): Promise<void>;
  /** Removes every document of the index (keeps settings). */
  clear(index: string): Promise<void>;
  search<D extends SearchDocument = SearchDocument>(
    index: string,
    query: string,
    options?: SearchOptions,
  ): Promise<SearchResult<D>>;
  /**
   * How many documents each query matches (as `search` would count them, without a filter), in one round trip
   * where the engine allows. The matcher asks this for the words of a request, to weigh rare words up.
   */
  count(index: string, queries: string[]): Promise<number[]>;
  /** Resolves when every write issued so far is applied and visible to search. */
  waitUntilIdle(): Promise<void>;
  /** Drops the index and its settings (used by tests and reindexing). */
  dropIndex(index: string): Promise<void>;
  ping(): Promise<SearchIndexHealth>;
  close(): Promise<void>;
}

export interface SearchIndexErrorOptions extends ErrorOptions {
  /**
   * Machine-readable reason. The Meilisearch adapter passes the API's error code through
   * (e.g. `index_not_found`, `invalid_search_filter`); the embedded adapter uses the same codes where they apply.
   */
  code?: string;
}

export class SearchIndexError extends Error {
  readonly code: string | undefined;

  constructor(message: string, options?: SearchIndexErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = options?.code;
  }
}

/** The search engine cannot be reached. */
export class SearchUnavailableError extends SearchIndexError {}
