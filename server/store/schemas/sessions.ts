/**
 * Mongoose schemas of the matchmaking-session collections: sessions, participants, invitations, meeting requests,
 * meetings, agenda runs and the outbox of messages to companies. Indexes serve what the session pages and jobs
 * ask: everything of one session, a participant's meetings, a token's digest, due messages.
 */
import { Schema } from 'mongoose';
import { defineSchema, type SchemaRegistry } from '../schema.js';

export const SESSIONS = 'sessions';
export const PARTICIPANTS = 'participants';
export const INVITATIONS = 'invitations';
export const MEETING_REQUESTS = 'meetingRequests';
export const MEETINGS = 'meetings';
export const AGENDA_RUNS = 'agendaRuns';
export const OUTBOX = 'outbox';
export const BACKFILL_OFFERS = 'backfillOffers';

const OBJECT_ID = /^[0-9a-f]{24}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const id = (required = true) => ({ type: String, required, match: OBJECT_ID });
const actor = { type: String, required: true, maxlength: 64 };

export const SESSION_STATUSES = ['draft', 'open', 'scheduled', 'live', 'closed'] as const;
export const AGENDA_STATES = ['none', 'scheduling', 'scheduled'] as const;
export const PARTICIPANT_STATUSES = ['active', 'withdrawn'] as const;
export const INVITATION_STATUSES = ['sent', 'accepted', 'declined'] as const;
export const REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'expired'] as const;
export const REQUEST_ORIGINS = ['request', 'suggestion'] as const;
export const MEETING_STATUSES = ['scheduled', 'cancelled'] as const;
export const INTENTIONS = ['none', 'interested', 'agreed'] as const;
export const OUTBOX_KINDS = ['invitation', 'meeting-request', 'reminder', 'follow-up', 'agenda'] as const;
export const OUTBOX_STATUSES = ['scheduled', 'pending', 'sent', 'cancelled', 'failed'] as const;

/** The agenda's state lives on the session so that "one schedule run at a time" is one conditional update. */
const agenda = new Schema(
  {
    state: { type: String, required: true, enum: AGENDA_STATES, default: 'none' },
    jobId: { type: String, maxlength: 200 },
    runAt: { type: Date },
    /** Bumped by every agenda write (run or edit), so concurrent edits serialise on the session's version. */
    revision: { type: Number, required: true, default: 0, min: 0 },
  },
  { _id: false, strict: 'throw' },
);

export const LIVE_PHASES = ['before', 'meeting', 'break', 'ended'] as const;

/**
 * The live clock of a session on the day. Times are planned instants, so a restarted server continues at the
 * right slot; `generation` changes with every staff action that moves the clock (pause, resume, advance, extend),
 * and clock jobs of an older generation do nothing.
 */
const live = new Schema(
  {
    phase: { type: String, required: true, enum: LIVE_PHASES, default: 'before' },
    slot: { type: Number, required: true, default: 0, min: 0, max: 47 },
    /** When the current phase started and ends (absent before the start and after the end). */
    phaseStartedAt: { type: Date },
    phaseEndsAt: { type: Date },
    paused: { type: Boolean, required: true, default: false },
    /** While paused: what was left of the phase. */
    remainingMs: { type: Number, min: 0 },
    generation: { type: Number, required: true, default: 0, min: 0 },
    startedAt: { type: Date },
    endedAt: { type: Date },
  },
  { _id: false, strict: 'throw' },
);

const sessions = defineSchema({
  title: { type: String, required: true, maxlength: 200 },
  description: { type: String, maxlength: 4000 },
  venue: { type: String, maxlength: 200 },
  industries: { type: [String], default: [] },
  startsAt: { type: Date, required: true },
  slotMinutes: { type: Number, required: true, min: 5, max: 240 },
  slotCount: { type: Number, required: true, min: 1, max: 48 },
  tables: { type: Number, required: true, min: 1, max: 500 },
  breakMinutes: { type: Number, required: true, default: 0, min: 0, max: 240 },
  registrationClosesAt: { type: Date },
  requestTtlHours: { type: Number, required: true, default: 72, min: 1, max: 24 * 60 },
  status: { type: String, required: true, enum: SESSION_STATUSES, default: 'draft', index: true },
  agenda: { type: agenda, default: () => ({}) },
  live: { type: live },
  createdBy: actor,
  /** Demo sessions carry their seed key; a user-created session has none. */
  seedKey: { type: String, maxlength: 100 },
});
sessions.index({ startsAt: 1 });

const participants = defineSchema({
  sessionId: id(),
  companyId: id(),
  /** Slot indices the participant can meet in, ascending and unique. */
  availability: { type: [Number], default: [] },
  maxMeetings: { type: Number, min: 1, max: 48 },
  status: { type: String, required: true, enum: PARTICIPANT_STATUSES, default: 'active' },
  tokenHash: { type: String, required: true, match: SHA256_HEX },
  tokenPrefix: { type: String, required: true, maxlength: 16 },
  createdBy: actor,
  withdrawnAt: { type: Date },
  checkedInAt: { type: Date },
  /** "Running late" on the day: until when, as the participant said. */
  lateUntil: { type: Date },
});
participants.index({ sessionId: 1, companyId: 1 }, { unique: true });
participants.index({ tokenHash: 1 }, { unique: true });

