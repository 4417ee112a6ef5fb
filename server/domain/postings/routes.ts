/** HTTP routes for /postings: needs and capabilities of the zone's companies. */
import { z } from 'zod';
import { principalOf } from '../../http/auth.js';
import { route, type AnyRoute } from '../../http/route.js';
import { cursorParam, limitParam, textParam } from '../audit/listing.js';
import { COMPANY_ROUTE_ROLES } from '../companies/access.js';
import { expectedVersionOf, sendVersioned } from '../companies/etag.js';
import { industryCode } from '../industries/codes.js';
import type { Services } from '../services.js';
import { objectId } from '../text.js';
import { POSTING_KINDS, POSTING_STATUSES, postingCreateSchema, postingPatchSchema } from './schemas.js';
import { postingPageSchema, postingViewSchema } from './views.js';

const TAGS = ['postings'];
const idParams = z.strictObject({ id: objectId });

const listQuery = z.strictObject({
  kind: z.enum(POSTING_KINDS, 'must be "need" or "capability"').optional(),
  industry: industryCode.optional().describe('GB/T 4754-2017 code; also matches postings in its sub-industries.'),
  status: z.enum(POSTING_STATUSES, 'must be open, paused, fulfilled or expired').optional(),
  companyId: objectId.optional(),
  q: textParam.describe('Case-insensitive substring of the title, description or a tag.'),
  cursor: cursorParam,
  limit: limitParam,
});

const common = {
  400: { description: 'A parameter or field is missing or not valid (problem+json with `errors[].path`).' },
  401: { description: 'No valid token or API key.' },
  403: { description: 'The caller may not do this.' },
};

export function postingRoutes(services: Services): AnyRoute[] {
  const { postings } = services;
  return [
    route({
      method: 'post',
      path: '/postings',
      operationId: 'createPosting',
      summary: 'Publish a need or capability',
      description: 'A company key posts for its own company (`companyId` may be omitted); the bureau must name `companyId`.',
      tags: TAGS,
      access: [...COMPANY_ROUTE_ROLES],
      body: postingCreateSchema,
      responses: { 201: { description: 'Published (status "open"); `ETag` carries its version.', body: postingViewSchema }, ...common },
      handler: async ({ body }, req, res) => {
        const view = await postings.create(principalOf(res), body);
        res.location(`${req.baseUrl}/postings/${view.id}`);
        sendVersioned(res, 201, view);
      },
    }),
    route({
      method: 'get',
      path: '/postings',
      operationId: 'listPostings',
      summary: 'List postings',
      description: 'In publication order. Company keys see other companies’ open postings and their own in any status.',
      tags: TAGS,
      access: [...COMPANY_ROUTE_ROLES],
      query: listQuery,
      responses: { 200: { description: 'One page.', body: postingPageSchema }, ...common },
      handler: async ({ query }, _req, res) => {
        res.json(await postings.list(principalOf(res), query));
      },
    }),
    route({
      method: 'get',
      path: '/postings/:id',
      operationId: 'getPosting',
      summary: 'Read a posting',
      tags: TAGS,
      access: [...COMPANY_ROUTE_ROLES],
      params: idParams,
      responses: {
        200: { description: 'The posting; `ETag` carries its version.', body: postingViewSchema },
        ...common,
        404: { description: 'No such posting, or another company’s posting that is not open.' },
      },
      handler: async ({ params }, _req, res) => {
        sendVersioned(res, 200, await postings.get(principalOf(res), params.id));
      },
    }),
    route({
      method: 'patch',
      path: '/postings/:id',
      operationId: 'updatePosting',
      summary: 'Change a posting or its status',
      description:
        'Status: open ⇄ paused and open | paused → fulfilled by the owner or the bureau; fulfilled → open and expired → open (with a future validUntil) by the bureau only. Send `If-Match: "<version>"` to update only the version you read.',
      tags: TAGS,
      access: [...COMPANY_ROUTE_ROLES],
      params: idParams,
      body: postingPatchSchema,
      responses: {
        200: { description: 'The updated posting; `ETag` carries its new version.', body: postingViewSchema },
        ...common,
        404: { description: 'No such posting, or another company’s posting that is not open.' },
        409: { description: 'The status transition is not possible, or a concurrent change won.' },
        412: { description: 'If-Match does not name the current version.' },
      },
      handler: async ({ params, body }, req, res) => {
        sendVersioned(res, 200, await postings.update(principalOf(res), params.id, body, expectedVersionOf(req)));
      },
    }),
    route({
      method: 'delete',
      path: '/postings/:id',
      operationId: 'deletePosting',
      summary: 'Delete a posting',
      tags: TAGS,
      access: [...COMPANY_ROUTE_ROLES],
      params: idParams,
      responses: {
        204: { description: 'Deleted.' },
        ...common,
        404: { description: 'No such posting, or another company’s posting that is not open.' },
      },
      handler: async ({ params }, _req, res) => {
        await postings.remove(principalOf(res), params.id);
        res.status(204).end();
      },
    }),
  ];
}
