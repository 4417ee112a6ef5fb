/**
 * Row encoding: JSON with MongoDB Extended JSON tags for the two types JSON loses — `{"$date": iso}` and
 * `{"$binary": base64}` — so a Date read back is a Date without consulting the schema. Stored documents never
 * have `$`-prefixed field names (the schemas are strict), so a one-key tagged object is unambiguous.
 */

/** JSON text of a stored document. */
export function encodeDoc(doc: object): string {
  return JSON.stringify(doc, replacer);
}

/** The stored document of a row; throws SyntaxError for text that is not JSON. */
export function decodeDoc(text: string): Record<string, unknown> {
  return JSON.parse(text, reviver) as Record<string, unknown>;
}

// JSON.stringify calls Date#toJSON / Buffer#toJSON before the replacer sees the value, so look at the holder.
function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  if (raw instanceof Date) return { $date: raw.toISOString() };
  if (Buffer.isBuffer(raw)) return { $binary: raw.toString('base64') };
  return value;
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
