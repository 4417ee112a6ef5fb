/**
 * One request-validation wrapper: params, query and body are parsed with zod schemas before the handler runs,
 * and any failure becomes a 400 problem whose `errors` name each field path (`body.contacts.0.email`).
 * Strict object schemas reject unknown fields, which is what stops mass assignment.
 *
 * Messages are English sentences in one voice (./issue-messages.ts words zod's built-in issues like the schemas'
 * own messages); `sendProblem` translates them for the reader's language from the catalogue in ./messages.ts.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { issueErrorMap } from './issue-messages.js';
import { HttpProblem, type FieldProblem } from './problem.js';

export interface RequestSchemas<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  params?: P;
  query?: Q;
  body?: B;
}

export interface Validated<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

/**
 * Parse options: our wording for zod's built-in issues, and the input kept on each issue so that a missing field
 * reads "is required" even where the schema words a wrong value its own way (`must be "need" or "capability"`).
 */
export const PARSE_OPTIONS = { error: issueErrorMap, reportInput: true } as const;

const CODES_OF_A_MISSING_VALUE = new Set(['invalid_type', 'invalid_value', 'invalid_union']);

/** True for an issue about a value that is absent (which reads "is required" whatever the schema's own wording). */
export function isMissing(issue: z.core.$ZodIssue): boolean {
  return CODES_OF_A_MISSING_VALUE.has(issue.code) && 'input' in issue && issue.input === undefined;
}

/** One `{ path, message }` per problem, the path starting with the request part (`body.contacts.0.email`). */
export function issuesToProblems(part: string, issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  return issues.flatMap((issue) => {
    const base = [part, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...base, key].join('.'), message: 'unknown field' }));
    }
    return [{ path: base.join('.'), message: isMissing(issue) ? 'is required' : issue.message }];
  });
}

/**
 * Wraps an async handler: validates the request parts it declares, then calls it with the parsed values.
 * Errors it throws reach the problem-details error handler.
 */
export function handle<P extends z.ZodType = z.ZodUnknown, Q extends z.ZodType = z.ZodUnknown, B extends z.ZodType = z.ZodUnknown>(
  schemas: RequestSchemas<P, Q, B>,
  handler: (input: Validated<z.output<P>, z.output<Q>, z.output<B>>, req: Request, res: Response) => Promise<void> | void,
): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const problems: FieldProblem[] = [];
      const parse = (part: 'params' | 'query' | 'body', schema: z.ZodType | undefined, value: unknown): unknown => {
        if (!schema) return value;
        const result = schema.safeParse(value, PARSE_OPTIONS);
        if (result.success) return result.data;
        problems.push(...issuesToProblems(part, result.error.issues));
        return undefined;
      };
      const input = {
        params: parse('params', schemas.params, req.params),
        query: parse('query', schemas.query, req.query),
        body: parse('body', schemas.body, req.body),
      };
      if (problems.length > 0) throw new HttpProblem('validation', 'Some fields are missing or not valid.', problems);
      await handler(input as Validated<z.output<P>, z.output<Q>, z.output<B>>, req, res);
    } catch (error) {
      next(error);
    }
  };
}
