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
import { LiveService } from './live/service.js';
import { Outbox } from './outbox/service.js';
import { AgendaService } from './sessions/agenda.js';
import { SessionExports } from './sessions/exports.js';
import { InvitationService } from './sessions/invitations.js';
import { OutcomeService } from './sessions/outcomes.js';
import { Reminders } from './sessions/reminders.js';
import { MeetingRequestService } from './sessions/requests.js';
import { SessionService } from './sessions/service.js';
import { SessionSuggestions } from './sessions/suggestions.js';

export interface Services {
  deps: DomainDeps;
  audit: AuditLog;
  companies: CompanyService;
  postings: PostingService;
  users: UserService;
  apiKeys: ApiKeyService;
  matching: MatchService;
  indexSync: IndexSync;
  outbox: Outbox;
  sessions: SessionService;
  requests: MeetingRequestService;
  agenda: AgendaService;
  invitations: InvitationService;
  outcomes: OutcomeService;
  suggestions: SessionSuggestions;
  exports: SessionExports;
  live: LiveService;
}

export function createServices(deps: DomainDeps): Services {
  const audit = new AuditLog(deps);
  const companies = new CompanyService(deps, audit);
  const postings = new PostingService(deps, audit, companies);
  const matcher = new Matcher(deps.search);
  const matching = new MatchService(matcher, companies, postings);
  const sessionParts = createSessionServices(deps, companies, matching);
  return {
    deps,
    audit,
    companies,
    postings,
    users: new UserService(deps),
    apiKeys: new ApiKeyService(deps, companies),
    matching,
    indexSync: new IndexSync(deps.store, matcher),
    ...sessionParts,
  };
}

/** The session capability; job handlers build the same parts to run schedule runs, expiries and deliveries. */
export function createSessionServices(deps: DomainDeps, companies: CompanyService, matching: MatchService) {
  const outbox = new Outbox(deps);
  const sessions = new SessionService(deps, companies);
  const reminders = new Reminders(sessions.db, outbox);
  const requests = new MeetingRequestService(deps, sessions, outbox);
  const agenda = new AgendaService(deps, sessions, requests, reminders);
  sessions.onWithdrawal(async (session, participant) => {
    await requests.releaseWithdrawn(participant);
    await agenda.releaseWithdrawn(session, participant);
  });
  const outcomes = new OutcomeService(sessions, outbox);
  return {
    outbox,
    sessions,
    requests,
    agenda,
    invitations: new InvitationService(sessions, outbox),
    outcomes,
    suggestions: new SessionSuggestions(sessions, requests, matching),
    exports: new SessionExports(sessions),
    live: new LiveService(deps.queue, sessions, outcomes, matching),
  };
}
