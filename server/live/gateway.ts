/**
 * The /live namespace: rooms, the state a client renders, and client events.
 *
 * Rooms: `session:<id>` (everyone in a session), `participant:<id>` (one participant's phones), `staff:<id>` (the
 * bureau's consoles). A participant connects with its join token; the bureau with its token and
 * `auth.sessionId`. On every connection — a fresh one or a recovered one — the server sends `session:state`, the
 * whole picture, so a client never has to stitch events together after a gap.
 *
 * Client events are acknowledged, validated (zod) and throttled per connection (20 events/s; a connection that keeps
 * flooding is disconnected). Unknown events are ignored and counted; staff events from a participant are refused.
 * Nothing a client sends reaches the service unvalidated, and a failing handler answers the ack instead of throwing.
 */
import type { Logger } from 'pino';
import type { Namespace, Socket } from 'socket.io';
import type { z } from 'zod';
import type { Principal } from '../http/auth.js';
import { HttpProblem, problemTitle } from '../http/problem.js';
import { translate, type Language } from '../http/messages.js';
import { PARSE_OPTIONS } from '../http/validate.js';
import { isBureau } from '../domain/companies/access.js';
import type { LiveBroadcaster, LiveService } from '../domain/live/service.js';
import type { OutcomeInput } from '../domain/sessions/schemas.js';
import type { SessionService } from '../domain/sessions/service.js';
import { isParticipantEvent, isStaffEvent, PARTICIPANT_EVENTS, STAFF_EVENTS } from './events.js';
import { EventThrottle } from './throttle.js';

const EVENTS_PER_SECOND = 20;
/** Refusals a connection may collect before it is disconnected. */
const FLOOD_STRIKES = 40;
/** Presence counts go out at most this often per session and node. */
const PRESENCE_INTERVAL_MS = 1000;
const OBJECT_ID = /^[0-9a-f]{24}$/;

export interface LiveMetrics {
  unknownEvents: number;
  refusedEvents: number;
  floodDisconnects: number;
}

interface SocketData {
  principal: Principal;
  sessionId: string;
  throttle: EventThrottle;
}

type Ack = (response: unknown) => void;

export const rooms = {
  session: (id: string) => `session:${id}`,
  participant: (id: string) => `participant:${id}`,
  staff: (id: string) => `staff:${id}`,
};

/** Emits to rooms of the namespace; with the Redis streams adapter the rooms span every node. */
export function namespaceBroadcaster(nsp: Namespace): LiveBroadcaster {
  return {
    toSession: (id, event, payload) => void nsp.to(rooms.session(id)).emit(event, payload),
    toParticipant: (id, event, payload) => void nsp.to(rooms.participant(id)).emit(event, payload),
    toStaff: (id, event, payload) => void nsp.to(rooms.staff(id)).emit(event, payload),
  };
}

export interface GatewayOptions {
  live: LiveService;
  sessions: SessionService;
  logger: Logger;
}

export function attachGateway(nsp: Namespace, options: GatewayOptions): LiveMetrics {
  const { live, sessions, logger } = options;
  const metrics: LiveMetrics = { unknownEvents: 0, refusedEvents: 0, floodDisconnects: 0 };
  const presenceDue = new Map<string, NodeJS.Timeout>();

  // Runs after authentication (server.ts): decides the session and refuses principals that have no place here.
  nsp.use((socket, next) => {
    const principal = (socket.data as Partial<SocketData>).principal;
    if (!principal) return next(new Error('authentication required: connect with auth: { token }'));
    const requested: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.sessionId;
    if (principal.role === 'participant' && principal.sessionId) {
      (socket.data as SocketData).sessionId = principal.sessionId;
      return next();
    }
    if (!isBureau(principal)) return next(new Error('connect with a participant join token (or a bureau token and auth.sessionId)'));
    if (typeof requested !== 'string' || !OBJECT_ID.test(requested)) return next(new Error('bureau consoles connect with auth: { token, sessionId }'));
    sessions.db.sessions.findById(requested).then(
      (session) => {
        if (!session) return next(new Error(`no session ${requested}`));
        (socket.data as SocketData).sessionId = requested;
        next();
      },
      (error: unknown) => {
        logger.error({ err: error }, 'live: session lookup failed');
        next(new Error('temporarily unavailable, try again'));
      },
    );
  });

  const schedulePresence = (sessionId: string) => {
    if (presenceDue.has(sessionId)) return;
    presenceDue.set(
      sessionId,
      setTimeout(() => {
        presenceDue.delete(sessionId);
        void presence(nsp, sessionId).then(
          (counts) => nsp.to(rooms.session(sessionId)).emit('presence', counts),
          (error: unknown) => logger.warn({ err: error }, 'live: presence count failed'),
        );
      }, PRESENCE_INTERVAL_MS).unref(),
    );
  };

  nsp.on('connection', (socket: Socket) => {
    const data = socket.data as SocketData;
    data.throttle = new EventThrottle(EVENTS_PER_SECOND, FLOOD_STRIKES);
    const { principal, sessionId } = data;
    const staff = isBureau(principal);
    const language = languageOf(socket);
    if (!socket.recovered) {
      void socket.join(rooms.session(sessionId));
      void socket.join(staff ? rooms.staff(sessionId) : rooms.participant(principal.id));
    }
    const sendState = () => (staff ? live.staffState(sessionId) : live.participantState(principal.id)).then((state) => socket.emit('session:state', state));
    sendState().catch((error: unknown) => {
      logger.warn({ err: error, sessionId }, 'live: could not send the session state');
      socket.disconnect(true);
    });
    schedulePresence(sessionId);
    socket.on('disconnect', () => schedulePresence(sessionId));

    socket.onAny((event: string, ...args: unknown[]) => {
      const ack = typeof args.at(-1) === 'function' ? (args.at(-1) as Ack) : undefined;
      const payload = args[0];
      const verdict = data.throttle.take();
      if (verdict !== 'ok') {
        metrics.refusedEvents += 1;
        if (verdict === 'disconnect') {
          metrics.floodDisconnects += 1;
          logger.warn({ sessionId, principal: principal.id }, 'live: connection flooding, disconnected');
          socket.disconnect(true);
          return;
        }
        ack?.(failure(new HttpProblem('rate-limited', `At most ${EVENTS_PER_SECOND} events per second.`), language));
        return;
      }
      if (isStaffEvent(event)) {
        if (!staff) return ack?.(failure(new HttpProblem('forbidden', 'Only the bureau may steer the session.'), language));
        return void run(ack, language, STAFF_EVENTS[event], payload, (input) => staffAction(live, principal, sessionId, event, input), logger);
      }
      if (isParticipantEvent(event)) {
        if (event === 'session:state') return void run(ack, language, PARTICIPANT_EVENTS[event], payload ?? {}, () => (staff ? live.staffState(sessionId) : live.participantState(principal.id)));
        return void run(ack, language, PARTICIPANT_EVENTS[event], payload, (input) => participantAction(live, principal, sessionId, event, input), logger);
      }
      metrics.unknownEvents += 1;
      ack?.(failure(new HttpProblem('validation', 'The event is not one of this namespace; it was ignored.'), language));
    });
  });

  return metrics;
}

