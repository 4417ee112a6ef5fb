/**
 * Meilisearch client errors → port errors. Callers (and HTTP handlers) then only need to know two cases: the
 * engine is down (SearchUnavailableError, worth a 503 and a retry) or it refused the request (SearchIndexError,
 * with Meilisearch's error code).
 */
import {
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchTaskTimeOutError,
} from 'meilisearch';
import { SearchIndexError, SearchUnavailableError } from '../../port.js';

/** Statuses a proxy or a starting Meilisearch answers with: the engine is not there yet. */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

export function toSearchError(error: unknown): SearchIndexError {
  if (error instanceof SearchIndexError) return error;
  if (error instanceof MeilisearchApiError) {
    const code = error.cause?.code;
    if (code === undefined && UNAVAILABLE_STATUSES.has(error.response.status)) {
      return new SearchUnavailableError(`Meilisearch unavailable: ${error.message}`, { cause: error });
    }
    return new SearchIndexError(error.message, { code, cause: error });
  }
  if (error instanceof MeilisearchRequestError) {
    const reason = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return new SearchUnavailableError(`${error.message}${reason}`, { cause: error });
  }
  if (error instanceof MeilisearchTaskTimeOutError) {
    return new SearchIndexError(error.message, { code: 'task_timeout', cause: error });
  }
  return new SearchIndexError(error instanceof Error ? error.message : String(error), { cause: error });
}

/** Awaits a client call, translating whatever it throws. */
export async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toSearchError(error);
  }
}
