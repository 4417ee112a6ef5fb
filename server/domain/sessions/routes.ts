/** HTTP routes for sessions, their participants, invitations (with the public RSVP) and invitation suggestions. */
import { z } from 'zod';
import { principalOf } from '../../http/auth.js';
import { preferredLanguage } from '../../http/problem.js';
import { route, type AnyRoute } from '../../http/route.js';
import { cursorParam, limitParam } from '../audit/listing.js';
import { BUREAU_ROLES } from '../companies/access.js';
import type { Services } from '../services.js';
import { objectId } from '../text.js';
import { SESSION_ROUTE_ROLES } from './access.js';
import {
  invitationCreateSchema,
  participantCreateSchema,
  participantPatchSchema,
  rsvpSchema,
  SESSION_STATUS_INPUTS,
  sessionCreateSchema,
  sessionPatchSchema,
} from './schemas.js';
import { participantCreatedSchema, participantPageSchema, participantViewSchema, sessionPageSchema, sessionViewSchema } from './views.js';

const TAGS = ['sessions'];
const idParams = z.strictObject({ id: objectId });
const participantParams = z.strictObject({ id: objectId, pid: objectId });
const rsvpParams = z.strictObject({ token: z.string().max(100, 'is not a valid invitation token') });

export const common = {
  400: { description: 'A parameter or field is missing or not valid (problem+json with `errors[].path`).' },
  401: { description: 'No valid token or API key.' },
  403: { description: 'The caller may not do this.' },
  404: { description: 'No such session (drafts exist only for the bureau), or no such object in it.' },
};

const reasonSchema = z.strictObject({ code: z.string(), text: z.string() });

const invitationSchema = z
  .strictObject({
    id: z.string(),
    sessionId: z.string(),
    companyId: z.string(),
    companyName: z.string(),
    status: z.enum(['sent', 'accepted', 'declined']),
    participantId: z.string().optional(),
    createdAt: z.iso.datetime(),
    rsvpToken: z.string().optional().describe('Only when the invitation was created by this call.'),
    rsvpUrl: z.string().optional().describe('The RSVP link the invitation message carries.'),
    alreadyInvited: z.boolean().optional(),
  })
  .meta({ id: 'Invitation' });

/** `?limit=` of suggestion lists: 1..100, default 20. */
const suggestionLimit = z
  .string()
  .regex(/^[0-9]{1,3}$/, 'must be a whole number from 1 to 100')
  .transform(Number)
  .pipe(z.int().min(1, 'must be a whole number from 1 to 100').max(100, 'must be a whole number from 1 to 100'))
  .optional()
  .transform((n) => n ?? 20);

