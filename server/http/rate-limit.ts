/**
 * Rate limits (OWASP API4), built on express-rate-limit, in three layers:
 *
 * 1. per client IP, before authentication: caps what one address can send at all;
 * 2. failed authentications per client IP: once an address has sent too many unknown tokens in the window, its
 *    requests are answered 429 *before* their token is looked at, so guessing gets no answers at all;
 * 3. per credential (token or API key), after authentication: what one caller may do, wherever it calls from.
 *
 * Windows are fixed, one minute long. Counters live in this process's memory, or in Redis when a client is given,
 * so that every node counts against the same budget (rate-limit-redis). If Redis cannot be reached the limits fail
 * open: requests are served unlimited (and that is logged, at most every 30 s) rather than refused, because an
 * outage of the counter store should not become an outage of the API.
 *
 * A limit of 0 turns that layer off (benchmarks). The client IP is the socket peer (`trust proxy` is off); behind
 * a reverse proxy every request would share the proxy's address, so configure the per-IP limits accordingly.
 */
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit, type AugmentedRequest, type ClientRateLimitInfo, type Options } from 'express-rate-limit';
import type { Logger } from 'pino';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import { principalOf } from './auth.js';
import { HttpProblem } from './problem.js';

/** The one Redis call the counters need; an ioredis client has it. */
export interface RedisCaller {
  call(command: string, ...args: string[]): Promise<unknown>;
}

export interface RateLimitOptions {
  /** Requests per minute per credential (token or API key); 0 turns the limit off. */
  perCredential: number;
  /** Requests per minute per client IP, counted before authentication; 0 turns the limit off. */
  perIp: number;
  /** Failed authentications per minute per client IP; past it the address gets 429 until the window ends. 0 = off. */
  authFailuresPerIp: number;
  /** Shared counters in Redis (all nodes count together); absent ⇒ counters in this process. */
  redis?: { client: RedisCaller; prefix: string };
}

export interface RateLimiters {
  /** Per-IP limit: everything below /api/v1 except health. */
  perIp: RequestHandler;
  /** Before authentication: refuses addresses that failed authentication too often. */
  authFailureGate: RequestHandler;
  /** Error handler right after authentication: counts a 401 against the client's address. */
  recordAuthFailure: ErrorRequestHandler;
  /** After authentication: the per-credential limit. */
  perCredential: RequestHandler;
}

const MINUTE_MS = 60_000;
const STORE_WARNING_INTERVAL_MS = 30_000;
const SUBJECT: Record<string, string> = { ip: 'client address', credential: 'token or API key' };

const passThrough: RequestHandler = (_req, _res, next) => next();
const passError: ErrorRequestHandler = (error, _req, _res, next) => next(error);

export function createRateLimiters(options: RateLimitOptions, logger: Logger): RateLimiters {
  const storeLogger = throttledLogger(logger);
  const common = (name: string, limit: number): Partial<Options> => ({
    windowMs: MINUTE_MS,
    limit,
    identifier: name,
    requestPropertyName: propertyOf(name),
    legacyHeaders: false,
    // draft-8 names each policy, so the per-IP and per-credential headers can both be present on one response.
    standardHeaders: 'draft-8',
    passOnStoreError: true,
    logger: storeLogger,
    ...(options.redis ? { store: new RecoveringRedisStore(options.redis.client, `${options.redis.prefix}${name}:`) } : {}),
    handler: (req: Request, _res: Response, next: NextFunction) => {
      next(tooMany(req, propertyOf(name), `Too many requests (at most ${limit} a minute for each ${SUBJECT[name] ?? name}); try again later.`));
    },
  });

  const perIp =
    options.perIp > 0 ? rateLimit({ ...common('ip', options.perIp), keyGenerator: (req) => clientAddress(req) }) : passThrough;
  const perCredential =
    options.perCredential > 0
      ? rateLimit({
          ...common('credential', options.perCredential),
          keyGenerator: (_req, res) => {
            const principal = principalOf(res);
            return `${principal.role}:${principal.id}`;
          },
        })
      : passThrough;

  if (options.authFailuresPerIp <= 0) return { perIp, perCredential, authFailureGate: passThrough, recordAuthFailure: passError };

  const failureLimit = options.authFailuresPerIp;
  const failureDetail = 'Too many failed authentications from this address; try again later.';
  const failures = rateLimit({
    ...common('auth-failure', failureLimit),
    // These counts are nobody's quota to display; the 429 still carries Retry-After.
    standardHeaders: false,
    keyGenerator: (req) => clientAddress(req),
    handler: (req, _res, next) => next(tooMany(req, propertyOf('auth-failure'), failureDetail)),
  });

  const authFailureGate: RequestHandler = async (req, _res, next) => {
    let info: ClientRateLimitInfo | undefined;
    try {
      info = await failures.getKey(clientAddress(req));
    } catch (error) {
      storeLogger.warn(error, 'rate limit: failed-authentication counter unavailable; request not limited');
    }
    const resetAt = info?.resetTime?.getTime() ?? 0;
    if (info && info.totalHits >= failureLimit && resetAt > Date.now()) {
      next(new HttpProblem('rate-limited', failureDetail, undefined, { 'Retry-After': String(secondsUntil(resetAt)) }));
      return;
    }
    next();
  };

  const recordAuthFailure: ErrorRequestHandler = (error, req, res, next) => {
    if (!(error instanceof HttpProblem) || error.kind !== 'unauthorized') {
      next(error);
      return;
    }
    // Counts the failure. One that lands past the limit (concurrent requests that all passed the gate) is answered
    // 429 rather than 401. Concurrency can thus stretch the limit by the number of requests in flight, no more.
    void failures(req, res, (limited?: unknown) => next(limited ?? error));
  };

  return { perIp, perCredential, authFailureGate, recordAuthFailure };
}

