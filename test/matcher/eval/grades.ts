/**
 * Turns a query's judgements into one grade per company: the segment grade for every company of a graded
 * segment, then the per-company overrides. The requester is never a result, so it never has a grade; companies
 * left at 0 are not in the map.
 */
import type { EvalQuery } from './types.js';

export interface GradedCompany {
  readonly key: string;
  readonly segment: string;
}

export function resolveGrades(query: EvalQuery, companies: readonly GradedCompany[]): Map<string, 1 | 2 | 3> {
  const grades = new Map<string, 1 | 2 | 3>();
  const { segments = {}, companies: overrides = {} } = query.judgements;
  for (const company of companies) {
    const grade = segments[company.segment];
    if (grade !== undefined) grades.set(company.key, grade);
  }
  for (const [key, grade] of Object.entries(overrides)) {
    if (grade === 0) grades.delete(key);
    else grades.set(key, grade);
  }
  grades.delete(query.requester);
  return grades;
}

/** The grade of one company for a query (0 when unrelated). */
export function gradeOf(grades: ReadonlyMap<string, 1 | 2 | 3>, key: string): 0 | 1 | 2 | 3 {
  return grades.get(key) ?? 0;
}
