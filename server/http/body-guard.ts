/**
 * Rejects request bodies that carry MongoDB operators or prototype keys anywhere (`{"name": {"$gt": ""}}`,
 * `{"__proto__": …}`). Validation schemas reject unknown fields too, but this guard runs before any route so no
 * body — even one a future route forgets to validate strictly — can smuggle an operator into a query or update.
 */
import type { NextFunction, Request, Response } from 'express';
import { HttpProblem, type FieldProblem } from './problem.js';

// `$` anywhere, so the literal query key `industry[$ne]` (express 5's simple query parser) is caught as well.
const FORBIDDEN_KEY = /\$|^__proto__$|^constructor$|^prototype$/;

/** Finds every forbidden key in a JSON value and returns its dotted path. */
export function findForbiddenKeys(value: unknown, path: string[] = [], found: FieldProblem[] = []): FieldProblem[] {
  if (Array.isArray(value)) {
    value.forEach((item, index) => findForbiddenKeys(item, [...path, String(index)], found));
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const keyPath = [...path, key];
      if (FORBIDDEN_KEY.test(key)) {
        found.push({ path: keyPath.join('.'), message: `field names may not contain "$" or name a prototype ("${key}")` });
      } else {
        findForbiddenKeys((value as Record<string, unknown>)[key], keyPath, found);
      }
    }
  }
  return found;
}

export function rejectOperatorKeys(req: Request, _res: Response, next: NextFunction): void {
  const problems = [...findForbiddenKeys(req.body, ['body']), ...findForbiddenKeys(req.query, ['query'])];
  if (problems.length > 0) {
    next(new HttpProblem('validation', 'The request contains field names that are not allowed.', problems));
    return;
  }
  next();
}
