/**
 * Entry point of `npm start`: reads the config (fail fast, exit 1, readable message), starts API + Socket.IO
 * (+ job handlers unless PROCESS_ROLE=api) and stops gracefully on SIGTERM/SIGINT within SHUTDOWN_TIMEOUT_MS.
 */
import { readConfigOrExit } from './bootstrap.js';
import { tuneHeap } from './heap.js';
import { createLogger } from './logger.js';
import { startServer } from './runtime.js';
import { exitOnSignals } from './signals.js';

try {
  tuneHeap();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}

const config = readConfigOrExit();
if (config.role === 'worker') {
  process.stderr.write('PROCESS_ROLE=worker runs jobs only: start it with `npm run worker`.\n');
  process.exit(1);
}

const logger = createLogger(config);
try {
  const server = await startServer(config, logger);
  logger.info(
    { url: server.url, role: config.role, store: server.ports.store.adapter, search: server.ports.search.adapter, queue: server.ports.queue.adapter },
    `zonematch ${server.url} is ready (health: ${server.url}/api/v1/health)`,
  );
  if (server.demoCredentialsFile) {
    // Secrets stay out of the logs; the file (mode 0600) holds them.
    logger.info({ file: server.demoCredentialsFile }, `demo zone loaded; a staff token and two company API keys are in ${server.demoCredentialsFile} (README: "Try the API")`);
  }
  if (server.adminTokenFile) {
    logger.info({ file: server.adminTokenFile }, `bureau administrator token is in ${server.adminTokenFile} (use it as "Authorization: Bearer <token>")`);
  }
  exitOnSignals(logger, config.shutdownTimeoutMs, () => server.stop());
} catch (error) {
  logger.fatal({ err: error }, 'zonematch could not start');
  process.exit(1);
}
