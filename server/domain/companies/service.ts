/**
 * Companies: create, read, update, delete, list — with object-level authorisation and audit.
 *
 * Rules: only the bureau creates and deletes companies and sets `verified`; a company key edits its own profile
 * only; everybody with access reads every public profile, but contacts only reach the bureau and the company
 * itself. Every change is written to the audit log with the fields it changed.
 */
import type { Principal } from '../../http/auth.js';
import { HttpProblem } from '../../http/problem.js';
import { trusted, VersionConflictError, type Collection, type Filter, type Stored } from '../../store/port.js';
import { definedFields, diffFields } from '../audit/changes.js';
import { allOf, containsText, DEFAULT_PAGE_SIZE, findInSlices, industrySubtree, pageOf } from '../audit/listing.js';
import { actorOf, type AuditRecord } from '../audit/record.js';
import type { AuditEntryView } from '../audit/views.js';
import type { AuditLog } from '../audit/service.js';
import type { DomainDeps } from '../deps.js';
import { POSTING_FIELDS, postingsOf } from '../postings/model.js';
import { actsFor, isBureau, ownCompanyOf, requireActsFor, requireBureau } from './access.js';
import { preconditionFailed } from './etag.js';
import { COMPANY_FIELDS, companiesOf, type CompanyRecord } from './model.js';
import type { CompanyCreate, CompanyPatch } from './schemas.js';
import { toCompanyView, type CompanyView } from './views.js';

export type { CompanyView } from './views.js';

export interface CompanyListQuery {
  /** Case-insensitive substring of the name or description. */
  q?: string | undefined;
  /** A GB/T 4754 code; matches companies in that industry or below it. */
  industry?: string | undefined;
  park?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export interface Paged<T> {
  items: T[];
  nextCursor: string | null;
}

/** Retries of an update that lost a race with another writer (only when the caller did not pin a version). */
const UPDATE_ATTEMPTS = 3;

export class CompanyService {
  constructor(
    readonly deps: DomainDeps,
    readonly audit: AuditLog,
  ) {}

  private get companies(): Collection<CompanyRecord> {
    return companiesOf(this.deps.store);
  }

  async create(actor: Principal, input: CompanyCreate): Promise<CompanyView> {
    const [view] = await this.createMany(actor, [input]);
    return view as CompanyView;
  }

  /**
   * Creates all companies or none (one insertMany), then their audit entries in one more write. Sized for bulk
   * imports: two store writes whatever the number of inputs.
   */
  async createMany(actor: Principal, inputs: CompanyCreate[]): Promise<CompanyView[]> {
    requireBureau(actor, 'register companies');
    if (inputs.length === 0) return [];
    const stored = await this.companies.insertMany(inputs.map(recordOf));
    const at = new Date();
    await this.audit.recordMany(stored.map((doc) => this.entry(actor, doc._id, 'create', diffFields(null, doc, COMPANY_FIELDS), at)));
    return stored.map((doc) => toCompanyView(doc, true));
  }

  /** One company; contacts only for the bureau and the company itself. */
  async get(actor: Principal, id: string): Promise<CompanyView> {
    const doc = await this.load(id);
    return toCompanyView(doc, actsFor(actor, doc._id));
  }

  /**
   * Applies a partial update. With `expectedVersion` (from If-Match) it applies only at that version (412
   * otherwise). Fields whose value does not change are not written; a patch that changes nothing returns the
   * record as it is, without a new version or audit entry.
   */
  async update(actor: Principal, id: string, patch: CompanyPatch, expectedVersion?: number): Promise<CompanyView> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.load(id);
      requireActsFor(actor, current._id, "change a company's profile");
      if (patch.verified !== undefined && !isBureau(actor)) {
        throw new HttpProblem('validation', 'Only the bureau marks a company as verified.', [{ path: 'body.verified', message: 'only the bureau may set this' }]);
      }
      if (expectedVersion !== undefined && current.version !== expectedVersion) throw preconditionFailed(current.version);

