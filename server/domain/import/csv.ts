/**
 * CSV text → header and data records, numbered as the spreadsheet shows them: the header is row 1, and each
 * record is one row even when a quoted cell holds line breaks (Excel shows such a cell in one row). Blank records
 * keep their number so the numbers a report gives still point at the right spreadsheet rows.
 */
// CsvError from the same entry point as parse: the CommonJS build bundles a separate class per entry point.
import { CsvError, parse } from 'csv-parse/sync';
import { HttpProblem } from '../../http/problem.js';

export interface CsvRecord {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
}

/** Parses CSV text; a syntax error (an unclosed quote) is a 400 naming the row, since nothing after it is reliable. */
export function readCsv(text: string): CsvTable {
  let rows: string[][];
  try {
    rows = parse(text, {
      // Ragged rows are normal in hand-edited files; columns beyond the header are checked by the converter.
      relax_column_count: true,
      // A quote inside an unquoted cell (`12"屏`) is kept as a character instead of failing the file.
      relax_quotes: true,
      // Excel's "CSV UTF-8" starts with a BOM; decodeText drops it already, this covers text passed in directly.
      bom: true,
    });
  } catch (error) {
    if (error instanceof CsvError) {
      const row = (typeof error.records === 'number' ? error.records : 0) + 1;
      const reason = syntaxProblemOf(error);
      throw new HttpProblem('validation', `The CSV file could not be read near row ${row}: ${reason}.`, [{ path: 'body', message: reason }]);
    }
    throw error;
  }
  const [header, ...data] = rows;
  if (!header || isBlank(header)) {
    throw new HttpProblem('validation', 'The CSV file has no header row; the first row must name the columns.', [{ path: 'body', message: 'no header row' }]);
  }
  return { header, records: data.map((cells, i) => ({ row: i + 2, cells })) };
}

/**
 * The reason for a syntax error, in our words: the parser's own text ("Quote Not Closed: the parsing is finished
 * with an opening quote at line 3") has no translation and counts physical lines rather than spreadsheet rows.
 * With the relaxed options above an unclosed quote is the error a real file runs into.
 */
function syntaxProblemOf(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted cell is never closed (a closing " is missing)';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'a quoted cell has text after its closing "';
    default:
      return 'the CSV syntax is not valid';
  }
}

/** A record whose cells are all empty or white space (a blank line, or `,,,` from a cleared spreadsheet row). */
export function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}