const invitations = defineSchema({
  sessionId: id(),
  companyId: id(),
  tokenHash: { type: String, required: true, match: SHA256_HEX },
  status: { type: String, required: true, enum: INVITATION_STATUSES, default: 'sent' },
  participantId: id(false),
  respondedAt: { type: Date },
  createdBy: actor,
});
invitations.index({ sessionId: 1, companyId: 1 }, { unique: true });
invitations.index({ tokenHash: 1 }, { unique: true });

const meetingRequests = defineSchema({
  sessionId: id(),
  from: id(),
  to: id(),
  /**
   * The unordered pair (`<lower id>|<higher id>`) while the request is live (pending or accepted): the unique
   * index then refuses a second live request between the same two participants, whichever asked. A declined or
   * expired request frees the pair by appending its own id, so the two may ask again.
   */
  pairKey: { type: String, required: true, maxlength: 100 },
  priority: { type: Number, required: true, enum: [1, 2, 3] },
  note: { type: String, maxlength: 500 },
  status: { type: String, required: true, enum: REQUEST_STATUSES, default: 'pending', index: true },
  origin: { type: String, required: true, enum: REQUEST_ORIGINS, default: 'request' },
  requestedBy: actor,
  expiresAt: { type: Date },
  decidedAt: { type: Date },
  decidedBy: { type: String, maxlength: 64 },
});
meetingRequests.index({ sessionId: 1, pairKey: 1 }, { unique: true });
meetingRequests.index({ sessionId: 1, status: 1 });

const outcome = new Schema(
  {
    attended: { type: Boolean, required: true },
    intention: { type: String, required: true, enum: INTENTIONS },
    notes: { type: String, maxlength: 2000 },
    followUpAt: { type: Date },
    recordedBy: actor,
    recordedAt: { type: Date, required: true },
  },
  { _id: false, strict: 'throw' },
);

const meetings = defineSchema({
  sessionId: id(),
  requestId: id(),
  participants: { type: [String], required: true },
  slot: { type: Number, required: true, min: 0, max: 47 },
  table: { type: Number, required: true, min: 1, max: 500 },
  locked: { type: Boolean, required: true, default: false },
  status: { type: String, required: true, enum: MEETING_STATUSES, default: 'scheduled' },
  /** RFC 5545 SEQUENCE: bumped whenever the meeting moves or is cancelled, so calendars update in place. */
  sequence: { type: Number, required: true, default: 0, min: 0 },
  outcome: { type: outcome },
});
// One meeting document per request for the life of the session: its id is the calendar UID.
meetings.index({ sessionId: 1, requestId: 1 }, { unique: true });
meetings.index({ participants: 1 });

const agendaRuns = defineSchema({
  sessionId: id(),
  jobId: { type: String, required: true, maxlength: 200 },
  requestedBy: actor,
  keepLocked: { type: Boolean, required: true },
  stats: { type: Schema.Types.Mixed, required: true },
  unscheduled: { type: [Schema.Types.Mixed], default: [] },
});
agendaRuns.index({ sessionId: 1, _id: -1 });

const outbox = defineSchema({
  kind: { type: String, required: true, enum: OUTBOX_KINDS },
  companyId: id(),
  sessionId: id(false),
  participantId: id(false),
  meetingId: id(false),
  /** One message per key (`reminder:<participant>:24h`): planning the same message again updates it. */
  dedupeKey: { type: String, required: true, maxlength: 200 },
  subject: { type: String, required: true, maxlength: 300 },
  body: { type: String, required: true, maxlength: 4000 },
  link: { type: String, maxlength: 500 },
  status: { type: String, required: true, enum: OUTBOX_STATUSES, default: 'pending' },
  /** When the message is due (reminders, follow-ups); immediate messages are due when written. */
  dueAt: { type: Date, required: true },
  jobId: { type: String, maxlength: 200 },
  channel: { type: String, maxlength: 20 },
  sentAt: { type: Date },
  error: { type: String, maxlength: 500 },
});
outbox.index({ dedupeKey: 1 }, { unique: true });
outbox.index({ sessionId: 1, _id: 1 });
outbox.index({ companyId: 1, _id: 1 });

/**
 * On the day: a participant whose partner did not show up is offered a meeting with another free, checked-in
 * participant the matcher ranks well; the offer lapses when the slot ends.
 */
const backfillOffers = defineSchema({
  sessionId: id(),
  slot: { type: Number, required: true, min: 0, max: 47 },
  /** The meeting whose other side did not come. */
  meetingId: id(),
  /** The stranded participant the offer is for, and the one proposed. */
  to: id(),
  candidate: id(),
  table: { type: Number, required: true, min: 1, max: 500 },
  score: { type: Number, required: true },
  reasons: { type: [String], default: [] },
  status: { type: String, required: true, enum: ['offered', 'accepted', 'declined', 'expired'], default: 'offered' },
  expiresAt: { type: Date, required: true },
  backfillMeetingId: id(false),
});
// One offer per stranded participant per slot: a repeated clock job cannot offer twice.
backfillOffers.index({ sessionId: 1, slot: 1, to: 1 }, { unique: true });

export const sessionSchemas: SchemaRegistry = {
  [BACKFILL_OFFERS]: backfillOffers,
  [SESSIONS]: sessions,
  [PARTICIPANTS]: participants,
  [INVITATIONS]: invitations,
  [MEETING_REQUESTS]: meetingRequests,
  [MEETINGS]: meetings,
  [AGENDA_RUNS]: agendaRuns,
  [OUTBOX]: outbox,
};
