/**
 * Validates each row with the API's own request schema, so an imported record obeys exactly the rules of one
 * created through the API (NFC and trimming, credit-code check characters, GB/T 4754 codes). Schema issues become
 * row failures named by API field path, worded as the API words them (same parse options, same "is required").
 */
import type { z } from 'zod';
import { isMissing, PARSE_OPTIONS } from '../../http/validate.js';
import { failure, type RowFailure } from './report.js';
import type { SourceRow } from './source.js';

export interface ValidRow<T> {
  row: number;
  data: T;
}

export interface ValidatedRows<T> {
  valid: ValidRow<T>[];
  failures: RowFailure[];
}

export function validateRows<S extends z.ZodType>(rows: readonly SourceRow[], schema: S): ValidatedRows<z.output<S>> {
  const valid: ValidRow<z.output<S>>[] = [];
  const failures: RowFailure[] = [];
  for (const source of rows) {
    const result = schema.safeParse(source.value, PARSE_OPTIONS);
    const rowFailures = [...source.failures];
    if (!result.success) rowFailures.push(...issuesToFailures(source.row, result.error.issues, source.unconverted));
    if (rowFailures.length === 0 && result.success) valid.push({ row: source.row, data: result.data });
    else failures.push(...rowFailures);
  }
  return { valid, failures };
}

export function issuesToFailures(row: number, issues: readonly z.core.$ZodIssue[], unconverted: readonly string[] = []): RowFailure[] {
  const out: RowFailure[] = [];
  for (const issue of issues) {
    const field = issue.path.map(String).join('.');
    // The converter already reported a cell it could not read; the schema then only sees the field missing.
    if (unconverted.some((u) => field === u || field.startsWith(`${u}.`))) continue;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push(failure(row, field === '' ? key : `${field}.${key}`, 'unknown field'));
    } else if (isMissing(issue)) {
      out.push(failure(row, field, 'is required'));
    } else if (field === '' && issue.code === 'invalid_type') {
      out.push(failure(row, '', 'must be an object with the fields of one record'));
    } else {
      out.push(failure(row, field, issue.message));
    }
  }
  return out;
}
