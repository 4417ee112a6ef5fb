/**
 * The mongoose adapter without a server: validation through the adapter's models, and the exact filters, updates,
 * options and error mapping it uses. These run everywhere; the live contract run is test/store/mongoose.test.ts.
 */
import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import { openMongooseStore } from '../../server/store/adapters/mongoose/index.js';
import { duplicateKeyFields, firstFailedIndex, mapMongoError, redact } from '../../server/store/adapters/mongoose/errors.js';
import {
  UPDATE_MANY_OPTIONS,
  connectionOptions,
  pageFilter,
  sortWithId,
  updateOneOptions,
} from '../../server/store/adapters/mongoose/requests.js';
import { buildNewDocument, plainOf } from '../../server/store/adapters/shared/documents.js';
import { prepareFilter, sanitizeFilter, type AnyModel } from '../../server/store/adapters/shared/filter.js';
import { buildModels } from '../../server/store/adapters/shared/models.js';
import { toPlain } from '../../server/store/adapters/shared/plain.js';
import { buildUpdate, upsertDocument } from '../../server/store/adapters/shared/update.js';
import {
  DuplicateKeyError,
  InvalidQueryError,
  StoreUnavailableError,
  ValidationError,
  trusted,
  type Filter,
} from '../../server/store/port.js';
import { rejection } from './contract.js';
import { company, testSchemas } from './fixtures/schemas.js';

