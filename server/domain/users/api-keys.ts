/** Company API keys: shown once, stored hashed, each acting only for its company. */
import type { CredentialSource, Principal } from '../../http/auth.js';
import { HttpProblem } from '../../http/problem.js';
import type { Collection, Stored } from '../../store/port.js';
import type { CompanyService } from '../companies/service.js';
import type { DomainDeps } from '../deps.js';
import { CredentialCache } from './credential-cache.js';
import type { ApiKeyView } from './schemas.js';
import { hashSecret, issueSecret, looksLike } from './tokens.js';

interface ApiKeyDoc {
  companyId: string;
  label: string | null;
  prefix: string;
  keyHash: string;
  createdBy: string;
  revokedAt?: Date;
  revokedBy?: string;
}

export const API_KEYS = 'apiKeys';
/** A company that needs more live keys than this is better served by revoking the ones nobody uses. */
export const MAX_ACTIVE_KEYS = 20;

export class ApiKeyService {
  private collection: Collection<ApiKeyDoc> | undefined;
  private readonly cache = new CredentialCache();

  constructor(
    readonly deps: DomainDeps,
    readonly companies: CompanyService,
  ) {}

  private get keys(): Collection<ApiKeyDoc> {
    this.collection ??= this.deps.store.collection<ApiKeyDoc>(API_KEYS);
    return this.collection;
  }

  /** Issues a key for the company; the key itself is returned once and never stored. */
  async create(companyId: string, label: string | undefined, actor: Principal): Promise<ApiKeyView & { key: string }> {
    await this.requireCompany(companyId);
    const active = await this.keys.count({ companyId, revokedAt: null });
    if (active >= MAX_ACTIVE_KEYS) {
      throw new HttpProblem('conflict', `The company already has ${MAX_ACTIVE_KEYS} active keys; revoke one first.`);
    }
    const { secret, hash, shown } = issueSecret('company');
    const doc = await this.keys.insertOne({ companyId, label: label ?? null, prefix: shown, keyHash: hash, createdBy: actor.id });
    this.deps.logger.info({ companyId, keyId: doc._id, prefix: shown, by: actor.id }, 'company API key created');
    return { ...view(doc), key: secret };
  }

  /** The company's active keys, oldest first, without secrets. */
  async list(companyId: string): Promise<ApiKeyView[]> {
    await this.requireCompany(companyId);
    const docs = await this.keys.find({ companyId, revokedAt: null }, { sort: { _id: 1 }, limit: MAX_ACTIVE_KEYS * 2 });
    return docs.map(view);
  }

  /** Revokes an active key of the company; it stops authenticating at once. */
  async revoke(companyId: string, keyId: string, actor: Principal): Promise<void> {
    await this.requireCompany(companyId);
    const revoked = await this.keys.updateOne({ _id: keyId, companyId, revokedAt: null }, { $set: { revokedAt: new Date(), revokedBy: actor.id } });
    if (!revoked) throw new HttpProblem('not-found', `The company has no active API key ${keyId}.`);
    this.cache.forget(keyId);
    this.deps.logger.info({ companyId, keyId, prefix: revoked.prefix, by: actor.id }, 'company API key revoked');
  }

  /**
   * Recognises company keys (`zmk_...`) that are not revoked and whose company still exists; anything else is not
   * ours. The principal acts for that one company only.
   *
   * The key itself may come from the cache (see CredentialCache for how stale that can be), but the company's
   * existence is asked of the store on every request: deleting a company must silence its keys at once on every
   * node, and CompanyService.remove does not tell this service.
   */
  credentialSource(): CredentialSource {
    return async (token) => {
      if (!looksLike('company', token)) return null;
      const digest = hashSecret(token);
      let principal = this.cache.get(digest);
      if (!principal) {
        const generation = this.cache.begin();
        const key = await this.keys.findOne({ keyHash: digest, revokedAt: null });
        if (!key) return null;
        principal = { role: 'company', id: key._id, companyId: key.companyId };
        this.cache.set(digest, principal, generation);
      }
      if (!principal.companyId || !(await this.companies.exists(principal.companyId))) return null;
      return principal;
    };
  }

  private async requireCompany(companyId: string): Promise<void> {
    if (!(await this.companies.exists(companyId))) throw new HttpProblem('not-found', `No company ${companyId}.`);
  }
}

function view(doc: Stored<ApiKeyDoc>): ApiKeyView {
  return { id: doc._id, companyId: doc.companyId, prefix: doc.prefix, label: doc.label, createdAt: doc.createdAt.toISOString() };
}
