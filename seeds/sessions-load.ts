/**
 * Loads the demo matchmaking sessions of a seed run: the sessions, their participants (each with a freshly issued
 * join token), the accepted meeting requests behind the past session's agenda, and its meetings with what each
 * pair recorded afterwards — so the past session's report, calendars and follow-ups show real figures at once.
 *
 * The documents are written straight into the session collections rather than through the session services:
 * those enforce the live workflow (a request is accepted before it is scheduled, an outcome is recorded only
 * once the session runs), and a session that already happened cannot be replayed through it. Everything the
 * API would check on the way in is checked here instead, before seeds/load.ts writes anything.
 *
 * Seed documents are recognised by the session's `seedKey` (and everything else by its sessionId); seeds/load.ts
 * keeps the ids of the sessions written so far, so a failed run can delete them with everything under them.
 */
import type { SeedSession } from './demo/types.js';
import { pairKeyOf, SessionCollections, type MeetingRecord, type MeetingRequestRecord, type ParticipantRecord, type SessionRecord } from '../server/domain/sessions/model.js';
import { sessionCreateSchema, slotList } from '../server/domain/sessions/schemas.js';
import { allSlots, sessionEnd, slotStart, type SessionClock } from '../server/domain/sessions/timeline.js';
import { issueSecret } from '../server/domain/users/tokens.js';
import { trusted, type DocumentStore, type NewDocument } from '../server/store/port.js';

/** Who created, requested and recorded the seeded documents, as the session collections record actors. */
export const SEED_SESSION_ACTOR = 'system';
/** Participants of a past session checked in this long before their first meeting. */
const CHECK_IN_LEAD_MS = 10 * 60_000;

/** A seed session that fails a check; seeds/load.ts turns it into a SeedDataError. */
export interface SeedSessionProblem {
  record: string;
  field: string;
  reason: string;
}

/** A participant's join token, shown once in the demo credentials file so a person can log in as that company. */
export interface SeedParticipantToken {
  sessionKey: string;
  sessionTitle: string;
  sessionId: string;
  companyKey: string;
  companyName: string;
  participantId: string;
  token: string;
}

/** The session fields as the API would receive them, so the same schema checks them. */
function sessionBody(session: SeedSession) {
  return {
    title: session.title,
    description: session.description,
    venue: session.venue,
    industries: [...session.industries],
    startsAt: session.startsAt.toISOString(),
    slotMinutes: session.slotMinutes,
    slotCount: session.slotCount,
    tables: session.tables,
    breakMinutes: session.breakMinutes,
    registrationClosesAt: session.registrationClosesAt?.toISOString(),
  };
}

function availabilityOf(session: SeedSession, companyKey: string): readonly number[] {
  return session.participants.find((p) => p.companyKey === companyKey)?.availability ?? allSlots(session);
}

/**
 * The first thing wrong with the sessions, or undefined: fields the API validates, participants that are not
 * companies of the dataset, and an agenda that the scheduler could not have produced (a slot or table outside the
 * session, a company or table booked twice in one slot, a meeting outside a participant's availability, a pair
 * that meets twice).
 */
