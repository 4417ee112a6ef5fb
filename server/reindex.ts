/**
 * `npm run reindex` — rebuilds the search index from the store (companies, then postings) with a progress bar,
 * applying the index settings first. Needed with Meilisearch after restoring a store, after changing the synonym
 * table or the industry-chain data (documents carry the roles derived from it), or when the index was lost. The
 * in-process index needs no command: it lives in the server's memory and is rebuilt at every start.
 * Exit codes: 0 rebuilt (or nothing to do), 1 configuration or connection error.
 */
import { SingleBar, Presets } from 'cli-progress';
import { readConfigOrExit } from './bootstrap.js';
import { closePorts, openPorts } from './compose.js';
import { createServices } from './domain/services.js';
import { createLogger } from './logger.js';

const config = readConfigOrExit();
const logger = createLogger({ logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });
if (!config.meili) {
  process.stdout.write('the search index is in-process (MEILI_HOST is not set): the server rebuilds it from the store at every start; nothing to do\n');
  process.exit(0);
}
const ports = await openPorts(config, logger);
const services = createServices({ ...ports, logger });
const bar = new SingleBar({ format: ' reindex [{bar}] {value}/{total} documents', hideCursor: true }, Presets.shades_classic);
const started = Date.now();
try {
  bar.start(0, 0);
  const { companies, postings } = await services.indexSync.rebuild((done, total) => {
    bar.setTotal(total);
    bar.update(done);
  });
  bar.stop();
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(
    `indexed ${companies} companies and ${postings} postings into ${ports.search.adapter} in ${seconds.toFixed(1)} s (${Math.round((companies + postings) / seconds)} documents/s)\n`,
  );
} catch (error) {
  bar.stop();
  process.stderr.write(`reindex failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await closePorts(ports);
}
