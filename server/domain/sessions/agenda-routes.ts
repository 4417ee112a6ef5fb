/**
 * HTTP routes of the agenda: meeting requests (and the matcher's proposals), schedule runs, the agenda and the
 * bureau's edits, meeting outcomes, a participant's calendar and the session report.
 */
import { z } from 'zod';
import { principalOf } from '../../http/auth.js';
import { preferredLanguage } from '../../http/problem.js';
import { route, type AnyRoute } from '../../http/route.js';
import { cursorParam, limitParam } from '../audit/listing.js';
import { BUREAU_ROLES } from '../companies/access.js';
import type { Services } from '../services.js';
import { objectId } from '../text.js';
import { SESSION_ROUTE_ROLES } from './access.js';
import { sessionReportSchema } from './report.js';
import { common } from './routes.js';
import { meetingCreateSchema, meetingPatchSchema, outcomeSchema, requestCreateSchema, requestPatchSchema, scheduleSchema } from './schemas.js';
import { agendaViewSchema, meetingViewSchema, requestPageSchema, requestViewSchema } from './views.js';

const TAGS = ['agenda'];
const idParams = z.strictObject({ id: objectId });
const requestParams = z.strictObject({ id: objectId, rid: objectId });
const meetingParams = z.strictObject({ id: objectId, mid: objectId });
const participantParams = z.strictObject({ id: objectId, pid: objectId });
const conflict = { 409: { description: 'Not possible in the current state (the message says why); nothing was changed.' } };

function boundedInt(name: string, max: number, fallback: number) {
  const message = `must be a whole number from 1 to ${max}`;
  return z.int(message).min(1, message).max(max, message).optional().transform((n) => n ?? fallback).describe(`${name} (default ${fallback}).`);
}

