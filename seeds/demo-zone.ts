/**
 * The demo zone as `npm start` and `npm run seed` load it: the curated dataset anchored at today, plus its demo
 * credentials written to DATA_DIR/demo-credentials.json (mode 0600) so a newcomer can call the API at once — the
 * staff token, the company API keys and the join token of every participant of the two demo sessions.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Services } from '../server/domain/services.js';
import { buildDemo } from './demo/index.js';
import { loadSeed, type SeedProgress, type SeedResult } from './load.js';

export const DEMO_CREDENTIALS_FILE = 'demo-credentials.json';

export interface DemoSeedResult {
  result: SeedResult;
  /** Where the demo credentials were written (only when this run loaded the demo). */
  credentialsFile?: string;
}

export async function seedDemoZone(
  services: Services,
  options: { dataDir: string; now?: Date; force?: boolean; progress?: SeedProgress },
): Promise<DemoSeedResult> {
  const now = options.now ?? new Date();
  const demo = buildDemo({ now });
  const result = await loadSeed(
    services,
    {
      run: 'demo',
      dataset: 'demo-zone',
      anchor: now,
      companies: demo.companies,
      postings: demo.postings,
      credentials: demo.credentials,
      sessions: demo.sessions,
    },
    { force: options.force, progress: options.progress },
  );
  if (result.status !== 'loaded') return { result };
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, DEMO_CREDENTIALS_FILE);
  writeFileSync(file, `${JSON.stringify(result.credentials, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { result, credentialsFile: file };
}
