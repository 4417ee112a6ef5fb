/** Structured JSON logs (pino) to stdout; pipe through `pino-pretty` when reading them by eye. */
import { pino, type Logger } from 'pino';
import type { Config } from './config.js';

export function createLogger(config: Pick<Config, 'logLevel'>, name = 'zonematch'): Logger {
  return pino({
    name,
    level: config.logLevel,
    redact: { paths: ['*.authorization', '*.token', '*.apiKey', '*.password'], censor: '[redacted]' },
  });
}