export function checkSeedSessions(sessions: readonly SeedSession[], companyKeys: ReadonlySet<string>): SeedSessionProblem | undefined {
  const keys = new Set<string>();
  for (const session of sessions) {
    const record = `session ${session.key}`;
    const problem = (field: string, reason: string): SeedSessionProblem => ({ record, field, reason });
    if (keys.has(session.key)) return problem('key', 'is used by another session of the dataset');
    keys.add(session.key);

    const parsed = sessionCreateSchema.safeParse(sessionBody(session));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return problem(issue?.path.join('.') || '(record)', issue?.message ?? 'invalid');
    }
    if (session.status === 'open' && session.meetings.length > 0) return problem('meetings', 'an open session has no agenda yet');

    const registered = new Set<string>();
    for (const [i, participant] of session.participants.entries()) {
      if (!companyKeys.has(participant.companyKey)) return problem(`participants.${i}.companyKey`, `names no company in the dataset ("${participant.companyKey}")`);
      if (registered.has(participant.companyKey)) return problem(`participants.${i}.companyKey`, `registers ${participant.companyKey} twice`);
      registered.add(participant.companyKey);
      const slots = slotList.safeParse(participant.availability ?? []);
      if (!slots.success) return problem(`participants.${i}.availability`, slots.error.issues[0]?.message ?? 'invalid');
      if (slots.data.some((s) => s >= session.slotCount)) return problem(`participants.${i}.availability`, `slots are numbered 0..${session.slotCount - 1}`);
    }

    const tablesTaken = new Set<string>();
    const companiesBusy = new Set<string>();
    const pairs = new Set<string>();
    for (const [i, request] of (session.requests ?? []).entries()) {
      const at = (field: string) => `requests.${i}.${field}`;
      if (request.from === request.to) return problem(at('to'), 'a company cannot meet itself');
      for (const field of ['from', 'to'] as const) if (!registered.has(request[field])) return problem(at(field), `${request[field]} is not a participant of the session`);
      if (pairs.has(pairKeyOf(request.from, request.to))) return problem(at('to'), `${request.from} and ${request.to} already have a request`);
      pairs.add(pairKeyOf(request.from, request.to));
    }
    for (const [i, meeting] of session.meetings.entries()) {
      const at = (field: string) => `meetings.${i}.${field}`;
      const [a, b] = meeting.participants;
      if (!Number.isInteger(meeting.slot) || meeting.slot < 0 || meeting.slot >= session.slotCount) return problem(at('slot'), `slots are numbered 0..${session.slotCount - 1}`);
      if (!Number.isInteger(meeting.table) || meeting.table < 1 || meeting.table > session.tables) return problem(at('table'), `tables are numbered 1..${session.tables}`);
      if (a === b) return problem(at('participants'), 'a company cannot meet itself');
      for (const key of [a, b]) {
        if (!registered.has(key)) return problem(at('participants'), `${key} is not a participant of the session`);
        if (!availabilityOf(session, key).includes(meeting.slot)) return problem(at('slot'), `${key} is not available in slot ${meeting.slot}`);
        if (companiesBusy.has(`${meeting.slot}|${key}`)) return problem(at('participants'), `${key} already meets someone in slot ${meeting.slot}`);
        companiesBusy.add(`${meeting.slot}|${key}`);
      }
      if (meeting.requestedBy !== a && meeting.requestedBy !== b) return problem(at('requestedBy'), 'must be one of the two participants');
      if (tablesTaken.has(`${meeting.slot}|${meeting.table}`)) return problem(at('table'), `table ${meeting.table} is taken in slot ${meeting.slot}`);
      tablesTaken.add(`${meeting.slot}|${meeting.table}`);
      if (pairs.has(pairKeyOf(a, b))) return problem(at('participants'), `${a} and ${b} already meet in this session`);
      pairs.add(pairKeyOf(a, b));
    }
  }
  return undefined;
}

/**
 * Writes the sessions and everything under them; returns the participants' join tokens. Each session's id is
 * pushed onto `createdSessionIds` as soon as it is written, so the caller can undo a run that fails midway.
 * Call {@link checkSeedSessions} first: this assumes a consistent dataset.
 */
