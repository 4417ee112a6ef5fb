/**
 * HTTP routes for /users (staff accounts, administrators only) and /companies/:id/api-keys (the bureau manages
 * every company's keys; a company's own key may list and revoke that company's keys, never another's).
 */
import type { Response } from 'express';
import { principalOf, type Principal } from '../../http/auth.js';
import { HttpProblem } from '../../http/problem.js';
import { route, type AnyRoute } from '../../http/route.js';
import type { Services } from '../services.js';
import {
  apiKeyCreateSchema,
  apiKeyCreatedSchema,
  apiKeyListSchema,
  idParamsSchema,
  keyParamsSchema,
  pageQuerySchema,
  userCreateSchema,
  userPageSchema,
  userSchema,
  userWithTokenSchema,
} from './schemas.js';

const USERS_TAG = ['users'];
const KEYS_TAG = ['api-keys'];

/** Object-level check for company keys: a key acts for its own company only. */
function actingFor(res: Response, companyId: string): Principal {
  const principal = principalOf(res);
  if (principal.role === 'company' && principal.companyId !== companyId) {
    throw new HttpProblem('forbidden', 'An API key acts only for its own company.');
  }
  return principal;
}

export function userRoutes(services: Services): AnyRoute[] {
  const { users, apiKeys } = services;
  return [
    route({
      method: 'post',
      path: '/users',
      operationId: 'createUser',
      summary: 'Create a staff account and its bearer token (shown once)',
      tags: USERS_TAG,
      access: ['admin'],
      body: userCreateSchema,
      responses: {
        201: { description: 'The account with its token; the token is not stored and cannot be shown again', body: userWithTokenSchema },
        403: { description: 'Only administrators manage accounts' },
      },
      handler: async ({ body }, _req, res) => {
        const created = await users.create(body, principalOf(res));
        res.status(201).location(`/api/v1/users/${created.id}`).json(created);
      },
    }),
    route({
      method: 'get',
      path: '/users',
      operationId: 'listUsers',
      summary: 'List staff accounts (without tokens)',
      tags: USERS_TAG,
      access: ['admin'],
      query: pageQuerySchema,
      responses: { 200: { description: 'One page of accounts in creation order', body: userPageSchema } },
      handler: async ({ query }, _req, res) => {
        res.json(await users.list(query));
      },
    }),
    route({
      method: 'get',
      path: '/users/:id',
      operationId: 'getUser',
      summary: 'Read a staff account (without its token)',
      tags: USERS_TAG,
      access: ['admin'],
      params: idParamsSchema,
      responses: { 200: { description: 'The account', body: userSchema }, 404: { description: 'No such account' } },
      handler: async ({ params }, _req, res) => {
        res.json(await users.get(params.id));
      },
    }),
    route({
      method: 'delete',
      path: '/users/:id',
      operationId: 'disableUser',
      summary: 'Disable a staff account; its token stops working at once',
      tags: USERS_TAG,
      access: ['admin'],
      params: idParamsSchema,
      responses: { 204: { description: 'Disabled (also when it already was)' }, 404: { description: 'No such account' } },
      handler: async ({ params }, _req, res) => {
        await users.disable(params.id, principalOf(res));
        res.status(204).end();
      },
    }),
    route({
      method: 'post',
      path: '/users/:id/token',
      operationId: 'rotateUserToken',
      summary: 'Replace the token of a staff account (the new one is shown once, the old one stops working)',
      tags: USERS_TAG,
      access: ['admin'],
      params: idParamsSchema,
      responses: {
        200: { description: 'The account with its new token', body: userWithTokenSchema },
        404: { description: 'No such account' },
        409: { description: 'The account is disabled' },
      },
      handler: async ({ params }, _req, res) => {
        res.json(await users.rotateToken(params.id, principalOf(res)));
      },
    }),

    route({
      method: 'post',
      path: '/companies/:id/api-keys',
      operationId: 'createApiKey',
      summary: 'Issue an API key for a company (shown once)',
      tags: KEYS_TAG,
      access: ['admin', 'staff'],
      params: idParamsSchema,
      body: apiKeyCreateSchema,
      responses: {
        201: { description: 'The key; it is not stored and cannot be shown again', body: apiKeyCreatedSchema },
        404: { description: 'No such company' },
        409: { description: 'The company already has the maximum number of active keys' },
      },
      handler: async ({ params, body }, _req, res) => {
        const created = await apiKeys.create(params.id, body?.label, principalOf(res));
        res.status(201).json(created);
      },
    }),
    route({
      method: 'get',
      path: '/companies/:id/api-keys',
      operationId: 'listApiKeys',
      summary: "List a company's active API keys (without the keys)",
      tags: KEYS_TAG,
      access: ['admin', 'staff', 'company'],
      params: idParamsSchema,
      responses: {
        200: { description: 'Active keys, oldest first', body: apiKeyListSchema },
        403: { description: "Another company's keys" },
        404: { description: 'No such company' },
      },
      handler: async ({ params }, _req, res) => {
        actingFor(res, params.id);
        res.json({ items: await apiKeys.list(params.id) });
      },
    }),
    route({
      method: 'delete',
      path: '/companies/:id/api-keys/:keyId',
      operationId: 'revokeApiKey',
      summary: 'Revoke an API key; it stops working at once',
      tags: KEYS_TAG,
      access: ['admin', 'staff', 'company'],
      params: keyParamsSchema,
      responses: {
        204: { description: 'Revoked' },
        403: { description: "Another company's key" },
        404: { description: 'No such company or no such active key' },
      },
      handler: async ({ params }, _req, res) => {
        await apiKeys.revoke(params.id, params.keyId, actingFor(res, params.id));
        res.status(204).end();
      },
    }),
  ];
}
