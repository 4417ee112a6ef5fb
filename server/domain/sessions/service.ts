/**
 * Sessions and their participants: create, read, change, list, register, withdraw, join tokens.
 *
 * Status: draft → open → scheduled → live → closed. The bureau moves a session along; `scheduled` is reached by
 * a successful schedule run (or set by the bureau once an agenda exists); any session that is not closed may be
 * closed (cancelled). The clock fields are fixed once an agenda exists, because moving them would silently
 * invalidate every meeting time participants have in their calendars.
 */
import type { Principal } from '../../http/auth.js';
import { HttpProblem } from '../../http/problem.js';
import { DuplicateKeyError, trusted, VersionConflictError, type Stored } from '../../store/port.js';
import type { Paged } from '../companies/service.js';
import { isBureau, requireBureau } from '../companies/access.js';
import type { CompanyService } from '../companies/service.js';
import type { DomainDeps } from '../deps.js';
import { pageOf, type PageRequest } from '../audit/listing.js';
import { hashSecret, issueSecret, looksLike } from '../users/tokens.js';
import type { CredentialSource } from '../../http/auth.js';
import { actsForParticipant, canSeeSession, notFound } from './access.js';
import { SessionCollections, type ParticipantRecord, type SessionRecord, type SessionStatus } from './model.js';
import type { ParticipantCreate, ParticipantPatch, SessionCreate, SessionPatch } from './schemas.js';
import { allSlots } from './timeline.js';
import { toParticipantView, toSessionView, type ParticipantView, type SessionView } from './views.js';

/** Transitions the bureau may make by PATCH; `scheduled` additionally needs an agenda. */
const TRANSITIONS: Record<SessionStatus, readonly SessionStatus[]> = {
  draft: ['open', 'closed'],
  open: ['draft', 'scheduled', 'closed'],
  scheduled: ['open', 'live', 'closed'],
  live: ['closed'],
  closed: [],
};

const CLOCK_FIELDS = ['startsAt', 'slotMinutes', 'slotCount', 'breakMinutes', 'tables'] as const;

/** Told when a participant withdraws, so its meetings, requests and reminders are released. */
export type WithdrawalListener = (session: Stored<SessionRecord>, participant: Stored<ParticipantRecord>, actor: Principal) => Promise<void>;

export class SessionService {
  readonly db: SessionCollections;
  private withdrawalListener: WithdrawalListener | undefined;

  constructor(
    readonly deps: DomainDeps,
    readonly companies: CompanyService,
  ) {
    this.db = new SessionCollections(deps.store);
  }

  onWithdrawal(listener: WithdrawalListener): void {
    this.withdrawalListener = listener;
  }

