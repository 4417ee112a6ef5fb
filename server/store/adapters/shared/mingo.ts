/**
 * mingo (MongoDB semantics in memory), configured once. The embedded adapter evaluates everything with it; the
 * mongoose adapter uses it only to build the document an upsert would insert, to validate it before sending.
 * Settings: scripts off (`$where`, `$function`, `$accumulator` fail inside mingo too, as a second
 * line behind the guard), MongoDB-compatible strict mode, no cloning (the collection clones what it returns).
 */
import { Aggregator, ProcessingMode, Query, update as mingoUpdate } from 'mingo';
import type { Options } from 'mingo/types';
import { InvalidQueryError, type Pipeline, type Projection, type Sort, type Update } from '../../port.js';

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

export function compileFilter(filter: Doc, collection: string): Query {
  return asQueryError(collection, () => new Query(filter, MINGO_OPTIONS));
}

/** Compiled filters kept for reuse, most recently used last. */
const compiled = new Map<string, Query>();
const COMPILED_KEPT = 512;

/**
 * {@link compileFilter}, reusing the compiled query of an identical filter. A compiled query keeps its own copy of
 * the filter and testing a document changes nothing in it, so reuse is the same as compiling again. Filters that
 * hold anything but JSON values, Dates and RegExps are compiled every time.
 */
export function compileFilterCached(filter: Doc, collection: string): Query {
  const key = filterKey(filter);
  if (key === undefined) return compileFilter(filter, collection);
  const hit = compiled.get(key);
  if (hit) {
    compiled.delete(key);
    compiled.set(key, hit);
    return hit;
  }
  const query = compileFilter(filter, collection);
  if (compiled.size >= COMPILED_KEPT) compiled.delete(compiled.keys().next().value as string);
  compiled.set(key, query);
  return query;
}

/**
 * A string equal for two filters exactly when they are the same filter: every value carries its type, object
 * keys keep their order (it matters to MongoDB's comparison of embedded documents). Undefined for a value that
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
  return `{${parts.join(',')}}`;
}

/**
 * Sorting needs no condition, so one query serves every sort (it holds no state between uses). Building a mingo
 * query copies mingo's operator tables, which cost more than sorting the few documents a sort usually gets.
 */
let sorter: Query | undefined;

export function sortDocs<T extends Doc>(docs: T[], sort: Sort, collection: string): T[] {
  // The sort spec was checked by the guard (1 / -1 per field): nothing to order in fewer than two documents.
  if (docs.length < 2) return [...docs];
  return asQueryError(collection, () => (sorter ??= new Query({}, MINGO_OPTIONS)).find<T>(docs).sort(sort).all());
}

export function projectDocs(docs: Doc[], projection: Projection, collection: string): Doc[] {
  return asQueryError(collection, () => new Query({}, MINGO_OPTIONS).find<Doc>(docs, projection).all());
}

/** Applies update operators to `doc` in place; `condition` lets the positional `$` find its array element. */
export function applyUpdate(doc: Doc, update: Update, condition: Doc, collection: string): void {
  asQueryError(collection, () => mingoUpdate(doc, update, undefined, condition, { cloneMode: 'deep', queryOptions: MINGO_OPTIONS }));
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
