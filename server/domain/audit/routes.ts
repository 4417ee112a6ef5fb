/** HTTP routes for /audit (bureau only): every recorded change to companies and postings. */
import { z } from 'zod';
import { route, type AnyRoute } from '../../http/route.js';
import { BUREAU_ROLES } from '../companies/access.js';
import type { Services } from '../services.js';
import { objectId } from '../text.js';
import { cursorParam, limitParam } from './listing.js';
import { AUDIT_ENTITIES } from './record.js';
import { auditPageSchema } from './views.js';

const auditQuery = z.strictObject({
  entity: z.enum(AUDIT_ENTITIES, 'must be "company" or "posting"').optional(),
  entityId: objectId.optional(),
  actor: z
    .string()
    .max(200, 'must be at most 200 characters')
    .optional()
    .describe('Id of the acting user, API key, `admin` (the bootstrap token) or `system` (scheduled jobs).'),
  cursor: cursorParam,
  limit: limitParam,
});

export function auditRoutes(services: Services): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/audit',
      operationId: 'listAuditEntries',
      summary: 'Read the audit log',
      description: 'Changes to companies and postings, oldest first: who, when, what, and each changed field before and after.',
      tags: ['audit'],
      access: [...BUREAU_ROLES],
      query: auditQuery,
      responses: {
        200: { description: 'One page of audit entries.', body: auditPageSchema },
        400: { description: 'A parameter is not valid.' },
        401: { description: 'No valid token or API key.' },
        403: { description: 'Only the bureau reads the audit log.' },
      },
      handler: async ({ query }, _req, res) => {
        res.json(await services.audit.list(query));
      },
    }),
  ];
}