  async create(actor: Principal, input: SessionCreate): Promise<SessionView> {
    requireBureau(actor, 'create sessions');
    checkRegistrationClose(input.registrationClosesAt, input.startsAt, 'body.registrationClosesAt');
    const doc = await this.db.sessions.insertOne({
      title: input.title,
      industries: input.industries ?? [],
      startsAt: input.startsAt,
      slotMinutes: input.slotMinutes,
      slotCount: input.slotCount,
      tables: input.tables,
      breakMinutes: input.breakMinutes ?? 0,
      requestTtlHours: input.requestTtlHours ?? 72,
      status: 'draft',
      agenda: { state: 'none', revision: 0 },
      createdBy: actor.id,
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.venue !== undefined ? { venue: input.venue } : {}),
      ...(input.registrationClosesAt !== undefined ? { registrationClosesAt: input.registrationClosesAt } : {}),
    });
    this.deps.logger.info({ sessionId: doc._id, by: actor.id }, 'session created');
    return toSessionView(doc);
  }

  async get(actor: Principal, id: string): Promise<SessionView> {
    return toSessionView(await this.visible(actor, id));
  }

  /** The session if the actor may see it; 404 otherwise. */
  async visible(actor: Principal, id: string): Promise<Stored<SessionRecord>> {
    const session = await this.db.sessions.findById(id);
    if (!session || !canSeeSession(actor, session)) throw notFound('session', id);
    return session;
  }

  async list(actor: Principal, query: PageRequest & { status?: SessionStatus | undefined }): Promise<Paged<SessionView>> {
    const filter: Record<string, unknown> = {};
    if (query.status) filter.status = query.status;
    if (actor.role === 'participant') filter._id = actor.sessionId;
    else if (!isBureau(actor)) {
      if (query.status === 'draft') return { items: [], nextCursor: null };
      if (!query.status) filter.status = trusted({ $ne: 'draft' });
    }
    const page = await pageOf(this.db.sessions, filter, query);
    return { items: page.items.map(toSessionView), nextCursor: page.nextCursor };
  }

  async update(actor: Principal, id: string, patch: SessionPatch): Promise<SessionView> {
    requireBureau(actor, 'change sessions');
    const session = await this.visible(actor, id);
    const set: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(patch)) if (value !== undefined && field !== 'status') set[field] = value;
    const agendaExists = session.agenda.revision > 0;
    const moved = CLOCK_FIELDS.filter((field) => field in set && !sameValue(set[field], session[field]));
    if (agendaExists && moved.length > 0) {
      throw new HttpProblem('conflict', `The session has an agenda; ${moved.join(', ')} can no longer change. Close it and create a new session instead.`);
    }
    if (session.status === 'closed' && Object.keys(set).length > 0) throw new HttpProblem('conflict', 'The session is closed; it can no longer change.');
    checkRegistrationClose((set.registrationClosesAt as Date | undefined) ?? session.registrationClosesAt, (set.startsAt as Date | undefined) ?? session.startsAt, 'body.registrationClosesAt');
    if (patch.status !== undefined && patch.status !== session.status) {
      if (!TRANSITIONS[session.status].includes(patch.status)) {
        throw new HttpProblem('conflict', `A ${session.status} session cannot become ${patch.status}.`);
      }
      if (patch.status === 'scheduled' && session.agenda.state !== 'scheduled') {
        throw new HttpProblem('conflict', 'The session has no agenda yet: run the scheduler (POST /sessions/{id}/schedule).');
      }
      set.status = patch.status;
    }
    if (Object.keys(set).length === 0) return toSessionView(session);
    const updated = await this.db.sessions.updateOne({ _id: id }, { $set: set }, { expectedVersion: session.version }).catch((error: unknown) => {
      throw error instanceof VersionConflictError ? new HttpProblem('conflict', 'The session changed while this request ran; read it again and retry.') : error;
    });
    if (!updated) throw notFound('session', id);
    this.deps.logger.info({ sessionId: id, fields: Object.keys(set), by: actor.id }, 'session changed');
    return toSessionView(updated);
  }

  // ---- participants -------------------------------------------------------------------------------------------

  /**
   * Registers a company. The bureau may register any company in a session that is not closed; a company key
   * registers its own company while the session is open and registration has not closed. A company that
   * withdrew comes back as the same participant (same id, meetings requested before are not revived).
   */
  async addParticipant(actor: Principal, sessionId: string, input: ParticipantCreate, now = new Date()): Promise<ParticipantView & { joinToken: string }> {
    const session = await this.visible(actor, sessionId);
    const companyId = this.registeringCompany(actor, input.companyId);
    if (!isBureau(actor)) {
      if (session.status !== 'open') throw new HttpProblem('conflict', 'Registration is only possible while the session is open.');
      if (session.registrationClosesAt && session.registrationClosesAt.getTime() <= now.getTime()) throw new HttpProblem('conflict', 'Registration for this session has closed.');
    } else if (session.status === 'closed') {
      throw new HttpProblem('conflict', 'The session is closed.');
    }
    if (!(await this.companies.exists(companyId))) throw new HttpProblem('validation', 'The company does not exist.', [{ path: 'body.companyId', message: `no company ${companyId}` }]);
    const availability = checkSlots(input.availability, session, 'body.availability') ?? allSlots(session);
    const { secret, hash, shown } = issueSecret('participant');
    const existing = await this.db.participants.findOne({ sessionId, companyId });
    let doc: Stored<ParticipantRecord>;
    if (existing) {
      if (existing.status === 'active') throw new HttpProblem('conflict', `The company is already a participant (${existing._id}).`, undefined, undefined, { participantId: existing._id });
      doc = (await this.db.participants.updateOne(
        { _id: existing._id, status: 'withdrawn' },
        {
          $set: { status: 'active', availability, tokenHash: hash, tokenPrefix: shown, ...(input.maxMeetings !== undefined ? { maxMeetings: input.maxMeetings } : {}) },
          $unset: { withdrawnAt: 1, ...(input.maxMeetings === undefined ? { maxMeetings: 1 } : {}) },
        },
      )) ?? existing;
    } else {
      try {
        doc = await this.db.participants.insertOne({
          sessionId,
          companyId,
          availability,
          status: 'active',
          tokenHash: hash,
          tokenPrefix: shown,
          createdBy: actor.id,
          ...(input.maxMeetings !== undefined ? { maxMeetings: input.maxMeetings } : {}),
        });
      } catch (error) {
        if (error instanceof DuplicateKeyError) throw new HttpProblem('conflict', 'The company is already a participant.');
        throw error;
      }
    }
    const name = (await this.companies.namesOf([companyId])).get(companyId) ?? '';
    this.deps.logger.info({ sessionId, participantId: doc._id, companyId, by: actor.id }, 'participant registered');
    return { ...toParticipantView(doc, name, true), joinToken: secret };
  }

  async participant(actor: Principal, sessionId: string, participantId: string): Promise<Stored<ParticipantRecord>> {
    await this.visible(actor, sessionId);
    const participant = await this.db.participants.findOne({ _id: participantId, sessionId });
    if (!participant) throw notFound('participant', participantId);
    return participant;
  }

  async getParticipant(actor: Principal, sessionId: string, participantId: string): Promise<ParticipantView> {
    const participant = await this.participant(actor, sessionId, participantId);
    return (await this.participantViews(actor, [participant]))[0] as ParticipantView;
  }

  /** Everyone registered, so that companies can see whom to ask for a meeting; tokens only for oneself. */
  async listParticipants(actor: Principal, sessionId: string, query: PageRequest & { status?: 'active' | 'withdrawn' | undefined }): Promise<Paged<ParticipantView>> {
    await this.visible(actor, sessionId);
    const filter: Record<string, unknown> = { sessionId };
    if (query.status) filter.status = query.status;
    else if (!isBureau(actor)) filter.status = 'active';
    const page = await pageOf(this.db.participants, filter, query);
    return { items: await this.participantViews(actor, page.items), nextCursor: page.nextCursor };
  }

  async updateParticipant(actor: Principal, sessionId: string, participantId: string, patch: ParticipantPatch): Promise<ParticipantView> {
    const session = await this.visible(actor, sessionId);
    const participant = await this.participant(actor, sessionId, participantId);
    if (!actsForParticipant(actor, participant)) throw new HttpProblem('forbidden', 'Only the bureau or the participant itself may change its registration.');
    if (session.status === 'closed') throw new HttpProblem('conflict', 'The session is closed.');
    if (patch.status === 'active' && participant.status === 'withdrawn') {
      throw new HttpProblem('conflict', 'A withdrawn participant registers again with POST /sessions/{id}/participants.');
    }
    const set: Record<string, unknown> = {};
    const availability = checkSlots(patch.availability, session, 'body.availability');
    if (availability) set.availability = availability;
    if (patch.maxMeetings !== undefined) set.maxMeetings = patch.maxMeetings;
    const withdrawing = patch.status === 'withdrawn' && participant.status === 'active';
    if (withdrawing) {
      set.status = 'withdrawn';
      set.withdrawnAt = new Date();
    }
    if (Object.keys(set).length === 0) return (await this.participantViews(actor, [participant]))[0] as ParticipantView;
    const updated = await this.db.participants.updateOne({ _id: participantId }, { $set: set });
    if (!updated) throw notFound('participant', participantId);
    if (withdrawing) await this.withdrawalListener?.(session, updated, actor);
    return (await this.participantViews(actor, [updated]))[0] as ParticipantView;
  }

  /** Issues a new join token (the old one stops working at once); for a lost phone or a leaked link. */
  async rotateJoinToken(actor: Principal, sessionId: string, participantId: string): Promise<ParticipantView & { joinToken: string }> {
    const participant = await this.participant(actor, sessionId, participantId);
    if (!actsForParticipant(actor, participant) || actor.role === 'participant') throw new HttpProblem('forbidden', 'Only the bureau or the company may issue a new join token.');
    const { secret, hash, shown } = issueSecret('participant');
    const updated = await this.db.participants.updateOne({ _id: participantId }, { $set: { tokenHash: hash, tokenPrefix: shown } });
    if (!updated) throw notFound('participant', participantId);
    return { ...(await this.participantViews(actor, [updated]))[0] as ParticipantView, joinToken: secret };
  }

  /** Recognises participant join tokens of active participants in sessions that are not closed. */
  credentialSource(): CredentialSource {
    return async (token) => {
      if (!looksLike('participant', token)) return null;
      const participant = await this.db.participants.findOne({ tokenHash: hashSecret(token), status: 'active' });
      if (!participant) return null;
      const session = await this.db.sessions.findById(participant.sessionId);
      if (!session || session.status === 'closed') return null;
      return { role: 'participant', id: participant._id, companyId: participant.companyId, sessionId: participant.sessionId };
    };
  }

  async participantViews(actor: Principal, docs: Stored<ParticipantRecord>[]): Promise<ParticipantView[]> {
    const names = await this.companies.namesOf([...new Set(docs.map((d) => d.companyId))]);
    return docs.map((doc) => toParticipantView(doc, names.get(doc.companyId) ?? '', actsForParticipant(actor, doc) && actor.role !== 'participant'));
  }

  private registeringCompany(actor: Principal, companyId: string | undefined): string {
    if (isBureau(actor)) {
      if (!companyId) throw new HttpProblem('validation', 'The bureau must name the company.', [{ path: 'body.companyId', message: 'is required' }]);
      return companyId;
    }
    if (actor.role !== 'company' || !actor.companyId) throw new HttpProblem('forbidden', 'Only the bureau or a company may register participants.');
    if (companyId !== undefined && companyId !== actor.companyId) throw new HttpProblem('forbidden', 'A company key registers its own company only.');
    return actor.companyId;
  }
}

/** Slot indices must exist in this session; returns them sorted. */
export function checkSlots(slots: readonly number[] | undefined, session: { slotCount: number }, path: string): number[] | undefined {
  if (!slots) return undefined;
  const outside = slots.filter((s) => s >= session.slotCount);
  if (outside.length > 0) {
    throw new HttpProblem('validation', 'A slot index is outside the session.', [{ path, message: `slots are numbered 0..${session.slotCount - 1}; ${outside.join(', ')} do not exist` }]);
  }
  return [...slots].sort((a, b) => a - b);
}

function checkRegistrationClose(closesAt: Date | undefined, startsAt: Date, path: string): void {
  if (closesAt && closesAt.getTime() > startsAt.getTime()) {
    throw new HttpProblem('validation', 'Registration must close before the session starts.', [{ path, message: 'must not be after startsAt' }]);
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
}
