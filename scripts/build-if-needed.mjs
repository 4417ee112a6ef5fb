// Runs before `npm start` / `npm run worker`: compiles TypeScript into dist/ when any source is newer than the
// last build, so a fresh clone needs only `npm install && npm start`.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['server', 'matcher', 'jobs', 'seeds'];
const stamp = 'dist/.build-stamp';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const sourcesAt = Math.max(
  ...roots.filter((r) => existsSync(r)).map(newestMtime),
  ...['tsconfig.json', 'tsconfig.build.json', 'package.json'].map((f) => statSync(f).mtimeMs),
);
if (sourcesAt > builtAt) {
  process.stderr.write('zonematch: compiling TypeScript (dist/ is missing or older than the sources)...\n');
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['-e', `require('fs').writeFileSync(${JSON.stringify(stamp)}, String(Date.now()))`]);
}
