/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return -- OpenAPI documents and JSON Schemas are walked as plain JSON here; the assertions check their shape. */
import assert from 'node:assert/strict';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Validator } from '@seriousme/openapi-schema-validator';
import { pino } from 'pino';
import { z } from 'zod';
import { createApp } from '../../server/app.js';
import { buildOpenApiDocument, type OpenApiDocument } from '../../server/http/openapi/document.js';
import { docsPages } from '../../server/http/openapi/docs-page.js';
import { healthSchema, principalSchema } from '../../server/http/openapi/foundation.js';
import { route, type AnyRoute } from '../../server/http/route.js';
import { issuesToProblems, PARSE_OPTIONS } from '../../server/http/validate.js';
import { apiRoutes } from '../../server/routes.js';
import { VERSION } from '../../server/version.js';
import { startTestApp, type TestApp } from '../support/app.js';

/** Validates with two independent validators: the official OAS 3.1 JSON Schema, and swagger-parser's checks. */
async function assertValidOpenApi(document: unknown): Promise<void> {
  const result = await new Validator().validate(document as Record<string, unknown>);
  assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
  await SwaggerParser.validate(structuredClone(document) as never);
}

function operationOf(document: OpenApiDocument, method: string, path: string): any {
  const operation = document.paths[path]?.[method];
  assert.ok(operation, `${method.toUpperCase()} ${path} is in the document`);
  return operation;
}

/** A component or inline schema, with a `$ref` followed. */
function deref(document: OpenApiDocument, schema: any): any {
  const ref: unknown = schema?.$ref;
  if (typeof ref !== 'string') return schema;
  return document.components.schemas[ref.replace('#/components/schemas/', '')];
}

const noop = () => undefined;

