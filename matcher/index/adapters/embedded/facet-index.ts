/**
 * Exact-value postings for filterable attributes, with Meilisearch's comparison rules so both adapters agree:
 * strings compare trimmed and case-insensitively, a number matches its decimal spelling and vice versa
 * (`5` = `"5"`), booleans compare as the strings "true"/"false", and an array field matches if any element does.
 *
 * Each value's postings are the slots holding it, ascending, in a growable Int32Array: 4 bytes a slot, where a
 * Set of numbers took about 28 (a document sits in a dozen of them: its type, status, company, every industry
 * code…). Slots are added in increasing order (see store.ts), so adding appends; removing is a binary search and
 * a shift, paid only when a document is replaced or deleted.
 */
import { SearchIndexError, type FilterValue } from '../../port.js';
import type { FilterClause } from '../../validate.js';
import { fieldValues } from './fields.js';

/** Keys a document value is stored under (one per value). */
function documentKey(value: unknown): string | undefined {
  if (typeof value === 'string') return `s:${value.trim().toLowerCase()}`;
  if (typeof value === 'number' && Number.isFinite(value)) return `n:${String(value)}`;
  if (typeof value === 'boolean') return `s:${String(value)}`;
  return undefined;
}

/** Keys a filter value matches (a numeric string also matches the number, a number also matches its spelling). */
function filterKeys(value: FilterValue): string[] {
  if (typeof value === 'number') return [`n:${String(value)}`, `s:${String(value)}`];
  if (typeof value === 'boolean') return [`s:${String(value)}`];
  const trimmed = value.trim();
  const keys = [`s:${trimmed.toLowerCase()}`];
  const asNumber = trimmed === '' ? Number.NaN : Number(trimmed);
  if (Number.isFinite(asNumber)) keys.push(`n:${String(asNumber)}`);
  return keys;
}

/** Slots of one value, ascending: the first `length` entries of `slots`. */
interface SlotList {
  slots: Int32Array;
  length: number;
}

/** Slots matching a filter, ascending and distinct. Read it, never change it (it may be a view of the index). */
export type Slots = Int32Array;

export class FacetIndex {
  readonly #fields: string[];
  readonly #postings = new Map<string, Map<string, SlotList>>();

  constructor(filterableAttributes: string[]) {
    this.#fields = [...filterableAttributes];
    for (const field of filterableAttributes) this.#postings.set(field, new Map());
  }

  /** Adds a document in a slot greater than every slot added before. */
  add(slot: number, document: Record<string, unknown>): void {
    for (const [field, byKey] of this.#postings) {
      for (const key of this.#keysOf(document, field)) {
        let list = byKey.get(key);
        if (list === undefined) {
          list = { slots: new Int32Array(2), length: 0 };
          byKey.set(key, list);
        }
        if (list.length === list.slots.length) {
          const grown = new Int32Array(list.length + Math.max(2, list.length >> 1));
          grown.set(list.slots);
          list.slots = grown;
        }
        list.slots[list.length++] = slot;
      }
    }
  }

  remove(slot: number, document: Record<string, unknown>): void {
    for (const [field, byKey] of this.#postings) {
      for (const key of this.#keysOf(document, field)) {
        const list = byKey.get(key);
        if (list === undefined) continue;
        const at = lowerBound(list.slots, 0, list.length, slot);
        if (at === list.length || list.slots[at] !== slot) continue;
        list.slots.copyWithin(at, at + 1, list.length);
        list.length--;
        if (list.length === 0) byKey.delete(key);
        else if (list.length * 4 < list.slots.length && list.slots.length > 16) list.slots = list.slots.slice(0, list.length * 2);
      }
    }
  }

  /**
   * The slots matching every clause, or null when there are no clauses (everything matches). The result may be
   * a view of the index's own postings: read it, synchronously, never change it.
   * @throws SearchIndexError `invalid_search_filter` for a field that is not filterable, as Meilisearch does.
   */
  match(clauses: FilterClause[]): Slots | null {
    if (clauses.length === 0) return null;
    const lists: Slots[] = [];
    for (const clause of clauses) {
      const byKey = this.#postings.get(clause.field);
      if (byKey === undefined) {
        throw new SearchIndexError(
          `Attribute \`${clause.field}\` is not filterable. Available filterable attributes are: \`${this.#fields.join(', ')}\`.`,
          { code: 'invalid_search_filter' },
        );
      }
      lists.push(unionOf(clause.values.flatMap(filterKeys).map((key) => byKey.get(key))));
    }
    // Intersect starting from the smallest list: cost is bounded by the most selective clause.
    lists.sort((a, b) => a.length - b.length);
    const [smallest, ...others] = lists as [Slots, ...Slots[]];
    if (others.length === 0) return smallest;
    // All lists ascend, so each is searched forward only, from where the previous slot was found (galloping:
    // a few steps between neighbouring slots, a binary search over a long gap).
    const result = new Int32Array(smallest.length);
    const at = new Array<number>(others.length).fill(0);
    let n = 0;
    outer: for (const slot of smallest) {
      for (let k = 0; k < others.length; k++) {
        const list = others[k]!;
        const i = gallop(list, at[k]!, slot);
        at[k] = i;
        if (i === list.length) break outer;
        if (list[i] !== slot) continue outer;
      }
      result[n++] = slot;
    }
    return result.subarray(0, n);
  }

  #keysOf(document: Record<string, unknown>, field: string): Set<string> {
    const keys = new Set<string>();
    for (const value of fieldValues(document, field)) {
      const key = documentKey(value);
      if (key !== undefined) keys.add(key);
    }
    return keys;
  }
}

const EMPTY: Slots = new Int32Array(0);

/** Union of postings, ascending and distinct; a single existing list is returned as a view (no copy). */
function unionOf(parts: (SlotList | undefined)[]): Slots {
  const present = parts.filter((part): part is SlotList => part !== undefined && part.length > 0);
  if (present.length === 0) return EMPTY;
  if (present.length === 1) return present[0]!.slots.subarray(0, present[0]!.length);
  const all = new Int32Array(present.reduce((sum, part) => sum + part.length, 0));
  let n = 0;
  for (const part of present) {
    all.set(part.slots.subarray(0, part.length), n);
    n += part.length;
  }
  all.sort();
  let distinct = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[distinct++] = all[i]!;
  return all.subarray(0, distinct);
}

/** Index of the first entry of ascending `slots`, from `from` on, that is >= `slot`. */
function gallop(slots: Slots, from: number, slot: number): number {
  let step = 1;
  let hi = from;
  while (hi < slots.length && slots[hi]! < slot) {
    hi += step;
    step *= 2;
  }
  return lowerBound(slots, Math.max(from, hi - (step >> 1)), Math.min(hi, slots.length), slot);
}

/** Index of the first entry of ascending `slots` in [start, end) that is >= `slot` (`end` if none is). */
function lowerBound(slots: Int32Array, start: number, end: number, slot: number): number {
  let lo = start;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (slots[mid]! < slot) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
