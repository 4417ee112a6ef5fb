/**
 * What changed between two versions of a record, field by field, as JSON values: dates become ISO strings and
 * absent fields are left out, so an entry reads the same from either store and in the API.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface FieldChange {
  field: string;
  /** Absent when the field had no value before (a create, or an optional field being set). */
  before?: JsonValue;
  /** Absent when the field has no value after (a delete). */
  after?: JsonValue;
}

/** A stored value as JSON; undefined stays undefined (the field is absent). */
export function toJsonValue(value: unknown): JsonValue | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => toJsonValue(item) ?? null);
  if (typeof value === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const [key, item] of Object.entries(value)) {
      const json = toJsonValue(item);
      if (json !== undefined) out[key] = json;
    }
    return out;
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  // Stored records hold no bigint, symbol or function; should one appear, it must not break the entry.
  return typeof value === 'bigint' ? value.toString() : null;
}

function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The fields among `fields` whose values differ between `before` and `after` (either may be null: a create has
 * no before, a delete no after). Empty arrays count as absent, so a create does not list every empty list.
 */
export function diffFields<T extends object>(before: T | null, after: T | null, fields: readonly (keyof T & string)[]): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const was = meaningful(toJsonValue(before === null ? undefined : before[field]));
    const now = meaningful(toJsonValue(after === null ? undefined : after[field]));
    if (sameJson(was, now)) continue;
    const change: FieldChange = { field };
    if (was !== undefined) change.before = was;
    if (now !== undefined) change.after = now;
    changes.push(change);
  }
  return changes;
}

function meaningful(value: JsonValue | undefined): JsonValue | undefined {
  return Array.isArray(value) && value.length === 0 ? undefined : value;
}

/** The fields of a request that carry a value (zod leaves absent optional fields undefined). */
export function definedFields<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}
