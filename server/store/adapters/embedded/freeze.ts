/**
 * Cached documents are frozen, so reads can hand them out without copying them: a caller that tries to change a
 * result gets a TypeError (modules run in strict mode) instead of silently changing the cache for everybody.
 * Reading a list of 20 postings otherwise spends more time copying them than finding them.
 *
 * Dates stay mutable (freezing does not reach their internal slot) and Buffers cannot be frozen; callers treat
 * both as values.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value) || ArrayBuffer.isView(value) || value instanceof Date) return value;
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}
