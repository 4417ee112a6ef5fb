/**
 * SearchIndex over Meilisearch, a thin layer on the official client. Writes are asynchronous tasks: every task uid
 * we enqueue is remembered and `waitUntilIdle()` waits for all of them, so callers and tests see the same
 * "write, then wait, then read" behaviour as with the embedded index.
 */
import { Meilisearch, type EnqueuedTask, type Hit, type Task, type WaitOptions } from 'meilisearch';
import {
  SearchIndexError,
  type IndexSettings,
  type SearchDocument,
  type SearchIndex,
  type SearchIndexHealth,
  type SearchOptions,
  type SearchResult,
} from '../../port.js';
import { assertDocumentId, assertIndexName, resolveSearchOptions } from '../../validate.js';
import { call } from './errors.js';
import { buildMeiliFilter } from './filter.js';
import { toMeiliSettings } from './settings.js';

export interface MeiliIndexOptions {
  /** e.g. `http://127.0.0.1:7700`. */
  host: string;
  apiKey?: string;
  /** Prepended to every index name, so several apps or test runs can share one Meilisearch. Default `zonematch_`. */
  indexPrefix?: string;
  /** Timeout of each HTTP request. Default 10 s. */
  timeoutMs?: number;
  /** How long waiting for one task may take (indexing a large batch is slow). Default 120 s. */
  taskTimeoutMs?: number;
  /** Task polling interval. Default 50 ms. */
  pollIntervalMs?: number;
}

/** Documents per addDocuments call: keeps payloads well under Meilisearch's 100 MB default limit. */
const UPSERT_BATCH = 5_000;
const PREFIX = /^[A-Za-z0-9_-]*$/;

export function createMeiliIndex(options: MeiliIndexOptions): SearchIndex {
  return new MeiliSearchIndex(options);
}

class MeiliSearchIndex implements SearchIndex {
  readonly adapter = 'meilisearch' as const;
  readonly #client: Meilisearch;
  readonly #prefix: string;
  readonly #wait: WaitOptions;
  /** Enqueued tasks not yet seen finished. */
  readonly #pending = new Set<number>();

  constructor(options: MeiliIndexOptions) {
    const prefix = options.indexPrefix ?? 'zonematch_';
    if (!PREFIX.test(prefix)) throw new SearchIndexError(`Invalid index prefix ${JSON.stringify(prefix)}`);
    this.#prefix = prefix;
    this.#client = new Meilisearch({ host: options.host, apiKey: options.apiKey, timeout: options.timeoutMs ?? 10_000 });
    this.#wait = { timeout: options.taskTimeoutMs ?? 120_000, interval: options.pollIntervalMs ?? 50 };
  }

