/**
 * Heap sizing of the server process. Everything of the embedded mode (the store's documents, the search index,
 * the segmenter) lives in this one heap, while requests turn over short-lived garbage fast. V8's default lets the
 * old generation grow up to four times what survived the last full collection before it collects again, so a busy
 * server sat at two to three times its live data. Measured with `npm run bench:api` (20,000 companies, quiet
 * two-core machine): V8's default gave create 1,267 / list 1,455 req/s, p99 44 ms, RSS 616 MiB; a factor of 1.3
 * kept RSS at 376 MiB but halved the throughput (637 / 732 req/s, p99 ~160 ms: full collections all the time);
 * a factor of 2 (the default here) gives 1,238 / 1,326 req/s, p99 50–72 ms, RSS ~500 MiB, and keeps the matcher's
 * benchmark within its 500 MB (442 MiB).
 *
 * `HEAP_GROWING_PERCENT` sets another factor (0 keeps V8's own heuristics); `node --heap-growing-percent=<n>` on
 * the command line wins over both. Applied at start, before the data is loaded.
 */
import { setFlagsFromString } from 'node:v8';

export const DEFAULT_HEAP_GROWING_PERCENT = 100;

export function tuneHeap(execArgv: readonly string[] = process.execArgv, env: NodeJS.ProcessEnv = process.env): number | undefined {
  if (execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg))) return undefined;
  const raw = env['HEAP_GROWING_PERCENT'];
  const percent = raw === undefined || raw.trim() === '' ? DEFAULT_HEAP_GROWING_PERCENT : Number(raw);
  if (!Number.isInteger(percent) || percent < 0 || percent > 1000) {
    throw new RangeError(`HEAP_GROWING_PERCENT must be a whole number from 0 to 1000 (got "${raw}")`);
  }
  if (percent === 0) return undefined;
  setFlagsFromString(`--heap-growing-percent=${percent}`);
  return percent;
}
