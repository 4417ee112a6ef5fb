/**
 * The two operations the app mounts itself rather than through the route list (../../app.ts): `GET /health`
 * (../health.ts) and `GET /me`. They are described here so the document covers every mounted operation;
 * test/server/openapi.test.ts parses real answers of both with these schemas, so the description cannot drift.
 */
import { z } from 'zod';
import type { Role } from '../auth.js';
import type { DocumentedRoute } from './operation.js';

const ROLES = ['admin', 'staff', 'company', 'participant'] as const satisfies readonly Role[];
// Fails to compile when a role is added to auth.ts but not here.
const _everyRole: Exclude<Role, (typeof ROLES)[number]> extends never ? true : never = true;

export const dependencyStatusSchema = z
  .object({
    adapter: z.string().describe('e.g. `embedded-sqlite`, `mongodb`, `meilisearch`, `bullmq`.'),
    reachable: z.boolean(),
    detail: z.string().optional().describe('Why it is not reachable.'),
  })
  .meta({ id: 'DependencyStatus' });

export const healthSchema = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    version: z.string(),
    store: dependencyStatusSchema,
    search: dependencyStatusSchema,
    queue: dependencyStatusSchema,
  })
  .meta({ id: 'Health' });

export const principalSchema = z
  .object({
    role: z.enum(ROLES),
    id: z.string().describe('The acting user or key, as recorded in audit logs.'),
    companyId: z.string().optional().describe('For a company API key: the company it acts for.'),
  })
  .meta({ id: 'Principal' });

export const FOUNDATION_OPERATIONS: readonly DocumentedRoute[] = [
  {
    method: 'get',
    path: '/health',
    operationId: 'getHealth',
    summary: 'Health of the service and its dependencies',
    description: 'For load balancers and operators: each dependency names its adapter and whether it answers. Not rate limited.',
    tags: ['system'],
    access: 'public',
    rateLimited: false,
    responses: {
      200: { description: 'Every dependency answers.', body: healthSchema },
      503: { description: 'A dependency does not answer; the body says which.', body: healthSchema },
    },
  },
  {
    method: 'get',
    path: '/me',
    operationId: 'getMe',
    summary: 'Who the credentials belong to',
    tags: ['system'],
    access: 'authenticated',
    responses: { 200: { description: 'The principal the token or API key stands for.', body: principalSchema } },
  },
];
