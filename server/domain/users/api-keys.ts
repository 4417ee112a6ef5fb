/** Company API keys: shown once, stored hashed, each acting only for its company. */
import type { CredentialSource } from '../../http/auth.js';
import type { CompanyService } from '../companies/service.js';
import type { DomainDeps } from '../deps.js';

export class ApiKeyService {
  constructor(
    readonly deps: DomainDeps,
    readonly companies: CompanyService,
  ) {}

  credentialSource(): CredentialSource {
    return () => null;
  }
}
