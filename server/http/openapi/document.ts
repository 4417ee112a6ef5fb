/**
 * The OpenAPI 3.1 document of /api/v1, generated from the declared routes (the same objects that mount the
 * express handlers and carry the zod schemas that validate each request).
 */
import { SchemaComponents, type JsonSchema } from './json-schema.js';
import { openApiPath, operation, responses, type DocumentedRoute, type JsonObject } from './operation.js';
import { PROBLEM_MEDIA_TYPE, problemSchema, STANDARD_PROBLEMS } from './problems.js';

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string; description?: string }[];
  tags: { name: string }[];
  paths: Record<string, Record<string, JsonObject>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, JsonObject>;
    parameters: Record<string, JsonObject>;
    securitySchemes: Record<string, JsonObject>;
  };
}

const DESCRIPTION = [
  'Supply–demand matchmaking for the enterprises of a development zone (供需对接).',
  '',
  '**Authentication.** Every operation except the public ones needs `Authorization: Bearer <token>`: a bureau staff token, ' +
    'the administrator token or a company API key. `x-roles` lists the roles an operation allows.',
  '',
  '**Errors** are RFC 9457 `application/problem+json` documents (`type`, `title`, `status`, `detail`), with ' +
    '`errors: [{path, message}]` naming each field that is missing or not valid.',
  '',
  '**Language.** Titles and messages are in Chinese unless `Accept-Language` prefers English (`Accept-Language: en`).',
].join('\n');

function assertUnique(routes: readonly DocumentedRoute[]): void {
  const ids = new Set<string>();
  const operations = new Set<string>();
  for (const spec of routes) {
    const key = `${spec.method.toUpperCase()} ${openApiPath(spec.path)}`;
    if (ids.has(spec.operationId)) throw new Error(`operationId ${spec.operationId} is used twice`);
    if (operations.has(key)) throw new Error(`${key} is declared twice`);
    ids.add(spec.operationId);
    operations.add(key);
  }
}

function problemResponses(): Record<string, JsonObject> {
  const out: Record<string, JsonObject> = {};
  for (const { name, description, example } of Object.values(STANDARD_PROBLEMS)) {
    const media: JsonObject = { schema: { $ref: '#/components/schemas/Problem' }, ...(example ? { example } : {}) };
    out[name] = { description, content: { [PROBLEM_MEDIA_TYPE]: media } };
  }
  return out;
}

export function buildOpenApiDocument(routes: readonly DocumentedRoute[], version: string): OpenApiDocument {
  assertUnique(routes);
  const components = new SchemaComponents();
  components.convert(problemSchema, 'output');
  // Every response first: see SchemaComponents.convert on why outputs claim component names before inputs.
  const responseObjects = routes.map((spec) => responses(spec, components));
  const paths: OpenApiDocument['paths'] = {};
  routes.forEach((spec, index) => {
    const item = (paths[openApiPath(spec.path)] ??= {});
    item[spec.method] = operation(spec, components, responseObjects[index] ?? {});
  });
  const tags = [...new Set(routes.flatMap((spec) => spec.tags))].map((name) => ({ name }));
  return {
    openapi: '3.1.0',
    info: { title: 'zonematch', version, description: DESCRIPTION },
    servers: [{ url: '/api/v1' }],
    tags,
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      schemas: Object.fromEntries(Object.entries(components.schemas).sort(([a], [b]) => a.localeCompare(b))),
      responses: problemResponses(),
      parameters: {
        AcceptLanguage: {
          name: 'Accept-Language',
          in: 'header',
          required: false,
          description: 'Language of problem titles and messages: Chinese (default) or English (`en`).',
          schema: { type: 'string', examples: ['zh-CN', 'en'] },
        },
      },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A bureau staff token, the administrator token or a company API key.' },
      },
    },
  };
}
