/**
 * The problem documents every operation can answer with (RFC 9457, see ../problem.ts), as one shared `Problem`
 * schema and reusable responses. Which of them an operation lists follows from its declaration: 400 when it
 * reads input, 401/403 when it needs credentials, 404 when its path names a record, 413 when it takes a body,
 * 429 unless the rate limits skip it; a status the route describes itself keeps its own description.
 */
import { z } from 'zod';

export const fieldProblemSchema = z
  .object({
    path: z.string().describe('Where the problem is: `body.contacts.0.email`, `query.limit`, `params.id`, `headers.if-match`.'),
    message: z.string().describe('What is wrong, for a person, in the language chosen by Accept-Language.'),
  })
  .meta({ id: 'FieldProblem' });

export const problemSchema = z
  .object({
    type: z.string().describe('`urn:zonematch:problem:<kind>`, e.g. `urn:zonematch:problem:validation`.'),
    title: z.string().describe('Short summary of the kind, in the language chosen by Accept-Language (zh by default).'),
    status: z.int().describe('The HTTP status code.'),
    detail: z.string().describe('This occurrence, for a person.'),
    instance: z.string().describe('The request path.'),
    errors: z.array(fieldProblemSchema).optional().describe('Validation problems, one per field.'),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details, sent as application/problem+json.' });

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

export interface StandardProblem {
  /** Name under components/responses. */
  name: string;
  description: string;
  example?: Record<string, unknown>;
}

export const STANDARD_PROBLEMS: Readonly<Record<number, StandardProblem>> = {
  400: {
    name: 'BadRequest',
    description: 'A parameter or field is missing or not valid; `errors` names each one by path.',
    example: {
      type: 'urn:zonematch:problem:validation',
      title: '请求内容不符合要求',
      status: 400,
      detail: '部分字段缺失或无效。',
      instance: '/api/v1/companies',
      errors: [
        { path: 'body.name', message: '必填字段' },
        { path: 'body.industries.0', message: '不是有效的 GB/T 4754-2017 行业代码（可用 GET /api/v1/industries 查询）' },
      ],
    },
  },
  401: { name: 'Unauthorized', description: 'No bearer token or API key, or one that is not valid.' },
  403: { name: 'Forbidden', description: 'The caller’s role or company may not do this.' },
  404: { name: 'NotFound', description: 'No such record.' },
  409: { name: 'Conflict', description: 'Conflicts with the current state (a unique field taken, a concurrent change).' },
  413: { name: 'PayloadTooLarge', description: 'The body exceeds the size limit.' },
  429: { name: 'TooManyRequests', description: 'Rate limit reached; `Retry-After` says when to try again.' },
};

/** The statuses an operation answers with besides those it declares. */
export function impliedProblemStatuses(spec: { access: unknown; params?: unknown; query?: unknown; body?: unknown; rawBody?: unknown; rateLimited?: false }): number[] {
  const statuses: number[] = [];
  const takesBody = spec.body !== undefined || spec.rawBody !== undefined;
  if (spec.params !== undefined || spec.query !== undefined || takesBody) statuses.push(400);
  if (spec.access !== 'public') statuses.push(401, 403);
  if (spec.params !== undefined) statuses.push(404);
  if (takesBody) statuses.push(413);
  if (spec.rateLimited !== false) statuses.push(429);
  return statuses;
}
