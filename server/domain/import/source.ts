/**
 * The uploaded file → numbered rows in the API's JSON shape. CSV is decoded (UTF-8 or GB18030), parsed and
 * converted cell by cell; JSON must be an array of objects. Problems that make the whole file unreadable (bad
 * syntax, no header, too many rows) are a 400 in every mode; problems of one row or one column are row failures.
 */
import { findForbiddenKeys } from '../../http/body-guard.js';
import { HttpProblem } from '../../http/problem.js';
import { mapColumns, type ImportEntity } from './columns.js';
import { convertRecord } from './convert.js';
import { isBlank, readCsv } from './csv.js';
import { decodeText, hasUtf8Bom } from './decode.js';
import { failure, type RowFailure } from './report.js';

/** The size one call is built and measured for; a bigger file is a 400 asking to split it. */
export const MAX_ROWS = 10_000;

export type ImportFormat = 'csv' | 'json';

export interface SourceRow {
  /** Spreadsheet row (CSV) or array index + 1 (JSON). */
  row: number;
  value: unknown;
  /** Conversion failures (CSV only). */
  failures: RowFailure[];
  /** Fields whose cell could not be converted (CSV only). */
  unconverted: string[];
}

export interface SourceRows {
  format: ImportFormat;
  rows: SourceRow[];
  /** Problems of the header row (row 1): unknown, repeated or unnamed columns. */
  headerFailures: RowFailure[];
}

/** Reads the request body as the given format. */
export function readSource(entity: ImportEntity, format: ImportFormat, body: Buffer): SourceRows {
  return format === 'csv' ? readCsvSource(entity, body) : readJsonSource(body);
}

export function readCsvSource(entity: ImportEntity, body: Buffer): SourceRows {
  const table = readCsv(decodeText(body).text);
  const columns = mapColumns(entity, table.header);
  const records = table.records.filter((r) => !isBlank(r.cells));
  checkRowCount(records.length);
  const rows = records.map((record) => {
    const converted = convertRecord(record, columns);
    // A row with data under a rejected column is not imported: the data would be lost.
    for (const problem of columns.problems) {
      const cell = record.cells[problem.index];
      if (cell !== undefined && cell.trim() !== '') converted.failures.push(failure(record.row, problem.header, problem.message));
    }
    return { row: record.row, value: converted.value, failures: converted.failures, unconverted: converted.unconverted };
  });
  const headerFailures = columns.problems
    .filter((p) => !p.onlyIfFilled || records.some((r) => (r.cells[p.index] ?? '').trim() !== ''))
    .map((p) => failure(1, p.header, p.message));
  return { format: 'csv', rows, headerFailures };
}

export function readJsonSource(body: Buffer): SourceRows {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeJson(body));
  } catch {
    throw new HttpProblem('malformed-json', 'The body could not be parsed as JSON.', [{ path: 'body', message: 'malformed JSON' }]);
  }
  if (!Array.isArray(parsed)) {
    throw new HttpProblem('validation', 'A JSON import is an array of records, one per row.', [{ path: 'body', message: 'must be an array' }]);
  }
  // The app-wide guard against `$` and prototype keys runs before routes, when this body was still unread.
  const items: unknown[] = parsed;
  checkRowCount(items.length);
  const forbidden = items.flatMap((value, i) => findForbiddenKeys(value, ['rows', String(i + 1)]));
  if (forbidden.length > 0) throw new HttpProblem('validation', 'The request contains field names that are not allowed.', forbidden);
  return { format: 'json', rows: items.map((value, i) => ({ row: i + 1, value, failures: [], unconverted: [] })), headerFailures: [] };
}

/** JSON is UTF-8 by definition (RFC 8259); a BOM some Windows tools write is tolerated. */
function decodeJson(body: Buffer): string {
  return (hasUtf8Bom(body) ? body.subarray(3) : body).toString('utf8');
}

function checkRowCount(count: number): void {
  if (count > MAX_ROWS) {
    throw new HttpProblem('validation', `The file has ${count} rows; one import takes at most ${MAX_ROWS}. Split it into several files.`, [
      { path: 'body', message: `more than ${MAX_ROWS} rows` },
    ]);
  }
}
