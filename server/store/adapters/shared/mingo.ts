/**
 * mingo (MongoDB semantics in memory), configured once. The embedded adapter evaluates everything with it; the
 * mongoose adapter uses it only to build the document an upsert would insert, to validate it before sending.
 * Settings: scripts off (`$where`, `$function`, `$accumulator` fail inside mingo too, as a second
 * line behind the guard), MongoDB-compatible strict mode, no cloning (the collection clones what it returns).
 */
import { Aggregator, ProcessingMode, Query, update as mingoUpdate } from 'mingo';
import type { Options } from 'mingo/types';
import { isPlainObject, toPlain } from './plain.js';
import { InvalidQueryError, isTrusted, type Pipeline, type Projection, type Sort, type Update } from '../../port.js';

export const MINGO_OPTIONS: Partial<Options> = {
  scriptEnabled: false,
  useStrictMode: true,
  processingMode: ProcessingMode.CLONE_OFF,
};

type Doc = Record<string, unknown>;

/** Runs `fn`, reporting mingo's complaints (unknown operator, bad argument) as an invalid query. */
function asQueryError<T>(collection: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof InvalidQueryError) throw err;
    throw new InvalidQueryError(`${collection}: ${(err as Error).message}`, { cause: err });
  }
}

/** What a compiled filter does for the store: tell whether a document matches. */
export interface DocumentTest {
  test(doc: Doc): boolean;
}

export function compileFilter(filter: Doc, collection: string): DocumentTest {
  return equalityTest(filter) ?? asQueryError(collection, () => new Query(filter, MINGO_OPTIONS));
}

/**
 * Filters of top-level fields compared with strings, finite numbers or booleans, directly or through `$in`
 * (`{ _id, state, version }`, `{ _id: { $in: ids } }`: the filters writes and syncs use) are tested directly, as
 * MongoDB tests them: the field equals a value, or is an array holding one. Building a mingo query copies
 * mingo's operator tables, which costs more than the scan, and filters naming particular documents rarely come
 * back, so the cache does not help them. Anything else goes to mingo.
 */
function equalityTest(filter: Doc): DocumentTest | null {
  const terms: [string, readonly unknown[]][] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key.startsWith('$') || key.includes('.') || key === '__proto__') return null;
    const values = isScalar(value) ? [value] : inValues(value);
    if (!values) return null;
    terms.push([key, values]);
  }
  return {
    test: (doc) =>
      terms.every(([key, values]) => {
        const field = doc[key];
        return Array.isArray(field) ? field.some((item) => values.includes(item)) : values.includes(field);
      }),
  };
}

