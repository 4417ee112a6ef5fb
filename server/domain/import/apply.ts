/**
 * Carries out an import plan in the chosen mode.
 *
 * atomic — any failure (of any row, or of the header) rejects the file and nothing is written. Otherwise all new
 *   records go in through one all-or-nothing `createMany`, then the matched records are updated one by one
 *   through the service (each update is its own write with its own audit entry). Validation and matching ran
 *   beforehand, so an update fails only when someone changed or deleted the record meanwhile; such a row is
 *   reported and the rest still apply.
 * rows — failed rows are reported and every other row is written: new records in one `createMany`; should that
 *   batch be refused (a record registered concurrently), each new record is retried alone so only the offending
 *   rows fail.
 * dryRun — the same checks and matching, and the counts the import would give, without writing anything.
 *
 * Errors of a dependency (store down: 5xx) are never turned into row failures; they fail the request.
 */
import { toProblem } from '../../http/errors.js';
import { failure, sortFailures, type ImportReport, type RowFailure } from './report.js';

export type ImportMode = 'atomic' | 'rows';

export interface ImportOptions {
  mode: ImportMode;
  dryRun: boolean;
}

export interface PlannedCreate<C> {
  row: number;
  input: C;
}

export interface PlannedUpdate<P> {
  row: number;
  id: string;
  patch: P;
}

export interface ImportPlan<C, P> {
  creates: PlannedCreate<C>[];
  updates: PlannedUpdate<P>[];
  failures: RowFailure[];
}

/** The writes an import needs from a domain service. */
export interface ImportWriter<C, P> {
  createMany(inputs: C[]): Promise<unknown[]>;
  update(id: string, patch: P): Promise<unknown>;
}

export interface ImportResult {
  report: ImportReport;
  /** True when an atomic import was refused: the caller answers 400 with the report. */
  rejected: boolean;
}

export async function applyPlan<C, P>(plan: ImportPlan<C, P>, options: ImportOptions, writer: ImportWriter<C, P>): Promise<ImportResult> {
  const failures = [...plan.failures];
  if (options.mode === 'atomic' && failures.length > 0) {
    return { report: { created: 0, updated: 0, failed: sortFailures(failures) }, rejected: true };
  }
  if (options.dryRun) {
    return { report: { created: plan.creates.length, updated: plan.updates.length, failed: sortFailures(failures) }, rejected: false };
  }

  let created: number;
  if (options.mode === 'atomic') {
    created = (await writer.createMany(plan.creates.map((c) => c.input))).length;
  } else {
    created = await createRowByRowOnRefusal(plan.creates, writer, failures);
  }
  let updated = 0;
  for (const u of plan.updates) {
    try {
      await writer.update(u.id, u.patch);
      updated++;
    } catch (error) {
      failures.push(...rowFailuresOf(u.row, error));
    }
  }
  return { report: { created, updated, failed: sortFailures(failures) }, rejected: false };
}

async function createRowByRowOnRefusal<C, P>(creates: PlannedCreate<C>[], writer: ImportWriter<C, P>, failures: RowFailure[]): Promise<number> {
  if (creates.length === 0) return 0;
  try {
    return (await writer.createMany(creates.map((c) => c.input))).length;
  } catch (error) {
    rowFailuresOf(0, error); // rethrows what is not a row's fault
  }
  let created = 0;
  for (const c of creates) {
    try {
      created += (await writer.createMany([c.input])).length;
    } catch (error) {
      failures.push(...rowFailuresOf(c.row, error));
    }
  }
  return created;
}

/**
 * The failures of one row from an error a service threw for it. Field paths of the single-record API
 * (`body.creditCode`) and of createMany (`0.companyId`) become plain field names. 5xx errors are rethrown.
 */
export function rowFailuresOf(row: number, error: unknown): RowFailure[] {
  const problem = toProblem(error, true);
  if (problem.status >= 500) throw error;
  if (!problem.errors || problem.errors.length === 0) return [failure(row, '', problem.detail)];
  return problem.errors.map((e) => failure(row, e.path.replace(/^body\.?/, '').replace(/^\d+\./, ''), e.message));
}