async function run<S extends z.ZodType>(
  ack: Ack | undefined,
  language: Language,
  schema: S,
  payload: unknown,
  action: (input: z.output<S>) => Promise<unknown>,
  logger?: Logger,
): Promise<void> {
  const parsed = schema.safeParse(payload ?? {}, PARSE_OPTIONS);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(payload)', message: i.message }));
    ack?.(failure(new HttpProblem('validation', 'A field of the event is missing or not valid.', errors), language));
    return;
  }
  try {
    const result = await action(parsed.data);
    ack?.({ ok: true, ...(result && typeof result === 'object' ? { result } : {}) });
  } catch (error) {
    if (error instanceof HttpProblem) ack?.(failure(error, language));
    else {
      logger?.error({ err: error }, 'live: an event failed');
      ack?.(failure(new HttpProblem('internal', 'The event could not be handled.'), language));
    }
  }
}

/** The acknowledgement of a refused event: the problem's status, catalogue title and translated detail. */
function failure(problem: HttpProblem, language: Language) {
  return {
    ok: false,
    error: {
      status: problem.status,
      title: problemTitle(problem.kind, language),
      detail: translate(problem.detail, language),
      ...(problem.errors ? { errors: problem.errors.map((e) => ({ path: e.path, message: translate(e.message, language) })) } : {}),
    },
  };
}

/** zh unless the handshake prefers English (`auth.lang`, or Accept-Language naming English first). */
function languageOf(socket: Socket): Language {
  const requested: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.lang;
  if (requested === 'en' || requested === 'zh') return requested;
  const header = socket.handshake.headers['accept-language'];
  return typeof header === 'string' && /^\s*en\b/i.test(header) ? 'en' : 'zh';
}

function staffAction(live: LiveService, actor: Principal, sessionId: string, event: keyof typeof STAFF_EVENTS, input: Record<string, unknown>): Promise<unknown> {
  switch (event) {
    case 'live:start':
      return live.start(actor, sessionId);
    case 'live:pause':
      return live.pause(actor, sessionId);
    case 'live:resume':
      return live.resume(actor, sessionId);
    case 'live:advance':
      return live.advance(actor, sessionId);
    case 'live:extend':
      return live.extend(actor, sessionId, input.minutes as number);
    case 'announce':
      return live.announce(actor, sessionId, input.text as string);
  }
}

function participantAction(live: LiveService, actor: Principal, sessionId: string, event: Exclude<keyof typeof PARTICIPANT_EVENTS, 'session:state'>, input: Record<string, unknown>): Promise<unknown> {
  switch (event) {
    case 'checkin':
      return live.checkin(actor, sessionId, input.participantId as string | undefined);
    case 'meeting:late':
      return live.late(actor, sessionId, input.participantId as string | undefined, input.minutes as number);
    case 'meeting:outcome': {
      const { meetingId, ...outcome } = input as OutcomeInput & { meetingId: string };
      return live.outcome(actor, meetingId, outcome);
    }
    case 'backfill:answer':
      return live.answerBackfill(actor, sessionId, input.offerId as string, input.accept as boolean);
  }
}

/** Connected participants and consoles of a session across nodes. */
async function presence(nsp: Namespace, sessionId: string): Promise<{ sessionId: string; connected: number; participants: number; staff: number }> {
  const sockets = await nsp.in(rooms.session(sessionId)).fetchSockets();
  const participants = new Set<string>();
  let staff = 0;
  for (const socket of sockets) {
    const principal = (socket.data as Partial<SocketData>).principal;
    if (!principal) continue;
    if (isBureau(principal)) staff += 1;
    else participants.add(principal.id);
  }
  return { sessionId, connected: sockets.length, participants: participants.size, staff };
}