  async ensureIndex(index: string, settings: IndexSettings): Promise<void> {
    const uid = this.#uid(index);
    if (!(await this.#exists(uid))) {
      // Waited for here (not left pending) so that an index that already exists — a concurrent ensureIndex —
      // can be told apart from a real failure.
      const task = await this.#finish(await call(() => this.#client.createIndex(uid, { primaryKey: 'id' })));
      if (task.status !== 'succeeded' && task.error?.code !== 'index_already_exists') throw taskError(task);
    }
    this.#track(await call(() => this.#client.index(uid).updateSettings(toMeiliSettings(settings))));
  }

  async upsert(index: string, documents: SearchDocument[]): Promise<void> {
    const uid = this.#uid(index);
    // Checked here so a bad id fails at the call, as in the embedded index, not later in a task.
    for (const document of documents) assertDocumentId(document?.id);
    for (let start = 0; start < documents.length; start += UPSERT_BATCH) {
      const batch = documents.slice(start, start + UPSERT_BATCH);
      this.#track(await call(() => this.#client.index(uid).addDocuments(batch)));
    }
  }

  async remove(index: string, ids: string[]): Promise<void> {
    const uid = this.#uid(index);
    if (ids.length === 0) return;
    this.#track(await call(() => this.#client.index(uid).deleteDocuments(ids)));
  }

  async clear(index: string): Promise<void> {
    const uid = this.#uid(index);
    this.#track(await call(() => this.#client.index(uid).deleteAllDocuments()));
  }

  async search<D extends SearchDocument = SearchDocument>(
    index: string,
    query: string,
    options?: SearchOptions,
  ): Promise<SearchResult<D>> {
    const uid = this.#uid(index);
    const { clauses, limit, offset, attributes } = resolveSearchOptions(options);
    // "Any of nothing" matches nothing and has no filter spelling: answer without asking.
    if (clauses.some((clause) => clause.values.length === 0)) return { hits: [], total: 0 };
    const filter = options?.filter === undefined ? undefined : buildMeiliFilter(options.filter);
    const params = {
      limit,
      offset,
      showRankingScore: true,
      ...(filter === undefined ? {} : { filter }),
      ...(attributes === undefined ? {} : { attributesToRetrieve: [...new Set(['id', ...attributes])] }),
    };
    const response = await call(() => this.#client.index(uid).search<D>(query, params));
    const hits = response.hits.map((hit: Hit<D>) => {
      const { _rankingScore: score, ...rest } = hit;
      return { document: stripMetadata(rest) as D, ...(score === undefined ? {} : { score }) };
    });
    // limit/offset searches report an estimate; page-based ones (not used here) an exact totalHits.
    const counts = response as { estimatedTotalHits?: number; totalHits?: number };
    return { hits, total: counts.estimatedTotalHits ?? counts.totalHits ?? hits.length };
  }

  async count(index: string, queries: string[]): Promise<number[]> {
    const uid = this.#uid(index);
    if (queries.length === 0) return [];
    const response = await call(() =>
      this.#client.multiSearch({ queries: queries.map((q) => ({ indexUid: uid, q, limit: 1, attributesToRetrieve: ['id'] })) }),
    );
    return response.results.map((result) => {
      const counts = result as { estimatedTotalHits?: number; totalHits?: number };
      return counts.estimatedTotalHits ?? counts.totalHits ?? 0;
    });
  }

  async waitUntilIdle(): Promise<void> {
    const failed: Task[] = [];
    // Ascending uids: Meilisearch processes tasks in order, so after the first waits the rest are usually done.
    for (const taskUid of [...this.#pending].sort((a, b) => a - b)) {
      const task = await this.#finish(taskUid);
      if (task.status !== 'succeeded') failed.push(task);
    }
    const first = failed[0];
    if (first !== undefined) {
      const more = failed.length > 1 ? ` (and ${failed.length - 1} more failed tasks)` : '';
      throw taskError(first, more);
    }
  }

  async dropIndex(index: string): Promise<void> {
    const uid = this.#uid(index);
    const task = await this.#finish(await call(() => this.#client.deleteIndex(uid)));
    if (task.status !== 'succeeded' && task.error?.code !== 'index_not_found') throw taskError(task);
  }

  async ping(): Promise<SearchIndexHealth> {
    try {
      const health = await call(() => this.#client.health());
      return { adapter: this.adapter, reachable: health.status === 'available', detail: health.status };
    } catch (error) {
      return { adapter: this.adapter, reachable: false, detail: (error as Error).message };
    }
  }

  close(): Promise<void> {
    // The client holds no connections of its own (fetch pools them); nothing to release.
    return Promise.resolve();
  }

  #uid(index: string): string {
    assertIndexName(index);
    return `${this.#prefix}${index}`;
  }

  async #exists(uid: string): Promise<boolean> {
    try {
      await call(() => this.#client.getRawIndex(uid));
      return true;
    } catch (error) {
      if (error instanceof SearchIndexError && error.code === 'index_not_found') return false;
      throw error;
    }
  }

  #track(task: EnqueuedTask): void {
    this.#pending.add(task.taskUid);
  }

  /** Waits for a task to end (succeeded, failed or canceled) and forgets it. */
  async #finish(task: EnqueuedTask | number): Promise<Task> {
    const taskUid = typeof task === 'number' ? task : task.taskUid;
    this.#pending.add(taskUid);
    const finished = await call(() => this.#client.tasks.waitForTask(taskUid, this.#wait));
    this.#pending.delete(taskUid);
    return finished;
  }
}

/** Removes the `_`-prefixed fields Meilisearch adds to hits (`_rankingScore`, `_formatted`, …). */
function stripMetadata(hit: Record<string, unknown>): Record<string, unknown> {
  const document: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(hit)) {
    if (!(key.startsWith('_') && META_FIELDS.has(key))) document[key] = value;
  }
  return document;
}

const META_FIELDS = new Set([
  '_rankingScore',
  '_rankingScoreDetails',
  '_formatted',
  '_matchesPosition',
  '_federation',
  '_semanticScore',
  '_vectors',
  '_geoDistance',
]);

function taskError(task: Task, suffix = ''): SearchIndexError {
  const reason = task.error?.message ?? `status ${task.status}`;
  return new SearchIndexError(`Meilisearch task ${task.uid} (${task.type}) failed: ${reason}${suffix}`, {
    code: task.error?.code ?? `task_${task.status}`,
  });
}