      const set = definedFields(patch);
      const changes = diffFields(current, { ...current, ...set }, COMPANY_FIELDS);
      if (changes.length === 0) return toCompanyView(current, true);
      let updated: Stored<CompanyRecord> | null;
      try {
        updated = await this.companies.updateOne({ _id: current._id }, { $set: set }, { expectedVersion: current.version });
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error;
        if (expectedVersion !== undefined) throw preconditionFailed(current.version + 1);
        if (attempt < UPDATE_ATTEMPTS) continue;
        throw error;
      }
      if (!updated) throw notFound(id);
      await this.audit.record(this.entry(actor, updated._id, 'update', changes, updated.updatedAt));
      return toCompanyView(updated, true);
    }
  }

  /** Deletes the company and all its postings (bureau only); every deleted record gets an audit entry. */
  async remove(actor: Principal, id: string): Promise<void> {
    requireBureau(actor, 'delete companies');
    const company = await this.load(id);
    const postings = postingsOf(this.deps.store);
    // Postings first: an interruption then leaves a company without postings, never postings without a company.
    const doomed = await postings.find({ companyId: company._id });
    if (doomed.length > 0) await postings.deleteMany({ companyId: company._id });
    const deleted = await this.companies.deleteOne({ _id: company._id });
    const at = new Date();
    const entries: AuditRecord[] = doomed.map((p) => ({
      entity: 'posting',
      entityId: p._id,
      companyId: company._id,
      action: 'delete',
      actor: actorOf(actor),
      at,
      changes: diffFields(p, null, POSTING_FIELDS),
    }));
    if (deleted) entries.push(this.entry(actor, company._id, 'delete', diffFields(company, null, COMPANY_FIELDS), at));
    await this.audit.recordMany(entries);
    if (!deleted) throw notFound(id);
  }

  /** A page of companies in registration order, filtered by text, industry subtree and park. */
  async list(actor: Principal, query: CompanyListQuery): Promise<Paged<CompanyView>> {
    const conditions: Filter[] = [];
    if (query.q !== undefined && query.q !== '') conditions.push(containsText(['name', 'description'], query.q));
    if (query.industry !== undefined) conditions.push({ industries: industrySubtree(query.industry) });
    if (query.park !== undefined) conditions.push({ park: query.park.normalize('NFC').trim() });
    const page = await pageOf(this.companies, allOf(conditions), { limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor });
    return { items: page.items.map((doc) => toCompanyView(doc, actsFor(actor, doc._id))), nextCursor: page.nextCursor };
  }

  /**
   * The audit history of a company: changes to its profile and to its postings, oldest first. The bureau may read
   * any company's (also one deleted since); a company key only its own.
   */
  async history(actor: Principal, id: string, page: { cursor?: string | undefined; limit?: number | undefined }): Promise<Paged<AuditEntryView>> {
    if (!isBureau(actor)) {
      if (ownCompanyOf(actor) !== id) {
        await this.load(id); // an unknown company is a 404 for everyone
        throw new HttpProblem('forbidden', 'A company may read only its own history.');
      }
    } else if (!(await this.exists(id)) && (await this.audit.list({ companyId: id, limit: 1 })).items.length === 0) {
      throw notFound(id);
    }
    return this.audit.list({ companyId: id, limit: page.limit ?? DEFAULT_PAGE_SIZE, cursor: page.cursor });
  }

  /** creditCode → id for the codes that are registered (bulk import resolves rows with this). */
  async findIdsByCreditCode(codes: string[]): Promise<Map<string, string>> {
    const docs = await findInSlices(codes, (slice) => this.companies.find({ creditCode: trusted({ $in: slice }) }, { projection: { creditCode: 1 } }));
    const found = new Map<string, string>();
    for (const doc of docs) if (doc.creditCode !== undefined) found.set(doc.creditCode, doc._id);
    return found;
  }

  /** Exact (NFC) name → id; when two companies share a name, the one registered first. */
  async findIdsByName(names: string[]): Promise<Map<string, string>> {
    const wanted = names.map((n) => n.normalize('NFC'));
    const docs = await findInSlices(wanted, (slice) => this.companies.find({ name: trusted({ $in: slice }) }, { projection: { name: 1 } }));
    docs.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
    const found = new Map<string, string>();
    for (const doc of docs) if (!found.has(doc.name)) found.set(doc.name, doc._id);
    return found;
  }

  async exists(id: string): Promise<boolean> {
    return (await this.companies.findById(id)) !== null;
  }

  /** Ids among `ids` that name no company. */
  async missing(ids: string[]): Promise<Set<string>> {
    const present = new Set((await this.namesOf(ids)).keys());
    return new Set(ids.filter((id) => !present.has(id)));
  }

  /** id → name for the companies among `ids` (posting views show the company name). */
  async namesOf(ids: string[]): Promise<Map<string, string>> {
    // A page of postings names a handful of companies: lookups by id are much cheaper than compiling an `$in` query.
    const unique = [...new Set(ids)];
    if (unique.length <= 64) {
      const docs = await Promise.all(unique.map((id) => this.companies.findById(id)));
      return new Map(docs.flatMap((d) => (d ? [[d._id, d.name] as const] : [])));
    }
    const docs = await findInSlices(unique, (slice) => this.companies.find({ _id: trusted({ $in: slice }) }, { projection: { name: 1 } }));
    return new Map(docs.map((d) => [d._id, d.name]));
  }

  /** The stored company (every principal may read profiles; views decide what of it to show). 404 when absent. */
  record(id: string): Promise<Stored<CompanyRecord>> {
    return this.load(id);
  }

  private async load(id: string): Promise<Stored<CompanyRecord>> {
    const doc = await this.companies.findById(id);
    if (!doc) throw notFound(id);
    return doc;
  }

  private entry(actor: Principal, id: string, action: AuditRecord['action'], changes: AuditRecord['changes'], at: Date): AuditRecord {
    return { entity: 'company', entityId: id, companyId: id, action, actor: actorOf(actor), at, changes };
  }
}

function notFound(id: string): HttpProblem {
  return new HttpProblem('not-found', `No company ${id}.`);
}

/** The stored record of a validated create request: lists default to empty, nothing is verified yet. */
function recordOf(input: CompanyCreate): CompanyRecord {
  return {
    ...definedFields(input),
    certifications: input.certifications ?? [],
    contacts: input.contacts ?? [],
    verified: false,
  } as CompanyRecord;
}
