/**
 * Configuration: one zod schema over the environment. Every variable is documented in .env.example.
 * Unset MONGODB_URI / MEILI_HOST / REDIS_URL select the embedded adapters; set ones select MongoDB,
 * Meilisearch and Redis/BullMQ. Errors name the variable and what it must be, so a typo fails at start
 * with a sentence a person can act on instead of a stack trace later.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const ROLES = ['all', 'api', 'worker'] as const;

/** An integer variable in [min, max] with a message that names the variable and the range. */
function integer(name: string, min: number, max: number, fallback: number) {
  const message = `${name} must be an integer between ${min} and ${max}`;
  return z
    .string()
    .trim()
    .regex(/^\d+$/, message)
    .transform(Number)
    .pipe(z.number().int().min(min, message).max(max, message))
    .default(fallback);
}

/** A boolean variable: 1/0, true/false, yes/no, on/off. */
function flag(name: string, fallback: boolean) {
  return z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => ['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'].includes(v), {
      message: `${name} must be one of 1, 0, true, false, yes, no, on, off`,
    })
    .transform((v) => ['1', 'true', 'yes', 'on'].includes(v))
    .default(fallback);
}

/** An optional URL with one of the given schemes. */
function url(name: string, schemes: string[]) {
  const message = `${name} must be a ${schemes.join(' or ')} URL, e.g. ${schemes[0]}://127.0.0.1`;
  return z
    .string()
    .trim()
    .refine((v) => {
      try {
        return schemes.includes(new URL(v).protocol.replace(/:$/, ''));
      } catch {
        return false;
      }
    }, message)
    .optional();
}

const schema = z
  .object({
    NODE_ENV: z
      .enum(['development', 'production', 'test'], { message: 'NODE_ENV must be development, production or test' })
      .default('development'),
    PORT: integer('PORT', 0, 65535, 3000),
    HOST: z.string().trim().min(1, 'HOST must not be empty').default('0.0.0.0'),
    DATA_DIR: z.string().trim().min(1, 'DATA_DIR must not be empty').default('./data'),
    MONGODB_URI: url('MONGODB_URI', ['mongodb', 'mongodb+srv']),
    MEILI_HOST: url('MEILI_HOST', ['http', 'https']),
    MEILI_API_KEY: z.string().optional(),
    REDIS_URL: url('REDIS_URL', ['redis', 'rediss']),
    QUEUE_NAME: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,49}$/, 'QUEUE_NAME must be 1..50 letters, digits, "-" or "_"')
      .default('zonematch'),
    ADMIN_TOKEN: z.string().trim().min(24, 'ADMIN_TOKEN must be at least 24 characters long').optional(),
    SEED_DEMO: flag('SEED_DEMO', true),
    LOG_LEVEL: z.enum(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
    PROCESS_ROLE: z
      .enum(ROLES, { message: 'PROCESS_ROLE must be all (API + jobs), api (API only) or worker (jobs only)' })
      .default('all'),
    STORE_SYNC: z.enum(['normal', 'full'], { message: 'STORE_SYNC must be normal or full' }).default('normal'),
    SHUTDOWN_TIMEOUT_MS: integer('SHUTDOWN_TIMEOUT_MS', 1000, 60000, 9000),
    RATE_LIMIT_PER_MINUTE: integer('RATE_LIMIT_PER_MINUTE', 0, 1_000_000, 1200),
    RATE_LIMIT_IP_PER_MINUTE: integer('RATE_LIMIT_IP_PER_MINUTE', 0, 1_000_000, 3000),
    RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: integer('RATE_LIMIT_AUTH_FAILURES_PER_MINUTE', 0, 1_000_000, 30),
  })
  .superRefine((env, ctx) => {
    if (env.PROCESS_ROLE !== 'all' && !env.REDIS_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['PROCESS_ROLE'],
        message: `PROCESS_ROLE=${env.PROCESS_ROLE} needs REDIS_URL: without Redis the job queue lives inside one process`,
      });
    }
    if (env.PROCESS_ROLE !== 'all' && !env.MEILI_HOST) {
      ctx.addIssue({
        code: 'custom',
        path: ['PROCESS_ROLE'],
        message: `PROCESS_ROLE=${env.PROCESS_ROLE} needs MEILI_HOST: the in-process search index cannot be shared between processes`,
      });
    }
    if (env.MONGODB_URI && !env.ADMIN_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['ADMIN_TOKEN'],
        message: 'ADMIN_TOKEN is required when MONGODB_URI is set (a generated token only suits the embedded store)',
      });
    }
  });

export type Env = z.output<typeof schema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  dataDir: string;
  mongodbUri: string | undefined;
  meili: { host: string; apiKey: string | undefined } | undefined;
  redisUrl: string | undefined;
  /** Namespace of the BullMQ queues in Redis, so several deployments (or test runs) can share one Redis. */
  queueName: string;
  adminToken: string | undefined;
  seedDemo: boolean;
  logLevel: Env['LOG_LEVEL'];
  role: Env['PROCESS_ROLE'];
  shutdownTimeoutMs: number;
  /** Embedded store durability: `normal` survives a process crash, `full` also a power cut (fsync per commit). */
  storeSync: 'normal' | 'full';
  /** Requests per minute per credential / per client IP, failed authentications per minute per IP; 0 = off. */
  rateLimit: { perCredential: number; perIp: number; authFailuresPerIp: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Empty strings count as unset, so `MONGODB_URI=` in a .env file means "embedded". */
function withoutEmpty(source: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) if (value !== undefined && value !== '') out[key] = value;
  return out;
}

/** Parses the environment; throws ConfigError listing every problem at once. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(withoutEmpty(source));
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => issue.message));
  const env = parsed.data;
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    dataDir: resolve(env.DATA_DIR),
    mongodbUri: env.MONGODB_URI,
    meili: env.MEILI_HOST ? { host: env.MEILI_HOST, apiKey: env.MEILI_API_KEY } : undefined,
    redisUrl: env.REDIS_URL,
    queueName: env.QUEUE_NAME,
    adminToken: env.ADMIN_TOKEN,
    seedDemo: env.SEED_DEMO,
    logLevel: env.LOG_LEVEL,
    role: env.PROCESS_ROLE,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    storeSync: env.STORE_SYNC,
    rateLimit: {
      perCredential: env.RATE_LIMIT_PER_MINUTE,
      perIp: env.RATE_LIMIT_IP_PER_MINUTE,
      authFailuresPerIp: env.RATE_LIMIT_AUTH_FAILURES_PER_MINUTE,
    },
  };
}
