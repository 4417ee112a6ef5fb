/**
 * The DocumentStore contract: every adapter must pass this suite unchanged. Each test gets a fresh, empty store
 * from the factory, built on `testSchemas` (test/store/fixtures/schemas.ts).
 */
import assert from 'node:assert/strict';
import {
  DuplicateKeyError,
  InvalidQueryError,
  StoreUnavailableError,
  ValidationError,
  VersionConflictError,
  trusted,
  type Collection,
  type DocumentStore,
  type Stored,
} from '../../server/store/port.js';
import { company, type Company, type Note } from './fixtures/schemas.js';

export interface StoreUnderTest {
  store: DocumentStore;
  /** Closes the store (if still open) and removes its data. */
  cleanup: () => Promise<void>;
}

const HEX_ID = /^[0-9a-f]{24}$/;

/** The error `promise` rejects with, asserting its class. */
export async function rejection<E extends Error>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => E,
): Promise<E> {
  let outcome: unknown;
  try {
    outcome = await promise;
  } catch (err) {
    assert.ok(err instanceof type, `expected ${type.name}, got ${String(err)}`);
    return err;
  }
  assert.fail(`expected ${type.name}, but it resolved with ${JSON.stringify(outcome)}`);
}

function paths(err: ValidationError): string[] {
  return err.errors.map((e) => e.path);
}

