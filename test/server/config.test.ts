import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../server/config.js';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  assert.fail('expected a ConfigError');
}

describe('config', () => {
  it('When nothing is set, then every port is embedded and defaults apply', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.mongodbUri, undefined);
    assert.equal(config.meili, undefined);
    assert.equal(config.redisUrl, undefined);
    assert.equal(config.seedDemo, true);
    assert.equal(config.role, 'all');
    assert.equal(config.logLevel, 'info');
    assert.ok(config.dataDir.endsWith('/data'));
  });

  it('When PORT is not a number, then the message names the variable and its range', () => {
    assert.deepEqual(problemsOf({ PORT: 'abc' }), ['PORT must be an integer between 0 and 65535']);
    assert.deepEqual(problemsOf({ PORT: '70000' }), ['PORT must be an integer between 0 and 65535']);
    assert.deepEqual(problemsOf({ PORT: '-1' }), ['PORT must be an integer between 0 and 65535']);
  });

  it('When several variables are wrong, then every problem is listed at once', () => {
    const problems = problemsOf({ PORT: 'x', LOG_LEVEL: 'loud', SEED_DEMO: 'maybe', REDIS_URL: 'http://nope' });
    assert.equal(problems.length, 4);
    assert.ok(problems.some((p) => p.startsWith('LOG_LEVEL must be one of')));
    assert.ok(problems.some((p) => p.startsWith('SEED_DEMO must be one of')));
    assert.ok(problems.some((p) => p.startsWith('REDIS_URL must be a redis or rediss URL')));
  });

  it('When the production URLs are set, then the production adapters are configured', () => {
    const config = loadConfig({
      MONGODB_URI: 'mongodb://127.0.0.1:27017/zonematch',
      MEILI_HOST: 'http://127.0.0.1:7700',
      MEILI_API_KEY: 'k',
      REDIS_URL: 'redis://127.0.0.1:6379',
      ADMIN_TOKEN: 'a'.repeat(32),
      PROCESS_ROLE: 'api',
    });
    assert.equal(config.mongodbUri, 'mongodb://127.0.0.1:27017/zonematch');
    assert.deepEqual(config.meili, { host: 'http://127.0.0.1:7700', apiKey: 'k' });
    assert.equal(config.redisUrl, 'redis://127.0.0.1:6379');
    assert.equal(config.role, 'api');
  });

  it('When a variable is set to an empty string, then it counts as unset', () => {
    const config = loadConfig({ MONGODB_URI: '', REDIS_URL: '', PORT: '' });
    assert.equal(config.mongodbUri, undefined);
    assert.equal(config.redisUrl, undefined);
    assert.equal(config.port, 3000);
  });

  it('When MongoDB is used without ADMIN_TOKEN, or API-only without Redis, then start is refused', () => {
    assert.deepEqual(problemsOf({ MONGODB_URI: 'mongodb://h/db' }), [
      'ADMIN_TOKEN is required when MONGODB_URI is set (a generated token only suits the embedded store)',
    ]);
    assert.match(problemsOf({ PROCESS_ROLE: 'api' })[0] ?? '', /PROCESS_ROLE=api needs REDIS_URL/);
  });

  it('When API-only or worker processes would each hold their own in-process search index, then start is refused', () => {
    assert.deepEqual(problemsOf({ PROCESS_ROLE: 'worker', REDIS_URL: 'redis://127.0.0.1:6379' }), [
      'PROCESS_ROLE=worker needs MEILI_HOST: the in-process search index cannot be shared between processes',
    ]);
  });

  it('When ADMIN_TOKEN is short, then it is refused', () => {
    assert.deepEqual(problemsOf({ ADMIN_TOKEN: 'short' }), ['ADMIN_TOKEN must be at least 24 characters long']);
  });

  it('When SEED_DEMO=0, then the demo is not seeded', () => {
    assert.equal(loadConfig({ SEED_DEMO: '0' }).seedDemo, false);
    assert.equal(loadConfig({ SEED_DEMO: 'off' }).seedDemo, false);
  });
});
