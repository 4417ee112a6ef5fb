/** HTTP routes for /companies: profiles (bureau-curated, self-edited by company keys) and their audit history. */
import { z } from 'zod';
import { principalOf } from '../../http/auth.js';
import { route, type AnyRoute } from '../../http/route.js';
import { cursorParam, limitParam, textParam } from '../audit/listing.js';
import { auditPageSchema } from '../audit/views.js';
import { industryCode } from '../industries/codes.js';
import type { Services } from '../services.js';
import { objectId } from '../text.js';
import { BUREAU_ROLES, COMPANY_ROUTE_ROLES } from './access.js';
import { expectedVersionOf, sendVersioned } from './etag.js';
import { companyCreateSchema, companyPatchSchema } from './schemas.js';
import { companyPageSchema, companyViewSchema } from './views.js';

const TAGS = ['companies'];
const idParams = z.strictObject({ id: objectId });

const listQuery = z.strictObject({
  q: textParam.describe('Case-insensitive substring of the name or description.'),
  industry: industryCode.optional().describe('GB/T 4754-2017 code; also matches companies in its sub-industries.'),
  park: z.string().max(60, 'must be at most 60 characters').optional(),
  cursor: cursorParam,
  limit: limitParam,
});

const historyQuery = z.strictObject({ cursor: cursorParam, limit: limitParam });


const common = {
  400: { description: 'A parameter or field is missing or not valid (problem+json with `errors[].path`).' },
  401: { description: 'No valid token or API key.' },
  403: { description: 'The caller may not do this.' },
};

export function companyRoutes(services: Services): AnyRoute[] {
  const { companies } = services;
  return [
    route({
      method: 'post',
      path: '/companies',
      operationId: 'createCompany',
      summary: 'Register a company',
      tags: TAGS,
      access: [...BUREAU_ROLES],
      body: companyCreateSchema,
      responses: {
        201: { description: 'Registered; `Location` names it and `ETag` carries its version.', body: companyViewSchema },
        ...common,
        409: { description: 'Another company has the same credit code.' },
      },
      handler: async ({ body }, req, res) => {
        const view = await companies.create(principalOf(res), body);
        res.location(`${req.baseUrl}/companies/${view.id}`);
        sendVersioned(res, 201, view);
      },
    }),
    route({
      method: 'get',
      path: '/companies',
      operationId: 'listCompanies',
      summary: 'List companies',
      description: 'Public profiles in registration order; contacts are included only for the bureau and for the caller’s own company.',
      tags: TAGS,
      access: [...COMPANY_ROUTE_ROLES],
      query: listQuery,
      responses: { 200: { description: 'One page.', body: companyPageSchema }, ...common },
      handler: async ({ query }, _req, res) => {
        res.json(await companies.list(principalOf(res), query));
      },
    }),
    route({
      method: 'get',
      path: '/companies/:id',
      operationId: 'getCompany',
      summary: 'Read a company',
      tags: TAGS,
      access: [...COMPANY_ROUTE_ROLES],
      params: idParams,
      responses: {
        200: { description: 'The company; `ETag` carries its version.', body: companyViewSchema },
        ...common,
        404: { description: 'No such company.' },
      },
      handler: async ({ params }, _req, res) => {
        sendVersioned(res, 200, await companies.get(principalOf(res), params.id));
      },
    }),
    route({
      method: 'patch',
      path: '/companies/:id',
      operationId: 'updateCompany',
      summary: 'Change a company profile',
      description: 'The bureau, or the company itself (which may not set `verified`). Send `If-Match: "<version>"` to update only the version you read.',
      tags: TAGS,
      access: [...COMPANY_ROUTE_ROLES],
      params: idParams,
      body: companyPatchSchema,
      responses: {
        200: { description: 'The updated company; `ETag` carries its new version.', body: companyViewSchema },
        ...common,
        404: { description: 'No such company.' },
        409: { description: 'Another company has the same credit code, or a concurrent change won.' },
        412: { description: 'If-Match does not name the current version.' },
      },
      handler: async ({ params, body }, req, res) => {
        const view = await companies.update(principalOf(res), params.id, body, expectedVersionOf(req));
        sendVersioned(res, 200, view);
      },
    }),
    route({
      method: 'delete',
      path: '/companies/:id',
      operationId: 'deleteCompany',
      summary: 'Delete a company and its postings',
      tags: TAGS,
      access: [...BUREAU_ROLES],
      params: idParams,
      responses: { 204: { description: 'Deleted, with its postings.' }, ...common, 404: { description: 'No such company.' } },
      handler: async ({ params }, _req, res) => {
        await companies.remove(principalOf(res), params.id);
        res.status(204).end();
      },
    }),
    route({
      method: 'get',
      path: '/companies/:id/history',
      operationId: 'getCompanyHistory',
      summary: 'Audit history of a company and its postings',
      description: 'Oldest first. The bureau reads any company’s; a company key only its own.',
      tags: TAGS,
      access: [...COMPANY_ROUTE_ROLES],
      params: idParams,
      query: historyQuery,
      responses: { 200: { description: 'One page of audit entries.', body: auditPageSchema }, ...common, 404: { description: 'No such company.' } },
      handler: async ({ params, query }, _req, res) => {
        res.json(await companies.history(principalOf(res), params.id, query));
      },
    }),
  ];
}
