/**
 * The composition root: the one place that reads the config and picks an adapter for each port.
 * Unset MONGODB_URI / MEILI_HOST / REDIS_URL ⇒ embedded store (SQLite + mingo), in-process search index,
 * inline job queue; set ⇒ MongoDB (mongoose), Meilisearch, BullMQ on Redis. Everything else in the product
 * receives ports and never knows which adapter it got.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { createBullmqQueue } from '../jobs/queue/adapters/bullmq/index.js';
import { createInlineQueue, inlineJobSchemas } from '../jobs/queue/adapters/inline/index.js';
import type { JobQueue } from '../jobs/queue/port.js';
import { createEmbeddedIndex, WhitespaceTokenizer } from '../matcher/index/adapters/embedded/index.js';
import { createMeiliIndex } from '../matcher/index/adapters/meilisearch/index.js';
import type { SearchIndex } from '../matcher/index/port.js';
import type { Config } from './config.js';
import { openEmbeddedStore } from './store/adapters/embedded/index.js';
import { openMongooseStore } from './store/adapters/mongoose/index.js';
import type { DocumentStore } from './store/port.js';
import type { SchemaRegistry } from './store/schema.js';
import { domainSchemas } from './store/schemas/index.js';

export interface Ports {
  store: DocumentStore;
  search: SearchIndex;
  queue: JobQueue;
}

/** Every collection the product stores, with the schema both store adapters validate against. */
export const allSchemas: SchemaRegistry = { ...domainSchemas, ...inlineJobSchemas };

export async function openStore(config: Config, logger: Logger): Promise<DocumentStore> {
  if (config.mongodbUri) {
    logger.info('document store: MongoDB');
    return openMongooseStore({ uri: config.mongodbUri, schemas: allSchemas });
  }
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, 'zonematch.sqlite');
  logger.info({ file, synchronous: config.storeSync }, 'document store: embedded SQLite');
  return openEmbeddedStore({ file, schemas: allSchemas, synchronous: config.storeSync });
}

export function openSearch(config: Config, logger: Logger): SearchIndex {
  if (config.meili) {
    logger.info({ host: config.meili.host }, 'search index: Meilisearch');
    return createMeiliIndex({ host: config.meili.host, apiKey: config.meili.apiKey });
  }
  logger.info('search index: embedded, in-process');
  // The matcher analyses text itself (jieba, folding, synonyms) and indexes the words it found, space-separated.
  return createEmbeddedIndex({ tokenizer: new WhitespaceTokenizer() });
}

export function openQueue(config: Config, store: DocumentStore, logger: Logger): JobQueue {
  if (config.redisUrl) {
    logger.info('job queue: BullMQ on Redis');
    return createBullmqQueue({ url: config.redisUrl, logger, queueName: config.queueName });
  }
  logger.info('job queue: inline, in-process, persisted in the document store');
  return createInlineQueue({ store, logger });
}

export async function openPorts(config: Config, logger: Logger): Promise<Ports> {
  const store = await openStore(config, logger);
  try {
    return { store, search: openSearch(config, logger), queue: openQueue(config, store, logger) };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** Closes in dependency order: the queue first (it finishes running jobs that may still use the store). */
export async function closePorts(ports: Ports): Promise<void> {
  await ports.queue.close();
  await ports.search.close();
  await ports.store.close();
}
