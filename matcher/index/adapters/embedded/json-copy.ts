/**
 * What `JSON.parse(JSON.stringify(value))` gives, built without the text in between: the same values, omissions
 * and errors (toJSON is called, Dates become strings, undefined and functions are dropped or become null in arrays,
 * non-finite numbers become null, a cycle or a BigInt throws TypeError), as a fresh, detached copy. Strings are
 * not copied (they are immutable), so a stored document shares its text with the record it was made from instead
 * of holding a second copy of every description, and no JSON text is written and parsed per document.
 */

/** A value JSON leaves out (undefined, a function, a symbol). */
const OMIT = Symbol('omit');

export function jsonCopy(value: unknown): unknown {
  const copy = serialize('', value, []);
  return copy === OMIT ? undefined : copy;
}

function serialize(key: string, input: unknown, stack: object[]): unknown {
  let value = input;
  if ((typeof value === 'object' && value !== null) || typeof value === 'bigint') {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') value = (toJSON as (key: string) => unknown).call(value, key);
  }
  if (typeof value === 'object' && value !== null) {
    // Boxed primitives serialise as their primitive.
    if (value instanceof Number) value = Number(value);
    else if (value instanceof String) value = String(value);
    else if (value instanceof Boolean || value instanceof BigInt) value = value.valueOf();
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // JSON writes -0 as 0 and non-finite numbers as null.
      return Number.isFinite(value) ? value + 0 : null;
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    case 'object':
      if (value === null) return null;
      if (stack.includes(value)) throw new TypeError('Converting circular structure to JSON');
      stack.push(value);
      try {
        return Array.isArray(value) ? copyArray(value, stack) : copyObject(value as Record<string, unknown>, stack);
      } finally {
        stack.pop();
      }
    default:
      // undefined, functions and symbols
      return OMIT;
  }
}

function copyArray(array: unknown[], stack: object[]): unknown[] {
  const copy = new Array<unknown>(array.length);
  for (let i = 0; i < array.length; i++) {
    const item = serialize(String(i), array[i], stack);
    copy[i] = item === OMIT ? null : item;
  }
  return copy;
}

function copyObject(object: Record<string, unknown>, stack: object[]): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(object)) {
    const item = serialize(key, object[key], stack);
    if (item === OMIT) continue;
    // JSON.parse makes `__proto__` an own property; a plain assignment would set the prototype instead.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
    else copy[key] = item;
  }
  return copy;
}
