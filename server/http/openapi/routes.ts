/** GET /openapi.json (public): the document of every mounted operation, generated from the route list. */
import { z } from 'zod';
import { route, type AnyRoute } from '../route.js';
import { buildOpenApiDocument, type OpenApiDocument } from './document.js';
import { FOUNDATION_OPERATIONS } from './foundation.js';

const documentSchema = z
  .looseObject({
    openapi: z.literal('3.1.0'),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'OpenApiDocument', description: 'An OpenAPI 3.1 document.' });

/**
 * `routes` is read on the first request, when the list (which includes this route) is complete; the document is
 * built once, since routes do not change while the process runs.
 */
export function openApiRoutes(routes: () => readonly AnyRoute[], version: string): AnyRoute[] {
  let document: OpenApiDocument | undefined;
  return [
    route({
      method: 'get',
      path: '/openapi.json',
      operationId: 'getOpenApiDocument',
      summary: 'This API as an OpenAPI 3.1 document',
      description: 'Generated from the schemas that validate the requests. The reference page at /api/docs renders it.',
      tags: ['system'],
      access: 'public',
      responses: { 200: { description: 'The document.', body: documentSchema } },
      handler: (_input, _req, res) => {
        document ??= buildOpenApiDocument([...FOUNDATION_OPERATIONS, ...routes()], version);
        res.json(document);
      },
    }),
  ];
}
