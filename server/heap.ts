/**
 * Heap sizing of the server process. Everything of the embedded mode (the store's documents, the search index,
 * the segmenter) lives in this one heap, while requests turn over short-lived garbage. V8's default lets the old
 * generation grow up to four times what survived the last full collection before it collects again, so a busy
 * server sat at two to three times its live data.
 *
 * The right factor depends on how much garbage survives long enough to reach the old generation. While reads
 * copied every cached document, a factor of 1.3 halved the API's throughput (full collections all the time) and
 * 2 was the default. Reads now return the frozen cache without copying, and with a factor of 1.3 (the default
 * here) `npm run bench:api` (20,000 companies, two cores, 2026-11-29) gives the same requests/s as with 2 —
 * create 596 / 621 against 613 / 552 / 583, list 889 / 842 against 789 / 838 / 965 — with server RSS 365–369 MiB
 * (peak 374–379) instead of 422–430 (peak 477), at the price of a higher p99 (150–212 ms against 106–172 ms on that
 * day's slow machine). The matcher's benchmark at 1.3: 3,422 documents/s, p95 23.6 ms, RSS 381 MiB.
 *
 * The default is now 1.2. With the API at 2,200–2,700 creates a second (later the same day, on a fast machine),
 * each run adds ~25,000 postings, and at 1.3 the server peaked at 384–390 MiB. At 1.2 (two runs each, alternating
 * with 1.3): create 2,242 / 2,644 req/s against 2,439 / 2,690, list 3,098 / 3,263 against 3,553 / 3,598 (about 8%
 * more CPU per list request), p99 within the noise, RSS after the runs 358–366 MiB (peak 363–373) against 370–382
 * (peak 384–390). Throughput has room to spare against its targets; memory has less. The matcher's benchmark is
 * level (13,242 against 13,258 documents/s, p95 7.2 / 7.3 ms, RSS 339 / 342 MiB).
 *
 * `HEAP_GROWING_PERCENT` sets another factor (0 keeps V8's own heuristics); `node --heap-growing-percent=<n>` on
 * the command line wins over both. Applied at start, before the data is loaded.
 *
 * The young generation cannot be sized from here (V8 reads that flag only when the heap is set up), so `npm start`
 * passes `--max-semi-space-size=8`: semi-spaces of 8 MiB instead of 16. On `npm run bench:api` (20,000 companies,
 * two cores, 2026-11-29, three runs each, alternating) that gave create 2,065–2,673 req/s against 2,171–2,620,
 * list 3,055–3,314 against 3,097–3,346, and server RSS 365–375 MiB (peak 377–387) against 390–394 (peak 403–408):
 * the same throughput for 20 MiB less. Whoever starts `dist/server/main.js` another way should pass it too.
 */
import { setFlagsFromString } from 'node:v8';

export const DEFAULT_HEAP_GROWING_PERCENT = 20;

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
