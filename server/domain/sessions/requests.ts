/**
 * Meeting requests: one participant asks another for a meeting with a priority (3 = must meet); the invitee or
 * the bureau accepts or declines; unanswered requests expire (a delayed job per request, at `expiresAt`).
 * Only accepted requests go to the scheduler.
 *
 * One live request per pair: the unique `pairKey` refuses a second pending or accepted request between the same
 * two participants, whoever asks; deciding against a request (declined, expired) frees the pair.
 */
import type { Principal } from '../../http/auth.js';
import { HttpProblem } from '../../http/problem.js';
import { DuplicateKeyError, trusted, type Stored } from '../../store/port.js';
import type { Paged } from '../companies/service.js';
import { isBureau } from '../companies/access.js';
import type { DomainDeps } from '../deps.js';
import { pageOf, type PageRequest } from '../audit/listing.js';
import type { Outbox } from '../outbox/service.js';
import { actsForParticipant, notFound } from './access.js';
import { pairKeyOf, type MeetingRequestRecord, type ParticipantRecord, type Priority, type RequestStatus, type SessionRecord } from './model.js';
import type { RequestCreate } from './schemas.js';
import type { SessionService } from './service.js';
import { toRequestView, type RequestView } from './views.js';

export const REQUEST_EXPIRE_JOB = 'meeting-requests.expire';
const HOUR_MS = 3_600_000;

/** Sessions in which meetings can still be asked for and answered. */
const REQUESTABLE: ReadonlySet<string> = new Set(['draft', 'open', 'scheduled', 'live']);

export interface RequestListQuery extends PageRequest {
  status?: RequestStatus | undefined;
  participantId?: string | undefined;
}

export class MeetingRequestService {
  constructor(
    private readonly deps: DomainDeps,
    private readonly sessions: SessionService,
    private readonly outbox: Outbox,
  ) {}

  private get db() {
    return this.sessions.db;
  }

  async create(actor: Principal, sessionId: string, input: RequestCreate, origin: 'request' | 'suggestion' = 'request', now = new Date()): Promise<RequestView> {
    const session = await this.sessions.visible(actor, sessionId);
    if (!REQUESTABLE.has(session.status)) throw new HttpProblem('conflict', `The session is ${session.status}; meetings can no longer be requested.`);
    const [from, to] = await this.pair(sessionId, input.from, input.to);
    if (!actsForParticipant(actor, from)) throw new HttpProblem('forbidden', 'Only the bureau or the requesting participant itself may ask for this meeting.');
    const doc = await this.insert(session, from, to, input.priority, input.note, origin, actor.id, now);
    return toRequestView(doc);
  }

  /** Stores the request, queues its expiry and tells the invitee. */
  async insert(
    session: Stored<SessionRecord>,
    from: Stored<ParticipantRecord>,
    to: Stored<ParticipantRecord>,
    priority: Priority,
    note: string | undefined,
    origin: 'request' | 'suggestion',
    requestedBy: string,
    now: Date,
  ): Promise<Stored<MeetingRequestRecord>> {
    const expiresAt = new Date(Math.min(now.getTime() + session.requestTtlHours * HOUR_MS, Math.max(session.startsAt.getTime(), now.getTime() + HOUR_MS)));
    let doc: Stored<MeetingRequestRecord>;
    try {
      doc = await this.db.requests.insertOne({
        sessionId: session._id,
        from: from._id,
        to: to._id,
        pairKey: pairKeyOf(from._id, to._id),
        priority,
        status: 'pending',
        origin,
        requestedBy,
        expiresAt,
        ...(note !== undefined ? { note } : {}),
      });
    } catch (error) {
      if (error instanceof DuplicateKeyError) {
        const live = await this.db.requests.findOne({ sessionId: session._id, pairKey: pairKeyOf(from._id, to._id) });
        throw new HttpProblem('conflict', `These two participants already have a ${live?.status ?? 'live'} meeting request${live ? ` (${live._id})` : ''}.`, undefined, undefined, live ? { requestId: live._id } : undefined);
      }
      throw error;
    }
    await this.deps.queue.add(REQUEST_EXPIRE_JOB, { id: doc._id }, { jobId: `mr-expire.${doc._id}`, delay: Math.max(0, expiresAt.getTime() - now.getTime()) });
    const names = await this.sessions.companies.namesOf([from.companyId]);
    await this.outbox.post({
      kind: 'meeting-request',
      companyId: to.companyId,
      sessionId: session._id,
      participantId: to._id,
      dedupeKey: `meeting-request:${doc._id}`,
      subject: `${names.get(from.companyId) ?? ''} 希望在「${session.title}」与您洽谈`,
      body: `${names.get(from.companyId) ?? ''} 请求与贵公司在「${session.title}」安排一次洽谈（优先级 ${priority}）。${note ? `留言：${note}` : ''}请在 ${expiresAt.toISOString()} 前接受或婉拒。`,
      link: `/api/v1/sessions/${session._id}/meeting-requests/${doc._id}`,
    }, now);
    return doc;
  }

