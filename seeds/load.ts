/**
 * Loads a seed dataset (the demo zone, or a synthetic zone for benchmarks) into the configured store through the
 * domain services, so every record passes the same validation and lands with the same audit trail as one posted
 * through the API. Matchmaking sessions are the exception: they go straight into their collections, because a
 * session that already happened cannot be replayed through the live workflow (seeds/sessions-load.ts).
 *
 * Safety rules:
 * - Every record is validated before anything is written; the first bad one stops the run, naming the dataset,
 *   the record and the field.
 * - All or nothing per run: if a write fails midway, what this run created is deleted again.
 * - A store that already holds companies which no seed run created is real data: the loader refuses to touch it
 *   unless `force` is given. A dataset already loaded is not loaded twice (idempotent).
 */
import type { z } from 'zod';
import { companyCreateSchema, type CompanyCreate } from '../server/domain/companies/schemas.js';
import { postingCreateSchema, type PostingCreate } from '../server/domain/postings/schemas.js';
import type { Services } from '../server/domain/services.js';
import type { Principal } from '../server/http/auth.js';
import { trusted } from '../server/store/port.js';
import { AUDIT } from '../server/store/schemas/audit.js';
import { COMPANIES } from '../server/store/schemas/companies.js';
import { POSTINGS } from '../server/store/schemas/postings.js';
import { SEED_RUNS } from '../server/store/schemas/seed-runs.js';
import type { SeedCompany, SeedCredentials, SeedPosting, SeedSession } from './demo/types.js';
import { checkSeedSessions, deleteSeedSessions, loadSeedSessions, type SeedParticipantToken } from './sessions-load.js';

/** The actor recorded in the audit log for seeded records. */
export const SEED_ACTOR: Principal = { role: 'admin', id: 'seed' };

export interface SeedInput {
  /** `demo` or `synthetic`: one seed run of each kind at most. */
  run: 'demo' | 'synthetic';
  dataset: 'demo-zone' | 'synthetic-zone';
  anchor: Date;
  companies: readonly SeedCompany[];
  postings: readonly SeedPosting[];
  credentials?: SeedCredentials;
  /** Matchmaking sessions (the demo's two), loaded by seeds/sessions-load.ts. */
  sessions?: readonly SeedSession[];
}

export interface SeedProgress {
  (phase: 'validate' | 'companies' | 'postings' | 'sessions' | 'credentials', done: number, total: number): void;
}

export interface CreatedCredentials {
  users: { name: string; role: string; token: string }[];
  apiKeys: { companyKey: string; companyName: string; companyId: string; key: string }[];
  /** Join tokens of the seeded sessions' participants, one per company and session. */
  participants: SeedParticipantToken[];
}

export type SeedResult =
  | { status: 'loaded'; companies: number; postings: number; seconds: number; credentials: CreatedCredentials }
  | { status: 'already-loaded' };

/** The dataset has a record that fails validation; nothing was written. */
export class SeedDataError extends Error {
  constructor(readonly record: string, readonly field: string, readonly reason: string) {
    super(`seed record ${record}: ${field}: ${reason}`);
    this.name = 'SeedDataError';
  }
}

/** The store holds data no seed run created and `force` was not given; nothing was written. */
export class SeedRefusedError extends Error {
  constructor(readonly companies: number) {
    super(`the store already holds ${companies} companies that no seed run created; pass --force to add seed data anyway`);
    this.name = 'SeedRefusedError';
  }
}

const BATCH = 2000;

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, record: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new SeedDataError(record, issue?.path.join('.') || '(record)', issue?.message ?? 'invalid');
}

/** Companies in the store that no seed run created. */
export async function countNonSeedCompanies(services: Services): Promise<number> {
  const { store } = services.deps;
  const runs = await store.collection<{ companyIds: string[] }>(SEED_RUNS).find({});
  const seeded = runs.reduce((n, run) => n + run.companyIds.length, 0);
  return (await store.collection(COMPANIES).count()) - seeded;
}

