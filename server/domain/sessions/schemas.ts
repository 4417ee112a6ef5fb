/**
 * Request schemas of the session API. Slot indices are checked against the session's slot count by the services
 * (a schema cannot know it); everything a schema can check, it checks here, so a bad field is a 400 naming it.
 */
import { z } from 'zod';
import { industryCodes } from '../industries/codes.js';
import { objectId, text } from '../text.js';

export const SESSION_STATUS_INPUTS = ['draft', 'open', 'scheduled', 'live', 'closed'] as const;

/** An ISO 8601 date-time with an offset or Z; a bare date would leave the time of day to guesswork. */
const instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with an offset, e.g. 2026-12-18T14:00:00+08:00' }).transform((s) => new Date(s));

const sessionFields = {
  title: text(200),
  description: text(4000).optional(),
  venue: text(200).optional(),
  industries: industryCodes(20).optional(),
  startsAt: instant,
  slotMinutes: z.int('must be a whole number of minutes').min(5, 'must be at least 5 minutes').max(240, 'must be at most 240 minutes'),
  slotCount: z.int('must be a whole number').min(1, 'must be at least 1').max(48, 'must be at most 48'),
  tables: z.int('must be a whole number').min(1, 'must be at least 1').max(500, 'must be at most 500'),
  breakMinutes: z.int('must be a whole number of minutes').min(0, 'must not be negative').max(240, 'must be at most 240 minutes').optional(),
  registrationClosesAt: instant.optional(),
  requestTtlHours: z.int('must be a whole number of hours').min(1, 'must be at least 1 hour').max(1440, 'must be at most 1440 hours').optional()
    .describe('Pending meeting requests expire after this many hours (default 72), and at the latest when the session starts.'),
};

export const sessionCreateSchema = z.strictObject(sessionFields);

/**
 * PATCH body: any field, plus `status` for the bureau's transitions (draft → open → scheduled → live → closed;
 * `scheduled` is normally reached by a schedule run). The clock fields (start, slots, tables) are fixed once an
 * agenda exists: moving them would silently invalidate it, so the bureau reschedules instead.
 */
export const sessionPatchSchema = z
  .strictObject({ ...sessionFields, status: z.enum(SESSION_STATUS_INPUTS, 'must be draft, open, scheduled, live or closed') })
  .partial();

export type SessionCreate = z.output<typeof sessionCreateSchema>;
export type SessionPatch = z.output<typeof sessionPatchSchema>;

/** Slot indices: whole numbers, each at most once (duplicates are a mistake worth reporting, not merging). */
export const slotList = z
  .array(z.int('must be a whole slot index').min(0, 'must be a slot index from 0').max(47, 'must be a slot index below 48'))
  .max(48, 'must list at most 48 slots')
  .refine((slots) => new Set(slots).size === slots.length, 'must not list a slot twice');

export const participantCreateSchema = z.strictObject({
  companyId: objectId.optional().describe('Required for the bureau; a company key registers its own company.'),
  availability: slotList.optional().describe('Slot indices the company can meet in (default: every slot).'),
  maxMeetings: z.int('must be a whole number').min(1, 'must be at least 1').max(48, 'must be at most 48').optional(),
});

export const participantPatchSchema = participantCreateSchema.omit({ companyId: true }).extend({
  status: z.enum(['active', 'withdrawn'], 'must be active or withdrawn').optional(),
}).partial();

export type ParticipantCreate = z.output<typeof participantCreateSchema>;
export type ParticipantPatch = z.output<typeof participantPatchSchema>;

export const invitationCreateSchema = z.strictObject({
  companyIds: z.array(objectId).min(1, 'must name at least one company').max(500, 'must name at most 500 companies')
    .refine((ids) => new Set(ids).size === ids.length, 'must not name a company twice'),
});

export const rsvpSchema = z.strictObject({
  response: z.enum(['accept', 'decline'], 'must be accept or decline'),
  availability: slotList.optional(),
  maxMeetings: z.int('must be a whole number').min(1, 'must be at least 1').max(48, 'must be at most 48').optional(),
});

export const requestCreateSchema = z
  .strictObject({
    from: objectId.describe('Participant id of the requester.'),
    to: objectId.describe('Participant id of the company asked to meet.'),
    priority: z.union([z.literal(1), z.literal(2), z.literal(3)], 'must be 1, 2 or 3 (3 = must meet)'),
    note: text(500).optional(),
  })
  .refine((r) => r.from !== r.to, { message: 'a participant cannot request a meeting with itself', path: ['to'] });

export const requestPatchSchema = z.strictObject({
  status: z.enum(['accepted', 'declined'], 'must be accepted or declined'),
});

export const scheduleSchema = z.strictObject({
  keepLocked: z.boolean('must be true or false').optional().describe('Keep locked meetings where they are (default true).'),
});

export const meetingCreateSchema = z.strictObject({
  requestId: objectId,
  slot: z.int('must be a whole slot index').min(0, 'must be a slot index from 0').max(47, 'must be a slot index below 48'),
  table: z.int('must be a whole table number').min(1, 'must be a table number from 1').max(500, 'must be a table number up to 500'),
  locked: z.boolean('must be true or false').optional(),
});

export const meetingPatchSchema = meetingCreateSchema.omit({ requestId: true }).partial().extend({
  status: z.enum(['cancelled'], 'must be cancelled').optional().describe('Cancels the meeting; the request stays accepted.'),
}).strict();

export const outcomeSchema = z.strictObject({
  attended: z.boolean('must be true or false'),
  intention: z.enum(['none', 'interested', 'agreed'], 'must be none, interested or agreed'),
  notes: text(2000).optional(),
  followUpAt: instant.optional(),
});

export type RequestCreate = z.output<typeof requestCreateSchema>;
export type MeetingCreate = z.output<typeof meetingCreateSchema>;
export type MeetingPatch = z.output<typeof meetingPatchSchema>;
export type OutcomeInput = z.output<typeof outcomeSchema>;
