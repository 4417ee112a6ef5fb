/**
 * Group commit in the embedded store: writes that become ready together share one SQLite transaction, each in its
 * own savepoint. Together they must behave exactly like one transaction per write: a failing write fails alone,
 * writes of one batch see each other (unique keys, versions), and what was acknowledged is in the file.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedStore } from '../../server/store/adapters/embedded/index.js';
import { DuplicateKeyError, ValidationError, VersionConflictError, trusted, type DocumentStore } from '../../server/store/port.js';
import { company, testSchemas, type Company, type Note } from './fixtures/schemas.js';

describe('Embedded store group commit', function () {
  let dir: string;
  let file: string;
  const open: DocumentStore[] = [];

  function openStore(): DocumentStore {
    const store = openEmbeddedStore({ file, schemas: testSchemas });
    open.push(store);
    return store;
  }

  beforeEach(function () {
    dir = mkdtempSync(join(tmpdir(), 'zonematch-group-commit-'));
    file = join(dir, 'store.sqlite');
  });

  afterEach(async function () {
    for (const store of open.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('When concurrent writes include failing ones, then only those fail and every other write is committed', async function () {
    const store = openStore();
    const companies = store.collection<Company>('companies');
    const notes = store.collection<Note>('notes');
    const first = await companies.insertOne(company(1));
    const results = await Promise.allSettled([
      companies.insertOne(company(2)),
      companies.insertOne(company(1)), // code taken
      notes.insertOne({ companyCode: 'C-0002', text: 'hello' }),
      notes.insertOne({ companyCode: 'C-0003', text: 'x', unknown: 1 } as Note), // not in the schema
      companies.updateOne({ _id: first._id }, { $set: { name: 'renamed' } }),
      notes.insertOne({ _id: first._id, companyCode: 'C-0001' }),
      notes.insertOne({ _id: first._id, companyCode: 'C-0001' }), // same _id in the same batch
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'rejected'],
    );
    assert.ok((results[1] as PromiseRejectedResult).reason instanceof DuplicateKeyError);
    assert.ok((results[3] as PromiseRejectedResult).reason instanceof ValidationError);
    assert.ok((results[6] as PromiseRejectedResult).reason instanceof DuplicateKeyError);

    await store.close();
    const reopened = openStore();
    assert.deepEqual((await reopened.collection<Company>('companies').find({})).map((c) => [c.code, c.name]), [
      ['C-0001', 'renamed'],
      ['C-0002', 'Company 2'],
    ]);
    assert.equal(await reopened.collection<Note>('notes').count(), 2);
  });

  it('When two writes of one batch claim the same unique key, then exactly one is stored', async function () {
    const companies = openStore().collection<Company>('companies');
    const results = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => companies.insertOne(company(7, { name: `try ${i}` }))));
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    for (const r of results) if (r.status === 'rejected') assert.ok(r.reason instanceof DuplicateKeyError);
    assert.equal(await companies.count({ code: 'C-0007' }), 1);
  });

  it('When two writes of one batch update the same version, then the second is a conflict', async function () {
    const companies = openStore().collection<Company>('companies');
    const doc = await companies.insertOne(company(3));
    const results = await Promise.allSettled([
      companies.updateOne({ _id: doc._id }, { $set: { name: 'a' } }, { expectedVersion: 0 }),
      companies.updateOne({ _id: doc._id }, { $set: { name: 'b' } }, { expectedVersion: 0 }),
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'rejected'],
    );
    assert.ok((results[1] as PromiseRejectedResult).reason instanceof VersionConflictError);
    const stored = await companies.findById(doc._id);
    assert.equal(stored?.name, 'a');
    assert.equal(stored?.version, 1);
  });

  it('When concurrent increments and deletes race, then every acknowledged change is applied once', async function () {
    const companies = openStore().collection<Company>('companies');
    const docs = await companies.insertMany(Array.from({ length: 10 }, (_, i) => company(i)));
    const target = docs[0]?._id as string;
    await Promise.all([
      ...Array.from({ length: 20 }, () => companies.updateOne({ _id: target }, { $inc: { employees: 1 } })),
      companies.deleteMany({ code: trusted({ $ne: 'C-0000' }) }),
      companies.deleteOne({ code: 'C-0009' }),
    ]);
    const left = await companies.find({});
    assert.deepEqual(
      left.map((c) => [c.code, c.employees, c.version]),
      [['C-0000', 20, 20]],
    );
  });
});
