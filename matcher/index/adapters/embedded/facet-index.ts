/**
 * Exact-value postings for filterable attributes, with Meilisearch's comparison rules so both adapters agree:
 * strings compare trimmed and case-insensitively, a number matches its decimal spelling and vice versa
 * (`5` = `"5"`), booleans compare as the strings "true"/"false", and an array field matches if any element does.
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

export class FacetIndex {
  readonly #fields: string[];
  readonly #postings = new Map<string, Map<string, Set<number>>>();

  constructor(filterableAttributes: string[]) {
    this.#fields = [...filterableAttributes];
    for (const field of filterableAttributes) this.#postings.set(field, new Map());
  }

  add(slot: number, document: Record<string, unknown>): void {
    for (const [field, byKey] of this.#postings) {
      for (const key of this.#keysOf(document, field)) {
        let slots = byKey.get(key);
        if (slots === undefined) {
          slots = new Set();
          byKey.set(key, slots);
        }
        slots.add(slot);
      }
    }
  }

  remove(slot: number, document: Record<string, unknown>): void {
    for (const [field, byKey] of this.#postings) {
      for (const key of this.#keysOf(document, field)) {
        const slots = byKey.get(key);
        if (slots === undefined) continue;
        slots.delete(slot);
        if (slots.size === 0) byKey.delete(key);
      }
    }
  }

  /**
   * The slots matching every clause, or null when there are no clauses (everything matches). The set may be one of
   * the index's own postings: read it, never change it.
   * @throws SearchIndexError `invalid_search_filter` for a field that is not filterable, as Meilisearch does.
   */
  match(clauses: FilterClause[]): ReadonlySet<number> | null {
    if (clauses.length === 0) return null;
    const sets: ReadonlySet<number>[] = [];
    for (const clause of clauses) {
      const byKey = this.#postings.get(clause.field);
      if (byKey === undefined) {
        throw new SearchIndexError(
          `Attribute \`${clause.field}\` is not filterable. Available filterable attributes are: \`${this.#fields.join(', ')}\`.`,
          { code: 'invalid_search_filter' },
        );
      }
      sets.push(unionOf(clause.values.flatMap(filterKeys).map((key) => byKey.get(key))));
    }
    // Intersect starting from the smallest set: cost is bounded by the most selective clause.
    sets.sort((a, b) => a.size - b.size);
    const [smallest, ...others] = sets as [ReadonlySet<number>, ...ReadonlySet<number>[]];
    if (others.length === 0) return smallest;
    const result = new Set<number>();
    for (const slot of smallest) if (others.every((set) => set.has(slot))) result.add(slot);
    return result;
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

const EMPTY: ReadonlySet<number> = new Set();

/** Union of postings; a single existing set is returned as is (no copy) since callers only read it. */
function unionOf(parts: (Set<number> | undefined)[]): ReadonlySet<number> {
  const present = parts.filter((part): part is Set<number> => part !== undefined);
  if (present.length === 0) return EMPTY;
  if (present.length === 1) return present[0]!;
  const union = new Set<number>();
  for (const part of present) for (const slot of part) union.add(slot);
  return union;
}
