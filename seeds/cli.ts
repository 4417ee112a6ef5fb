/**
 * `npm run seed` — loads the demo zone into the configured store (embedded, or MongoDB when MONGODB_URI is set).
 * `npm run seed -- --synthetic 20000` — loads a deterministic synthetic zone of that many companies (about three
 * postings each) for benchmarks, and prints the documents/s it reached.
 * `--force` — load even though the store holds companies no seed run created.
 *
 * Both are idempotent: a dataset already loaded is reported and left alone. Exit codes: 0 loaded or already
 * loaded, 1 bad arguments/config, 2 refused (real data present), 3 a dataset record failed validation.
 */
import { parseArgs } from 'node:util';
import { MultiBar, Presets } from 'cli-progress';
import { readConfigOrExit } from '../server/bootstrap.js';
import { closePorts, openPorts } from '../server/compose.js';
import { createServices } from '../server/domain/services.js';
import { createLogger } from '../server/logger.js';
import { seedDemoZone } from './demo-zone.js';
import { generateSyntheticZone } from './demo/index.js';
import { loadSeed, SeedDataError, SeedRefusedError, type SeedProgress, type SeedResult } from './load.js';

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run seed [-- --synthetic <companies>] [--force]\n`);
  process.exit(1);
}

let args: { synthetic?: string; force?: boolean };
try {
  args = parseArgs({ options: { synthetic: { type: 'string' }, force: { type: 'boolean' } } }).values;
} catch (error) {
  usage(error instanceof Error ? error.message : String(error));
}
const synthetic = args.synthetic === undefined ? undefined : Number(args.synthetic);
if (synthetic !== undefined && (!Number.isInteger(synthetic) || synthetic < 1 || synthetic > 200_000)) {
  usage('--synthetic needs a number of companies from 1 to 200000');
}

const config = readConfigOrExit();
const logger = createLogger({ logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });
const ports = await openPorts(config, logger);
const services = createServices({ ...ports, logger });

const bars = new MultiBar({ format: ' {phase} [{bar}] {value}/{total}', hideCursor: true, clearOnComplete: false }, Presets.shades_classic);
const shown = new Map<string, ReturnType<MultiBar['create']>>();
const progress = (phase: Parameters<SeedProgress>[0] | 'index', done: number, total: number): void => {
  let bar = shown.get(phase);
  if (!bar) {
    bar = bars.create(total, 0, { phase: phase.padEnd(11) });
    shown.set(phase, bar);
  }
  bar.setTotal(total);
  bar.update(done, { phase: phase.padEnd(11) });
};

/**
 * Makes what was loaded searchable. Meilisearch keeps its index, so it is rebuilt here; the in-process index lives
 * in the server's memory and is built from the store when the server starts.
 */
async function indexLoaded(): Promise<void> {
  if (ports.search.adapter !== 'meilisearch') {
    process.stdout.write('search index: in-process; the server builds it from the store when it starts\n');
    return;
  }
  const started = Date.now();
  const indexed = await services.indexSync.rebuild((done, total) => progress('index', done, total));
  bars.stop();
  const seconds = (Date.now() - started) / 1000;
  const documents = indexed.companies + indexed.postings;
  process.stdout.write(`indexed ${documents} documents into Meilisearch in ${seconds.toFixed(1)} s (${Math.round(documents / seconds)} documents/s)\n`);
}

let code = 0;
try {
  let result: SeedResult;
  if (synthetic === undefined) {
    const demo = await seedDemoZone(services, { dataDir: config.dataDir, force: args.force, progress });
    result = demo.result;
    bars.stop();
    if (demo.credentialsFile) process.stdout.write(`demo credentials (a staff token, two company API keys, participant join tokens of the demo sessions): ${demo.credentialsFile}\n`);
  } else {
    // Anchored at the start of today (UTC): posting validity lies ahead, and a rerun the same day is identical.
    const anchor = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000);
    const zone = generateSyntheticZone({ companies: synthetic, seed: 7, now: anchor });
    result = await loadSeed(
      services,
      { run: 'synthetic', dataset: 'synthetic-zone', anchor, companies: zone.companies, postings: zone.postings },
      { force: args.force, progress },
    );
    bars.stop();
  }
  if (result.status === 'already-loaded') {
    process.stdout.write('already loaded: this dataset is in the store; nothing to do\n');
  } else {
    const documents = result.companies + result.postings;
    process.stdout.write(
      `loaded ${result.companies} companies and ${result.postings} postings into ${ports.store.adapter} in ${result.seconds.toFixed(1)} s (${Math.round(documents / result.seconds)} documents/s)\n`,
    );
    await indexLoaded();
  }
} catch (error) {
  bars.stop();
  if (error instanceof SeedRefusedError) {
    process.stderr.write(`refused: ${error.message}\n`);
    code = 2;
  } else if (error instanceof SeedDataError) {
    process.stderr.write(`stopped, nothing written: ${error.message}\n`);
    code = 3;
  } else {
    throw error;
  }
} finally {
  await closePorts(ports);
}
process.exitCode = code;
