/**
 * Postings (needs and capabilities): create, read, update, delete, list, expiry — with authorisation and audit.
 *
 * Visibility: the bureau sees every posting; a company key sees its own in any status and other companies' only
 * while they are open — any other posting of another company does not exist for it (404). Writes: the bureau on
 * any posting, a company key on its own only (403 on another company's visible posting).
 */
import type { Principal } from '../../http/auth.js';
import { HttpProblem, type FieldProblem } from '../../http/problem.js';
import { trusted, VersionConflictError, type Collection, type Filter, type Stored } from '../../store/port.js';
import { definedFields, diffFields } from '../audit/changes.js';
import { allOf, containsText, DEFAULT_PAGE_SIZE, findInSlices, industrySubtree, pageOf } from '../audit/listing.js';
import { actorOf, type AuditRecord } from '../audit/record.js';
import type { AuditLog } from '../audit/service.js';
import { actsFor, isBureau, ownCompanyOf, requireActsFor } from '../companies/access.js';
import { preconditionFailed } from '../companies/etag.js';
import type { CompanyService, Paged } from '../companies/service.js';
import type { DomainDeps } from '../deps.js';
import { expireDuePostings } from './expiry.js';
import { POSTING_FIELDS, postingsOf, type PostingRecord } from './model.js';
import type { PostingCreate, PostingKind, PostingPatch, PostingStatus } from './schemas.js';
import { checkTransition } from './transitions.js';
import { toPostingView, type PostingView } from './views.js';

export type { PostingView } from './views.js';

export interface PostingListQuery {
  kind?: PostingKind | undefined;
  /** A GB/T 4754 code; matches postings in that industry or below it. */
  industry?: string | undefined;
  status?: PostingStatus | undefined;
  companyId?: string | undefined;
  /** Case-insensitive substring of the title, description or a tag. */
  q?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export interface PostingKey {
  companyId: string;
  kind: PostingKind;
  title: string;
}

/** Retries of an update that lost a race with another writer (only when the caller did not pin a version). */
const UPDATE_ATTEMPTS = 3;

export class PostingService {
  constructor(
    readonly deps: DomainDeps,
    readonly audit: AuditLog,
    readonly companies: CompanyService,
  ) {}

  private get postings(): Collection<PostingRecord> {
    return postingsOf(this.deps.store);
  }

  /** Creates one posting; field errors name `body.<field>`. */
  async create(actor: Principal, input: PostingCreate): Promise<PostingView> {
    const [view] = await this.insert(actor, [input], (_i, field) => `body.${field}`);
    return view as PostingView;
  }

  /**
   * Creates all postings or none (one insertMany) plus their audit entries in one more write. Field errors name
   * `<index>.<field>` (`3.companyId`); every companyId must name an existing company.
   */
  async createMany(actor: Principal, inputs: PostingCreate[]): Promise<PostingView[]> {
    return this.insert(actor, inputs, (i, field) => `${i}.${field}`);
  }

  async get(actor: Principal, id: string): Promise<PostingView> {
    const doc = await this.loadVisible(actor, id);
    return (await this.views([doc]))[0] as PostingView;
  }

  /**
   * Applies a partial update, including status transitions (see transitions.ts). With `expectedVersion` (from
   * If-Match) it applies only at that version (412 otherwise). A patch that changes nothing writes nothing.
   */
  async update(actor: Principal, id: string, patch: PostingPatch, expectedVersion?: number): Promise<PostingView> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.loadVisible(actor, id);
      requireActsFor(actor, current.companyId, "change another company's postings");
      if (expectedVersion !== undefined && current.version !== expectedVersion) throw preconditionFailed(current.version);
      const now = new Date();
      if (patch.validUntil !== undefined && patch.validUntil.getTime() <= now.getTime()) {
        throw new HttpProblem('validation', 'validUntil must be in the future.', [{ path: 'body.validUntil', message: 'must be in the future' }]);
      }
      const set = definedFields(patch);
      const next = { ...current, ...set };
      if (patch.status !== undefined) checkTransition(current.status, patch.status, { bureau: isBureau(actor), validUntil: next.validUntil, now });

