/**
 * Invitations: the bureau invites companies to a session; each invitation goes out through the outbox with an
 * RSVP link carrying a one-purpose token (`zmi_…`, stored hashed). Answering "accept" registers the company as a
 * participant and returns its join token; "decline" is recorded. Inviting a company twice does not send twice.
 */
import type { Principal } from '../../http/auth.js';
import { HttpProblem } from '../../http/problem.js';
import type { Stored } from '../../store/port.js';
import { requireBureau } from '../companies/access.js';
import type { Outbox } from '../outbox/service.js';
import { hashSecret, issueSecret, looksLike } from '../users/tokens.js';
import type { InvitationRecord } from './model.js';
import type { SessionService } from './service.js';
import { slotStart } from './timeline.js';
import { toSessionView, type ParticipantView, type SessionView } from './views.js';

export interface InvitationView {
  id: string;
  sessionId: string;
  companyId: string;
  companyName: string;
  status: InvitationRecord['status'];
  participantId?: string;
  createdAt: string;
}

export interface InvitationSent extends InvitationView {
  /** The RSVP token, returned to the bureau when the invitation is created (the outbox message carries the link). */
  rsvpToken?: string;
  rsvpUrl?: string;
  /** True when the company had already been invited; nothing was sent again. */
  alreadyInvited: boolean;
}

/** Sessions a company can still be invited to. */
const INVITABLE: ReadonlySet<string> = new Set(['draft', 'open', 'scheduled']);

export class InvitationService {
  constructor(
    private readonly sessions: SessionService,
    private readonly outbox: Outbox,
  ) {}

  private get db() {
    return this.sessions.db;
  }

  async invite(actor: Principal, sessionId: string, companyIds: string[], now = new Date()): Promise<InvitationSent[]> {
    requireBureau(actor, 'invite companies');
    const session = await this.sessions.visible(actor, sessionId);
    if (!INVITABLE.has(session.status)) throw new HttpProblem('conflict', `A ${session.status} session takes no more invitations.`);
    const missing = await this.sessions.companies.missing(companyIds);
    if (missing.size > 0) {
      throw new HttpProblem('validation', 'Some companies do not exist.', companyIds.flatMap((id, i) => (missing.has(id) ? [{ path: `body.companyIds.${i}`, message: `no company ${id}` }] : [])));
    }
    const names = await this.sessions.companies.namesOf(companyIds);
    const start = slotStart(session, 0).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
    const sent: InvitationSent[] = [];
    for (const companyId of companyIds) {
      const existing = await this.db.invitations.findOne({ sessionId, companyId });
      if (existing) {
        sent.push({ ...view(existing, names.get(companyId) ?? ''), alreadyInvited: true });
        continue;
      }
      const { secret, hash } = issueSecret('invitation');
      const doc = await this.db.invitations.insertOne({ sessionId, companyId, tokenHash: hash, status: 'sent', createdBy: actor.id });
      const rsvpUrl = `/api/v1/rsvp/${secret}`;
      await this.outbox.post(
        {
          kind: 'invitation',
          companyId,
          sessionId,
          dedupeKey: `invitation:${doc._id}`,
          subject: `邀请参加「${session.title}」`,
          body: `诚邀贵公司参加「${session.title}」，${start}（北京时间）开始${session.venue ? `，地点：${session.venue}` : ''}。请通过链接回复是否参加，并选择可洽谈的时段。`,
          link: rsvpUrl,
        },
        now,
      );
      sent.push({ ...view(doc, names.get(companyId) ?? ''), rsvpToken: secret, rsvpUrl, alreadyInvited: false });
    }
    return sent;
  }

  async list(actor: Principal, sessionId: string): Promise<InvitationView[]> {
    requireBureau(actor, 'see invitations');
    await this.sessions.visible(actor, sessionId);
    const docs = await this.db.invitations.find({ sessionId }, { sort: { _id: 1 }, limit: 5000 });
    const names = await this.sessions.companies.namesOf([...new Set(docs.map((d) => d.companyId))]);
    return docs.map((doc) => view(doc, names.get(doc.companyId) ?? ''));
  }

  /** What the RSVP page shows: the session and the invitation, found by its token. */
  async byToken(token: string): Promise<{ invitation: InvitationView; session: SessionView }> {
    const invitation = await this.find(token);
    const session = await this.db.sessions.findById(invitation.sessionId);
    if (!session) throw new HttpProblem('not-found', 'The invitation is not valid.');
    const names = await this.sessions.companies.namesOf([invitation.companyId]);
    return { invitation: view(invitation, names.get(invitation.companyId) ?? ''), session: toSessionView(session) };
  }

  /**
   * Accepts (registers the company, returns its join token) or declines. The invitation acts as the company it
   * was sent to, so registration follows the company rules: the session must be open and registration not closed.
   */
  async respond(
    token: string,
    answer: { response: 'accept' | 'decline'; availability?: number[] | undefined; maxMeetings?: number | undefined },
  ): Promise<{ invitation: InvitationView; participant?: ParticipantView & { joinToken: string } }> {
    const invitation = await this.find(token);
    if (invitation.status !== 'sent') throw new HttpProblem('conflict', `The invitation was already ${invitation.status}.`);
    const names = await this.sessions.companies.namesOf([invitation.companyId]);
    if (answer.response === 'decline') {
      const declined = await this.db.invitations.updateOne({ _id: invitation._id, status: 'sent' }, { $set: { status: 'declined', respondedAt: new Date() } });
      if (!declined) throw new HttpProblem('conflict', 'The invitation was answered meanwhile.');
      return { invitation: view(declined, names.get(invitation.companyId) ?? '') };
    }
    const asCompany: Principal = { role: 'company', id: `invitation:${invitation._id}`, companyId: invitation.companyId };
    const participant = await this.sessions.addParticipant(asCompany, invitation.sessionId, { availability: answer.availability, maxMeetings: answer.maxMeetings });
    const accepted = await this.db.invitations.updateOne(
      { _id: invitation._id, status: 'sent' },
      { $set: { status: 'accepted', respondedAt: new Date(), participantId: participant.id } },
    );
    return { invitation: view(accepted ?? invitation, names.get(invitation.companyId) ?? ''), participant };
  }

  private async find(token: string): Promise<Stored<InvitationRecord>> {
    const invitation = looksLike('invitation', token) ? await this.db.invitations.findOne({ tokenHash: hashSecret(token) }) : null;
    if (!invitation) throw new HttpProblem('not-found', 'The invitation is not valid.');
    return invitation;
  }
}

function view(doc: Stored<InvitationRecord>, companyName: string): InvitationView {
  return {
    id: doc._id,
    sessionId: doc.sessionId,
    companyId: doc.companyId,
    companyName,
    status: doc.status,
    ...(doc.participantId ? { participantId: doc.participantId } : {}),
    createdAt: doc.createdAt.toISOString(),
  };
}
