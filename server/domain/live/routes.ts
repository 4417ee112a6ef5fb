/**
 * The live session over REST, for tools and for clients that cannot hold a socket: the same service and rules as
 * the Socket.IO events (`/live`), and the same events go out to connected clients.
 */
import { z } from 'zod';
import { principalOf } from '../../http/auth.js';
import { HttpProblem } from '../../http/problem.js';
import { route, type AnyRoute } from '../../http/route.js';
import { BUREAU_ROLES, isBureau } from '../companies/access.js';
import type { Services } from '../services.js';
import { SESSION_ROUTE_ROLES } from '../sessions/access.js';
import { objectId } from '../text.js';
import { announcementText, backfillAccept, extendMinutes, lateMinutes, participantRef } from './schemas.js';

const TAGS = ['live'];
const idParams = z.strictObject({ id: objectId });
const common = {
  400: { description: 'A field is missing or not valid.' },
  401: { description: 'No valid token or API key.' },
  403: { description: 'The caller may not do this.' },
  404: { description: 'No such session, or not one of the caller’s.' },
  409: { description: 'Not possible in the session’s current state (not live, already paused, …).' },
};
const clockSchema = z
  .strictObject({
    phase: z.enum(['before', 'meeting', 'break', 'ended']),
    slot: z.int(),
    paused: z.boolean(),
    serverTime: z.iso.datetime(),
    phaseStartedAt: z.iso.datetime().optional(),
    phaseEndsAt: z.iso.datetime().optional(),
    remainingMs: z.int().optional(),
  })
  .meta({ id: 'LiveClock' });
const participantBody = z.strictObject({ participantId: participantRef });

export function liveRoutes(services: Services): AnyRoute[] {
  const { live, requests } = services;
  const staff = (path: string, operationId: string, summary: string, action: (actor: ReturnType<typeof principalOf>, id: string, body: { minutes?: number }) => Promise<unknown>, body?: z.ZodType) =>
    route({
      method: 'post',
      path: `/sessions/:id/live/${path}`,
      operationId,
      summary,
      tags: TAGS,
      access: [...BUREAU_ROLES],
      params: idParams,
      body: body ?? z.strictObject({}),
      responses: { 200: { description: 'The clock after the action.', body: clockSchema }, ...common },
      handler: async ({ params, body: input }, _req, res) => {
        res.json(await action(principalOf(res), params.id, input as { minutes?: number }));
      },
    });
  return [
    route({
      method: 'get',
      path: '/sessions/:id/live',
      operationId: 'getLiveState',
      summary: 'What a live client renders (the same as the `session:state` event)',
      description: 'For a participant (join token or company key): its agenda, next meeting, check-in and any backfill offer; for the bureau: the clock and every participant’s check-in.',
      tags: TAGS,
      access: [...SESSION_ROUTE_ROLES],
      params: idParams,
      responses: { 200: { description: 'The state.', body: z.record(z.string(), z.unknown()).meta({ id: 'LiveState' }) }, ...common },
      handler: async ({ params }, _req, res) => {
        const actor = principalOf(res);
        await services.sessions.visible(actor, params.id);
        if (isBureau(actor)) {
          res.json(await live.staffState(params.id));
          return;
        }
        const own = await requests.ownParticipant(actor, params.id);
        if (!own) throw new HttpProblem('not-found', `No participant of yours in session ${params.id}.`);
        res.json(await live.participantState(own._id));
      },
    }),
    staff('start', 'startLive', 'Start the session: slot 0 begins now', (actor, id) => live.start(actor, id)),
    staff('pause', 'pauseLive', 'Pause the clock', (actor, id) => live.pause(actor, id)),
    staff('resume', 'resumeLive', 'Resume the clock', (actor, id) => live.resume(actor, id)),
    staff('advance', 'advanceLive', 'End the current phase now', (actor, id) => live.advance(actor, id)),
    staff('extend', 'extendLive', 'Extend the current phase', (actor, id, body) => live.extend(actor, id, body.minutes ?? 0), z.strictObject({ minutes: extendMinutes })),
    route({
      method: 'post',
      path: '/sessions/:id/live/announce',
      operationId: 'announceLive',
      summary: 'Send an announcement to everyone in the session',
      tags: TAGS,
      access: [...BUREAU_ROLES],
      params: idParams,
      body: z.strictObject({ text: announcementText }),
      responses: { 200: { description: 'Sent.', body: z.strictObject({ at: z.iso.datetime() }) }, ...common },
      handler: async ({ params, body }, _req, res) => {
        res.json(await live.announce(principalOf(res), params.id, body.text));
      },
    }),
    route({
      method: 'post',
      path: '/sessions/:id/live/checkin',
      operationId: 'checkIn',
      summary: 'Check a participant in',
      tags: TAGS,
      access: [...SESSION_ROUTE_ROLES],
      params: idParams,
      body: participantBody,
      responses: { 200: { description: 'Checked in (again: the first time is kept).', body: z.strictObject({ participantId: z.string(), checkedInAt: z.iso.datetime() }) }, ...common },
      handler: async ({ params, body }, _req, res) => {
        res.json(await live.checkin(principalOf(res), params.id, body.participantId));
      },
    }),
    route({
      method: 'post',
      path: '/sessions/:id/live/late',
      operationId: 'runningLate',
      summary: '“I’m running late”: tells the partner and the staff; no backfill is offered meanwhile',
      tags: TAGS,
      access: [...SESSION_ROUTE_ROLES],
      params: idParams,
      body: participantBody.extend({ minutes: lateMinutes }),
      responses: { 200: { description: 'Recorded.', body: z.strictObject({ lateUntil: z.iso.datetime() }) }, ...common },
      handler: async ({ params, body }, _req, res) => {
        res.json(await live.late(principalOf(res), params.id, body.participantId, body.minutes));
      },
    }),
    route({
      method: 'post',
      path: '/sessions/:id/live/backfill/:offerId',
      operationId: 'answerBackfill',
      summary: 'Accept or decline a backfill meeting offered after a no-show',
      tags: TAGS,
      access: [...SESSION_ROUTE_ROLES],
      params: z.strictObject({ id: objectId, offerId: objectId }),
      body: z.strictObject({ accept: backfillAccept }),
      responses: { 200: { description: 'The answer; on accept, the new meeting and its table.', body: z.strictObject({ offerId: z.string(), status: z.enum(['accepted', 'declined']), meetingId: z.string().optional(), table: z.int().optional() }) }, ...common },
      handler: async ({ params, body }, _req, res) => {
        res.json(await live.answerBackfill(principalOf(res), params.id, params.offerId, body.accept));
      },
    }),
  ];
}
