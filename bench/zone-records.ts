/**
 * Prints a synthetic zone as the matcher sees it, one JSON record per line (companies first, then postings), so a
 * benchmark can index it without ever holding the whole generated zone in its own memory.
 * Run: npx tsx bench/zone-records.ts <companies>
 */
import { generateSyntheticZone } from '../seeds/demo/index.js';
import { toZone } from '../test/matcher/eval/demo-index.js';

const companies = Number(process.argv[2] ?? 20_000);
const now = new Date('2026-11-01T00:00:00Z');
const zone = generateSyntheticZone({ companies, seed: 7, now });
const records = toZone(zone.companies, zone.postings, now);
const lines: string[] = [];
const flush = () => {
  process.stdout.write(lines.join(''));
  lines.length = 0;
};
for (const company of records.companies.values()) {
  lines.push(`${JSON.stringify({ type: 'company', record: company })}\n`);
  if (lines.length >= 1000) flush();
}
for (const posting of records.postings.values()) {
  lines.push(`${JSON.stringify({ type: 'posting', record: posting })}\n`);
  if (lines.length >= 1000) flush();
}
flush();