describe('OpenAPI document', () => {
  describe('generator (synthetic routes)', () => {
    const part = z.strictObject({ sku: z.string().max(20), count: z.int().min(1) }).meta({ id: 'Part' });
    const thing = z.object({ id: z.string(), name: z.string(), parts: z.array(part), createdAt: z.date() }).meta({ id: 'Thing' });
    const routes: AnyRoute[] = [
      route({
        method: 'post',
        path: '/things',
        operationId: 'createThing',
        summary: 'Create a thing',
        tags: ['things'],
        access: ['admin', 'staff'],
        body: z.strictObject({ name: z.string().trim().pipe(z.string().min(1).max(50)), parts: z.array(part).max(3).optional(), color: z.enum(['red', 'blue']).default('red') }),
        responses: { 201: { description: 'Created.', body: thing }, 409: { description: 'The name is taken.' } },
        handler: noop,
      }),
      route({
        method: 'get',
        path: '/things/:id/parts/:partId',
        operationId: 'getPart',
        summary: 'One part',
        tags: ['things'],
        access: 'authenticated',
        params: z.strictObject({ id: z.string().regex(/^[0-9a-f]{24}$/).describe('The thing.') }),
        query: z.strictObject({ fields: z.string().describe('Comma-separated.'), limit: z.string().optional() }),
        responses: { 200: { description: 'The part.', body: part } },
        handler: noop,
      }),
      route({
        method: 'post',
        path: '/things/import',
        operationId: 'importThings',
        summary: 'Import things',
        tags: ['import'],
        access: ['admin'],
        body: z.array(z.strictObject({ name: z.string() })),
        rawBody: { contentTypes: ['text/csv', 'application/json'], description: 'A CSV file or a JSON array.', limit: '5mb' },
        responses: { 200: { description: 'Report.' }, 400: { description: 'A row failed.' } },
        handler: noop,
      }),
      route({
        method: 'delete',
        path: '/things/:id',
        operationId: 'deleteThing',
        summary: 'Delete a thing',
        tags: ['things'],
        access: 'public',
        params: z.strictObject({ id: z.string() }),
        body: z.strictObject({ reason: z.string() }).optional(),
        responses: { 204: { description: 'Deleted.' }, 404: { description: 'No such thing.' } },
        handler: noop,
      }),
    ];
    const document = buildOpenApiDocument(routes, '1.2.3');

    it('When built from routes, then it is a valid OpenAPI 3.1 document with info and servers', async () => {
      await assertValidOpenApi(document);
      assert.equal(document.openapi, '3.1.0');
      assert.deepEqual(document.info.title, 'zonematch');
      assert.equal(document.info.version, '1.2.3');
      assert.deepEqual(document.servers, [{ url: '/api/v1' }]);
      assert.deepEqual(document.tags, [{ name: 'things' }, { name: 'import' }]);
    });

    it('When a path has express parameters, then it uses OpenAPI templates and lists each parameter', () => {
      assert.deepEqual(Object.keys(document.paths).sort(), ['/things', '/things/import', '/things/{id}', '/things/{id}/parts/{partId}']);
      const get = operationOf(document, 'get', '/things/{id}/parts/{partId}');
      const byName = Object.fromEntries(get.parameters.filter((p: any) => p.name).map((p: any) => [`${p.in}:${p.name}`, p]));
      assert.deepEqual(byName['path:id'], { name: 'id', in: 'path', required: true, description: 'The thing.', schema: { type: 'string', pattern: '^[0-9a-f]{24}$' } });
      // Not in the params schema, but part of the path all the same.
      assert.deepEqual(byName['path:partId'], { name: 'partId', in: 'path', required: true, schema: { type: 'string' } });
      assert.deepEqual(byName['query:fields'], { name: 'fields', in: 'query', required: true, description: 'Comma-separated.', schema: { type: 'string' } });
      assert.equal(byName['query:limit'].required, false);
      assert.ok(get.parameters.some((p: any) => p.$ref === '#/components/parameters/AcceptLanguage'));
    });

    it('When a route takes a JSON body, then its input schema is the request body with required fields and limits', () => {
      const post = operationOf(document, 'post', '/things');
      assert.equal(post.requestBody.required, true);
      const body = post.requestBody.content['application/json'].schema;
      assert.deepEqual(body.required, ['name']);
      // The string piped after trimming shows the limits a client meets (1..50), not only the input guard.
      assert.deepEqual(body.properties.name, { type: 'string', minLength: 1, maxLength: 50 });
      // Input side: a default makes the field optional, and the enum carries the default.
      assert.deepEqual(body.properties.color, { type: 'string', enum: ['red', 'blue'], default: 'red' });
      assert.equal(body.additionalProperties, false);
      assert.deepEqual(body.properties.parts.items, { $ref: '#/components/schemas/Part' });
      const optional = operationOf(document, 'delete', '/things/{id}');
      assert.equal(optional.requestBody.required, false);
    });

    it('When schemas carry .meta({ id }), then they are components referred to by $ref', () => {
      const created = operationOf(document, 'post', '/things').responses['201'];
      assert.deepEqual(created.content['application/json'].schema, { $ref: '#/components/schemas/Thing' });
      const components = document.components.schemas;
      assert.deepEqual(Object.keys(components).sort(), ['FieldProblem', 'Part', 'Problem', 'Thing']);
      assert.deepEqual((components.Thing as any).properties.parts.items, { $ref: '#/components/schemas/Part' });
      assert.deepEqual((components.Part as any).required, ['sku', 'count']);
      // A Date has no JSON Schema; the response documents it as any value instead of failing.
      assert.deepEqual((components.Thing as any).properties.createdAt, {});
    });

    it('When a route reads a raw body, then each content type is documented with its size limit', () => {
      const body = operationOf(document, 'post', '/things/import').requestBody;
      assert.equal(body.description, 'A CSV file or a JSON array. At most 5mb.');
      assert.deepEqual(body.content['text/csv'].schema, { type: 'string' });
      assert.equal(body.content['application/json'].schema.type, 'array');
      assert.deepEqual(body.content['application/json'].schema.items.required, ['name']);
    });

    it('When responses are declared, then 201/204 keep their shape and problems use the shared Problem schema', () => {
      const del = operationOf(document, 'delete', '/things/{id}');
      assert.deepEqual(del.responses['204'], { description: 'Deleted.' });
      assert.deepEqual(del.responses['404'], {
        description: 'No such thing.',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      });
      const post = operationOf(document, 'post', '/things');
      assert.deepEqual(Object.keys(post.responses), ['201', '400', '401', '403', '409', '413', '429']);
      assert.equal(post.responses['409'].description, 'The name is taken.');
      assert.deepEqual(post.responses['401'], { $ref: '#/components/responses/Unauthorized' });
      assert.deepEqual(post.responses['429'], { $ref: '#/components/responses/TooManyRequests' });
      assert.deepEqual(document.components.responses.BadRequest?.content, {
        'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' }, example: (document.components.responses.BadRequest as any).content['application/problem+json'].example },
      });
      assert.deepEqual((document.components.schemas.Problem as any).required, ['type', 'title', 'status', 'detail', 'instance']);
    });

    it('When an operation needs credentials, then it has bearer security and x-roles; a public one has none', () => {
      assert.deepEqual(document.components.securitySchemes.bearer, {
        type: 'http',
        scheme: 'bearer',
        description: 'A bureau staff token, the administrator token or a company API key.',
      });
      const post = operationOf(document, 'post', '/things');
      assert.deepEqual(post.security, [{ bearer: [] }]);
      assert.deepEqual(post['x-roles'], ['admin', 'staff']);
      const get = operationOf(document, 'get', '/things/{id}/parts/{partId}');
      assert.deepEqual(get.security, [{ bearer: [] }]);
      assert.equal(get['x-roles'], undefined);
      const del = operationOf(document, 'delete', '/things/{id}');
      assert.deepEqual(del.security, []);
      assert.equal(del.responses['401'], undefined);
    });

    it('When two operations share an operationId, then building fails', () => {
      const twice = [routes[0], { ...routes[0], path: '/other' }] as AnyRoute[];
      assert.throws(() => buildOpenApiDocument(twice, '1'), /operationId createThing is used twice/);
    });

    it('When two different schemas share an id, then building fails; an input differing from its output gets an Input name', () => {
      const a = z.object({ x: z.string() }).meta({ id: 'Clash' });
      const b = z.object({ y: z.string() }).meta({ id: 'Clash' });
      const clash = (body: z.ZodType) =>
        route({ method: 'get', path: `/${Math.random()}`, operationId: String(Math.random()), summary: 's', tags: [], access: 'public', responses: { 200: { description: 'ok', body } }, handler: noop });
      assert.throws(() => buildOpenApiDocument([clash(a), clash(b)], '1'), /Two different schemas are published as "Clash"/);

      const stamp = z.object({ at: z.string().default('now') }).meta({ id: 'Stamp' });
      const both = buildOpenApiDocument(
        [route({ method: 'post', path: '/stamps', operationId: 'stamp', summary: 's', tags: [], access: 'public', body: stamp, responses: { 200: { description: 'ok', body: stamp } }, handler: noop })],
        '1',
      );
      assert.deepEqual((both.components.schemas.Stamp as any).required, ['at']);
      assert.equal((both.components.schemas.StampInput as any).required, undefined);
      assert.deepEqual(operationOf(both, 'post', '/stamps').requestBody.content['application/json'].schema, { $ref: '#/components/schemas/StampInput' });
    });
  });

  describe('the product', () => {
    let app: TestApp;
    let document: OpenApiDocument;
    let routes: AnyRoute[];
    before(async () => {
      app = await startTestApp();
      routes = apiRoutes(app.server.services, VERSION);
      const res = await app.anonymous.get('/api/v1/openapi.json').expect(200);
      assert.match(res.headers['content-type'] ?? '', /^application\/json/);
      document = res.body;
    });
    after(async () => {
      await app.stop();
    });

    it('When GET /api/v1/openapi.json is asked without credentials, then it is a valid OpenAPI 3.1 document', async () => {
      await assertValidOpenApi(document);
      assert.equal(document.info.version, VERSION);
      assert.deepEqual(document.servers, [{ url: '/api/v1' }]);
    });

    it('When the app is mounted, then every operation it serves under /api/v1 is in the document and nothing else', () => {
      const mounted = mountedOperations(routes);
      const documented = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
      assert.deepEqual([...new Set(documented)].sort(), [...mounted].sort());
      for (const name of ['GET /health', 'GET /me', 'GET /openapi.json']) assert.ok(mounted.has(name), name);
      assert.ok(routes.length > 1);
    });

    it('When an operation needs credentials, then the document says so with bearer security and the roles', () => {
      for (const spec of routes) {
        const op = operationOf(document, spec.method, spec.path.replace(/:(\w+)/g, '{$1}'));
        assert.equal(op.operationId, spec.operationId);
        if (spec.access === 'public') assert.deepEqual(op.security, [], spec.operationId);
        else assert.deepEqual(op.security, [{ bearer: [] }], spec.operationId);
        if (Array.isArray(spec.access)) assert.deepEqual(op['x-roles'], spec.access, spec.operationId);
      }
    });

    it('When a body schema requires a field or rejects unknown ones, then the document lists it the same way', () => {
      let checked = 0;
      for (const spec of routes.filter((r) => r.body && !r.rawBody)) {
        const op = operationOf(document, spec.method, spec.path.replace(/:(\w+)/g, '{$1}'));
        const schema = deref(document, op.requestBody.content['application/json'].schema);
        if (schema.type !== 'object') continue;
        const missing = issuesToProblems('body', (spec.body as z.ZodType).safeParse({}, PARSE_OPTIONS).error?.issues ?? [])
          .filter((p) => p.message === 'is required')
          .map((p) => p.path.replace(/^body\./, ''));
        assert.deepEqual([...(schema.required ?? [])].sort(), missing.sort(), `${spec.operationId} required fields`);
        const unknown = issuesToProblems('body', (spec.body as z.ZodType).safeParse({ zzProbe: 1 }, PARSE_OPTIONS).error?.issues ?? []);
        assert.equal(schema.additionalProperties === false, unknown.some((p) => p.path === 'body.zzProbe' && p.message === 'unknown field'), `${spec.operationId} unknown fields`);
        checked += 1;
      }
      assert.ok(checked >= 3, `checked ${checked} body schemas`);
    });

    it('When a query schema requires a parameter, then the document marks it required', () => {
      for (const spec of routes.filter((r) => r.query)) {
        const op = operationOf(document, spec.method, spec.path.replace(/:(\w+)/g, '{$1}'));
        const documented = op.parameters.filter((p: any) => p.in === 'query' && p.required).map((p: any) => p.name);
        const missing = issuesToProblems('query', (spec.query as z.ZodType).safeParse({}, PARSE_OPTIONS).error?.issues ?? [])
          .filter((p) => p.message === 'is required')
          .map((p) => p.path.replace(/^query\./, ''));
        assert.deepEqual(documented.sort(), missing.sort(), spec.operationId);
      }
    });

    it('When a company is created with the documented limits, then the API enforces exactly those limits', async () => {
      const schema = deref(document, operationOf(document, 'post', '/companies').requestBody.content['application/json'].schema);
      const empty = await app.as().post('/api/v1/companies').send({}).expect(400);
      assert.deepEqual(empty.body.errors.map((e: any) => e.path).sort(), schema.required.map((f: string) => `body.${f}`).sort());
      assert.ok(empty.body.errors.every((e: any) => e.message === '必填字段'), JSON.stringify(empty.body.errors));

      const max: number = schema.properties.name.maxLength;
      assert.equal(max, 100);
      const tooLong = await app.as().post('/api/v1/companies').set('Accept-Language', 'en').send({ name: '名'.repeat(max + 1) }).expect(400);
      assert.deepEqual(tooLong.body.errors.find((e: any) => e.path === 'body.name'), { path: 'body.name', message: `must be at most ${max} characters` });
      const longest = await app.as().post('/api/v1/companies').send({ name: '名'.repeat(max) }).expect(400);
      assert.equal(longest.body.errors.find((e: any) => e.path === 'body.name'), undefined);
    });

    it('When health and /me answer, then their bodies match the documented schemas', async () => {
      const health = await app.anonymous.get('/api/v1/health').expect(200);
      healthSchema.parse(health.body);
      const me = await app.as().get('/api/v1/me').expect(200);
      principalSchema.parse(me.body);
      assert.deepEqual(operationOf(document, 'get', '/health').responses['200'].content['application/json'].schema, { $ref: '#/components/schemas/Health' });
      assert.equal(operationOf(document, 'get', '/health').responses['429'], undefined);
    });
  });

  describe('reference page /api/docs', () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp();
    });
    after(async () => {
      await app.stop();
    });

    it('When /api/docs is opened, then it loads only its own scripts and styles, and its policy allows no other origin', async () => {
      const page = await app.anonymous.get('/api/docs').expect(200);
      assert.match(page.headers['content-type'] ?? '', /^text\/html/);
      const html: string = page.text;
      assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//);
      const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
      assert.ok(urls.includes('/api/docs/assets/swagger-ui-bundle.js') && urls.includes('/api/docs/assets/swagger-ui.css'), urls.join(' '));
      for (const url of urls) await app.anonymous.get(url).expect(200);

      const csp = page.headers['content-security-policy'] ?? '';
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.match(csp, /connect-src 'self'(;|$)/);
      assert.doesNotMatch(csp, /https?:|\*/);
    });

    it('When the page starts Swagger UI, then it reads our document and never calls the online validator', async () => {
      const init = await app.anonymous.get('/api/docs/init.js').expect(200);
      assert.match(init.headers['content-type'] ?? '', /javascript/);
      assert.match(init.text, /url: "\/api\/v1\/openapi\.json"/);
      assert.match(init.text, /validatorUrl: null/);
      const bundle = await app.anonymous.get('/api/docs/assets/swagger-ui-bundle.js').expect(200);
      assert.ok(Number(bundle.headers['content-length']) > 100_000);
    });

    it('When a file of the Swagger UI package that the page does not use is asked for, then 404', async () => {
      await app.anonymous.get('/api/docs/assets/index.html').expect(404);
      await app.anonymous.get('/api/docs/assets/swagger-initializer.js').expect(404);
      await app.anonymous.get('/api/docs/assets/..%2Fpackage.json').expect(404);
    });
  });
});

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  rawPath?: string;
  handle?: { stack?: Layer[] };
}

