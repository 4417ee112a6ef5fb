/**
 * Starting and stopping the product in one process: ports from the composition root, the HTTP API, Socket.IO
 * and (for role "all") the job handlers. Used by `server/main.ts` and by component tests, which start it on
 * port 0 with a temporary DATA_DIR.
 *
 * Shutdown order matters: stop accepting connections, let in-flight requests finish, disconnect sockets,
 * let running jobs finish (queue.close), then close the search index and the store.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { registerJobHandlers } from '../jobs/handlers/index.js';
import { registerLiveClock } from '../jobs/handlers/live-clock.js';
import { resolveAdminToken } from './admin-token.js';
import { createApp } from './app.js';
import { closePorts, openPorts, type Ports } from './compose.js';
import type { Config } from './config.js';
import { adminTokenSource } from './http/auth.js';
import { docsPages } from './http/openapi/docs-page.js';
import { withSearchSync } from './domain/matching/index-sync.js';
import { createServices, type Services } from './domain/services.js';
import { warmUpText } from '../matcher/text/index.js';
import { countNonSeedCompanies } from '../seeds/load.js';
import { seedDemoZone } from '../seeds/demo-zone.js';
import { apiRoutes } from './routes.js';
import { createLiveServer, type LiveServer } from './live/server.js';
import { VERSION } from './version.js';

export interface RunningServer {
  url: string;
  port: number;
  ports: Ports;
  services: Services;
  http: Server;
  live: LiveServer;
  adminTokenFile: string | undefined;
  /** Set when this start loaded the demo zone into an empty store: where its demo credentials are. */
  demoCredentialsFile: string | undefined;
  /** Graceful stop; resolves when everything is closed. Idempotent. */
  stop(): Promise<void>;
}

/** Loads the demo zone when the store has no companies and never held a seed run; never touches a store with data. */
async function seedEmptyStore(services: Services, dataDir: string, logger: Logger): Promise<string | undefined> {
  if ((await countNonSeedCompanies(services)) !== 0) return undefined;
  const { result, credentialsFile } = await seedDemoZone(services, { dataDir });
  if (result.status === 'loaded') {
    logger.info({ companies: result.companies, postings: result.postings, seconds: Number(result.seconds.toFixed(1)) }, 'demo zone loaded into the empty store');
  }
  return credentialsFile;
}

/**
 * The in-process index lives in memory, so it is rebuilt from the store at every start (the demo zone takes about
 * a second). Meilisearch keeps its index; only its settings are (re)applied, and `npm run reindex` rebuilds it.
 */
async function prepareSearchIndex(services: Services, logger: Logger): Promise<void> {
  const started = Date.now();
  if (services.deps.search.adapter !== 'embedded') {
    await services.matching.matcher.ensureIndex();
    return;
  }
  const { companies, postings } = await services.indexSync.rebuild();
  logger.info({ companies, postings, seconds: Number(((Date.now() - started) / 1000).toFixed(1)) }, 'search index built from the store');
}

export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const admin = resolveAdminToken(config.adminToken, config.dataDir);
  const ports = await openPorts(config, logger);
  const deps = withSearchSync({ ...ports, logger });
  warmUpText();
  const services = createServices(deps);
  if (config.role === 'all') {
    const count = registerJobHandlers(deps, services);
    logger.info({ registrations: count }, 'job handlers registered in this process');
  }
  const indexReady = prepareSearchIndex(services, logger);
  const demoCredentialsFile = config.seedDemo ? await seedEmptyStore(services, config.dataDir, logger) : undefined;
  await indexReady;
  const credentials = [adminTokenSource(admin.token), services.users.credentialSource(), services.apiKeys.credentialSource(), services.sessions.credentialSource()];
  const limited = config.rateLimit.perCredential > 0 || config.rateLimit.perIp > 0 || config.rateLimit.authFailuresPerIp > 0;
  const limitsRedis = config.redisUrl && limited ? await rateLimitRedis(config.redisUrl, logger) : undefined;
  const app = createApp({
    logger,
    version: VERSION,
    production: config.env === 'production',
    probes: ports,
    credentials,
    routes: apiRoutes(services, VERSION),
    pages: docsPages(),
    rateLimit: { ...config.rateLimit, ...(limitsRedis ? { redis: { client: limitsRedis, prefix: RATE_LIMIT_PREFIX } } : {}) },
  });
  const http = createServer(app);
  // Keep-alive sockets must not outlive a shutdown; headers must arrive promptly (slowloris).
  http.keepAliveTimeout = 5000;
  http.headersTimeout = 10000;
  const live = createLiveServer(http, { logger, credentials, redisUrl: config.redisUrl, redisNamespace: config.queueName, gateway: { live: services.live, sessions: services.sessions } });
  // Clock ticks emit to sockets, so the nodes that hold sockets run them (role all or api); emits reach every node
  // through the Redis adapter. Ticks lost with a queue are re-queued from the stored clocks.
  if (config.role !== 'worker') {
    registerLiveClock(deps, services.live);
    await services.live.resumeClocks();
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const { port } = http.address() as AddressInfo;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeIdleConnections();
      // Connections that finish their last request become idle; close them as they do.
      const sweeper = setInterval(() => http.closeIdleConnections(), 100);
      await live.close();
      await closed;
      clearInterval(sweeper);
      await closePorts(ports);
      limitsRedis?.disconnect();
    })();
    return stopping;
  };

  return { url, port, ports, services, http, live, adminTokenFile: admin.file, demoCredentialsFile, stop };
}

/** Key prefix of the shared rate-limit counters in Redis. */
const RATE_LIMIT_PREFIX = 'zonematch:rl:';

/**
 * The Redis connection of the rate-limit counters. While Redis is away commands fail at once instead of queueing
 * behind a reconnect, so the limits fail open rather than hold requests; the first connection is awaited so that
 * counting works from the first request, and reconnects continue in the background either way.
 */
async function rateLimitRedis(url: string, logger: Logger): Promise<Redis> {
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    connectionName: 'zonematch:rate-limit',
  });
  let down = false;
  client.on('error', (error: Error) => {
    if (!down) logger.warn({ err: error }, 'rate limits: Redis is not reachable; requests are not limited until it is');
    down = true;
  });
  client.on('ready', () => {
    if (down) logger.info('rate limits: Redis is reachable again');
    down = false;
  });
  await client.connect().catch(() => undefined); // logged by the 'error' listener
  return client;
}
