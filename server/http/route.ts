/**
 * Declarative routes: one object per operation carries its path, who may call it, the zod schemas that validate
 * params / query / body, the responses it can give and the handler. The same objects mount the express routes
 * (`mountRoutes`) and generate the OpenAPI document, so the published contract cannot drift from the validation.
 */
import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import { requireRole, type Role } from './auth.js';
import { handle, type Validated } from './validate.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ResponseSpec {
  description: string;
  /** JSON body schema; omit for an empty body (204) or a non-JSON body described by `contentType`. */
  body?: z.ZodType;
  /** Defaults to application/json when `body` is set. */
  contentType?: string;
}

export interface RouteSpec<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  method: HttpMethod;
  /** Express-style path below /api/v1, e.g. `/companies/:id`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  /** `'public'`: no credentials; a role list: only those roles; `'authenticated'`: any valid token or key. */
  access: 'public' | 'authenticated' | Role[];
  params?: P;
  query?: Q;
  body?: B;
  /**
   * A request body that is not JSON (CSV uploads). Such routes receive the raw bytes in `req.body` (a Buffer) and
   * parse it themselves; `body` may still describe the JSON alternative.
   */
  rawBody?: { contentTypes: string[]; description: string; limit: string };
  responses: Record<number, ResponseSpec>;
  handler: (input: Validated<z.output<P>, z.output<Q>, z.output<B>>, req: Request, res: Response) => Promise<void> | void;
}

/** A route with its types erased, for lists of routes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteSpec<any, any, any>;

/** Declares a route; the generic parameters type the handler's validated input. */
export function route<P extends z.ZodType = z.ZodUnknown, Q extends z.ZodType = z.ZodUnknown, B extends z.ZodType = z.ZodUnknown>(
  spec: RouteSpec<P, Q, B>,
): AnyRoute {
  return spec as AnyRoute;
}

/**
 * Mounts routes on a router; role checks run before validation so a caller without rights learns nothing more.
 * A route with `rawBody` reads its body as bytes (up to its own limit) after the role check, so an upload is only
 * read for a caller allowed to make it; its `body` schema documents the JSON alternative and is not applied.
 */
export function mountRoutes(router: Router, routes: readonly AnyRoute[], extraMiddleware: (spec: AnyRoute) => RequestHandler[] = () => []): void {
  for (const spec of routes) {
    const guards: RequestHandler[] = Array.isArray(spec.access) ? [requireRole(...spec.access)] : [];
    const rawBody: RequestHandler[] = spec.rawBody ? [express.raw({ type: spec.rawBody.contentTypes, limit: spec.rawBody.limit })] : [];
    const body = spec.rawBody ? undefined : (spec.body as z.ZodType | undefined);
    const schemas = { params: spec.params as z.ZodType | undefined, query: spec.query as z.ZodType | undefined, body };
    router[spec.method](spec.path, ...extraMiddleware(spec), ...guards, ...rawBody, handle(schemas, spec.handler));
  }
}

/**
 * `parser` for every request except those to routes that read their own raw body (mounted under `prefix`), so
 * the app-wide JSON parser and its 1 MB limit do not consume an upload first.
 */
export function exceptRawBodyRoutes(prefix: string, routes: readonly AnyRoute[], parser: RequestHandler): Router {
  const router = Router();
  for (const spec of routes) {
    if (spec.rawBody) router[spec.method](prefix + spec.path, (_req, _res, next) => next('router'));
  }
  router.use(parser);
  return router;
}
