import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createEmbeddedIndex } from '../../matcher/index/adapters/embedded/index.js';
import { jsonCopy } from '../../matcher/index/adapters/embedded/json-copy.js';
import { fieldOf, Shapes, unpack } from '../../matcher/index/adapters/embedded/packed.js';
import type { SearchDocument } from '../../matcher/index/port.js';

/** JSON-like values plus what JSON drops or rewrites (undefined, functions, Dates, non-finite numbers, -0). */
const jsonish = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.constant(() => 1),
    fc.date({ noInvalidDate: false }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('a', 'b', '1', '__proto__', 'toJSON2'), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('Embedded search index storage', function () {
  describe('jsonCopy', function () {
    it('When any JSON-like value is copied, then the copy equals a JSON round trip of it', function () {
      fc.assert(
        fc.property(jsonish, (value) => {
          const expected = JSON.stringify(value) === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
          assert.deepStrictEqual(jsonCopy(value), expected);
        }),
        { numRuns: 2000 },
      );
    });

    it('When a value has toJSON (a Buffer), then the copy holds what toJSON returned', function () {
      const value = { id: 'b', data: Buffer.from('hi'), at: new Date(0) };
      assert.deepStrictEqual(jsonCopy(value), JSON.parse(JSON.stringify(value)));
    });

    it('When a value is circular or holds a BigInt, then copying throws TypeError, as JSON.stringify does', function () {
      const circular: Record<string, unknown> = { id: 'c' };
      circular['self'] = circular;
      assert.throws(() => jsonCopy(circular), TypeError);
      assert.throws(() => jsonCopy({ id: 'n', n: 1n }), TypeError);
    });

    it('When an object has a `__proto__` key from JSON, then the copy has it as an own property', function () {
      const copy = jsonCopy(JSON.parse('{"id":"p","__proto__":{"x":1}}')) as Record<string, unknown>;
      assert.equal(Object.getPrototypeOf(copy), Object.prototype);
      assert.deepEqual(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value, { x: 1 });
    });
  });

  describe('packed documents', function () {
    const document = JSON.parse(
      JSON.stringify({
        id: 'p-1',
        type: 'posting',
        tags: ['SMT', 'PCBA'],
        roles: [],
        mixed: [1, 'a', null],
        nested: { a: [1, 2] },
        blank: [''],
        amount: 0,
      }),
    ) as SearchDocument;

    it('When a document is packed and unpacked, then it is equal, with the same field order', function () {
      const unpacked = unpack(new Shapes().pack(document));
      assert.deepStrictEqual(unpacked, document);
      assert.deepEqual(Object.keys(unpacked), Object.keys(document));
    });

    it('When fields are read from a packed document, then arrays are fresh copies and missing fields undefined', function () {
      const packed = new Shapes().pack(document);
      const tags = fieldOf(packed, 'tags') as string[];
      assert.deepEqual(tags, ['SMT', 'PCBA']);
      tags.push('changed');
      assert.deepEqual(fieldOf(packed, 'tags'), ['SMT', 'PCBA']);
      assert.deepEqual(fieldOf(packed, 'roles'), []);
      assert.deepEqual(fieldOf(packed, 'blank'), ['']);
      assert.deepEqual(fieldOf(packed, 'mixed'), [1, 'a', null]);
      assert.equal(fieldOf(packed, 'missing'), undefined);
      assert.equal(fieldOf(packed, 'toString'), undefined);
    });

    it('When an array element holds the separator character, then the array is kept as it is', function () {
      const odd = { id: 'o', tags: ['a\u001fb', 'c'] };
      assert.deepStrictEqual(unpack(new Shapes().pack(odd)), odd);
    });
  });

  describe('filters after replacements and removals', function () {
    it('When documents are replaced and removed many times, then filters and placeholder order stay exact', async function () {
      const search = createEmbeddedIndex();
      await search.ensureIndex('t', { searchableAttributes: ['title'], filterableAttributes: ['group', 'tags'] });
      const expected = new Map<string, { id: string; group: number; tags: string[] }>();
      for (let round = 0; round < 30; round++) {
        const batch = Array.from({ length: 40 }, (_, i) => ({ id: `d${(i * 7 + round) % 50}`, group: (i + round) % 3, tags: [`t${i % 4}`, `t${round % 5}`] }));
        await search.upsert('t', batch.map((d) => ({ ...d, title: 'x' })));
        for (const d of batch) expected.set(d.id, d);
        const gone = [`d${round % 50}`, `d${(round * 3) % 50}`];
        await search.remove('t', gone);
        for (const id of gone) expected.delete(id);
      }
      for (const group of [0, 1, 2]) {
        for (const tag of ['t0', 't3', 't4']) {
          const result = await search.search('t', '', { filter: { group, tags: [tag, 't1'] }, limit: 100 });
          const want = [...expected.values()].filter((d) => d.group === group && (d.tags.includes(tag) || d.tags.includes('t1'))).map((d) => d.id);
          assert.deepEqual(result.hits.map((h) => h.document.id).sort(), want.sort());
          assert.equal(result.total, want.length);
        }
      }
    });
  });
});
