/**
 * What an import answers: how many records it created and updated, and every row it did not take with the field
 * and the reason. The same shape is the 200 body and the `report` member of the 400 problem of an atomic import,
 * so a client reads one structure whatever the outcome.
 */
import { z } from 'zod';
import type { FieldProblem } from '../../http/problem.js';

export const rowFailureSchema = z
  .strictObject({
    row: z.int().min(1).describe('Row as a person sees it: the spreadsheet row for CSV (header = 1, first data row = 2); array index + 1 for JSON.'),
    field: z.string().describe('API field name (`creditCode`, `contacts.0.email`); the column header for an unknown column; empty for the whole row.'),
    message: z.string(),
  })
  .meta({ id: 'ImportRowFailure' });

export const importReportSchema = z
  .strictObject({
    created: z.int().min(0).describe('Records created (or, with dryRun, that would be).'),
    updated: z.int().min(0).describe('Rows that matched an existing record and were applied to it (unchanged ones included).'),
    failed: z.array(rowFailureSchema).describe('Rows not imported, one entry per field problem, in row order.'),
  })
  .meta({ id: 'ImportReport' });

export type RowFailure = z.output<typeof rowFailureSchema>;
export type ImportReport = z.output<typeof importReportSchema>;

export function failure(row: number, field: string, message: string): RowFailure {
  return { row, field, message };
}

/** Row order, then the order the problems were found in (sort is stable). */
export function sortFailures(failures: RowFailure[]): RowFailure[] {
  return [...failures].sort((a, b) => a.row - b.row);
}

/** The problem-details form of failures: `rows.<row>.<field>`, or `rows.<row>` for a whole-row problem. */
export function failuresToProblems(failures: RowFailure[]): FieldProblem[] {
  return failures.map((f) => ({ path: f.field === '' ? `rows.${f.row}` : `rows.${f.row}.${f.field}`, message: f.message }));
}

/** Rows that have at least one failure. */
export function failedRows(failures: RowFailure[]): Set<number> {
  return new Set(failures.map((f) => f.row));
}