export async function loadSeed(services: Services, input: SeedInput, options: { force?: boolean; progress?: SeedProgress } = {}): Promise<SeedResult> {
  const { store } = services.deps;
  const progress = options.progress ?? (() => undefined);
  const runs = store.collection<{ dataset: string; anchor: Date; companyIds: string[]; postingIds: string[]; userIds: string[]; apiKeyIds: string[] }>(SEED_RUNS);
  if (await runs.findById(input.run)) return { status: 'already-loaded' };
  const foreign = await countNonSeedCompanies(services);
  if (foreign > 0 && !options.force) throw new SeedRefusedError(foreign);

  // 1. Validate everything first: a bad record stops the run before any write.
  const total = input.companies.length + input.postings.length;
  const companies: CompanyCreate[] = input.companies.map((c, i) => {
    if (i % BATCH === 0) progress('validate', i, total);
    return parseOrThrow(companyCreateSchema, c.input, `company ${c.key}`);
  });
  const companyKeys = new Set(input.companies.map((c) => c.key));
  const postings = input.postings.map((p, i) => {
    if (i % BATCH === 0) progress('validate', companies.length + i, total);
    if (!companyKeys.has(p.companyKey)) throw new SeedDataError(`posting ${p.key}`, 'companyKey', `names no company in the dataset ("${p.companyKey}")`);
    return parseOrThrow(postingCreateSchema, p.input, `posting ${p.key}`);
  });
  // Sessions: checked with everything else, before any write (seeds/sessions-load.ts).
  const sessionProblem = checkSeedSessions(input.sessions ?? [], companyKeys);
  if (sessionProblem) throw new SeedDataError(sessionProblem.record, sessionProblem.field, sessionProblem.reason);
  progress('validate', total, total);

  // 2. Write, remembering every id so a failure can be undone.
  const started = performance.now();
  const created = { companyIds: [] as string[], postingIds: [] as string[], userIds: [] as string[], apiKeyIds: [] as string[] };
  // Seed sessions carry their seedKey, so the seed run record does not list them; kept here only for undo.
  const sessionIds: string[] = [];
  try {
    const idByKey = new Map<string, string>();
    for (let i = 0; i < companies.length; i += BATCH) {
      const views = await services.companies.createMany(SEED_ACTOR, companies.slice(i, i + BATCH));
      views.forEach((view, j) => {
        created.companyIds.push(view.id);
        idByKey.set(input.companies[i + j]?.key ?? '', view.id);
      });
      progress('companies', created.companyIds.length, companies.length);
    }
    for (let i = 0; i < postings.length; i += BATCH) {
      const batch: PostingCreate[] = postings.slice(i, i + BATCH).map((p, j) => ({ ...p, companyId: idByKey.get(input.postings[i + j]?.companyKey ?? '') }));
      const views = await services.postings.createMany(SEED_ACTOR, batch);
      created.postingIds.push(...views.map((v) => v.id));
      progress('postings', created.postingIds.length, postings.length);
    }
    // Sessions: written after the companies they name (seeds/sessions-load.ts).
    const companiesByKey = new Map(
      input.companies.flatMap((c) => {
        const id = idByKey.get(c.key);
        return id === undefined ? [] : [[c.key, { id, name: c.input.name }] as const];
      }),
    );
    const participants = await loadSeedSessions(store, input.sessions ?? [], companiesByKey, sessionIds);
    if (sessionIds.length > 0) progress('sessions', sessionIds.length, sessionIds.length);
    const credentials = { ...(await createCredentials(services, input, idByKey, created)), participants };
    progress('credentials', 1, 1);
    await runs.insertOne({ _id: input.run, dataset: input.dataset, anchor: input.anchor, ...created });
    return {
      status: 'loaded',
      companies: created.companyIds.length,
      postings: created.postingIds.length,
      seconds: (performance.now() - started) / 1000,
      credentials,
    };
  } catch (error) {
    await undo(services, created, sessionIds);
    throw error;
  }
}

async function createCredentials(
  services: Services,
  input: SeedInput,
  idByKey: Map<string, string>,
  created: { userIds: string[]; apiKeyIds: string[] },
): Promise<Omit<CreatedCredentials, 'participants'>> {
  const result: Omit<CreatedCredentials, 'participants'> = { users: [], apiKeys: [] };
  for (const user of input.credentials?.users ?? []) {
    const account = await services.users.create({ name: user.name, email: user.email, role: user.role }, SEED_ACTOR);
    created.userIds.push(account.id);
    result.users.push({ name: account.name, role: account.role, token: account.token });
  }
  for (const grant of input.credentials?.apiKeys ?? []) {
    const companyId = idByKey.get(grant.companyKey);
    const company = input.companies.find((c) => c.key === grant.companyKey);
    if (!companyId || !company) throw new SeedDataError('credentials', 'apiKeys.companyKey', `names no company in the dataset ("${grant.companyKey}")`);
    const key = await services.apiKeys.create(companyId, grant.label, SEED_ACTOR);
    created.apiKeyIds.push(key.id);
    result.apiKeys.push({ companyKey: grant.companyKey, companyName: company.input.name, companyId, key: key.key });
  }
  return result;
}

/** Deletes what a failed run created (documents and their audit entries), so the store is as it was. */
async function undo(
  services: Services,
  created: { companyIds: string[]; postingIds: string[]; userIds: string[]; apiKeyIds: string[] },
  sessionIds: string[],
): Promise<void> {
  const { store, logger } = services.deps;
  const ids = (list: string[]) => ({ _id: trusted({ $in: list }) });
  try {
    await deleteSeedSessions(store, sessionIds);
    await store.collection(POSTINGS).deleteMany(ids(created.postingIds));
    await store.collection(COMPANIES).deleteMany(ids(created.companyIds));
    await store.collection(AUDIT).deleteMany({ entityId: trusted({ $in: [...created.companyIds, ...created.postingIds] }) });
    await store.collection('users').deleteMany(ids(created.userIds));
    await store.collection('apiKeys').deleteMany(ids(created.apiKeyIds));
  } catch (error) {
    logger.error({ err: error }, 'seed: could not undo a failed load; the store may hold part of it');
  }
}