export function describeDocumentStoreContract(label: string, factory: () => Promise<StoreUnderTest>): void {
  describe(`DocumentStore contract: ${label}`, function () {
    let store: DocumentStore;
    let cleanup: () => Promise<void>;
    let companies: Collection<Company>;
    let notes: Collection<Note>;

    beforeEach(async function () {
      ({ store, cleanup } = await factory());
      companies = store.collection<Company>('companies');
      notes = store.collection<Note>('notes');
    });

    afterEach(async function () {
      await cleanup();
    });

    /** Inserts companies 0..n-1 in one call; their `_id`s ascend in that order. */
    async function seed(n: number, make: (i: number) => Company = (i) => company(i)): Promise<Stored<Company>[]> {
      return companies.insertMany(Array.from({ length: n }, (_, i) => make(i)));
    }

    describe('inserting and reading', function () {
      it('When a document is inserted, then it comes back with _id, version 0, equal timestamps and schema defaults', async function () {
        const stored = await companies.insertOne({
          code: 'ACME',
          name: '  Acme Tools  ',
          contacts: [{ name: 'Wang', email: 'wang@acme.cn' }],
        });
        assert.match(stored._id, HEX_ID);
        assert.equal(stored.version, 0);
        assert.ok(stored.createdAt instanceof Date);
        assert.equal(stored.updatedAt.getTime(), stored.createdAt.getTime());
        assert.equal(stored.name, 'Acme Tools', 'trim setter applied');
        assert.equal(stored.sector, 'services');
        assert.equal(stored.employees, 0);
        assert.deepEqual(stored.tags, []);
        assert.equal(stored.address?.district, 'core');
        assert.match(stored.contacts?.[0]?._id ?? '', HEX_ID, 'subdocument ids are plain hex strings');
        assert.deepEqual(await companies.findById(stored._id), stored);
      });

      it('When a document carries its own _id, then it is kept, and a second insert with that _id is a DuplicateKeyError on _id', async function () {
        const stored = await companies.insertOne({ ...company(1), _id: 'company-one' });
        assert.equal(stored._id, 'company-one');
        assert.equal((await companies.findById('company-one'))?.code, 'C-0001');
        const err = await rejection(companies.insertOne({ ...company(2), _id: 'company-one' }), DuplicateKeyError);
        assert.deepEqual(err.fields, ['_id']);
        assert.equal(await companies.count(), 1);
      });

      it('When values arrive as strings for Date and Number paths, then they are cast to Date and number', async function () {
        const stored = await companies.insertOne({
          ...company(1),
          employees: '12' as unknown as number,
          foundedAt: '2019-03-04T05:06:07.089Z' as unknown as Date,
        });
        assert.equal(stored.employees, 12);
        assert.ok(stored.foundedAt instanceof Date);
        assert.equal(stored.foundedAt.toISOString(), '2019-03-04T05:06:07.089Z');
      });

      it('When a Date is stored, then find, findOne, page and aggregate all return an equal Date', async function () {
        const foundedAt = new Date('2001-02-03T04:05:06.789Z');
        const { _id, createdAt } = await companies.insertOne({ ...company(1), foundedAt });
        const viaFind = (await companies.find({ _id }))[0];
        const viaFindOne = await companies.findOne({ foundedAt });
        const viaPage = (await companies.page({}, { limit: 5 })).items[0];
        const [viaAggregate] = await companies.aggregate<{ foundedAt: Date }>([
          { $match: { _id } },
          { $project: { foundedAt: 1 } },
        ]);
        for (const doc of [viaFind, viaFindOne, viaPage, viaAggregate]) {
          assert.ok(doc?.foundedAt instanceof Date, 'a Date, not a string');
          assert.equal(doc.foundedAt.getTime(), foundedAt.getTime());
        }
        assert.ok(viaFind?.createdAt instanceof Date);
        assert.equal(viaFind.createdAt.getTime(), createdAt.getTime());
      });

      it('When a caller tries to change a returned document, then the stored document is unaffected', async function () {
        // Results are read-only values: the embedded adapter hands out its frozen cache (a change throws), the
        // mongoose adapter fresh objects (a change stays local). Either way nothing reaches the store.
        const attempt = (change: () => void) => {
          try {
            change();
          } catch (error) {
            assert.ok(error instanceof TypeError, String(error));
          }
        };
        const stored = await companies.insertOne({ ...company(1), tags: ['a'] });
        attempt(() => stored.tags?.push('b'));
        const read = await companies.findById(stored._id);
        assert.ok(read);
        attempt(() => read.tags?.push('c'));
        attempt(() => {
          read.name = 'changed';
        });
        const [listed] = await companies.find({ _id: stored._id });
        attempt(() => {
          if (listed) listed.name = 'changed';
        });
        assert.deepEqual((await companies.findById(stored._id))?.tags, ['a']);
        assert.equal((await companies.findById(stored._id))?.name, 'Company 1');
      });

      it('When findById or findOne match nothing, then they return null', async function () {
        await seed(3);
        assert.equal(await companies.findById('no-such-id'), null);
        assert.equal(await companies.findOne({ code: 'NOPE' }), null);
      });

      it('When findOne matches several documents, then it returns the first in _id order, or the first by sort', async function () {
        const docs = await seed(8);
        assert.equal((await companies.findOne({ sector: 'it' }))?._id, docs[3]?._id);
        assert.equal((await companies.findOne({ sector: 'it' }, { sort: { employees: -1 } }))?._id, docs[7]?._id);
      });

      it('When finding with a filter, sort, skip and limit, then exactly that slice comes back in that order', async function () {
        await seed(20);
        const it = await companies.find({ sector: 'it' }, { sort: { employees: -1 }, skip: 1, limit: 2 });
        assert.deepEqual(
          it.map((c) => c.employees),
          [15, 11],
        );
        const all = await companies.find({});
        assert.equal(all.length, 20);
        assert.deepEqual(
          all.map((c) => c.employees),
          Array.from({ length: 20 }, (_, i) => i),
          'no sort means _id order',
        );
        const ties = await companies.find({}, { sort: { sector: 1 }, limit: 3 });
        assert.deepEqual(
          ties.map((c) => c.employees),
          [3, 7, 11],
          'equal sort keys come back in _id order',
        );
      });

      it('When a projection includes or excludes fields, then only the chosen fields come back', async function () {
        await companies.insertOne({ ...company(1), tags: ['x'], contacts: [{ name: 'Li' }] });
        const [included] = await companies.find({}, { projection: { name: 1, code: 1 } });
        assert.deepEqual(Object.keys(included ?? {}).sort(), ['_id', 'code', 'name']);
        const [noId] = await companies.find({}, { projection: { name: 1, _id: 0 } });
        assert.deepEqual(noId, { name: 'Company 1' });
        const excluded = await companies.findOne({}, { projection: { contacts: 0, tags: 0 } });
        assert.ok(excluded);
        assert.equal('contacts' in excluded, false);
        assert.equal('tags' in excluded, false);
        assert.equal(excluded.code, 'C-0001');
      });

      it('When code-built operators are marked trusted, then $in, $gte/$lt, $exists, $or and dotted paths filter as in MongoDB', async function () {
        await seed(12, (i) =>
          company(i, {
            ...(i % 5 === 0 ? { rank: i } : {}),
            contacts: [{ name: `P${i}`, email: `p${i}@example.com` }],
            address: { city: i < 6 ? 'Hefei' : 'Wuhu' },
          }),
        );
        const codes = async (filter: Record<string, unknown>) => (await companies.find(filter)).map((c) => c.employees);
        assert.deepEqual(await codes({ sector: trusted({ $in: ['it', 'logistics'] }) }), [1, 3, 5, 7, 9, 11]);
        assert.deepEqual(await codes({ employees: trusted({ $gte: 4, $lt: 7 }) }), [4, 5, 6]);
        assert.deepEqual(await codes({ rank: trusted({ $exists: true }) }), [0, 5, 10]);
        assert.deepEqual(await codes({ $or: [{ sector: 'it' }, { employees: trusted({ $gt: 9 }) }] }), [3, 7, 10, 11]);
        assert.deepEqual(await codes({ 'contacts.email': 'p4@example.com' }), [4]);
        assert.deepEqual(await codes({ 'address.city': 'Wuhu', sector: 'services' }), [6, 10]);
        assert.deepEqual(await codes({ employees: '7' }), [7], 'filter values are cast to the schema type');
      });

      it('When counting, then count() with and without a filter agrees with find()', async function () {
        await seed(10);
        assert.equal(await companies.count(), 10);
        assert.equal(await companies.count({ sector: 'manufacturing' }), 3);
        assert.equal(await companies.count({ code: 'NOPE' }), 0);
      });
    });

    describe('paging', function () {
      it('When paging through 250 documents 40 at a time, then every document appears exactly once, in _id order', async function () {
        const inserted = await seed(250);
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        for (;;) {
          const page = await companies.page({}, cursor === undefined ? { limit: 40 } : { limit: 40, cursor });
          pages++;
          seen.push(...page.items.map((c) => c._id));
          if (page.nextCursor === null) break;
          assert.equal(page.items.length, 40, 'only the last page is short');
          cursor = page.nextCursor;
          assert.ok(pages < 20, 'paging terminates');
        }
        assert.equal(pages, 7);
        assert.deepEqual(
          seen,
          inserted.map((c) => c._id),
        );
      });

      it('When paging with a filter while documents are inserted, then matching documents come once each and none are skipped', async function () {
        await seed(100);
        const first = await companies.page({ sector: 'it' }, { limit: 10 });
        assert.equal(first.items.length, 10);
        assert.ok(first.nextCursor);
        await companies.insertOne(company(500, { sector: 'it' })); // lands after every existing _id
        const rest = await companies.page({ sector: 'it' }, { limit: 100, cursor: first.nextCursor });
        const employees = [...first.items, ...rest.items].map((c) => c.employees);
        assert.deepEqual(employees, [...Array.from({ length: 25 }, (_, i) => 4 * i + 3), 500]);
        assert.equal(rest.nextCursor, null);
      });

      it('When the last page is exactly full, then its nextCursor is null', async function () {
        await seed(20);
        const page = await companies.page({}, { limit: 20 });
        assert.equal(page.items.length, 20);
        assert.equal(page.nextCursor, null);
        assert.deepEqual(await companies.page({ code: 'NOPE' }, { limit: 5 }), { items: [], nextCursor: null });
      });

      it('When a cursor is malformed or the limit is out of range, then page() is an InvalidQueryError', async function () {
        await seed(3);
        for (const cursor of ['', '!!!', 'a b', 'Zm9v=', 'Zm9v.']) {
          await rejection(companies.page({}, { limit: 10, cursor }), InvalidQueryError);
        }
        for (const limit of [0, -1, 1001, 2.5]) {
          await rejection(companies.page({}, { limit }), InvalidQueryError);
        }
      });
    });

    describe('updating', function () {
      it('When updateOne applies $set, $inc, $push and $unset, then the stored document reflects all of them and version is 1', async function () {
        const before = await companies.insertOne({ ...company(1), foundedAt: new Date('2010-01-01T00:00:00Z') });
        const after = await companies.updateOne(
          { code: 'C-0001' },
          {
            $set: { name: 'Renamed', 'address.city': 'Wuhu' },
            $inc: { employees: 5 },
            $push: { tags: 'export', contacts: { name: 'Li', email: 'li@example.com' } },
            $unset: { foundedAt: '' },
          },
        );
        assert.ok(after);
        assert.equal(after._id, before._id);
        assert.equal(after.version, 1);
        assert.equal(after.name, 'Renamed');
        assert.equal(after.address?.city, 'Wuhu');
        assert.equal(after.employees, 6);
        assert.deepEqual(after.tags, ['export']);
        assert.equal(after.contacts?.[0]?.email, 'li@example.com');
        assert.match(after.contacts?.[0]?._id ?? '', HEX_ID);
        assert.equal('foundedAt' in after, false);
        assert.equal(after.createdAt.getTime(), before.createdAt.getTime());
        assert.ok(after.updatedAt.getTime() >= before.updatedAt.getTime());
        assert.deepEqual(await companies.findById(before._id), after);
      });

      it('When updateOne matches several documents, then only the first in _id order changes', async function () {
        const docs = await seed(8);
        const updated = await companies.updateOne({ sector: 'it' }, { $set: { name: 'First IT' } });
        assert.equal(updated?._id, docs[3]?._id);
        assert.equal(await companies.count({ name: 'First IT' }), 1);
      });

      it('When updateOne matches nothing and upsert is off, then it returns null and stores nothing', async function () {
        await seed(2);
        assert.equal(await companies.updateOne({ code: 'NOPE' }, { $set: { name: 'x' } }), null);
        assert.equal(await companies.count(), 2);
      });

      it('When upserting and nothing matches, then a document is built from the filter, the update and the defaults; a second upsert updates it', async function () {
        const created = await companies.updateOne(
          { code: 'NEW-1' },
          { $set: { name: 'Fresh' }, $setOnInsert: { sector: 'it' } },
          { upsert: true },
        );
        assert.ok(created);
        assert.match(created._id, HEX_ID);
        assert.equal(created.code, 'NEW-1');
        assert.equal(created.name, 'Fresh');
        assert.equal(created.sector, 'it');
        assert.equal(created.employees, 0, 'defaults applied on insert');
        assert.equal(created.address?.district, 'core');
        assert.equal(created.version, 1, 'an upsert that creates counts as the first write');
        assert.ok(created.createdAt instanceof Date);
        const again = await companies.updateOne(
          { code: 'NEW-1' },
          { $set: { name: 'Fresher' }, $setOnInsert: { sector: 'logistics' } },
          { upsert: true },
        );
        assert.equal(again?._id, created._id);
        assert.equal(again?.name, 'Fresher');
        assert.equal(again?.sector, 'it', '$setOnInsert does not apply to an update');
        assert.equal(again?.version, 2);
        assert.equal(again?.createdAt.getTime(), created.createdAt.getTime());
        assert.equal(await companies.count(), 1);
      });

      it('When an upsert would create an invalid document, then it is a ValidationError and nothing is stored', async function () {
        const err = await rejection(
          companies.updateOne({ code: 'NEW-2' }, { $set: { employees: 3 } }, { upsert: true }),
          ValidationError,
        );
        assert.ok(paths(err).includes('name'));
        assert.equal(await companies.count(), 0);
      });

      it('When expectedVersion matches, then the update applies; when it is stale, then VersionConflictError and nothing changes', async function () {
        const doc = await companies.insertOne(company(1));
        const v1 = await companies.updateOne({ _id: doc._id }, { $set: { name: 'One' } }, { expectedVersion: 0 });
        assert.equal(v1?.version, 1);
        const err = await rejection(
          companies.updateOne({ _id: doc._id }, { $set: { name: 'Stale' } }, { expectedVersion: 0 }),
          VersionConflictError,
        );
        assert.equal(err.id, doc._id);
        assert.equal(err.collection, 'companies');
        const now = await companies.findById(doc._id);
        assert.equal(now?.name, 'One');
        assert.equal(now?.version, 1);
        assert.equal(await companies.updateOne({ code: 'NOPE' }, { $set: { name: 'x' } }, { expectedVersion: 0 }), null);
      });

      it('When two writers race with the same expectedVersion, then exactly one wins and the other gets VersionConflictError', async function () {
        const doc = await companies.insertOne(company(1));
        const results = await Promise.allSettled([
          companies.updateOne({ _id: doc._id }, { $set: { name: 'A' } }, { expectedVersion: 0 }),
          companies.updateOne({ _id: doc._id }, { $set: { name: 'B' } }, { expectedVersion: 0 }),
        ]);
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r) => r.status === 'rejected');
        assert.equal(won.length, 1);
        assert.equal(lost.length, 1);
        assert.ok(lost[0]?.status === 'rejected' && lost[0].reason instanceof VersionConflictError);
        const final = await companies.findById(doc._id);
        assert.equal(final?.version, 1);
        assert.equal(final?.name, won[0]?.status === 'fulfilled' ? won[0].value?.name : undefined);
      });

      it('When 20 $inc updates run concurrently without expectedVersion, then none is lost', async function () {
        const doc = await companies.insertOne(company(0));
        await Promise.all(Array.from({ length: 20 }, () => companies.updateOne({ _id: doc._id }, { $inc: { employees: 1 } })));
        const final = await companies.findById(doc._id);
        assert.equal(final?.employees, 20);
        assert.equal(final?.version, 20);
      });

      it('When an update makes a nested subdocument invalid, then ValidationError names contacts.0.email and nothing changes', async function () {
        const doc = await companies.insertOne({ ...company(1), contacts: [{ name: 'Li', email: 'li@example.com' }] });
        const err = await rejection(
          companies.updateOne({ _id: doc._id }, { $set: { 'contacts.0.email': 'not-an-email' } }),
          ValidationError,
        );
        assert.deepEqual(paths(err), ['contacts.0.email']);
        assert.deepEqual(await companies.findById(doc._id), doc);
      });

      it('When an update pushes an invalid subdocument or unsets a required field, then ValidationError names the path', async function () {
        const doc = await companies.insertOne(company(1));
        const pushed = await rejection(
          companies.updateOne({ _id: doc._id }, { $push: { contacts: { name: 'Li', email: 'bad' } } }),
          ValidationError,
        );
        // Embedded validates the whole document (contacts.0.email); MongoDB's update validators name the array path.
        assert.ok(paths(pushed).some((p) => /^contacts\.(\d+\.)?email$/.test(p)), paths(pushed).join());
        const unset = await rejection(companies.updateOne({ _id: doc._id }, { $unset: { name: '' } }), ValidationError);
        assert.deepEqual(paths(unset), ['name']);
        const enumErr = await rejection(companies.updateOne({ _id: doc._id }, { $set: { sector: 'mining' } }), ValidationError);
        assert.deepEqual(paths(enumErr), ['sector']);
        assert.deepEqual(await companies.findById(doc._id), doc);
      });

      it('When an update sets a field the schema does not have, then it is a ValidationError naming that field', async function () {
        const doc = await companies.insertOne(company(1));
        const err = await rejection(companies.updateOne({ _id: doc._id }, { $set: { bogus: 1 } }), ValidationError);
        assert.deepEqual(paths(err), ['bogus']);
      });

      it('When an update touches a managed field or is not an operator update, then it is an InvalidQueryError', async function () {
        const doc = await companies.insertOne(company(1));
        for (const update of [
          { $set: { version: 7 } },
          { $inc: { version: 1 } },
          { $set: { _id: 'other' } },
          { $set: { createdAt: new Date() } },
          { $unset: { updatedAt: '' } },
          { $rename: { name: 'createdAt' } },
          { name: 'replacement' },
          {},
          { $where: 'true' },
          { $set: { name: () => 'x' } },
        ]) {
          await rejection(companies.updateOne({ _id: doc._id }, update), InvalidQueryError);
        }
        await rejection(
          companies.updateOne({ _id: doc._id }, [{ $set: { name: 'x' } }] as unknown as Record<string, unknown>),
          InvalidQueryError,
        );
        await rejection(
          companies.updateOne({ _id: doc._id }, { $set: { name: 'x' } }, { upsert: true, expectedVersion: 0 }),
          InvalidQueryError,
        );
        assert.deepEqual(await companies.findById(doc._id), doc);
      });

      it('When an update would duplicate a unique value, then DuplicateKeyError names the field and nothing changes', async function () {
        const [a, b] = await seed(2);
        assert.ok(a && b);
        const err = await rejection(companies.updateOne({ _id: b._id }, { $set: { code: a.code } }), DuplicateKeyError);
        assert.deepEqual(err.fields, ['code']);
        assert.deepEqual(await companies.findById(b._id), b);
      });

      it('When updateMany matches documents, then it returns how many changed and bumps each version', async function () {
        await seed(10);
        assert.equal(await companies.updateMany({ sector: 'it' }, { $push: { tags: 'digital' } }), 2);
        const it = await companies.find({ sector: 'it' });
        assert.deepEqual(
          it.map((c) => [c.tags, c.version]),
          [
            [['digital'], 1],
            [['digital'], 1],
          ],
        );
        assert.equal(await companies.count({ version: 0 }), 8);
        assert.equal(await companies.updateMany({ code: 'NOPE' }, { $set: { name: 'x' } }), 0);
      });

      it('When updateMany would make documents invalid, then it is a ValidationError and no document changes', async function () {
        await seed(6);
        await rejection(companies.updateMany({}, { $set: { employees: -1 } }), ValidationError);
        assert.equal(await companies.count({ version: 0 }), 6);
      });
    });

    describe('validating', function () {
      it('When required, enum and nested subdocument rules fail, then ValidationError lists dotted paths and nothing is stored', async function () {
        const err = await rejection(
          companies.insertOne({
            code: 'BAD',
            sector: 'mining' as never,
            employees: -3,
            contacts: [{ name: 'Ok', email: 'ok@example.com' }, { name: 'Li', email: 'not-an-email' }, { email: 'x@y.z' } as never],
          } as unknown as Company),
          ValidationError,
        );
        assert.equal(err.collection, 'companies');
        assert.deepEqual(paths(err), ['contacts.1.email', 'contacts.2.name', 'employees', 'name', 'sector']);
        assert.ok(err.errors.every((e) => e.message.length > 0));
        assert.equal(await companies.count(), 0);
      });

      it('When a value cannot be cast, then ValidationError names its path', async function () {
        const err = await rejection(
          companies.insertOne({ ...company(1), employees: 'many' as unknown as number, foundedAt: 'soon' as unknown as Date }),
          ValidationError,
        );
        assert.deepEqual(paths(err), ['employees', 'foundedAt']);
      });

      it('When a document has a field the schema does not have, then it is a ValidationError naming the field', async function () {
        const err = await rejection(companies.insertOne({ ...company(1), bogus: true } as Company), ValidationError);
        assert.deepEqual(paths(err), ['bogus']);
        assert.equal(await companies.count(), 0);
      });

      it('When insertMany holds one invalid document, then nothing from the batch is stored', async function () {
        await rejection(companies.insertMany([company(1), company(2), { ...company(3), code: 'lower case' }]), ValidationError);
        assert.equal(await companies.count(), 0);
      });

      it('When insertMany holds a duplicate, within the batch or against a stored document, then DuplicateKeyError and nothing from the batch is stored', async function () {
        await companies.insertOne(company(1));
        const inBatch = await rejection(companies.insertMany([company(2), company(3), company(2)]), DuplicateKeyError);
        assert.deepEqual(inBatch.fields, ['code']);
        const againstStored = await rejection(companies.insertMany([company(4), company(1)]), DuplicateKeyError);
        assert.deepEqual(againstStored.fields, ['code']);
        assert.deepEqual(
          (await companies.find({})).map((c) => c.code),
          ['C-0001'],
        );
      });

      it('When two documents share a compound unique key, then DuplicateKeyError names both fields; documents outside the partial index do not collide', async function () {
        await companies.insertOne(company(1, { sector: 'it', rank: 1 }));
        const err = await rejection(companies.insertOne(company(2, { sector: 'it', rank: 1 })), DuplicateKeyError);
        assert.deepEqual(err.fields, ['sector', 'rank']);
        await companies.insertOne(company(3, { sector: 'services', rank: 1 }));
        await companies.insertOne(company(4, { sector: 'it' }));
        await companies.insertOne(company(5, { sector: 'it' }));
        assert.equal(await companies.count(), 4);
      });

      it('When a document holding a unique value is deleted, then the value can be used again', async function () {
        const doc = await companies.insertOne(company(1));
        await rejection(companies.insertOne(company(1)), DuplicateKeyError);
        assert.equal(await companies.deleteOne({ _id: doc._id }), true);
        const again = await companies.insertOne(company(1));
        assert.equal(again.code, doc.code);
      });
    });

    describe('refusing unsafe queries', function () {
      it('When a filter names a field the schema does not have, then it is an InvalidQueryError', async function () {
        await seed(2);
        await rejection(companies.find({ bogus: 1 }), InvalidQueryError);
        await rejection(companies.count({ 'address.zip': '230000' }), InvalidQueryError);
        await rejection(companies.updateOne({ bogus: 1 }, { $set: { name: 'x' } }), InvalidQueryError);
        await rejection(companies.deleteMany({ bogus: 1 }), InvalidQueryError);
      });

      it('When a filter uses $where, $function or a function value, then it is an InvalidQueryError, trusted or not', async function () {
        await seed(2);
        const fn = { body: 'function () { return true }', args: [], lang: 'js' };
        for (const filter of [
          { $where: 'true' },
          { $where: trusted({}) },
          { $expr: trusted({ $function: fn }) },
          { $or: [{ $where: 'sleep(1000)' }] },
          { name: (() => true) as unknown },
          { employees: trusted({ $gt: 0, $where: 'true' }) },
        ]) {
          await rejection(companies.find(filter), InvalidQueryError);
        }
      });

      it('When an operator object arrives untrusted in a field value, then it is compared as a literal and cannot widen the query', async function () {
        await seed(5);
        await rejection(companies.find({ name: { $gt: '' } }), InvalidQueryError);
        await rejection(companies.find({ $or: [{ code: { $ne: 'x' } }] }), InvalidQueryError);
        await rejection(companies.deleteMany({ code: { $regex: '.*' } }), InvalidQueryError);
        await rejection(companies.find({ $expr: { $gt: ['$employees', 0] } }), InvalidQueryError);
        assert.equal(await companies.count(), 5);
        assert.deepEqual(
          (await companies.find({ $expr: trusted({ $gt: ['$employees', 2] }) })).map((c) => c.employees),
          [3, 4],
        );
      });

      it('When find options are malformed, then it is an InvalidQueryError', async function () {
        await seed(2);
        await rejection(companies.find({}, { sort: { name: 2 as 1 } }), InvalidQueryError);
        await rejection(companies.find({}, { projection: { name: 1, code: 0 } }), InvalidQueryError);
        await rejection(companies.find({}, { projection: { name: { $slice: 1 } as unknown as 1 } }), InvalidQueryError);
        await rejection(companies.find({}, { skip: -1 }), InvalidQueryError);
        await rejection(companies.find({}, { limit: 1.5 }), InvalidQueryError);
      });

      it('When a pipeline writes ($out, $merge) or runs script, then it is an InvalidQueryError', async function () {
        await seed(2);
        for (const pipeline of [
          [{ $out: 'stolen' }],
          [{ $merge: { into: 'stolen' } }],
          [{ $match: { $where: 'true' } }],
          [{ $group: { _id: null, x: { $accumulator: {} } } }],
          [{ $match: {}, $limit: 1 }],
        ]) {
          await rejection(companies.aggregate(pipeline), InvalidQueryError);
        }
        await rejection(companies.aggregate({} as never), InvalidQueryError);
      });

      it('When asking for a collection that is not in the schema registry, then it is an InvalidQueryError', function () {
        assert.throws(() => store.collection('nope'), InvalidQueryError);
      });
    });

    describe('aggregating', function () {
      it('When aggregating with $match, $group and $sort, then the groups are computed over the matching documents', async function () {
        await seed(10);
        const groups = await companies.aggregate<{ _id: string; n: number; staff: number }>([
          { $match: { employees: { $gte: 2 } } },
          { $group: { _id: '$sector', n: { $sum: 1 }, staff: { $sum: '$employees' } } },
          { $sort: { staff: -1 } },
        ]);
        assert.deepEqual(groups, [
          { _id: 'services', n: 2, staff: 2 + 6 },
          { _id: 'manufacturing', n: 2, staff: 4 + 8 },
          { _id: 'logistics', n: 2, staff: 5 + 9 },
          { _id: 'it', n: 2, staff: 3 + 7 },
        ].sort((a, b) => b.staff - a.staff));
      });

      it('When aggregating with $lookup, $unwind and $count, then documents of another collection are joined', async function () {
        await seed(3);
        await notes.insertMany([
          { companyCode: 'C-0001', text: 'met at fair' },
          { companyCode: 'C-0001', text: 'sent samples' },
          { companyCode: 'C-0002', text: 'call back' },
        ]);
        const joined = await companies.aggregate<{ code: string; notes: { text: string }[] }>([
          { $lookup: { from: 'notes', localField: 'code', foreignField: 'companyCode', as: 'notes' } },
          { $project: { _id: 0, code: 1, 'notes.text': 1 } },
          { $sort: { code: 1 } },
        ]);
        assert.deepEqual(joined, [
          { code: 'C-0000', notes: [] },
          { code: 'C-0001', notes: [{ text: 'met at fair' }, { text: 'sent samples' }] },
          { code: 'C-0002', notes: [{ text: 'call back' }] },
        ]);
        assert.deepEqual(await notes.aggregate([{ $match: { companyCode: 'C-0001' } }, { $count: 'n' }]), [{ n: 2 }]);
      });

      it('When a pipeline reshapes documents, then the stored documents are unchanged', async function () {
        const [doc] = await seed(1);
        await companies.aggregate([{ $set: { name: 'reshaped' } }, { $unset: 'code' }]);
        assert.deepEqual(await companies.findById(doc?._id ?? ''), doc);
      });
    });

    describe('deleting', function () {
      it('When deleteOne matches several documents, then it deletes the first in _id order and returns true; no match returns false', async function () {
        const docs = await seed(8);
        assert.equal(await companies.deleteOne({ sector: 'it' }), true);
        assert.equal(await companies.findById(docs[3]?._id ?? ''), null);
        assert.ok(await companies.findById(docs[7]?._id ?? ''));
        assert.equal(await companies.deleteOne({ code: 'NOPE' }), false);
        assert.equal(await companies.count(), 7);
      });

      it('When deleteMany matches documents, then it returns how many it deleted', async function () {
        await seed(10);
        assert.equal(await companies.deleteMany({ sector: trusted({ $in: ['it', 'services'] }) }), 4);
        assert.equal(await companies.deleteMany({ sector: 'it' }), 0);
        assert.equal(await companies.count(), 6);
        assert.equal(await companies.deleteMany({}), 6);
        assert.equal(await companies.count(), 0);
      });
    });

    describe('lifecycle', function () {
      it('When pinged, then the store reports itself reachable under its adapter name', async function () {
        const health = await store.ping();
        assert.equal(health.adapter, store.adapter);
        assert.ok(['embedded-sqlite', 'mongodb'].includes(health.adapter));
        assert.equal(health.reachable, true);
      });

      it('When closed twice, then the second close is a no-op, and operations afterwards are StoreUnavailableError', async function () {
        await store.close();
        await store.close();
        await rejection(companies.find({}), StoreUnavailableError);
        await rejection(companies.insertOne(company(1)), StoreUnavailableError);
        assert.equal((await store.ping()).reachable, false);
      });
    });
  });
}