export function agendaRoutes(services: Services): AnyRoute[] {
  const { requests, agenda, outcomes, suggestions, exports } = services;
  return [
    route({
      method: 'post',
      path: '/sessions/:id/meeting-requests',
      operationId: 'requestMeeting',
      summary: 'Ask another participant for a meeting',
      description: 'By the requesting participant (its join token or company key) or the bureau. Pending requests expire after the session’s `requestTtlHours`, at the latest when it starts.',
      tags: TAGS,
      access: [...SESSION_ROUTE_ROLES],
      params: idParams,
      body: requestCreateSchema,
      responses: { 201: { description: 'Pending; the invitee is told through the outbox.', body: requestViewSchema }, ...common, ...conflict },
      handler: async ({ params, body }, _req, res) => {
        res.status(201).json(await requests.create(principalOf(res), params.id, body));
      },
    }),
    route({
      method: 'get',
      path: '/sessions/:id/meeting-requests',
      operationId: 'listMeetingRequests',
      summary: 'Meeting requests (the bureau: all; others: their own)',
      tags: TAGS,
      access: [...SESSION_ROUTE_ROLES],
      params: idParams,
      query: z.strictObject({
        status: z.enum(['pending', 'accepted', 'declined', 'expired'], 'must be pending, accepted, declined or expired').optional(),
        participantId: objectId.optional(),
        cursor: cursorParam,
        limit: limitParam,
      }),
      responses: { 200: { description: 'One page, oldest first.', body: requestPageSchema }, ...common },
      handler: async ({ params, query }, _req, res) => {
        res.json(await requests.list(principalOf(res), params.id, query));
      },
    }),
    route({
      method: 'get',
      path: '/sessions/:id/meeting-requests/:rid',
      operationId: 'getMeetingRequest',
      summary: 'Read a meeting request',
      tags: TAGS,
      access: [...SESSION_ROUTE_ROLES],
      params: requestParams,
      responses: { 200: { description: 'The request.', body: requestViewSchema }, ...common },
      handler: async ({ params }, _req, res) => {
        res.json(await requests.get(principalOf(res), params.id, params.rid));
      },
    }),
    route({
      method: 'patch',
      path: '/sessions/:id/meeting-requests/:rid',
      operationId: 'answerMeetingRequest',
      summary: 'Accept or decline a pending request (the invitee or the bureau)',
      tags: TAGS,
      access: [...SESSION_ROUTE_ROLES],
      params: requestParams,
      body: requestPatchSchema,
      responses: { 200: { description: 'The decided request.', body: requestViewSchema }, ...common, ...conflict },
      handler: async ({ params, body }, _req, res) => {
        res.json(await requests.decide(principalOf(res), params.id, params.rid, body.status));
      },
    }),
    route({
      method: 'post',
      path: '/sessions/:id/meeting-requests/suggest',
      operationId: 'suggestMeetings',
      summary: 'Propose the matcher’s best complementary pairs as pending requests',
      description: 'For every participant, its best partners among the other participants; pairs that already have a live request are skipped; each participant gets at most `perParticipant` proposals. The invitee (or the bureau) approves each by accepting it.',
      tags: TAGS,
      access: [...BUREAU_ROLES],
      params: idParams,
      body: z.strictObject({ limit: boundedInt('Proposals at most', 500, 50), perParticipant: boundedInt('Proposals per participant at most', 10, 3) }),
      responses: {
        201: {
          description: 'The proposals, created as pending requests with origin "suggestion", best first.',
          body: z.strictObject({ items: z.array(z.strictObject({ request: requestViewSchema, score: z.number(), reasons: z.array(z.strictObject({ code: z.string(), text: z.string() })) })) }).meta({ id: 'MeetingSuggestions' }),
        },
        ...common,
        ...conflict,
      },
      handler: async ({ params, body }, req, res) => {
        res.status(201).json(await suggestions.pairs(principalOf(res), params.id, body, preferredLanguage(req)));
      },
    }),
    route({
      method: 'post',
      path: '/sessions/:id/schedule',
      operationId: 'scheduleSession',
      summary: 'Compute the agenda (a job; progress at GET /jobs/{jobId})',
      description: 'Schedules the accepted requests of active participants: maximum total priority, then fewest idle gaps. Locked meetings stay where they are unless `keepLocked` is false. One run at a time per session (409 names the running job).',
      tags: TAGS,
      access: [...BUREAU_ROLES],
      params: idParams,
      body: scheduleSchema,
      responses: { 202: { description: 'The run was queued.', body: z.strictObject({ jobId: z.string() }) }, ...common, ...conflict },
      handler: async ({ params, body }, req, res) => {
        const queued = await agenda.requestRun(principalOf(res), params.id, body.keepLocked ?? true);
        res.location(`${req.baseUrl}/jobs/${encodeURIComponent(queued.jobId)}`).status(202).json(queued);
      },
    }),
    route({
      method: 'get',
      path: '/sessions/:id/agenda',
      operationId: 'getAgenda',
      summary: 'The agenda (the bureau: every meeting; a company or participant: its own)',
      tags: TAGS,
      access: [...SESSION_ROUTE_ROLES],
      params: idParams,
      responses: { 200: { description: 'Meetings by slot and table, and the requests the last run could not place.', body: agendaViewSchema }, ...common },
      handler: async ({ params }, _req, res) => {
        res.json(await agenda.agenda(principalOf(res), params.id));
      },
    }),
    route({
      method: 'post',
      path: '/sessions/:id/meetings',
      operationId: 'addMeeting',
      summary: 'Place an accepted request by hand (locked unless `locked: false`)',
      tags: TAGS,
      access: [...BUREAU_ROLES],
      params: idParams,
      body: meetingCreateSchema,
      responses: { 201: { description: 'The meeting.', body: meetingViewSchema }, ...common, 409: { description: 'A clash (table taken, participant busy or unavailable, cap reached); the agenda is unchanged.' } },
      handler: async ({ params, body }, _req, res) => {
        res.status(201).json(await agenda.addMeeting(principalOf(res), params.id, body));
      },
    }),
    route({
      method: 'patch',
      path: '/sessions/:id/meetings/:mid',
      operationId: 'updateMeeting',
      summary: 'Move, lock, unlock or cancel a meeting',
      description: 'A moved meeting is locked unless `locked: false` is sent with the move. Its calendar SEQUENCE increases.',
      tags: TAGS,
      access: [...BUREAU_ROLES],
      params: meetingParams,
      body: meetingPatchSchema,
      responses: { 200: { description: 'The meeting.', body: meetingViewSchema }, ...common, 409: { description: 'A clash (table taken, participant busy or unavailable); the agenda is unchanged.' } },
      handler: async ({ params, body }, _req, res) => {
        res.json(await agenda.updateMeeting(principalOf(res), params.id, params.mid, body));
      },
    }),
    route({
      method: 'post',
      path: '/meetings/:id/outcome',
      operationId: 'recordOutcome',
      summary: 'Record what came of a meeting (either side or the bureau)',
      description: 'A `followUpAt` plans a follow-up message to both companies.',
      tags: TAGS,
      access: [...SESSION_ROUTE_ROLES],
      params: idParams,
      body: outcomeSchema,
      responses: { 200: { description: 'The meeting with its outcome.', body: meetingViewSchema }, ...common, ...conflict },
      handler: async ({ params, body }, _req, res) => {
        res.json(await outcomes.record(principalOf(res), params.id, body));
      },
    }),
    route({
      method: 'get',
      path: '/sessions/:id/participants/:pid/agenda.ics',
      operationId: 'getParticipantCalendar',
      summary: 'A participant’s meetings as an iCalendar file (RFC 5545)',
      description: 'Stable UIDs, SEQUENCE that increases when a meeting moves, cancelled meetings as STATUS:CANCELLED; times in Asia/Shanghai with a VTIMEZONE. Re-importing updates the calendar instead of duplicating events.',
      tags: TAGS,
      access: [...SESSION_ROUTE_ROLES],
      params: participantParams,
      responses: { 200: { description: 'The calendar.', contentType: 'text/calendar' }, ...common },
      handler: async ({ params }, req, res) => {
        const ics = await exports.calendar(principalOf(res), params.id, params.pid, preferredLanguage(req));
        res.type('text/calendar; charset=utf-8').set('Content-Disposition', 'attachment; filename="agenda.ics"').send(ics);
      },
    }),
    route({
      method: 'get',
      path: '/sessions/:id/report',
      operationId: 'getSessionReport',
      summary: 'Meetings held, no-shows, intentions by industry pair, top unmet needs',
      tags: TAGS,
      access: [...BUREAU_ROLES],
      params: idParams,
      responses: { 200: { description: 'The report.', body: sessionReportSchema }, ...common },
      handler: async ({ params }, req, res) => {
        res.json(await exports.report(principalOf(res), params.id, preferredLanguage(req)));
      },
    }),
    route({
      method: 'get',
      path: '/sessions/:id/report.csv',
      operationId: 'getSessionReportCsv',
      summary: 'The report as CSV: one row per meeting (UTF-8 with BOM, opens in Excel)',
      tags: TAGS,
      access: [...BUREAU_ROLES],
      params: idParams,
      responses: { 200: { description: 'CSV.', contentType: 'text/csv' }, ...common },
      handler: async ({ params }, req, res) => {
        const csv = await exports.reportCsv(principalOf(res), params.id, preferredLanguage(req));
        res.type('text/csv; charset=utf-8').set('Content-Disposition', `attachment; filename="session-${params.id}-report.csv"`).send(csv);
      },
    }),
  ];
}