/** Runs `handler` for every request except those to `path` (relative to where it is mounted). */
export function exceptPath(path: string, handler: RequestHandler): RequestHandler {
  return (req, res, next) => (req.path === path ? next() : handler(req, res, next));
}

/** The client's address; IPv6 clients are grouped by /56, as one customer usually holds a whole prefix. */
function clientAddress(req: Request): string {
  return ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');
}

function propertyOf(name: string): string {
  return `rateLimit:${name}`;
}

function secondsUntil(epochMs: number): number {
  return Math.max(1, Math.ceil((epochMs - Date.now()) / 1000));
}

function tooMany(req: Request, property: string, detail: string): HttpProblem {
  const info = (req as AugmentedRequest)[property];
  const resetAt = info?.resetTime?.getTime() ?? Date.now() + MINUTE_MS;
  return new HttpProblem('rate-limited', detail, undefined, { 'Retry-After': String(secondsUntil(resetAt)) });
}

/**
 * The logger express-rate-limit reports to. A store error repeats on every request while Redis is away, so each
 * distinct message is logged at most once per interval.
 */
function throttledLogger(logger: Logger): { error: (error: unknown, message?: string) => void; warn: (error: unknown, message?: string) => void } {
  const lastLogged = new Map<string, number>();
  const log = (level: 'error' | 'warn') => (error: unknown, message = 'rate limit') => {
    const now = Date.now();
    if (now - (lastLogged.get(message) ?? -Infinity) < STORE_WARNING_INTERVAL_MS) return;
    lastLogged.set(message, now);
    logger[level]({ err: error }, message);
  };
  return { error: log('error'), warn: log('warn') };
}

/**
 * rate-limit-redis loads its Lua scripts once, at init; if Redis was unreachable then, the store would keep
 * awaiting the failed load forever. This store loads them again after any failed command, so counting resumes
 * as soon as Redis is back.
 */
class RecoveringRedisStore extends RedisStore {
  constructor(client: RedisCaller, prefix: string) {
    super({ prefix, sendCommand: (command: string, ...args: string[]) => client.call(command, ...args) as Promise<RedisReply> });
  }

  override async increment(key: string): Promise<ClientRateLimitInfo> {
    try {
      return await super.increment(key);
    } catch (error) {
      this.reloadScripts();
      throw error;
    }
  }

  override async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    try {
      return await super.get(key);
    } catch (error) {
      this.reloadScripts();
      throw error;
    }
  }

  private reloadScripts(): void {
    this.incrementScriptSha = this.loadIncrementScript();
    this.getScriptSha = this.loadGetScript();
    // A load that fails again surfaces on the next command; these handlers only keep it from being "unhandled".
    this.incrementScriptSha.catch(() => undefined);
    this.getScriptSha.catch(() => undefined);
  }
}
