/**
 * Durability of the embedded store: a writer process is killed with SIGKILL in the middle of a burst of inserts;
 * every insert it acknowledged must be in the file afterwards, and every row must be an intact, valid document.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Mongoose } from 'mongoose';
import { decodeDoc } from '../../server/store/adapters/embedded/codec.js';
import { openEmbeddedStore } from '../../server/store/adapters/embedded/index.js';
import { company, testSchemas, type Company } from './fixtures/schemas.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/write-burst.ts', import.meta.url));
const ACKS_BEFORE_KILL = 200;

interface Burst {
  acknowledged: string[];
  signal: NodeJS.Signals | null;
}

/** Runs the writer until it has acknowledged `acks` inserts, then SIGKILLs it. */
function burstAndKill(file: string, acks: number): Promise<Burst> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acknowledged: string[] = [];
    let partial = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? ''; // an id whose newline has not arrived is not counted as acknowledged
      acknowledged.push(...lines.filter(Boolean));
      if (acknowledged.length >= acks && !child.killed) child.kill('SIGKILL');
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    // 'close' fires once the process has ended and its output is drained.
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer stopped by itself (code ${code}) after ${acknowledged.length} acks: ${stderr}`));
      else resolve({ acknowledged, signal });
    });
  });
}

describe('Embedded store durability', function () {
  let dir: string;

  beforeEach(function () {
    dir = mkdtempSync(join(tmpdir(), 'zonematch-durability-'));
  });

  afterEach(function () {
    rmSync(dir, { recursive: true, force: true });
  });

  it('When the writer is SIGKILLed mid-burst, then every acknowledged insert is in the file and every row is an intact document', async function () {
    this.timeout(120_000);
    const file = join(dir, 'burst.sqlite');
    const { acknowledged, signal } = await burstAndKill(file, ACKS_BEFORE_KILL);
    assert.equal(signal, 'SIGKILL');
    assert.ok(acknowledged.length >= ACKS_BEFORE_KILL);

    // Every row, read raw: valid JSON and a document the schema accepts.
    const db = new Database(file, { readonly: true });
    const rows = db.prepare<[], { id: string; doc: string }>('SELECT id, doc FROM companies').all();
    db.close();
    const Company = new Mongoose().model('companies', testSchemas.companies, 'companies');
    for (const row of rows) {
      const doc = decodeDoc(row.doc);
      assert.equal(doc._id, row.id);
      await new Company(doc).validate();
      assert.ok(doc.foundedAt instanceof Date);
    }

    // Through a reopened store: every acknowledged id is there, exactly as the writer built it.
    const store = openEmbeddedStore({ file, schemas: testSchemas });
    try {
      const companies = store.collection<Company>('companies');
      const found = await companies.find({});
      const byId = new Map(found.map((c) => [c._id, c]));
      const missing = acknowledged.filter((id) => !byId.has(id));
      console.log(
        `      durability: ${acknowledged.length} acknowledged, ${found.length} found after SIGKILL, ${missing.length} acknowledged missing`,
      );
      assert.deepEqual(missing, []);
      assert.equal(found.length, rows.length);
      found.forEach((c, i) => {
        const expected = company(i, { tags: ['burst'] });
        assert.equal(c.code, expected.code, 'the i-th document is the i-th insert: no gaps before an acknowledged one');
        assert.equal(c.contacts?.[0]?.email, `p${i}@example.com`);
        assert.equal(c.foundedAt?.getTime(), i * 1000);
      });
      // The reopened file takes writes again.
      await companies.insertOne(company(999_999 % 10_000, { code: 'AFTER-KILL' }));
    } finally {
      await store.close();
    }
  });
});
