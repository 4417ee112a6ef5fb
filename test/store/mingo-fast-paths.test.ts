/**
 * The embedded store tests simple equality filters, applies plain `$set` / `$inc` updates and sorts by scalar
 * fields without mingo
 * (server/store/adapters/shared/mingo.ts). Those shortcuts must never change an outcome: on generated documents,
 * filters and updates, each gives exactly what mingo gives, and refuses (falls back) where mingo would complain.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Query, update as mingoUpdate } from 'mingo';
import { applyUpdate, compileFilter, MINGO_OPTIONS, sortDocs } from '../../server/store/adapters/shared/mingo.js';

type Doc = Record<string, unknown>;

const KEYS = ['a', 'b', 'state', 'version'] as const;
const scalar = fc.oneof(fc.constantFrom('x', 'y', ''), fc.integer({ min: -2, max: 3 }), fc.boolean(), fc.double({ noNaN: true, min: -2, max: 2 }));
const fieldValue = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.constant(null), fc.date({ noInvalidDate: true }), fc.record({ x: scalar }, { noNullPrototype: true }));
const condition = fc.oneof(scalar, fc.record({ $in: fc.array(scalar, { maxLength: 3 }) }, { noNullPrototype: true }));
const doc = fc.dictionary(fc.constantFrom(...KEYS), fieldValue, { maxKeys: 4, noNullPrototype: true });

describe('embedded store: equality filters and $set/$inc updates without mingo', function () {
  it('When a filter compares top-level fields with scalars or $in lists of them, then the direct test matches exactly the documents mingo matches', function () {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...KEYS), condition, { minKeys: 1, maxKeys: 3, noNullPrototype: true }), fc.array(doc, { maxLength: 8 }), (filter, docs) => {
        const direct = compileFilter(filter, 'test');
        assert.ok(!(direct instanceof Query), 'a scalar equality filter is tested directly');
        const reference = new Query(filter, MINGO_OPTIONS);
        for (const d of docs) assert.equal(direct.test(d), reference.test(d), JSON.stringify({ filter, d }));
      }),
      { numRuns: 400 },
    );
  });

  it('When a filter has operators, dotted paths, nulls or objects, then it goes to mingo', function () {
    for (const filter of [{ a: { $gt: 1 } }, { 'a.b': 1 }, { a: null }, { a: { x: 1 } }, { a: [1] }, { $or: [{ a: 1 }] }, { a: Number.NaN }, { a: { $in: [null] } }, { a: { $in: [1], $nin: [2] } }]) {
      assert.ok(compileFilter(filter, 'test') instanceof Query, JSON.stringify(filter));
    }
  });

  it('When an update is $set and $inc of top-level fields, then the document becomes what mingo makes of it', function () {
    const setValue = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.constant(null), fc.date({ noInvalidDate: true }), fc.record({ x: scalar }, { noNullPrototype: true }));
    const updateArb = fc.record(
      {
        $set: fc.dictionary(fc.constantFrom('a', 'b', 'updatedAt'), setValue, { maxKeys: 3, noNullPrototype: true }),
        $inc: fc.dictionary(fc.constantFrom('version', 'b', 'count'), fc.integer({ min: -3, max: 3 }), { maxKeys: 2, noNullPrototype: true }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(doc, updateArb, (start, update) => {
        const fast = structuredClone(start) as Doc;
        const reference = structuredClone(start) as Doc;
        let fastError: unknown;
        let referenceError: unknown;
        try {
          applyUpdate(fast, update, {}, 'test');
        } catch (error) {
          fastError = error;
        }
        try {
          mingoUpdate(reference, update, undefined, {}, { cloneMode: 'deep', queryOptions: MINGO_OPTIONS });
        } catch (error) {
          referenceError = error;
        }
        assert.equal(fastError === undefined, referenceError === undefined, JSON.stringify({ start, update }));
        if (fastError === undefined) assert.deepEqual(fast, reference, JSON.stringify({ start, update }));
      }),
      { numRuns: 400 },
    );
  });

  it('When documents are sorted by number, string or Date fields, then the order is mingo\'s, ties in input order', function () {
    const sortValue = fc.oneof(
      fc.integer({ min: 0, max: 3 }).map((n) => ({ kind: 'number', value: n / 2 })),
      fc.constantFrom('', 'a', 'B', 'b', '亦庄', 'ab').map((text) => ({ kind: 'string', value: text })),
      fc.integer({ min: 0, max: 3 }).map((n) => ({ kind: 'date', value: new Date(1_700_000_000_000 + n * 1000) })),
    );
    const docsArb = fc.array(fc.tuple(sortValue, sortValue, fc.boolean()), { minLength: 2, maxLength: 12 }).map((rows) =>
      // Mostly one kind per field (the direct path); now and then a mixed or missing value (mingo's path).
      rows.map(([first, second, drop], i) => ({ _id: String(i).padStart(3, '0'), first: first.value, ...(drop && i === 0 ? {} : { second: second.value }) })),
    );
    const specArb = fc.constantFrom<Record<string, 1 | -1>[]>({ first: 1 }, { first: -1 }, { first: 1, second: -1 }, { second: 1, first: 1 }, { second: -1 });
    fc.assert(
      fc.property(docsArb, specArb, (docs, spec) => {
        const reference = new Query({}, MINGO_OPTIONS).find<Doc>([...docs]).sort(spec).all();
        assert.deepEqual(sortDocs([...docs], spec, 'test').map((d) => d._id), reference.map((d) => d._id), JSON.stringify({ docs, spec }));
      }),
      { numRuns: 500 },
    );
  });

  it('When a $set value is changed afterwards, then the updated document keeps the value it was given', function () {
    const tags = ['a'];
    const target: Doc = {};
    applyUpdate(target, { $set: { tags }, $inc: { version: 1 } }, {}, 'test');
    tags.push('b');
    assert.deepEqual(target, { tags: ['a'], version: 1 });
  });
});
