/**
 * One declared route → one OpenAPI operation: express path → OpenAPI path, params/query objects → parameters,
 * JSON or raw body → requestBody, declared responses plus the problems the route implies, bearer security and
 * the roles allowed (`x-roles`).
 */
import type { Role } from '../auth.js';
import type { RouteSpec } from '../route.js';
import { COMPONENT_REF, type JsonSchema, type SchemaComponents } from './json-schema.js';
import { impliedProblemStatuses, PROBLEM_MEDIA_TYPE, STANDARD_PROBLEMS } from './problems.js';

/**
 * What the document needs of a route: everything but its handler. `rateLimited: false` marks an operation the
 * rate limits skip (health, for load balancers), so no 429 is listed for it.
 */
export type DocumentedRoute = Omit<RouteSpec, 'handler'> & { rateLimited?: false };

export type JsonObject = Record<string, unknown>;

const PARAM = /:([A-Za-z_][A-Za-z0-9_]*)/g;

/** `/companies/:id/api-keys/:keyId` → `/companies/{id}/api-keys/{keyId}`. */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(PARAM, '{$1}');
}

function pathParamNames(expressPath: string): string[] {
  return [...expressPath.matchAll(PARAM)].map((m) => m[1] ?? '');
}

function parametersOf(json: JsonSchema, location: 'path' | 'query', components: SchemaComponents): JsonObject[] {
  const object = components.resolve(json);
  const required = new Set(Array.isArray(object.required) ? object.required : []);
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...schema } = typeof property === 'object' ? property : {};
    return {
      name,
      in: location,
      required: location === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema,
    };
  });
}

function parameters(spec: DocumentedRoute, components: SchemaComponents): JsonObject[] {
  const path = spec.params ? parametersOf(components.convert(spec.params, 'input'), 'path', components) : [];
  // A path segment the params schema does not describe is still a parameter of the path.
  for (const name of pathParamNames(spec.path)) {
    if (!path.some((p) => p.name === name)) path.push({ name, in: 'path', required: true, schema: { type: 'string' } });
  }
  const query = spec.query ? parametersOf(components.convert(spec.query, 'input'), 'query', components) : [];
  return [...path, ...query, { $ref: '#/components/parameters/AcceptLanguage' }];
}

function isJsonMediaType(type: string): boolean {
  return type === 'application/json' || type.endsWith('+json');
}

function requestBody(spec: DocumentedRoute, components: SchemaComponents): JsonObject | undefined {
  if (spec.rawBody) {
    const content: JsonObject = {};
    for (const type of spec.rawBody.contentTypes) {
      const schema: JsonSchema =
        spec.body && isJsonMediaType(type)
          ? components.convert(spec.body, 'input')
          : type.startsWith('text/')
            ? { type: 'string' }
            : { type: 'string', contentMediaType: type };
      content[type] = { schema };
    }
    return { description: `${spec.rawBody.description} At most ${spec.rawBody.limit}.`, required: true, content };
  }
  if (!spec.body) return undefined;
  return {
    // A body schema that accepts `undefined` (`.optional()`) makes the body itself optional.
    required: spec.body._zod.optin !== 'optional',
    content: { 'application/json': { schema: components.convert(spec.body, 'input') } },
  };
}

/** Declared responses plus the implied problem responses, by status. Converts output schemas only. */
export function responses(spec: DocumentedRoute, components: SchemaComponents): JsonObject {
  const out: Record<string, JsonObject> = {};
  for (const [status, response] of Object.entries(spec.responses)) {
    const type = response.contentType ?? 'application/json';
    if (response.body) out[status] = { description: response.description, content: { [type]: { schema: components.convert(response.body, 'output') } } };
    else if (response.contentType) out[status] = { description: response.description, content: { [type]: { schema: { type: 'string' } } } };
    else if (Number(status) >= 400) out[status] = { description: response.description, content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: `${COMPONENT_REF}Problem` } } } };
    else out[status] = { description: response.description };
  }
  for (const status of impliedProblemStatuses(spec)) {
    const standard = STANDARD_PROBLEMS[status];
    if (standard && out[status] === undefined) out[status] = { $ref: `#/components/responses/${standard.name}` };
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => Number(a) - Number(b)));
}

function accessText(access: DocumentedRoute['access']): string {
  if (access === 'public') return 'Public: no credentials needed.';
  if (access === 'authenticated') return 'Any valid bearer token or API key.';
  return `Roles: ${access.join(', ')}.`;
}

/** The operation object; `responseObject` comes from `responses()` (run for every route before any request part). */
export function operation(spec: DocumentedRoute, components: SchemaComponents, responseObject: JsonObject): JsonObject {
  const body = requestBody(spec, components);
  const roles: Role[] | undefined = Array.isArray(spec.access) ? spec.access : undefined;
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    description: [spec.description, `**Access.** ${accessText(spec.access)}`].filter(Boolean).join('\n\n'),
    tags: spec.tags,
    parameters: parameters(spec, components),
    ...(body ? { requestBody: body } : {}),
    responses: responseObject,
    security: spec.access === 'public' ? [] : [{ bearer: [] }],
    ...(roles ? { 'x-roles': roles } : {}),
  };
}
