/**
 * The embedded store's row encoding tags Dates and Buffers without a JSON.stringify replacer (codec.ts). On
 * generated documents it must write exactly the text the replacer wrote, and read back what was written.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeDoc, encodeDoc } from '../../server/store/adapters/embedded/codec.js';

/** The encoding as it was done with a replacer: the reference. */
function encodeWithReplacer(doc: object): string {
  return JSON.stringify(doc, function (this: Record<string, unknown>, key: string, value: unknown) {
    const raw = this[key];
    if (raw instanceof Date) return { $date: raw.toISOString() };
    if (Buffer.isBuffer(raw)) return { $binary: raw.toString('base64') };
    return value;
  });
}

const leaf = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.date({ noInvalidDate: true }),
  fc.uint8Array({ maxLength: 6 }).map((bytes) => Buffer.from(bytes)),
);
const key = fc.oneof(fc.constantFrom('a', 'b', 'createdAt', '__proto__', 'v'), fc.string({ maxLength: 4 }));
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 4 }), tie('object')),
  object: fc.dictionary(key, tie('value'), { maxKeys: 4, noNullPrototype: true }),
}));
const document = fc.dictionary(key, value, { maxKeys: 6, noNullPrototype: true });

describe('embedded store: row encoding', function () {
  it('When a document holds Dates and Buffers at any depth, then it is encoded exactly as with a replacer, and decodes back', function () {
    fc.assert(
      fc.property(document, (doc) => {
        const before = encodeWithReplacer(doc);
        const text = encodeDoc(doc);
        assert.equal(text, before);
        assert.equal(encodeWithReplacer(doc), before, 'encoding leaves the document as it was');
        assert.equal(encodeDoc(decodeDoc(text)), text);
      }),
      { numRuns: 500 },
    );
  });

  it('When a document has no Date or Buffer, then nothing of it is copied on the way', function () {
    const doc = { a: [1, { b: 'x' }], c: { d: null } };
    assert.equal(encodeDoc(doc), JSON.stringify(doc));
    const dated = { a: [1, { b: new Date(0) }], c: { d: null } };
    assert.equal(encodeDoc(dated), '{"a":[1,{"b":{"$date":"1970-01-01T00:00:00.000Z"}}],"c":{"d":null}}');
    assert.ok(dated.a[1] instanceof Object && (dated.a[1] as { b: unknown }).b instanceof Date, 'the document itself is not changed');
  });
});
