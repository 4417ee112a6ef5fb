/**
 * Plain values: what both adapters hand back to callers.
 *
 * The port names no driver type, so a document leaves the store as JSON-like data plus `Date` (and `Buffer`):
 * BSON ObjectIds (subdocument `_id`s that mongoose generates) become their 24-hex string, Maps become objects.
 * The same function deep-copies cached documents in the embedded adapter where it needs a changeable copy (an
 * update's working document, a pipeline's input).
 */

interface BsonLike {
  _bsontype?: unknown;
  toHexString?: () => string;
  buffer?: Uint8Array;
  toString(): string;
}

/** Deep copy of `value` with driver types replaced by plain ones; `undefined` object members are dropped (as JSON and BSON do). */
export function toPlain<T = unknown>(value: T): T {
  return plain(value) as T;
}

function plain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = plain(value[i]);
    return out;
  }
  if (value instanceof Date) return new Date(value.getTime());
  if (Buffer.isBuffer(value)) return Buffer.from(value);
  if (value instanceof RegExp) return value;
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value as Map<unknown, unknown>) out[String(k)] = plain(v);
    return out;
  }
  const bson = value as BsonLike;
  if (typeof bson._bsontype === 'string') {
    if (bson._bsontype === 'ObjectId' && typeof bson.toHexString === 'function') return bson.toHexString();
    if (bson._bsontype === 'Binary' && bson.buffer) return Buffer.from(bson.buffer);
    // Decimal128, Long, …: their decimal string is the only lossless plain form.
    return bson.toString();
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = plain(v);
  }
  return out;
}

/** True for `{…}` objects (not arrays, Dates, RegExps, Buffers or class instances such as ObjectId). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
