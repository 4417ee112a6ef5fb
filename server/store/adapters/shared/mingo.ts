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

export function sortDocs<T extends Doc>(docs: T[], sort: Sort, collection: string): T[] {
  return asQueryError(collection, () => new Query({}, MINGO_OPTIONS).find<T>(docs).sort(sort).all());
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