      const changes = diffFields(current, next, POSTING_FIELDS);
      if (changes.length === 0) return (await this.views([current]))[0] as PostingView;
      let updated: Stored<PostingRecord> | null;
      try {
        updated = await this.postings.updateOne({ _id: current._id }, { $set: set }, { expectedVersion: current.version });
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error;
        if (expectedVersion !== undefined) throw preconditionFailed(current.version + 1);
        if (attempt < UPDATE_ATTEMPTS) continue;
        throw error;
      }
      if (!updated) throw notFound(id);
      await this.audit.record(entry(actor, updated, 'update', changes, updated.updatedAt));
      return (await this.views([updated]))[0] as PostingView;
    }
  }

  async remove(actor: Principal, id: string): Promise<void> {
    const current = await this.loadVisible(actor, id);
    requireActsFor(actor, current.companyId, "delete another company's postings");
    if (!(await this.postings.deleteOne({ _id: current._id }))) throw notFound(id);
    await this.audit.record(entry(actor, current, 'delete', diffFields(current, null, POSTING_FIELDS), new Date()));
  }

  /** A page of postings in creation order, filtered as asked and limited to what the actor may see. */
  async list(actor: Principal, query: PostingListQuery): Promise<Paged<PostingView>> {
    const conditions: Filter[] = [];
    if (query.kind !== undefined) conditions.push({ kind: query.kind });
    if (query.status !== undefined) conditions.push({ status: query.status });
    if (query.companyId !== undefined) conditions.push({ companyId: query.companyId });
    if (query.industry !== undefined) conditions.push({ industries: industrySubtree(query.industry) });
    if (query.q !== undefined && query.q !== '') conditions.push(containsText(['title', 'description', 'tags'], query.q));
    if (!isBureau(actor)) conditions.push(visibleTo(actor));
    const page = await pageOf(this.postings, allOf(conditions), { limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor });
    return { items: await this.views(page.items), nextCursor: page.nextCursor };
  }

  /** `${companyId}|${kind}|${title}` → id of the existing postings among `keys` (bulk import matches rows with it). */
  async findIdsByKey(keys: PostingKey[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    const wanted = new Set(keys.map((k) => postingKey(k.companyId, k.kind, k.title.normalize('NFC'))));
    const docs = await findInSlices(
      keys.map((k) => k.companyId),
      (slice) => this.postings.find({ companyId: trusted({ $in: slice }) }, { projection: { companyId: 1, kind: 1, title: 1 } }),
    );
    docs.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
    for (const doc of docs) {
      const key = postingKey(doc.companyId, doc.kind, doc.title);
      if (wanted.has(key) && !found.has(key)) found.set(key, doc._id);
    }
    return found;
  }

  /** Closes open and paused postings whose validUntil is at or before `now`; returns how many. */
  async expireDue(now: Date): Promise<number> {
    return expireDuePostings(this.deps.store, this.audit, now);
  }

  // ---- internals ----

  private async insert(actor: Principal, inputs: PostingCreate[], pathOf: (index: number, field: string) => string): Promise<PostingView[]> {
    if (inputs.length === 0) return [];
    const now = new Date();
    const problems: FieldProblem[] = [];
    const records = inputs.map((input, i) => {
      const companyId = this.owningCompany(actor, input.companyId, () => pathOf(i, 'companyId'), problems);
      if (input.validUntil !== undefined && input.validUntil.getTime() <= now.getTime()) {
        problems.push({ path: pathOf(i, 'validUntil'), message: 'must be in the future' });
      }
      return recordOf(input, companyId);
    });
    if (problems.length === 0) {
      const missing = await this.companies.missing(records.map((r) => r.companyId));
      records.forEach((r, i) => {
        if (missing.has(r.companyId)) problems.push({ path: pathOf(i, 'companyId'), message: 'names no company' });
      });
    }
    if (problems.length > 0) throw new HttpProblem('validation', 'Some fields are missing or not valid.', problems);

    const stored = await this.postings.insertMany(records);
    await this.audit.recordMany(stored.map((doc) => entry(actor, doc, 'create', diffFields(null, doc, POSTING_FIELDS), doc.createdAt)));
    return this.views(stored);
  }

  /**
   * The company a new posting belongs to. A company key posts for itself (naming another company is a 403); the
   * bureau must name the company; nobody else posts.
   */
  private owningCompany(actor: Principal, requested: string | undefined, path: () => string, problems: FieldProblem[]): string {
    const own = ownCompanyOf(actor);
    if (own !== undefined) {
      if (requested !== undefined && requested !== own) throw new HttpProblem('forbidden', 'A company key may post only for its own company.');
      return own;
    }
    if (!isBureau(actor)) throw new HttpProblem('forbidden', 'Only the bureau or a company key may create postings.');
    if (requested === undefined) {
      problems.push({ path: path(), message: 'is required when the bureau creates a posting' });
      return '';
    }
    return requested;
  }

  /** The stored posting as the actor may see it (404 otherwise), for services that work on records. */
  readable(actor: Principal, id: string): Promise<Stored<PostingRecord>> {
    return this.loadVisible(actor, id);
  }

  /** Open postings of a company, newest first (at most `limit`). */
  openOf(companyId: string, limit: number): Promise<Stored<PostingRecord>[]> {
    return this.postings.find({ companyId, status: 'open' }, { sort: { _id: -1 }, limit });
  }

  /** The posting, or 404 when it does not exist or the actor may not see it (so its existence does not leak). */
  private async loadVisible(actor: Principal, id: string): Promise<Stored<PostingRecord>> {
    const doc = await this.postings.findById(id);
    if (!doc || !(isBureau(actor) || doc.status === 'open' || actsFor(actor, doc.companyId))) throw notFound(id);
    return doc;
  }

  private async views(docs: Stored<PostingRecord>[]): Promise<PostingView[]> {
    const names = await this.companies.namesOf(docs.map((d) => d.companyId));
    return docs.map((doc) => toPostingView(doc, names.get(doc.companyId) ?? ''));
  }
}

/** What a non-bureau actor may see: open postings, and its own company's in any status. */
function visibleTo(actor: Principal): Filter {
  const own = ownCompanyOf(actor);
  return own === undefined ? { status: 'open' } : { $or: [{ status: 'open' }, { companyId: own }] };
}

function postingKey(companyId: string, kind: string, title: string): string {
  return `${companyId}|${kind}|${title}`;
}

function notFound(id: string): HttpProblem {
  return new HttpProblem('not-found', `No posting ${id}.`);
}

function entry(actor: Principal, doc: Stored<PostingRecord>, action: AuditRecord['action'], changes: AuditRecord['changes'], at: Date): AuditRecord {
  return { entity: 'posting', entityId: doc._id, companyId: doc.companyId, action, actor: actorOf(actor), at, changes };
}

/** The stored record of a validated create request: lists default to empty, a new posting is open. */
function recordOf(input: PostingCreate, companyId: string): PostingRecord {
  const { companyId: _requested, ...fields } = definedFields(input);
  return {
    ...fields,
    companyId,
    tags: input.tags ?? [],
    industries: input.industries ?? [],
    certificationsRequired: input.certificationsRequired ?? [],
    status: 'open',
  } as PostingRecord;
}
