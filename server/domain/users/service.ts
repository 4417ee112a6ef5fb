/** Bureau staff accounts (roles admin / staff), each with its own bearer token stored hashed. */
import type { CredentialSource } from '../../http/auth.js';
import type { DomainDeps } from '../deps.js';

export class UserService {
  constructor(readonly deps: DomainDeps) {}

  credentialSource(): CredentialSource {
    return () => null;
  }
}
