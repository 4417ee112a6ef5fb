/** Bureau staff accounts (roles admin / staff), each with its own bearer token stored hashed. */
import type { CredentialSource, Principal } from '../../http/auth.js';
import { HttpProblem } from '../../http/problem.js';
import type { Collection, Page, Stored } from '../../store/port.js';
import { pageOf, type PageRequest } from '../audit/listing.js';
import type { DomainDeps } from '../deps.js';
import { CredentialCache } from './credential-cache.js';
import type { StaffRole, UserCreate, UserView } from './schemas.js';
import { hashSecret, issueSecret, looksLike } from './tokens.js';

interface UserDoc {
  name: string;
  email?: string;
  role: StaffRole;
  tokenHash: string;
  createdBy: string;
  tokenRotatedAt?: Date;
  disabledAt?: Date;
  disabledBy?: string;
}

export const USERS = 'users';

export class UserService {
  private collection: Collection<UserDoc> | undefined;
  private readonly cache = new CredentialCache();

  constructor(readonly deps: DomainDeps) {}

  private get users(): Collection<UserDoc> {
    this.collection ??= this.deps.store.collection<UserDoc>(USERS);
    return this.collection;
  }

  /** Creates an account and returns it with its token, which is not stored and cannot be shown again. */
  async create(input: UserCreate, actor: Principal): Promise<UserView & { token: string }> {
    const { secret, hash } = issueSecret('staff');
    const doc = await this.users.insertOne({
      name: input.name,
      ...(input.email ? { email: input.email } : {}),
      role: input.role,
      tokenHash: hash,
      createdBy: actor.id,
    });
    this.deps.logger.info({ userId: doc._id, role: doc.role, by: actor.id }, 'staff account created');
    return { ...view(doc), token: secret };
  }

  async list(request: PageRequest): Promise<Page<UserView>> {
    const page = await pageOf(this.users, {}, request);
    return { items: page.items.map(view), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<UserView> {
    return view(await this.load(id));
  }

  /** Disables the account; its token stops working at once. Disabling a disabled account changes nothing. */
  async disable(id: string, actor: Principal): Promise<void> {
    const updated = await this.users.updateOne({ _id: id, disabledAt: null }, { $set: { disabledAt: new Date(), disabledBy: actor.id } });
    if (!updated) {
      await this.load(id);
      return;
    }
    this.cache.forget(id);
    this.deps.logger.info({ userId: id, by: actor.id }, 'staff account disabled');
  }

  /** Replaces the account's token: the new one is returned once, the old one stops working at once. */
  async rotateToken(id: string, actor: Principal): Promise<UserView & { token: string }> {
    const { secret, hash } = issueSecret('staff');
    const updated = await this.users.updateOne({ _id: id, disabledAt: null }, { $set: { tokenHash: hash, tokenRotatedAt: new Date() } });
    if (!updated) {
      await this.load(id);
      throw new HttpProblem('conflict', 'The account is disabled; create a new account instead.');
    }
    this.cache.forget(id);
    this.deps.logger.info({ userId: id, by: actor.id }, 'staff token rotated');
    return { ...view(updated), token: secret };
  }

  /** Recognises staff tokens (`zms_...`) of enabled accounts; anything else is not ours. */
  credentialSource(): CredentialSource {
    return async (token) => {
      if (!looksLike('staff', token)) return null;
      const digest = hashSecret(token);
      const cached = this.cache.get(digest);
      if (cached) return cached;
      const generation = this.cache.begin();
      const user = await this.users.findOne({ tokenHash: digest });
      if (!user || user.disabledAt) return null;
      const principal: Principal = { role: user.role, id: user._id };
      this.cache.set(digest, principal, generation);
      return principal;
    };
  }

  private async load(id: string): Promise<Stored<UserDoc>> {
    const user = await this.users.findById(id);
    if (!user) throw new HttpProblem('not-found', `No user ${id}.`);
    return user;
  }
}

function view(doc: Stored<UserDoc>): UserView {
  return {
    id: doc._id,
    name: doc.name,
    ...(doc.email ? { email: doc.email } : {}),
    role: doc.role,
    disabled: doc.disabledAt !== undefined && doc.disabledAt !== null,
    createdAt: doc.createdAt.toISOString(),
  };
}
