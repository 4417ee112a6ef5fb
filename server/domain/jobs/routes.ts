/** Progress of background jobs the bureau started (schedule runs): GET /jobs/{jobId}. */
import { z } from 'zod';
import { route, type AnyRoute } from '../../http/route.js';
import { HttpProblem } from '../../http/problem.js';
import { BUREAU_ROLES } from '../companies/access.js';
import type { Services } from '../services.js';

/** Jobs the API reports on; other jobs (index syncs, reminders) are internal. */
const VISIBLE_JOBS: ReadonlySet<string> = new Set(['sessions.schedule']);

const jobViewSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    state: z.enum(['waiting', 'delayed', 'active', 'completed', 'failed']),
    progress: z.union([z.number(), z.record(z.string(), z.unknown())]).describe('For schedule runs: `{ phase, fraction }`.'),
    attemptsMade: z.int(),
    result: z.unknown().optional().describe('For schedule runs: value, upperBound, scheduled, idleGaps, milliseconds.'),
    failedReason: z.string().optional(),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().optional(),
  })
  .meta({ id: 'Job' });

export function jobRoutes(services: Services): AnyRoute[] {
  const { queue } = services.deps;
  return [
    route({
      method: 'get',
      path: '/jobs/:jobId',
      operationId: 'getJob',
      summary: 'State and progress of a job',
      tags: ['jobs'],
      access: [...BUREAU_ROLES],
      params: z.strictObject({ jobId: z.string().min(1).max(200, 'must be at most 200 characters').regex(/^[A-Za-z0-9._-]+$/, 'is not a job id') }),
      responses: {
        200: { description: 'The job.', body: jobViewSchema },
        400: { description: 'Not a job id.' },
        401: { description: 'No valid token.' },
        403: { description: 'Only the bureau reads jobs.' },
        404: { description: 'No such job (completed jobs are kept for a while, then dropped).' },
      },
      handler: async ({ params }, _req, res) => {
        const job = await queue.getJob(params.jobId);
        if (!job || !VISIBLE_JOBS.has(job.name)) throw new HttpProblem('not-found', `No job ${params.jobId}.`);
        res.json({
          id: job.id,
          name: job.name,
          state: job.state,
          progress: job.progress,
          attemptsMade: job.attemptsMade,
          ...(job.result !== undefined && job.result !== null ? { result: job.result } : {}),
          ...(job.failedReason ? { failedReason: job.failedReason } : {}),
          createdAt: job.createdAt.toISOString(),
          ...(job.finishedAt ? { finishedAt: job.finishedAt.toISOString() } : {}),
        });
      },
    }),
  ];
}
