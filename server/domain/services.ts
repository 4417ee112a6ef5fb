/**
 * The domain services of one running product, built once from the ports. Routes, job handlers and the live
 * gateway receive this object; nothing below it knows which adapters are in use.
 */
import { AuditLog } from './audit/service.js';
import { Matcher } from '../../matcher/ranking/matcher.js';
import { CompanyService } from './companies/service.js';
import type { DomainDeps } from './deps.js';
import { IndexSync } from './matching/index-sync.js';
import { MatchService } from './matching/service.js';
import { PostingService } from './postings/service.js';
import { ApiKeyService } from './users/api-keys.js';
import { UserService } from './users/service.js';

export interface Services {
  deps: DomainDeps;
  audit: AuditLog;
  companies: CompanyService;
  postings: PostingService;
  users: UserService;
  apiKeys: ApiKeyService;
  matching: MatchService;
  indexSync: IndexSync;
}

export function createServices(deps: DomainDeps): Services {
  const audit = new AuditLog(deps);
  const companies = new CompanyService(deps, audit);
  const postings = new PostingService(deps, audit, companies);
  const matcher = new Matcher(deps.search);
  return {
    deps,
    audit,
    companies,
    postings,
    users: new UserService(deps),
    apiKeys: new ApiKeyService(deps, companies),
    matching: new MatchService(matcher, companies, postings),
    indexSync: new IndexSync(deps.store, matcher),
  };
}
