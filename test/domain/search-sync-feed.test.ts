import assert from 'node:assert/strict';
import pino from 'pino';
import type { JobQueue } from '../../jobs/queue/port.js';
import type { AuditRecord } from '../../server/domain/audit/record.js';
import { SEARCH_SYNC_JOB, SearchSyncFeed, type SearchSyncData } from '../../server/domain/matching/index-sync.js';

function entry(entity: 'company' | 'posting', entityId: string): AuditRecord {
  return { entity, entityId, companyId: 'c', action: 'update', actor: { role: 'admin', id: 'admin' }, at: new Date(), changes: [] };
}

/** A queue that records what is added (and can be told to fail). */
function recordingQueue(fail = false): { queue: JobQueue; added: { name: string; data: SearchSyncData }[] } {
  const added: { name: string; data: SearchSyncData }[] = [];
  const queue = {
    add: (name: string, data: SearchSyncData) => {
      if (fail) return Promise.reject(new Error('Redis is away'));
      added.push({ name, data });
      return Promise.resolve({ id: String(added.length) });
    },
  } as unknown as JobQueue;
  return { queue, added };
}

describe('search sync feed', () => {
  const logger = pino({ level: 'silent' });

  it('When several changes happen in one turn, then one job carries all their ids, each once', async () => {
    const { queue, added } = recordingQueue();
    const feed = new SearchSyncFeed(queue, logger);
    await Promise.all([
      feed.changed([entry('posting', 'p1'), entry('company', 'c1')]),
      feed.changed([entry('posting', 'p2'), entry('posting', 'p1')]),
    ]);
    assert.deepEqual(added, [{ name: SEARCH_SYNC_JOB, data: { companies: ['c1'], postings: ['p1', 'p2'] } }]);
  });

  it('When writes acknowledged together report their changes, then one job is queued before the store commits again', async () => {
    const { queue, added } = recordingQueue();
    const feed = new SearchSyncFeed(queue, logger);
    const order: string[] = [];
    let acknowledge!: () => void;
    const commit = new Promise<void>((resolve) => (acknowledge = resolve));
    const writers = ['p1', 'p2', 'p3'].map(async (id) => {
      await commit;
      // Each writer queues its audit entry (the store commits it on the next turn), then reports its change.
      setImmediate(() => order.push(`commit after ${added.length} job(s)`));
      await feed.changed([entry('posting', id)]);
    });
    acknowledge();
    await Promise.all(writers);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(added.map((a) => a.data.postings), [['p1', 'p2', 'p3']]);
    assert.equal(order[0], 'commit after 1 job(s)', 'the job write is ready for the commit that carries the audit entries');
  });

  it('When changes happen in different turns, then each turn gets its own job', async () => {
    const { queue, added } = recordingQueue();
    const feed = new SearchSyncFeed(queue, logger);
    await feed.changed([entry('posting', 'p1')]);
    await feed.changed([entry('posting', 'p2')]);
    assert.deepEqual(
      added.map((a) => a.data.postings),
      [['p1'], ['p2']],
    );
  });

  it('When the job is acknowledged, only then does changed() resolve', async () => {
    const { queue, added } = recordingQueue();
    const feed = new SearchSyncFeed(queue, logger);
    const done = feed.changed([entry('company', 'c9')]);
    assert.equal(added.length, 0);
    await done;
    assert.equal(added.length, 1);
  });

  it('When the queue cannot take the job, then the change is not failed (it is stored) and the problem is logged', async () => {
    const { queue } = recordingQueue(true);
    const lines: string[] = [];
    const capture = pino({ level: 'error' }, { write: (line: string) => lines.push(line) });
    await new SearchSyncFeed(queue, capture).changed([entry('posting', 'p1')]);
    assert.match(lines.join(''), /could not queue a search index sync/);
  });
});
