/** Sessions, participants, requests and meetings as the API shows them (and as the OpenAPI document describes them). */
import { z } from 'zod';
import type { Stored } from '../../store/port.js';
import { pageSchema } from '../audit/listing.js';
import type { MeetingRecord, MeetingRequestRecord, ParticipantRecord, SessionRecord } from './model.js';
import { sessionEnd, slotEnd, slotStart } from './timeline.js';
import { INTENTIONS, REQUEST_ORIGINS, REQUEST_STATUSES, SESSION_STATUSES } from '../../store/schemas/sessions.js';

const iso = z.iso.datetime();

export const sessionViewSchema = z
  .strictObject({
    id: z.string(),
    title: z.string(),
    description: z.string().optional(),
    venue: z.string().optional(),
    industries: z.array(z.string()),
    startsAt: iso,
    endsAt: iso.describe('When the last slot ends.'),
    slotMinutes: z.int(),
    slotCount: z.int(),
    tables: z.int(),
    breakMinutes: z.int(),
    registrationClosesAt: iso.optional(),
    requestTtlHours: z.int(),
    status: z.enum(SESSION_STATUSES),
    agenda: z.strictObject({
      state: z.enum(['none', 'scheduling', 'scheduled']),
      revision: z.int().describe('Increases with every schedule run and agenda edit.'),
      jobId: z.string().optional().describe('The last schedule job; progress at GET /jobs/{jobId}.'),
    }),
    slots: z.array(z.strictObject({ slot: z.int(), startsAt: iso, endsAt: iso })),
    version: z.int(),
    createdAt: iso,
    updatedAt: iso,
  })
  .meta({ id: 'Session' });

export type SessionView = z.output<typeof sessionViewSchema>;
export const sessionPageSchema = pageSchema(sessionViewSchema).meta({ id: 'SessionPage' });

