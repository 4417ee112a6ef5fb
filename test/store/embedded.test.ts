/**
 * The embedded adapter: the contract on a file and in memory, then what only it promises (whole-document
 * validation on $inc, several processes on one file, the on-disk format).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openEmbeddedStore } from '../../server/store/adapters/embedded/index.js';
import { DuplicateKeyError, ValidationError, VersionConflictError, trusted, type DocumentStore } from '../../server/store/port.js';
import { describeDocumentStoreContract, rejection } from './contract.js';
import { company, testSchemas, type Company, type Note } from './fixtures/schemas.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'zonematch-store-'));
}

describeDocumentStoreContract('embedded-sqlite on a file', () => {
  const dir = tempDir();
  const store = openEmbeddedStore({ file: join(dir, 'store.sqlite'), schemas: testSchemas });
  return Promise.resolve({
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
});

describeDocumentStoreContract('embedded-sqlite in memory', () => {
  const store = openEmbeddedStore({ file: ':memory:', schemas: testSchemas });
  return Promise.resolve({ store, cleanup: () => store.close() });
});

describe('Embedded store specifics', function () {
  let dir: string;
  let file: string;
  const open: DocumentStore[] = [];

  function openStore(): DocumentStore {
    const store = openEmbeddedStore({ file, schemas: testSchemas });
    open.push(store);
    return store;
  }

  beforeEach(function () {
    dir = tempDir();
    file = join(dir, 'store.sqlite');
  });

  afterEach(async function () {
    for (const store of open.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('When the store is reopened on the same file, then it sees every document, with Dates intact', async function () {
    const first = openStore();
    const foundedAt = new Date('1999-12-31T23:59:59.999Z');
    const inserted = await first.collection<Company>('companies').insertMany([company(1, { foundedAt }), company(2)]);
    await first.collection<Company>('companies').updateOne({ code: 'C-0002' }, { $inc: { employees: 1 } });
    await first.close();
    const second = openStore();
    const docs = await second.collection<Company>('companies').find({});
    assert.deepEqual(
      docs.map((d) => d._id),
      inserted.map((d) => d._id),
    );
    assert.ok(docs[0]?.foundedAt instanceof Date);
    assert.equal(docs[0].foundedAt.getTime(), foundedAt.getTime());
    assert.equal(docs[1]?.version, 1);
    assert.equal(docs[1]?.employees, 3);
    assert.deepEqual((await second.ping()).reachable, true);
  });

  it('When documents are stored, then each row is JSON with tagged dates under its _id', async function () {
    const store = openStore();
    const doc = await store.collection<Company>('companies').insertOne(company(1, { foundedAt: new Date(0) }));
    await store.close();
    const db = new Database(file, { readonly: true });
    try {
      const row = db.prepare<[], { id: string; doc: string }>('SELECT id, doc FROM companies').get();
      assert.equal(row?.id, doc._id);
      const json = JSON.parse(row?.doc ?? '') as Record<string, unknown>;
      assert.deepEqual(json.foundedAt, { $date: '1970-01-01T00:00:00.000Z' });
      assert.equal(json._id, doc._id);
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    } finally {
      db.close();
    }
  });

  it('When another connection writes to the file, then this store sees the write and its unique keys', async function () {
    const a = openStore();
    const b = openStore();
    const inA = a.collection<Company>('companies');
    const inB = b.collection<Company>('companies');
    assert.equal(await inA.count(), 0); // loads A's cache before B writes
    const fromB = await inB.insertOne(company(1));
    assert.equal((await inA.findById(fromB._id))?.code, 'C-0001');
    assert.equal(await inA.count({ sector: 'logistics' }), 1, 'indexes reloaded too');
    const dup = await rejection(inA.insertOne(company(1)), DuplicateKeyError);
    assert.deepEqual(dup.fields, ['code']);
    await inA.updateOne({ _id: fromB._id }, { $set: { name: 'via A' } }, { expectedVersion: 0 });
    await rejection(inB.updateOne({ _id: fromB._id }, { $set: { name: 'via B' } }, { expectedVersion: 0 }), VersionConflictError);
    assert.equal((await inB.findById(fromB._id))?.name, 'via A');
  });

  it('When $inc would take a field below its minimum, then the whole-document validation refuses it', async function () {
    // MongoDB's update validators do not check $inc; the embedded adapter validates the updated document.
    const companies = openStore().collection<Company>('companies');
    const doc = await companies.insertOne(company(2));
    const err = await rejection(companies.updateOne({ _id: doc._id }, { $inc: { employees: -5 } }), ValidationError);
    assert.deepEqual(
      err.errors.map((e) => e.path),
      ['employees'],
    );
    assert.equal((await companies.findById(doc._id))?.employees, 2);
  });

  it('When indexed fields change, then equality lookups through the index follow the documents', async function () {
    const companies = openStore().collection<Company>('companies');
    await companies.insertMany(Array.from({ length: 40 }, (_, i) => company(i)));
    assert.equal(await companies.count({ sector: 'it' }), 10);
    await companies.updateMany({ sector: 'it' }, { $set: { sector: 'logistics' } });
    assert.equal(await companies.count({ sector: 'it' }), 0);
    assert.equal(await companies.count({ sector: trusted({ $in: ['logistics', 'it'] }) }), 20);
    await companies.deleteMany({ sector: 'logistics', employees: trusted({ $lt: 20 }) });
    assert.equal(await companies.count({ sector: 'logistics' }), 10);
    assert.equal(await companies.count({ sector: trusted({ $eq: 'logistics' }) }), 10);
    await companies.insertOne(company(100, { sector: 'it' }));
    assert.deepEqual(
      (await companies.find({ sector: 'it' })).map((c) => c.employees),
      [100],
    );
  });


  it('When a key of an index goes from one document to several and back, then lookups by it follow exactly', async function () {
    const notes = openStore().collection<Note>('notes');
    const codes = async (companyCode: string) => (await notes.find({ companyCode })).map((n) => n.text).sort();
    const first = await notes.insertOne({ companyCode: 'A', text: 'a1' });
    assert.deepEqual(await codes('A'), ['a1']);
    const second = await notes.insertOne({ companyCode: 'A', text: 'a2' });
    await notes.insertOne({ companyCode: 'A', text: 'a3' });
    assert.deepEqual(await codes('A'), ['a1', 'a2', 'a3']);
    await notes.deleteOne({ _id: first._id });
    await notes.updateOne({ _id: second._id }, { $set: { companyCode: 'B' } });
    assert.deepEqual(await codes('A'), ['a3']);
    assert.deepEqual(await codes('B'), ['a2']);
    assert.equal(await notes.count({ companyCode: trusted({ $in: ['A', 'B', 'C'] }) }), 2);
    // Index keys of other types carry a U+FFFF tag; a string that starts with one stays a different key.
    await notes.insertOne({ companyCode: '\uffffsA', text: 'tagged' });
    assert.deepEqual(await codes('\uffffsA'), ['tagged']);
    assert.deepEqual(await codes('A'), ['a3']);
  });
  it('When the same filter comes once with a trusted operator and once as a literal, then each keeps its meaning', async function () {
    // Prepared filters are reused by their key: the key must tell a code-built operator from a client's literal.
    const companies = openStore().collection<Company>('companies');
    await companies.insertMany(Array.from({ length: 8 }, (_, i) => company(i)));
    for (let round = 0; round < 2; round++) {
      assert.equal(await companies.count({ name: trusted({ $gt: '' }) }), 8);
      await assert.rejects(companies.count({ name: { $gt: '' } }), /Cast|name|\$gt/);
    }
  });
});
