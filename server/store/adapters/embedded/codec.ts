/**
 * Row encoding: JSON with MongoDB Extended JSON tags for the two types JSON loses — `{"$date": iso}` and
 * `{"$binary": base64}` — so a Date read back is a Date without consulting the schema. Stored documents never
 * have `$`-prefixed field names (the schemas are strict), so a one-key tagged object is unambiguous.
 */

/**
 * JSON text of a stored document. The tags are put in by a walk that copies only the objects and arrays on the way
 * to a Date or Buffer (most of a document is shared, and one without either is not copied at all), so that
 * JSON.stringify runs without a replacer: a replacer function is called for every key and value, which made
 * encoding several times slower.
 */
export function encodeDoc(doc: object): string {
  return JSON.stringify(tagged(doc));
}

/** `value` with every Date and Buffer in it replaced by its tag; the very same value when there are none. */
function tagged(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Buffer.isBuffer(value)) return { $binary: value.toString('base64') };
  if (Array.isArray(value)) {
    const items = value as unknown[];
    let copy: unknown[] | undefined;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const tag = tagged(item);
      if (tag !== item) (copy ??= [...items])[i] = tag;
    }
    return copy ?? items;
  }
  // Other objects that serialise themselves (toJSON) are left to JSON.stringify, as the replacer left them.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    const tag = tagged(item);
    if (tag !== item) {
      copy ??= { ...(value as Record<string, unknown>) };
      // `__proto__` as an own key (from JSON) must stay an own key.
      Object.defineProperty(copy, key, { value: tag, enumerable: true, writable: true, configurable: true });
    }
  }
  return copy ?? value;
}

/** The stored document of a row; throws SyntaxError for text that is not JSON. */
export function decodeDoc(text: string): Record<string, unknown> {
  return JSON.parse(text, reviver) as Record<string, unknown>;
}

function reviver(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const tagged = value as { $date?: unknown; $binary?: unknown };
  const keys = Object.keys(value);
  if (keys.length !== 1) return value;
  if (typeof tagged.$date === 'string') return new Date(tagged.$date);
  if (typeof tagged.$binary === 'string') return Buffer.from(tagged.$binary, 'base64');
  return value;
}