function isScalar(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/** The scalars of `{ $in: [...] }`, or null for any other value. */
function inValues(value: unknown): readonly unknown[] | null {
  if (!isPlainObject(value)) return null;
  const keys = Object.keys(value);
  const list = value.$in;
  return keys.length === 1 && Array.isArray(list) && list.every(isScalar) ? list : null;
}

/**
 * A string equal for two filters exactly when they are the same filter: every value carries its type, object
 * keys keep their order (it matters to MongoDB's comparison of embedded documents), and an operator object
 * marked `trusted()` differs from the same object unmarked (a literal to the store). Undefined for a value that
 * has no such form (a class instance, a function).
 */
export function filterKey(value: unknown): string | undefined {
  if (value === null) return 'z';
  switch (typeof value) {
    case 'string':
      return `s${JSON.stringify(value)}`;
    case 'number':
      return Object.is(value, -0) ? 'n-0' : `n${String(value)}`;
    case 'boolean':
      return value ? 'bt' : 'bf';
    case 'undefined':
      return 'u';
    case 'object':
      break;
    default:
      return undefined;
  }
  if (Array.isArray(value)) {
    const parts: string[] = [];
    for (const item of value) {
      const part = filterKey(item);
      if (part === undefined) return undefined;
      parts.push(part);
    }
    return `[${parts.join(',')}]`;
  }
  if (value instanceof Date) return `d${value.getTime()}`;
  if (value instanceof RegExp) return `r${JSON.stringify(value.source)}/${value.flags}/${value.lastIndex}`;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return undefined;
  const parts: string[] = [];
  for (const key of Object.keys(value)) {
    const part = filterKey((value as Doc)[key]);
    if (part === undefined) return undefined;
    parts.push(`${JSON.stringify(key)}:${part}`);
  }
  return `${isTrusted(value) ? 't' : ''}{${parts.join(',')}}`;
}

/**
 * Sorting needs no condition, so one query serves every sort (it holds no state between uses). Building a mingo
 * query copies mingo's operator tables, which cost more than sorting the few documents a sort usually gets.
 */
let sorter: Query | undefined;

export function sortDocs<T extends Doc>(docs: T[], sort: Sort, collection: string): T[] {
  // The sort spec was checked by the guard (1 / -1 per field): nothing to order in fewer than two documents.
  if (docs.length < 2) return [...docs];
  const direct = sortByScalars(docs, sort);
  if (direct) return direct;
  return asQueryError(collection, () => (sorter ??= new Query({}, MINGO_OPTIONS)).find<T>(docs).sort(sort).all());
}

/**
 * The common sort (`runAt`, `createdAt`, a name: top-level fields holding a number, a string or a Date in every
 * document, one kind per field) done with a plain comparator: the order mingo gives, stable like it, at a fraction
 * of the cost. Null when a field is missing somewhere, mixes kinds or holds anything else: mingo then applies
 * MongoDB's order across types.
 */
function sortByScalars<T extends Doc>(docs: T[], sort: Sort): T[] | null {
  const keys = Object.entries(sort);
  const columns: { values: (number | string)[]; direction: number }[] = [];
  for (const [key, direction] of keys) {
    if (key.includes('.') || key.startsWith('$')) return null;
    const first = docs[0]?.[key];
    const kind = first instanceof Date ? 'date' : typeof first;
    if (kind !== 'date' && kind !== 'number' && kind !== 'string') return null;
    const values: (number | string)[] = new Array<number | string>(docs.length);
    for (let i = 0; i < docs.length; i++) {
      const value = docs[i]?.[key];
      if (kind === 'date') {
        if (!(value instanceof Date) || Number.isNaN(value.getTime())) return null;
        values[i] = value.getTime();
      } else {
        if (typeof value !== kind || (kind === 'number' && Number.isNaN(value))) return null;
        values[i] = value as number | string;
      }
    }
    columns.push({ values, direction });
  }
  const order = docs.map((_, i) => i);
  order.sort((a, b) => {
    for (const { values, direction } of columns) {
      const x = values[a] as number | string;
      const y = values[b] as number | string;
      if (x < y) return -direction;
      if (x > y) return direction;
    }
    return a - b;
  });
  return order.map((i) => docs[i] as T);
}

export function projectDocs(docs: Doc[], projection: Projection, collection: string): Doc[] {
  return asQueryError(collection, () => new Query({}, MINGO_OPTIONS).find<Doc>(docs, projection).all());
}

/** Applies update operators to `doc` in place; `condition` lets the positional `$` find its array element. */
export function applyUpdate(doc: Doc, update: Update, condition: Doc, collection: string): void {
  if (applySetInc(doc, update)) return;
  asQueryError(collection, () => mingoUpdate(doc, update, undefined, condition, { cloneMode: 'deep', queryOptions: MINGO_OPTIONS }));
}

/**
 * The updates most writes make (`$set` and `$inc` of top-level fields, plus the store's own version and
 * timestamp), applied directly: the same result as mingo's, without building its machinery. False (and `doc`
 * untouched) for anything else, including the cases MongoDB refuses (one field in both, `$inc` of a non-number),
 * which mingo then reports.
 */
function applySetInc(doc: Doc, update: Update): boolean {
  const { $set = {}, $inc = {}, ...others } = update;
  if (Object.keys(others).length > 0 || !isPlainObject($set) || !isPlainObject($inc)) return false;
  const plainField = (key: string) => !key.startsWith('$') && !key.includes('.') && key !== '_id' && key !== '__proto__';
  const setKeys = Object.keys($set);
  const incKeys = Object.keys($inc);
  if (!setKeys.every(plainField) || !incKeys.every(plainField) || setKeys.some((key) => $set[key] === undefined)) return false;
  for (const key of incKeys) {
    const by = $inc[key];
    const current = doc[key];
    if (typeof by !== 'number' || key in $set || (current !== undefined && typeof current !== 'number')) return false;
  }
  for (const key of setKeys) doc[key] = toPlain($set[key]);
  for (const key of incKeys) doc[key] = ((doc[key] as number | undefined) ?? 0) + ($inc[key] as number);
  return true;
}

export function runPipeline(
  docs: Doc[],
  pipeline: Pipeline,
  resolve: (name: string) => Doc[],
  collection: string,
): Doc[] {
  return asQueryError(collection, () =>
    new Aggregator(pipeline, { ...MINGO_OPTIONS, collectionResolver: resolve }).run<Doc>(docs),
  );
}
