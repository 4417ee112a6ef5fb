/**
 * What both entry points (server and worker) do first: read .env if present (variables already set in the
 * environment win), parse the config, and on a problem print every message and exit 1.
 */
import { existsSync } from 'node:fs';
import { ConfigError, loadConfig, type Config } from './config.js';

export function readConfigOrExit(overrides: NodeJS.ProcessEnv = {}): Config {
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    return loadConfig({ ...process.env, ...overrides });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\nSee .env.example for every variable and its meaning.\n`);
    process.exit(1);
  }
}
