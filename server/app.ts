/**
 * The express application: security headers, request logs, the per-IP rate limit, JSON body parsing (1 MB), the
 * operator-key guard, health (public), then every other /api/v1 route behind bearer authentication (and the
 * failed-authentication and per-credential limits), then 404 and problem-details error handling. Routes are
 * mounted by the caller so this file stays the same as capabilities are added.
 */
import express, { Router, type Express } from 'express';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { stdSerializers, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { authenticate, principalOf, type CredentialSource } from './http/auth.js';
import { rejectOperatorKeys } from './http/body-guard.js';
import { errorHandler, notFound } from './http/errors.js';
import { healthRouter, type HealthProbes } from './http/health.js';
import { createRateLimiters, exceptPath, type RateLimitOptions } from './http/rate-limit.js';
import { exceptRawBodyRoutes, mountRoutes, type AnyRoute } from './http/route.js';

export interface AppOptions {
  logger: Logger;
  version: string;
  production: boolean;
  probes: HealthProbes;
  credentials: CredentialSource[];
  /** The /api/v1 operations (see server/routes.ts); public ones are mounted ahead of authentication. */
  routes?: readonly AnyRoute[];
  /** Pages outside /api/v1 (the API reference at /api/docs, the web UI). */
  pages?: Router;
  /** Per-IP, failed-authentication and per-credential limits; absent ⇒ none (unit tests of other layers). */
  rateLimit?: RateLimitOptions;
}

export const BODY_LIMIT = '1mb';

export function createApp(options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(helmet());
  app.use(
    pinoHttp({
      logger: options.logger,
      // Health checks arrive every few seconds from load balancers; they would drown the useful lines.
      autoLogging: { ignore: (req) => req.url === '/api/v1/health' },
      // One short line per request. Headers stay out: they are most of the bytes of a line (the security
      // headers alone are 900), carry credentials and cookies, and serializing them costs more than the request.
      wrapSerializers: false,
      serializers: { req: requestLine, res: responseLine, err: stdSerializers.err },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    }),
  );
  const limits = options.rateLimit ? createRateLimiters(options.rateLimit, options.logger) : undefined;
  // Ahead of body parsing, so a client over its limit costs no parsing; health is never limited (load balancers).
  if (limits) app.use('/api/v1', exceptPath('/health', limits.perIp));
  const routes = options.routes ?? [];
  // Routes that declare `rawBody` (bulk import, 20 MB) read their own body after the role check.
  app.use(exceptRawBodyRoutes('/api/v1', routes, express.json({ limit: BODY_LIMIT, strict: true, type: ['application/json', 'application/*+json'] })));
  app.use(rejectOperatorKeys);

  app.use('/api/v1', healthRouter(options.version, options.probes));
  const open = Router();
  mountRoutes(open, routes.filter((r) => r.access === 'public'));
  app.use('/api/v1', open);
  if (options.pages) app.use(options.pages);

  const api = Router();
  if (limits) api.use(limits.authFailureGate, authenticate(options.credentials), limits.recordAuthFailure, limits.perCredential);
  else api.use(authenticate(options.credentials));
  api.get('/me', (_req, res) => {
    res.json(principalOf(res));
  });
  mountRoutes(api, routes.filter((r) => r.access !== 'public'));
  app.use('/api/v1', api);

  app.use(notFound);
  app.use(errorHandler(options.logger, options.production));
  return app;
}

/** What a request log line says about the request. */
function requestLine(req: IncomingMessage & { id?: unknown; originalUrl?: string }): Record<string, unknown> {
  return { id: req.id, method: req.method, url: req.originalUrl ?? req.url, remoteAddress: req.socket?.remoteAddress };
}

/** What it says about the response (its time is `responseTime`). */
function responseLine(res: ServerResponse): Record<string, unknown> {
  return { statusCode: res.statusCode };
}
