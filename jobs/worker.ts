/**
 * Entry point of `npm run worker`: job handlers only, no HTTP. Needs REDIS_URL (BullMQ), since the inline
 * queue exists inside one process. Several workers can run side by side; BullMQ hands each job to one of them
 * and recovers jobs of a worker that died (stalled-job detection).
 */
import { readConfigOrExit } from '../server/bootstrap.js';
import { closePorts, openPorts } from '../server/compose.js';
import { createLogger } from '../server/logger.js';
import { exitOnSignals } from '../server/signals.js';
import { withSearchSync } from '../server/domain/matching/index-sync.js';
import { warmUpText } from '../matcher/text/index.js';
import { registerJobHandlers } from './handlers/index.js';

const config = readConfigOrExit({ PROCESS_ROLE: 'worker' });

const logger = createLogger(config, 'zonematch-worker');
try {
  const ports = await openPorts(config, logger);
  warmUpText();
  const count = registerJobHandlers(withSearchSync({ ...ports, logger }));
  logger.info({ registrations: count, queue: ports.queue.adapter }, 'worker is processing jobs');
  exitOnSignals(logger, config.shutdownTimeoutMs, () => closePorts(ports));
} catch (error) {
  logger.fatal({ err: error }, 'worker could not start');
  process.exit(1);
}
