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
import type { Logger } from 'pino';
import { registerJobHandlers } from '../jobs/handlers/index.js';
import { resolveAdminToken } from './admin-token.js';
import { createApp } from './app.js';
import { closePorts, openPorts, type Ports } from './compose.js';
import type { Config } from './config.js';
import { adminTokenSource } from './http/auth.js';
import { createServices, type Services } from './domain/services.js';
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
  /** Graceful stop; resolves when everything is closed. Idempotent. */
  stop(): Promise<void>;
}

export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const admin = resolveAdminToken(config.adminToken, config.dataDir);
  const ports = await openPorts(config, logger);
  if (config.role === 'all') {
    const count = registerJobHandlers({ ...ports, logger });
    logger.info({ registrations: count }, 'job handlers registered in this process');
  }
  const services = createServices({ ...ports, logger });
  const credentials = [adminTokenSource(admin.token), services.users.credentialSource(), services.apiKeys.credentialSource()];
  const app = createApp({
    logger,
    version: VERSION,
    production: config.env === 'production',
    probes: ports,
    credentials,
    routes: apiRoutes(services, VERSION),
  });
  const http = createServer(app);
  // Keep-alive sockets must not outlive a shutdown; headers must arrive promptly (slowloris).
  http.keepAliveTimeout = 5000;
  http.headersTimeout = 10000;
  const live = createLiveServer(http, { logger, credentials, redisUrl: config.redisUrl });

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
    })();
    return stopping;
  };

  return { url, port, ports, services, http, live, adminTokenFile: admin.file, stop };
}