export async function loadSeedSessions(
  store: DocumentStore,
  sessions: readonly SeedSession[],
  companies: ReadonlyMap<string, { id: string; name: string }>,
  createdSessionIds: string[],
): Promise<SeedParticipantToken[]> {
  const db = new SessionCollections(store);
  const tokens: SeedParticipantToken[] = [];
  for (const seed of sessions) {
    const body = sessionCreateSchema.parse(sessionBody(seed));
    const past = seed.status === 'closed';
    const session = await db.sessions.insertOne({
      ...body,
      industries: body.industries ?? [],
      breakMinutes: body.breakMinutes ?? 0,
      requestTtlHours: body.requestTtlHours ?? 72,
      status: seed.status,
      // The past session was scheduled once (revision 1); the upcoming one has no agenda yet.
      agenda: past ? { state: 'scheduled', revision: 1 } : { state: 'none', revision: 0 },
      createdBy: SEED_SESSION_ACTOR,
      seedKey: seed.key,
    } satisfies NewDocument<SessionRecord>);
    createdSessionIds.push(session._id);

    const registrations = seed.participants.map((p) => ({
      companyKey: p.companyKey,
      company: found(companies.get(p.companyKey), `company ${p.companyKey} was not loaded`),
      availability: [...availabilityOf(seed, p.companyKey)],
      secret: issueSecret('participant'),
      checkedInAt: past ? checkInOf(session, seed, p.companyKey) : undefined,
    }));
    const participants = await db.participants.insertMany(
      registrations.map(
        (r): NewDocument<ParticipantRecord> => ({
          sessionId: session._id,
          companyId: r.company.id,
          availability: r.availability,
          status: 'active',
          tokenHash: r.secret.hash,
          tokenPrefix: r.secret.shown,
          createdBy: SEED_SESSION_ACTOR,
          ...(r.checkedInAt && { checkedInAt: r.checkedInAt }),
        }),
      ),
    );
    const byCompanyId = new Map(participants.map((p) => [p.companyId, p._id]));
    const participantOf = new Map(registrations.map((r) => [r.companyKey, found(byCompanyId.get(r.company.id), `no participant for ${r.companyKey}`)]));
    for (const r of registrations) {
      tokens.push({
        sessionKey: seed.key,
        sessionTitle: session.title,
        sessionId: session._id,
        companyKey: r.companyKey,
        companyName: r.company.name,
        participantId: found(participantOf.get(r.companyKey), r.companyKey),
        token: r.secret.secret,
      });
    }
    const idOf = (companyKey: string) => found(participantOf.get(companyKey), `${companyKey} is not a participant`);
    if (seed.requests?.length) {
      // Accepted by their invitees already: the bureau can run the scheduler on the demo session at once.
      await db.requests.insertMany(
        seed.requests.map((r): NewDocument<MeetingRequestRecord> => ({
          sessionId: session._id,
          from: idOf(r.from),
          to: idOf(r.to),
          pairKey: pairKeyOf(idOf(r.from), idOf(r.to)),
          priority: r.priority,
          status: 'accepted',
          origin: 'request',
          requestedBy: SEED_SESSION_ACTOR,
          decidedBy: SEED_SESSION_ACTOR,
          decidedAt: new Date(),
          ...(r.note !== undefined && { note: r.note }),
        })),
      );
    }
    if (seed.meetings.length === 0) continue;

    // Requests were accepted when registration closed; the agenda was built from them.
    const decidedAt = seed.registrationClosesAt ?? seed.startsAt;
    const requests = await db.requests.insertMany(
      seed.meetings.map((m): NewDocument<MeetingRequestRecord> => {
        const from = idOf(m.requestedBy);
        const to = idOf(m.participants[0] === m.requestedBy ? m.participants[1] : m.participants[0]);
        return {
          sessionId: session._id,
          from,
          to,
          pairKey: pairKeyOf(from, to),
          priority: m.priority,
          status: 'accepted',
          origin: 'request',
          requestedBy: SEED_SESSION_ACTOR,
          decidedAt,
          decidedBy: SEED_SESSION_ACTOR,
        };
      }),
    );
    const recordedAt = sessionEnd(session);
    await db.meetings.insertMany(
      seed.meetings.map((m, i): NewDocument<MeetingRecord> => ({
        sessionId: session._id,
        requestId: found(requests[i], `no request for meeting ${i}`)._id,
        participants: m.participants.map(idOf),
        slot: m.slot,
        table: m.table,
        locked: false,
        status: 'scheduled',
        sequence: 0,
        ...(m.outcome && {
          outcome: {
            attended: m.outcome.attended,
            intention: m.outcome.intention,
            ...(m.outcome.notes !== undefined && { notes: m.outcome.notes }),
            recordedBy: SEED_SESSION_ACTOR,
            recordedAt,
          },
        }),
      })),
    );
  }
  return tokens;
}

/** `value`, which the dataset's checks guarantee; a broken guarantee is a bug in this file, not bad data. */
function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`seed sessions: ${what}`);
  return value;
}

/** A company that attended a meeting of a past session checked in shortly before the first one it attended. */
function checkInOf(clock: SessionClock, seed: SeedSession, companyKey: string): Date | undefined {
  const attended = seed.meetings.filter((m) => m.outcome?.attended && m.participants.includes(companyKey)).map((m) => m.slot);
  if (attended.length === 0) return undefined;
  return new Date(slotStart(clock, Math.min(...attended)).getTime() - CHECK_IN_LEAD_MS);
}

/** Deletes seeded sessions with their participants, requests and meetings (undoing a failed run). */
export async function deleteSeedSessions(store: DocumentStore, sessionIds: readonly string[]): Promise<void> {
  if (sessionIds.length === 0) return;
  const db = new SessionCollections(store);
  const children = { sessionId: trusted({ $in: [...sessionIds] }) };
  await db.meetings.deleteMany(children);
  await db.requests.deleteMany(children);
  await db.participants.deleteMany(children);
  await db.sessions.deleteMany({ _id: trusted({ $in: [...sessionIds] }) });
}