  /** The invitee (or the bureau) accepts or declines a pending request. */
  async decide(actor: Principal, sessionId: string, requestId: string, status: 'accepted' | 'declined', now = new Date()): Promise<RequestView> {
    const session = await this.sessions.visible(actor, sessionId);
    const request = await this.visibleRequest(actor, sessionId, requestId);
    const invitee = await this.db.participants.findOne({ _id: request.to, sessionId });
    if (!invitee || !actsForParticipant(actor, invitee)) throw new HttpProblem('forbidden', 'Only the participant asked (or the bureau) may accept or decline this request.');
    if (!REQUESTABLE.has(session.status)) throw new HttpProblem('conflict', `The session is ${session.status}.`);
    if (request.status !== 'pending') throw new HttpProblem('conflict', `The request is already ${request.status}.`);
    const set: Partial<MeetingRequestRecord> = { status, decidedAt: now, decidedBy: actor.id };
    if (status === 'declined') set.pairKey = `${request.pairKey}|${request._id}`;
    const updated = await this.db.requests.updateOne({ _id: requestId, status: 'pending' }, { $set: set });
    if (!updated) throw new HttpProblem('conflict', 'The request was decided or expired meanwhile.');
    await this.deps.queue.remove(`mr-expire.${requestId}`);
    return toRequestView(updated);
  }

  async get(actor: Principal, sessionId: string, requestId: string): Promise<RequestView> {
    return toRequestView(await this.visibleRequest(actor, sessionId, requestId));
  }

  /** The bureau sees every request; a company or participant the requests it made or received. */
  async list(actor: Principal, sessionId: string, query: RequestListQuery): Promise<Paged<RequestView>> {
    await this.sessions.visible(actor, sessionId);
    const filter: Record<string, unknown> = { sessionId };
    if (query.status) filter.status = query.status;
    let participantId = query.participantId;
    if (!isBureau(actor)) {
      const own = await this.ownParticipant(actor, sessionId);
      if (!own || (participantId !== undefined && participantId !== own._id)) return { items: [], nextCursor: null };
      participantId = own._id;
    }
    if (participantId) filter.$or = [{ from: participantId }, { to: participantId }];
    const page = await pageOf(this.db.requests, filter, query);
    return { items: page.items.map(toRequestView), nextCursor: page.nextCursor };
  }

  /** Expires one request if it is still pending and due; repeated or early deliveries do nothing. */
  async expire(requestId: string, now = new Date()): Promise<boolean> {
    const request = await this.db.requests.findById(requestId);
    if (!request || request.status !== 'pending' || !request.expiresAt || request.expiresAt.getTime() > now.getTime()) return false;
    const updated = await this.db.requests.updateOne(
      { _id: requestId, status: 'pending' },
      { $set: { status: 'expired', decidedAt: now, decidedBy: 'system', pairKey: `${request.pairKey}|${request._id}` } },
    );
    return updated !== null;
  }

  /** Declines the pending requests of a participant that withdrew (its accepted ones stay for the record). */
  async releaseWithdrawn(participant: Stored<ParticipantRecord>, now = new Date()): Promise<number> {
    const pending = await this.db.requests.find({ sessionId: participant.sessionId, status: 'pending', $or: [{ from: participant._id }, { to: participant._id }] });
    for (const request of pending) {
      await this.db.requests.updateOne(
        { _id: request._id, status: 'pending' },
        { $set: { status: 'declined', decidedAt: now, decidedBy: 'system', pairKey: `${request.pairKey}|${request._id}` } },
      );
      await this.deps.queue.remove(`mr-expire.${request._id}`);
    }
    return pending.length;
  }

  /** The participant the actor acts as in this session, if any. */
  async ownParticipant(actor: Principal, sessionId: string): Promise<Stored<ParticipantRecord> | null> {
    if (actor.role === 'participant') return actor.sessionId === sessionId ? this.db.participants.findById(actor.id) : null;
    if (actor.role === 'company' && actor.companyId) return this.db.participants.findOne({ sessionId, companyId: actor.companyId });
    return null;
  }

  private async visibleRequest(actor: Principal, sessionId: string, requestId: string): Promise<Stored<MeetingRequestRecord>> {
    const request = await this.db.requests.findOne({ _id: requestId, sessionId });
    if (!request) throw notFound('meeting request', requestId);
    if (isBureau(actor)) return request;
    const own = await this.ownParticipant(actor, sessionId);
    if (!own || (own._id !== request.from && own._id !== request.to)) throw notFound('meeting request', requestId);
    return request;
  }

  /** Both ends must be active participants of this session; one of another session is named as such. */
  private async pair(sessionId: string, fromId: string, toId: string): Promise<[Stored<ParticipantRecord>, Stored<ParticipantRecord>]> {
    const found = await this.db.participants.find({ _id: trusted({ $in: [fromId, toId] }) });
    const ends: Stored<ParticipantRecord>[] = [];
    for (const [field, id] of [['from', fromId], ['to', toId]] as const) {
      const participant = found.find((p) => p._id === id);
      const message = !participant ? `no participant ${id}` : participant.sessionId !== sessionId ? 'is a participant of another session' : participant.status !== 'active' ? 'has withdrawn from the session' : undefined;
      if (message || !participant) throw new HttpProblem('validation', 'Both ends of a request must be active participants of this session.', [{ path: `body.${field}`, message: message ?? '' }]);
      ends.push(participant);
    }
    return [ends[0] as Stored<ParticipantRecord>, ends[1] as Stored<ParticipantRecord>];
  }
}