describe('Mongoose adapter, offline', function () {
  let conn: mongoose.Connection;
  let Company: AnyModel;

  before(function () {
    // A connection that is never opened: its models cast and validate exactly as the adapter's do.
    conn = mongoose.createConnection();
    Company = buildModels(conn, testSchemas).get('companies') as AnyModel;
  });

  after(async function () {
    await conn.close();
  });

  describe('validation through the models', function () {
    it('When a valid document is built, then defaults, casts and the store fields are applied without a server', async function () {
      const now = new Date('2024-05-06T07:08:09.000Z');
      const doc = plainOf(
        await buildNewDocument(Company, { ...company(1), employees: '7', version: 9, createdAt: new Date(0) }, now, 'companies'),
      );
      assert.match(doc._id, /^[0-9a-f]{24}$/);
      assert.equal(doc.employees, 7);
      assert.equal(doc.version, 0, 'a caller cannot choose the version');
      assert.equal(doc.createdAt.getTime(), now.getTime(), 'nor the timestamps');
      assert.equal(doc.updatedAt.getTime(), now.getTime());
      assert.deepEqual(doc.address, { district: 'core' });
    });

    it('When a document breaks nested, enum and unknown-field rules, then ValidationError has the dotted paths', async function () {
      const nested = await rejection(
        buildNewDocument(
          Company,
          { code: 'X1', name: 'X', sector: 'mining', contacts: [{ name: 'A', email: 'nope' }] },
          new Date(),
          'companies',
        ),
        ValidationError,
      );
      assert.deepEqual(
        nested.errors.map((e) => e.path),
        ['contacts.0.email', 'sector'],
      );
      const unknown = await rejection(buildNewDocument(Company, { ...company(1), bogus: 1 }, new Date(), 'companies'), ValidationError);
      assert.deepEqual(unknown.errors, [{ path: 'bogus', message: 'is not in the schema' }]);
    });
  });

  describe('filters it sends', function () {
    it('When input puts an operator object in a field value, then sanitizeFilter turns it into $eq; trusted operators stay', function () {
      const input: Filter = { name: { $gt: '' }, $or: [{ code: { $ne: 'x' } }], employees: trusted({ $gte: 5 }), sector: { $eq: 'it' } };
      const sanitized = sanitizeFilter(input, 'companies');
      // toPlain drops mongoose's trusted symbol, which marks `employees` for the connection's second pass.
      assert.deepEqual(toPlain(sanitized), {
        name: { $eq: { $gt: '' } },
        $or: [{ code: { $eq: { $ne: 'x' } } }],
        employees: { $gte: 5 },
        sector: { $eq: 'it' },
      });
      assert.deepEqual(input.name, { $gt: '' }, 'the caller’s filter is not modified');
      // Cast as a string, the wrapped object fails: the request is refused instead of matching every name.
      assert.throws(() => prepareFilter(Company, { name: { $gt: '' } }, 'companies'), InvalidQueryError);
    });

    it('When a filter names a path the schema does not have, then strictQuery makes it an InvalidQueryError', function () {
      for (const filter of [{ bogus: 1 }, { 'address.zip': '1' }, { $or: [{ code: 'A' }, { bogus: 1 }] }, { 'contacts.phone': '1' }]) {
        assert.throws(() => prepareFilter(Company, filter, 'companies'), InvalidQueryError, JSON.stringify(filter));
      }
      assert.doesNotThrow(() => prepareFilter(Company, { 'contacts.email': 'a@b.cn', 'contacts.0.name': 'A', 'address.city': 'Hefei' }, 'companies'));
    });

    it('When a filter uses $where, $function, $accumulator, a function, or untrusted $expr, then it is refused before sending', function () {
      for (const filter of [
        { $where: 'true' },
        { $where: trusted({}) },
        { $expr: trusted({ $function: { body: 'return true', args: [], lang: 'js' } }) },
        { $expr: trusted({ $accumulator: {} }) },
        { name: () => true },
        { $and: [{ code: 'A' }, { $where: 'true' }] },
        { $expr: { $gt: ['$employees', 1] } },
        { $text: { $search: 'x' } },
      ] as Filter[]) {
        assert.throws(() => prepareFilter(Company, filter, 'companies'), InvalidQueryError);
      }
    });

    it('When filter values are strings, then they are cast to the types MongoDB stores (Date, number, ObjectId)', function () {
      const hex = '65a1b2c3d4e5f60718293a4b';
      const prepared = prepareFilter(Company, { foundedAt: '2020-01-02', employees: trusted({ $in: ['5', 6] }), 'contacts._id': hex }, 'companies');
      assert.ok(prepared.foundedAt instanceof Date);
      assert.deepEqual((prepared.employees as { $in: unknown[] }).$in, [5, 6]);
      assert.ok(prepared['contacts._id'] instanceof mongoose.Types.ObjectId);
      assert.equal(String(prepared['contacts._id']), hex);
    });

    it('When mongoose sanitizes and casts the prepared filter again at execution, then nothing changes', function () {
      for (const filter of [
        { code: 'A', employees: trusted({ $gt: 1, $lt: 9 }) },
        { $or: [{ sector: 'it' }, { rank: trusted({ $exists: true }) }], tags: 'x' },
        { contacts: trusted({ $elemMatch: { email: 'a@b.cn' } }) },
        { $expr: trusted({ $gt: ['$employees', '$rank'] }) },
        pageFilter({ sector: trusted({ $in: ['it'] }) }, '65a1b2c3d4e5f60718293a4b'),
      ] as Filter[]) {
        const prepared = prepareFilter(Company, filter, 'companies');
        const before = toPlain(prepared);
        // What the connection's sanitizeFilter and the query cast do to it before it goes on the wire:
        const again = Company.find().cast(Company, mongoose.sanitizeFilter(prepared)) as Filter;
        assert.deepEqual(toPlain(again), before, JSON.stringify(before));
      }
    });
  });

  describe('updates and options it sends', function () {
    const now = new Date('2024-01-02T03:04:05.006Z');

    it('When an update is built, then version is incremented and updatedAt set, alongside the caller’s operators', function () {
      const input = { $set: { name: 'N' }, $inc: { employees: 2 }, $push: { tags: 'x' } };
      assert.deepEqual(buildUpdate(input, { now }), {
        $set: { name: 'N', updatedAt: now },
        $inc: { employees: 2, version: 1 },
        $push: { tags: 'x' },
      });
      assert.deepEqual(input, { $set: { name: 'N' }, $inc: { employees: 2 }, $push: { tags: 'x' } }, 'input untouched');
      assert.deepEqual(buildUpdate({ $unset: { rank: '' } }, { now }), {
        $unset: { rank: '' },
        $inc: { version: 1 },
        $set: { updatedAt: now },
      });
    });

    it('When an upsert is built, then createdAt is set on insert only, and the inserted document is what MongoDB would build', function () {
      const built = buildUpdate({ $set: { name: 'N' }, $setOnInsert: { rank: 1 } }, { now, upsert: true });
      assert.deepEqual(built.$setOnInsert, { rank: 1, createdAt: now });
      const filter = prepareFilter(Company, { code: 'X', $and: [{ sector: 'it' }], employees: trusted({ $gt: 3 }), 'address.city': 'Hefei' }, 'companies');
      assert.deepEqual(upsertDocument(filter, built, 'companies'), {
        code: 'X',
        sector: 'it',
        address: { city: 'Hefei' },
        name: 'N',
        rank: 1,
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
    });

    it('When an update touches store fields or is not an operator update, then it is refused', function () {
      for (const update of [
        { $set: { version: 1 } },
        { $inc: { 'createdAt.x': 1 } },
        { $set: { _id: 'x' } },
        { $rename: { name: 'updatedAt' } },
        { name: 'x' },
        { $foo: { name: 'x' } },
        { $set: 'x' },
        {},
      ]) {
        assert.throws(() => buildUpdate(update, { now }), InvalidQueryError, JSON.stringify(update));
      }
      assert.throws(() => buildUpdate([{ $set: { name: 'x' } }] as never, { now }), InvalidQueryError);
    });

    it('When options are sent, then they ask for validators, the first match in _id order, and fail-fast sanitized connections', function () {
      assert.deepEqual(updateOneOptions(true), {
        sort: { _id: 1 },
        returnDocument: 'after',
        upsert: true,
        runValidators: true,
        context: 'query',
        setDefaultsOnInsert: true,
        strict: 'throw',
        timestamps: false,
      });
      assert.equal(UPDATE_MANY_OPTIONS.runValidators, true);
      const connection = connectionOptions(750);
      assert.equal(connection.sanitizeFilter, true);
      assert.equal(connection.bufferCommands, false);
      assert.equal(connection.autoIndex, true);
      assert.equal(connection.serverSelectionTimeoutMS, 750);
      assert.deepEqual(sortWithId({ employees: -1 }), { employees: -1, _id: 1 });
      assert.deepEqual(sortWithId(undefined), { _id: 1 });
      assert.deepEqual(sortWithId({ _id: -1 }), { _id: -1 });
    });
  });

  describe('errors it maps', function () {
    it('When MongoDB reports E11000, then DuplicateKeyError names the index fields, from keyPattern or the message', function () {
      const single = new mongoose.mongo.MongoServerError({ code: 11000, errmsg: 'E11000 duplicate key', keyPattern: { code: 1 } });
      const mapped = mapMongoError(single, 'companies');
      assert.ok(mapped instanceof DuplicateKeyError);
      assert.deepEqual(mapped.fields, ['code']);
      const bulk = { name: 'MongoBulkWriteError', code: 11000, writeErrors: [{ code: 11000, index: 2, err: { keyPattern: { sector: 1, rank: 1 } } }] };
      assert.deepEqual(duplicateKeyFields(bulk), ['sector', 'rank']);
      assert.equal(firstFailedIndex(bulk), 2);
      const textOnly = { code: 11000, errmsg: 'E11000 duplicate key error collection: z.companies index: sector_1_rank_-1 dup key: { }' };
      assert.deepEqual(duplicateKeyFields(textOnly), ['sector', 'rank']);
      assert.equal(duplicateKeyFields(new Error('other')), null);
    });

    it('When mongoose reports validation, cast or strict errors, then they become ValidationError with paths', async function () {
      const invalid = await new Company({ code: 'lower', name: 'x' }).validate().then(
        () => null,
        (err: unknown) => err,
      );
      const mapped = mapMongoError(invalid, 'companies');
      assert.ok(mapped instanceof ValidationError);
      assert.deepEqual(
        mapped.errors.map((e) => e.path),
        ['code'],
      );
      const strict = mapMongoError(new mongoose.Error.StrictModeError('bogus'), 'companies');
      assert.ok(strict instanceof ValidationError);
      assert.deepEqual(strict.errors[0]?.path, 'bogus');
    });

    it('When the server cannot be reached, then StoreUnavailableError, with credentials removed from messages', function () {
      for (const name of ['MongoServerSelectionError', 'MongoNetworkError', 'MongooseServerSelectionError', 'MongoNotConnectedError']) {
        const err = Object.assign(new Error('connect ECONNREFUSED mongodb://admin:hunter2@db:27017'), { name });
        const mapped = mapMongoError(err, 'companies');
        assert.ok(mapped instanceof StoreUnavailableError, name);
        assert.ok(!mapped.message.includes('hunter2'));
      }
      assert.equal(redact('mongodb+srv://u:p@x.example/db'), 'mongodb+srv://***@x.example/db');
    });

    it('When connecting to an unreachable server, then openMongooseStore fails with StoreUnavailableError within its timeout', async function () {
      const err = await rejection(
        openMongooseStore({ uri: 'mongodb://zm:s3cret@127.0.0.1:1/zonematch_offline', schemas: testSchemas, connectTimeoutMs: 300 }),
        StoreUnavailableError,
      );
      assert.ok(!err.message.includes('s3cret'), err.message);
      await rejection(openMongooseStore({ uri: 'not-a-mongodb-uri', schemas: testSchemas }), StoreUnavailableError);
    });
  });
});
