/**
 * Who may do what in a session. The bureau everything; a company key acts for its own company's participant in
 * any session it takes part in; a participant join token acts only for that participant, only in its session.
 * Objects outside a caller's reach do not exist for it (404), so ids cannot be probed.
 */
import type { Principal } from '../../http/auth.js';
import { HttpProblem } from '../../http/problem.js';
import type { Stored } from '../../store/port.js';
import { isBureau } from '../companies/access.js';
import type { ParticipantRecord, SessionRecord } from './model.js';

/** True when the actor may act as this participant (record its outcomes, answer its requests). */
export function actsForParticipant(actor: Principal, participant: Stored<ParticipantRecord>): boolean {
  if (isBureau(actor)) return true;
  if (actor.role === 'company') return actor.companyId === participant.companyId;
  if (actor.role === 'participant') return actor.id === participant._id && actor.sessionId === participant.sessionId;
  return false;
}

/**
 * Drafts are the bureau's; any other session is visible to company keys (they register and request meetings)
 * and to the participants of that session.
 */
export function canSeeSession(actor: Principal, session: Stored<SessionRecord>): boolean {
  if (isBureau(actor)) return true;
  if (actor.role === 'participant') return actor.sessionId === session._id;
  return actor.role === 'company' && session.status !== 'draft';
}

export function notFound(what: string, id: string): HttpProblem {
  return new HttpProblem('not-found', `No ${what} ${id}.`);
}

/** Every role that can reach the session routes at all; each route narrows further by object. */
export const SESSION_ROUTE_ROLES = ['admin', 'staff', 'company', 'participant'] as const;