export function sessionRoutes(services: Services): AnyRoute[] {
  const { sessions, invitations, suggestions } = services;
  return [
    route({
      method: 'post',
      path: '/sessions',
      operationId: 'createSession',
      summary: 'Create a matchmaking session (draft)',
      description: 'Slots are numbered 0..slotCount-1; slot i starts at startsAt + i × (slotMinutes + breakMinutes). Tables are numbered 1..tables.',
      tags: TAGS,
      access: [...BUREAU_ROLES],
      body: sessionCreateSchema,
      responses: { 201: { description: 'Created with status "draft".', body: sessionViewSchema }, ...common },
      handler: async ({ body }, req, res) => {
        const view = await sessions.create(principalOf(res), body);
        res.location(`${req.baseUrl}/sessions/${view.id}`).status(201).json(view);
      },
    }),
    route({
      method: 'get',
      path: '/sessions',
      operationId: 'listSessions',
      summary: 'List sessions',
      description: 'The bureau sees every session; companies the sessions that are not drafts; a participant its own.',
      tags: TAGS,
      access: [...SESSION_ROUTE_ROLES],
      query: z.strictObject({ status: z.enum(SESSION_STATUS_INPUTS, 'must be draft, open, scheduled, live or closed').optional(), cursor: cursorParam, limit: limitParam }),
      responses: { 200: { description: 'One page, oldest first.', body: sessionPageSchema }, ...common },
      handler: async ({ query }, _req, res) => {
        res.json(await sessions.list(principalOf(res), query));
      },
    }),
    route({
      method: 'get',
      path: '/sessions/:id',
      operationId: 'getSession',
      summary: 'Read a session',
      tags: TAGS,
      access: [...SESSION_ROUTE_ROLES],
      params: idParams,
      responses: { 200: { description: 'The session with its slot times.', body: sessionViewSchema }, ...common },
      handler: async ({ params }, _req, res) => {
        res.json(await sessions.get(principalOf(res), params.id));
      },
    }),
    route({
      method: 'patch',
      path: '/sessions/:id',
      operationId: 'updateSession',
      summary: 'Change a session or move it along (draft → open → scheduled → live → closed)',
      description: 'Any session that is not closed can be closed. Start, slots and tables are fixed once an agenda exists.',
      tags: TAGS,
      access: [...BUREAU_ROLES],
      params: idParams,
      body: sessionPatchSchema,
      responses: { 200: { description: 'The changed session.', body: sessionViewSchema }, ...common, 409: { description: 'The transition or change is not possible now.' } },
      handler: async ({ params, body }, _req, res) => {
        res.json(await sessions.update(principalOf(res), params.id, body));
      },
    }),
    route({
      method: 'get',
      path: '/sessions/:id/suggestions',
      operationId: 'suggestInvitees',
      summary: 'Companies to invite, ranked by the matcher, with reasons',
      tags: TAGS,
      access: [...BUREAU_ROLES],
      params: idParams,
      query: z.strictObject({ limit: suggestionLimit }),
      responses: {
        200: {
          description: 'Companies not yet invited or registered, best first.',
          body: z.strictObject({ items: z.array(z.strictObject({ company: z.strictObject({ id: z.string(), name: z.string() }), score: z.number(), reasons: z.array(reasonSchema) })) }).meta({ id: 'InviteSuggestions' }),
        },
        ...common,
      },
      handler: async ({ params, query }, req, res) => {
        res.json(await suggestions.invitees(principalOf(res), params.id, query.limit, preferredLanguage(req)));
      },
    }),
    route({
      method: 'post',
      path: '/sessions/:id/invitations',
      operationId: 'inviteCompanies',
      summary: 'Invite companies (through the outbox, each with an RSVP link)',
      description: 'A company invited before is reported with `alreadyInvited: true` and not sent a second message.',
      tags: TAGS,
      access: [...BUREAU_ROLES],
      params: idParams,
      body: invitationCreateSchema,
      responses: { 201: { description: 'The invitations.', body: z.strictObject({ items: z.array(invitationSchema) }) }, ...common, 409: { description: 'The session takes no more invitations.' } },
      handler: async ({ params, body }, _req, res) => {
        res.status(201).json({ items: await invitations.invite(principalOf(res), params.id, body.companyIds) });
      },
    }),
    route({
      method: 'get',
      path: '/sessions/:id/invitations',
      operationId: 'listInvitations',
      summary: 'Invitations of a session and their answers',
      tags: TAGS,
      access: [...BUREAU_ROLES],
      params: idParams,
      responses: { 200: { description: 'Every invitation, oldest first.', body: z.strictObject({ items: z.array(invitationSchema) }) }, ...common },
      handler: async ({ params }, _req, res) => {
        res.json({ items: await invitations.list(principalOf(res), params.id) });
      },
    }),
    route({
      method: 'get',
      path: '/rsvp/:token',
      operationId: 'readInvitation',
      summary: 'The invitation behind an RSVP link (no credentials: the token is the credential)',
      tags: TAGS,
      access: 'public',
      params: rsvpParams,
      responses: {
        200: { description: 'The invitation and its session.', body: z.strictObject({ invitation: invitationSchema, session: sessionViewSchema }) },
        404: { description: 'The token is not valid.' },
      },
      handler: async ({ params }, _req, res) => {
        res.json(await invitations.byToken(params.token));
      },
    }),
    route({
      method: 'post',
      path: '/rsvp/:token',
      operationId: 'answerInvitation',
      summary: 'Accept (register, get a join token) or decline an invitation',
      tags: TAGS,
      access: 'public',
      params: rsvpParams,
      body: rsvpSchema,
      responses: {
        200: { description: 'The answer was recorded; on accept, the new participant with its join token.', body: z.strictObject({ invitation: invitationSchema, participant: participantCreatedSchema.optional() }) },
        400: common[400],
        404: { description: 'The token is not valid.' },
        409: { description: 'Already answered, or registration is not open.' },
      },
      handler: async ({ params, body }, _req, res) => {
        res.json(await invitations.respond(params.token, body));
      },
    }),
    route({
      method: 'post',
      path: '/sessions/:id/participants',
      operationId: 'addParticipant',
      summary: 'Register a company as a participant',
      description: 'The bureau registers any company; a company key registers its own company while the session is open and registration has not closed. The join token is shown once.',
      tags: TAGS,
      access: ['admin', 'staff', 'company'],
      params: idParams,
      body: participantCreateSchema,
      responses: { 201: { description: 'Registered.', body: participantCreatedSchema }, ...common, 409: { description: 'Already registered, or registration is not open.' } },
      handler: async ({ params, body }, req, res) => {
        const view = await sessions.addParticipant(principalOf(res), params.id, body);
        res.location(`${req.baseUrl}/sessions/${params.id}/participants/${view.id}`).status(201).json(view);
      },
    }),
    route({
      method: 'get',
      path: '/sessions/:id/participants',
      operationId: 'listParticipants',
      summary: 'Participants of a session',
      description: 'Companies and participants see the active participants (to choose whom to ask for a meeting); the bureau sees withdrawn ones too.',
      tags: TAGS,
      access: [...SESSION_ROUTE_ROLES],
      params: idParams,
      query: z.strictObject({ status: z.enum(['active', 'withdrawn'], 'must be active or withdrawn').optional(), cursor: cursorParam, limit: limitParam }),
      responses: { 200: { description: 'One page, in registration order.', body: participantPageSchema }, ...common },
      handler: async ({ params, query }, _req, res) => {
        res.json(await sessions.listParticipants(principalOf(res), params.id, query));
      },
    }),
    route({
      method: 'get',
      path: '/sessions/:id/participants/:pid',
      operationId: 'getParticipant',
      summary: 'Read a participant',
      tags: TAGS,
      access: [...SESSION_ROUTE_ROLES],
      params: participantParams,
      responses: { 200: { description: 'The participant.', body: participantViewSchema }, ...common },
      handler: async ({ params }, _req, res) => {
        res.json(await sessions.getParticipant(principalOf(res), params.id, params.pid));
      },
    }),
    route({
      method: 'patch',
      path: '/sessions/:id/participants/:pid',
      operationId: 'updateParticipant',
      summary: 'Change availability or the meeting cap, or withdraw',
      description: 'Withdrawing cancels the participant’s meetings and reminders and declines its pending requests; its partners’ reminders are re-planned.',
      tags: TAGS,
      access: [...SESSION_ROUTE_ROLES],
      params: participantParams,
      body: participantPatchSchema,
      responses: { 200: { description: 'The participant.', body: participantViewSchema }, ...common, 409: { description: 'The session is closed.' } },
      handler: async ({ params, body }, _req, res) => {
        res.json(await sessions.updateParticipant(principalOf(res), params.id, params.pid, body));
      },
    }),
    route({
      method: 'post',
      path: '/sessions/:id/participants/:pid/join-token',
      operationId: 'rotateJoinToken',
      summary: 'Issue a new join token (the old one stops working)',
      tags: TAGS,
      access: ['admin', 'staff', 'company'],
      params: participantParams,
      responses: { 201: { description: 'The participant with its new join token, shown once.', body: participantCreatedSchema }, ...common },
      handler: async ({ params }, _req, res) => {
        res.status(201).json(await sessions.rotateJoinToken(principalOf(res), params.id, params.pid));
      },
    }),
  ];
}
