/**
 * Keeps the search index in step with the store. Every change to a company or posting is written to the audit
 * log; the log hands the changed ids to this feed, which adds one `search.sync` job per write. The job reads the
 * current records and upserts them (or removes those that are gone), so it is idempotent, order does not matter
 * and a retried job converges on the store's state. `rebuild` reindexes everything (npm run reindex, and the
 * in-process index at every start, since it lives in memory).
 */
import type { Logger } from 'pino';
import type { JobQueue } from '../../../jobs/queue/port.js';
import type { Matcher } from '../../../matcher/ranking/matcher.js';
import { trusted, type Collection, type DocumentStore, type Stored } from '../../store/port.js';
import { COMPANIES } from '../../store/schemas/companies.js';
import { POSTINGS } from '../../store/schemas/postings.js';
import type { AuditRecord } from '../audit/record.js';
import type { CompanyRecord } from '../companies/model.js';
import type { PostingRecord } from '../postings/model.js';
import { matchableCompany, matchablePosting } from './records.js';

export const SEARCH_SYNC_JOB = 'search.sync';

export interface SearchSyncData {
  companies: string[];
  postings: string[];
}

/** Ids per job slice and per store read: keeps a 10,000-row import from becoming one giant read. */
const SLICE = 500;

/** What the audit log tells about changes (implemented by the feed below). */
export interface ChangeFeed {
  changed(entries: readonly AuditRecord[]): Promise<void>;
}

interface PendingBatch {
  companies: Set<string>;
  postings: Set<string>;
  /** Settles once the batch's job is queued (or could not be). */
  queued: Promise<void>;
}

/**
 * Changes reported together (the writes one commit of the store acknowledged, the rows of one import) share one
 * job: under load that is one queue write for many changes instead of one each. The batch closes in a microtask,
 * after the continuations already queued have run (a commit resolves all its writers at once), so the job's own
 * write joins the store's next commit, the one carrying the audit entries of the same changes, instead of waiting
 * for a commit of its own. A write is still acknowledged only after its job is queued, so nothing that was
 * acknowledged can miss the index.
 */
export class SearchSyncFeed implements ChangeFeed {
  #pending: PendingBatch | undefined;

  constructor(
    private readonly queue: JobQueue,
    private readonly logger: Logger,
  ) {}

  changed(entries: readonly AuditRecord[]): Promise<void> {
    const batch = (this.#pending ??= this.#open());
    for (const entry of entries) (entry.entity === 'company' ? batch.companies : batch.postings).add(entry.entityId);
    return batch.queued;
  }

  #open(): PendingBatch {
    const batch: PendingBatch = { companies: new Set(), postings: new Set(), queued: Promise.resolve() };
    batch.queued = new Promise<void>((resolve) => queueMicrotask(resolve)).then(async () => {
      if (this.#pending === batch) this.#pending = undefined;
      await this.#enqueue({ companies: [...batch.companies], postings: [...batch.postings] });
    });
    return batch;
  }

  async #enqueue(data: SearchSyncData): Promise<void> {
    try {
      await this.queue.add(SEARCH_SYNC_JOB, data, { attempts: 5, backoff: { type: 'exponential', delay: 500 }, keepCompleted: false });
    } catch (error) {
      // The change itself is stored; only its visibility to matching lags until the next sync or reindex.
      this.logger.error({ err: error, companies: data.companies.length, postings: data.postings.length }, 'could not queue a search index sync');
    }
  }
}

/** The domain's dependencies with the search sync feed attached: what every process builds services from. */
export function withSearchSync<D extends { queue: JobQueue; logger: Logger }>(deps: D): D & { changes: ChangeFeed } {
  return { ...deps, changes: new SearchSyncFeed(deps.queue, deps.logger) };
}

export class IndexSync {
  constructor(
    private readonly store: DocumentStore,
    private readonly matcher: Matcher,
  ) {}

  private get companies(): Collection<CompanyRecord> {
    return this.store.collection<CompanyRecord>(COMPANIES);
  }

  private get postings(): Collection<PostingRecord> {
    return this.store.collection<PostingRecord>(POSTINGS);
  }

  /** Applies the store's current state of these ids to the index. */
  async apply(data: SearchSyncData): Promise<{ upserted: number; removed: number }> {
    const companies = await this.#applyIds(this.companies, data.companies, async (found, gone) => {
      await this.matcher.upsert(found.map(matchableCompany), []);
      await this.matcher.remove(gone, []);
    });
    const postings = await this.#applyIds(this.postings, data.postings, async (found, gone) => {
      await this.matcher.upsert([], found.map(matchablePosting));
      await this.matcher.remove([], gone);
    });
    return { upserted: companies.upserted + postings.upserted, removed: companies.removed + postings.removed };
  }

  /** Reads `ids` in slices and hands each slice's records, and the ids no longer stored, to `write`. */
  async #applyIds<T extends object>(
    collection: Collection<T>,
    ids: readonly string[],
    write: (found: Stored<T>[], gone: string[]) => Promise<void>,
  ): Promise<{ upserted: number; removed: number }> {
    let upserted = 0;
    let removed = 0;
    for (let i = 0; i < ids.length; i += SLICE) {
      const slice = ids.slice(i, i + SLICE);
      const found = await collection.find({ _id: trusted({ $in: slice }) });
      const present = new Set(found.map((d) => d._id));
      const gone = slice.filter((id) => !present.has(id));
      await write(found, gone);
      upserted += found.length;
      removed += gone.length;
    }
    return { upserted, removed };
  }

  /**
   * Rebuilds the index from the store: settings, an emptied index, then every company and posting in `_id` pages.
   * Matching sees a partial index until it finishes (a few seconds for the demo zone).
   */
  async rebuild(progress?: (done: number, total: number) => void): Promise<{ companies: number; postings: number }> {
    await this.matcher.ensureIndex();
    await this.matcher.clear();
    const total = (await this.companies.count()) + (await this.postings.count());
    let done = 0;
    const companies = await this.pages(this.companies, async (docs) => {
      await this.matcher.upsert(docs.map(matchableCompany), []);
      progress?.((done += docs.length), total);
    });
    const postings = await this.pages(this.postings, async (docs) => {
      await this.matcher.upsert([], docs.map(matchablePosting));
      progress?.((done += docs.length), total);
    });
    await this.matcher.waitUntilIdle();
    return { companies, postings };
  }

  private async pages<T extends object>(collection: Collection<T>, each: (docs: Stored<T>[]) => Promise<void>): Promise<number> {
    let cursor: string | undefined;
    let count = 0;
    do {
      const page = await collection.page({}, { limit: 1000, ...(cursor === undefined ? {} : { cursor }) });
      if (page.items.length > 0) await each(page.items);
      count += page.items.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return count;
  }
}
