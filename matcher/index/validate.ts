/**
 * Input checks shared by both SearchIndex adapters. They run before any work so that the embedded index rejects
 * exactly what Meilisearch would reject (or what we must never send it), and tests on one adapter hold for the other.
 */
import { SearchIndexError, type FilterValue, type SearchFilter, type SearchOptions } from './port.js';

/** Meilisearch index uids: ASCII letters, digits, `-` and `_` (we keep room for the adapter's prefix). */
const INDEX_NAME = /^[A-Za-z0-9_-]{1,300}$/;
/** Meilisearch document ids: the same alphabet, under 512 bytes. */
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,511}$/;
/** Filter field names: an identifier, dots for nested fields. Nothing that could end a filter expression. */
export const FILTER_FIELD = /^[A-Za-z_][A-Za-z0-9_.]*$/;
/** Words Meilisearch's filter grammar reserves; as bare field names they would change the expression's meaning. */
const FILTER_KEYWORDS = new Set([
  'AND', 'OR', 'IN', 'NOT', 'TO', 'EXISTS', 'IS', 'NULL', 'EMPTY', 'CONTAINS', 'STARTS', 'WITH',
  '_geoRadius', '_geoBoundingBox', '_geoPolygon', '_geoPoint', '_geoDistance', '_geo',
]);

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 1000;

export function assertIndexName(index: string): void {
  if (typeof index !== 'string' || !INDEX_NAME.test(index)) {
    throw new SearchIndexError(`Invalid index name ${JSON.stringify(index)}: use letters, digits, "-" and "_"`, {
      code: 'invalid_index_uid',
    });
  }
}

export function assertDocumentId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || !DOCUMENT_ID.test(id)) {
    throw new SearchIndexError(
      `Invalid document id ${JSON.stringify(id)}: a string of letters, digits, "-" and "_" is required`,
      { code: 'invalid_document_id' },
    );
  }
}

export function assertFilterField(field: string): void {
  if (!FILTER_FIELD.test(field) || FILTER_KEYWORDS.has(field)) {
    throw new SearchIndexError(`Invalid filter field name ${JSON.stringify(field)}`, { code: 'invalid_search_filter' });
  }
}

function assertFilterValue(field: string, value: unknown): asserts value is FilterValue {
  const ok =
    typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
  if (!ok) {
    throw new SearchIndexError(`Invalid filter value for ${field}: strings, finite numbers and booleans only`, {
      code: 'invalid_search_filter',
    });
  }
}

/** One checked filter clause: a field and the values any of which may match (a scalar becomes a one-element list). */
export interface FilterClause {
  field: string;
  values: FilterValue[];
}

/**
 * Checks a structured filter and lists its clauses (AND across clauses, OR within one).
 * An empty any-of list is kept: it matches nothing, and each adapter short-circuits it.
 */
export function filterClauses(filter: SearchFilter | undefined): FilterClause[] {
  if (filter === undefined || filter === null) return [];
  if (typeof filter !== 'object' || Array.isArray(filter)) {
    throw new SearchIndexError('A filter must be an object of field → value(s)', { code: 'invalid_search_filter' });
  }
  const clauses: FilterClause[] = [];
  for (const [field, raw] of Object.entries(filter)) {
    assertFilterField(field);
    const values: unknown[] = Array.isArray(raw) ? raw : [raw];
    for (const value of values) assertFilterValue(field, value);
    clauses.push({ field, values: values as FilterValue[] });
  }
  return clauses;
}

export interface ResolvedSearchOptions {
  clauses: FilterClause[];
  limit: number;
  offset: number;
  attributes: string[] | undefined;
}

export function resolveSearchOptions(options: SearchOptions | undefined): ResolvedSearchOptions {
  const limit = options?.limit ?? DEFAULT_LIMIT;
  const offset = options?.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new SearchIndexError(`limit must be an integer in 1..${MAX_LIMIT}`, { code: 'invalid_search_limit' });
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new SearchIndexError('offset must be a non-negative integer', { code: 'invalid_search_offset' });
  }
  const attributes = options?.attributes;
  if (attributes !== undefined && (!Array.isArray(attributes) || attributes.some((a) => typeof a !== 'string' || a === ''))) {
    throw new SearchIndexError('attributes must be a list of field names', { code: 'invalid_search_attributes_to_retrieve' });
  }
  return { clauses: filterClauses(options?.filter), limit, offset, attributes };
}