/**
 * `METHOD /path` of every route the app mounts under /api/v1, read from express's router stack of an app built by
 * createApp with the product's route list and pages (what server/runtime.ts builds).
 */
function mountedOperations(routes: AnyRoute[]): Set<string> {
  const app = createApp({
    logger: pino({ level: 'silent' }),
    version: VERSION,
    production: false,
    probes: { store: stubProbe, search: stubProbe, queue: stubProbe },
    credentials: [],
    routes,
    pages: docsPages(),
  }) as unknown as { router: { stack: Layer[] } };
  const found = new Set<string>();
  const walk = (stack: Layer[], prefix: string): void => {
    for (const layer of stack) {
      if (layer.route) {
        const path = (prefix + layer.route.path).replace(/\/+/g, '/');
        if (!path.startsWith('/api/v1/')) continue;
        for (const method of Object.keys(layer.route.methods)) found.add(`${method.toUpperCase()} ${path.slice('/api/v1'.length).replace(/:(\w+)/g, '{$1}')}`);
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack, prefix + (layer.rawPath === '/' ? '' : (layer.rawPath ?? '')));
      }
    }
  };
  walk(app.router.stack, '');
  return found;
}

const stubProbe = { adapter: 'stub', ping: () => Promise.resolve({ adapter: 'stub', reachable: true }) };