export function toSessionView(doc: Stored<SessionRecord>): SessionView {
  const view: SessionView = {
    id: doc._id,
    title: doc.title,
    industries: [...doc.industries],
    startsAt: doc.startsAt.toISOString(),
    endsAt: sessionEnd(doc).toISOString(),
    slotMinutes: doc.slotMinutes,
    slotCount: doc.slotCount,
    tables: doc.tables,
    breakMinutes: doc.breakMinutes,
    requestTtlHours: doc.requestTtlHours,
    status: doc.status,
    agenda: { state: doc.agenda.state, revision: doc.agenda.revision, ...(doc.agenda.jobId ? { jobId: doc.agenda.jobId } : {}) },
    slots: Array.from({ length: doc.slotCount }, (_, slot) => ({ slot, startsAt: slotStart(doc, slot).toISOString(), endsAt: slotEnd(doc, slot).toISOString() })),
    version: doc.version,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
  if (doc.description !== undefined) view.description = doc.description;
  if (doc.venue !== undefined) view.venue = doc.venue;
  if (doc.registrationClosesAt !== undefined) view.registrationClosesAt = doc.registrationClosesAt.toISOString();
  return view;
}

export const participantViewSchema = z
  .strictObject({
    id: z.string(),
    sessionId: z.string(),
    companyId: z.string(),
    companyName: z.string(),
    availability: z.array(z.int()),
    maxMeetings: z.int().optional(),
    status: z.enum(['active', 'withdrawn']),
    checkedIn: z.boolean(),
    tokenPrefix: z.string().optional().describe('First characters of the join token (bureau and the company only).'),
    createdAt: iso,
  })
  .meta({ id: 'Participant' });

export type ParticipantView = z.output<typeof participantViewSchema>;

export const participantCreatedSchema = participantViewSchema
  .extend({ joinToken: z.string().describe('Bearer token for this participant in this session (live room, agenda); shown once.') })
  .meta({ id: 'ParticipantCreated' });

export const participantPageSchema = pageSchema(participantViewSchema).meta({ id: 'ParticipantPage' });

export function toParticipantView(doc: Stored<ParticipantRecord>, companyName: string, showPrivate: boolean): ParticipantView {
  const view: ParticipantView = {
    id: doc._id,
    sessionId: doc.sessionId,
    companyId: doc.companyId,
    companyName,
    availability: [...doc.availability],
    status: doc.status,
    checkedIn: doc.checkedInAt !== undefined,
    createdAt: doc.createdAt.toISOString(),
  };
  if (doc.maxMeetings !== undefined) view.maxMeetings = doc.maxMeetings;
  if (showPrivate) view.tokenPrefix = doc.tokenPrefix;
  return view;
}

export const requestViewSchema = z
  .strictObject({
    id: z.string(),
    sessionId: z.string(),
    from: z.string(),
    to: z.string(),
    priority: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    note: z.string().optional(),
    status: z.enum(REQUEST_STATUSES),
    origin: z.enum(REQUEST_ORIGINS),
    expiresAt: iso.optional(),
    decidedAt: iso.optional(),
    createdAt: iso,
  })
  .meta({ id: 'MeetingRequest' });

export type RequestView = z.output<typeof requestViewSchema>;
export const requestPageSchema = pageSchema(requestViewSchema).meta({ id: 'MeetingRequestPage' });

export function toRequestView(doc: Stored<MeetingRequestRecord>): RequestView {
  const view: RequestView = {
    id: doc._id,
    sessionId: doc.sessionId,
    from: doc.from,
    to: doc.to,
    priority: doc.priority,
    status: doc.status,
    origin: doc.origin,
    createdAt: doc.createdAt.toISOString(),
  };
  if (doc.note !== undefined) view.note = doc.note;
  if (doc.expiresAt !== undefined) view.expiresAt = doc.expiresAt.toISOString();
  if (doc.decidedAt !== undefined) view.decidedAt = doc.decidedAt.toISOString();
  return view;
}

const outcomeViewSchema = z.strictObject({
  attended: z.boolean(),
  intention: z.enum(INTENTIONS),
  notes: z.string().optional(),
  followUpAt: iso.optional(),
  recordedAt: iso,
});

export const meetingViewSchema = z
  .strictObject({
    id: z.string(),
    requestId: z.string(),
    slot: z.int(),
    table: z.int(),
    startsAt: iso,
    endsAt: iso,
    participants: z.tuple([z.string(), z.string()]),
    locked: z.boolean(),
    status: z.enum(['scheduled', 'cancelled']),
    sequence: z.int(),
    outcome: outcomeViewSchema.optional(),
  })
  .meta({ id: 'Meeting' });

export type MeetingView = z.output<typeof meetingViewSchema>;

export function toMeetingView(doc: Stored<MeetingRecord>, session: Stored<SessionRecord>): MeetingView {
  const view: MeetingView = {
    id: doc._id,
    requestId: doc.requestId,
    slot: doc.slot,
    table: doc.table,
    startsAt: slotStart(session, doc.slot).toISOString(),
    endsAt: slotEnd(session, doc.slot).toISOString(),
    participants: [doc.participants[0] ?? '', doc.participants[1] ?? ''],
    locked: doc.locked,
    status: doc.status,
    sequence: doc.sequence,
  };
  if (doc.outcome) {
    const { attended, intention, notes, followUpAt, recordedAt } = doc.outcome;
    view.outcome = { attended, intention, recordedAt: recordedAt.toISOString(), ...(notes !== undefined ? { notes } : {}), ...(followUpAt ? { followUpAt: followUpAt.toISOString() } : {}) };
  }
  return view;
}

export const agendaViewSchema = z
  .strictObject({
    status: z.enum(['none', 'scheduling', 'scheduled']).describe('"scheduling" while a run is in progress (the meetings shown are the previous agenda).'),
    revision: z.int(),
    meetings: z.array(meetingViewSchema),
    unscheduled: z.array(z.strictObject({ requestId: z.string(), reason: z.string(), message: z.string() })),
    stats: z.record(z.string(), z.number()).optional().describe('Figures of the last schedule run: value, upperBound, scheduled, idleGaps, milliseconds.'),
  })
  .meta({ id: 'Agenda' });

export type AgendaView = z.output<typeof agendaViewSchema>;
