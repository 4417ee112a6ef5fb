/**
 * What clients may send on /live, validated with zod. Every client event is acknowledged with
 * `{ ok: true, ... }` or `{ ok: false, error: { status, title, detail } }`.
 */
import { z } from 'zod';
import { objectId, text } from '../domain/text.js';

const optionalParticipant = z.strictObject({ participantId: objectId.optional() });

export const PARTICIPANT_EVENTS = {
  checkin: optionalParticipant,
  'meeting:late': z.strictObject({ participantId: objectId.optional(), minutes: z.int('must be a whole number of minutes').min(1, 'must be at least 1 minute').max(120, 'must be at most 120 minutes') }),
  'meeting:outcome': z.strictObject({
    meetingId: objectId,
    attended: z.boolean('must be true or false'),
    intention: z.enum(['none', 'interested', 'agreed'], 'must be none, interested or agreed'),
    notes: text(2000).optional(),
  }),
  'backfill:answer': z.strictObject({ offerId: objectId, accept: z.boolean('must be true or false') }),
  'session:state': z.strictObject({}),
} as const;

export const STAFF_EVENTS = {
  'live:start': z.strictObject({}),
  'live:pause': z.strictObject({}),
  'live:resume': z.strictObject({}),
  'live:advance': z.strictObject({}),
  'live:extend': z.strictObject({ minutes: z.int('must be a whole number of minutes').min(1, 'must be at least 1 minute').max(60, 'must be at most 60 minutes') }),
  announce: z.strictObject({ text: text(500) }),
} as const;

export type ParticipantEvent = keyof typeof PARTICIPANT_EVENTS;
export type StaffEvent = keyof typeof STAFF_EVENTS;

export function isParticipantEvent(event: string): event is ParticipantEvent {
  return Object.hasOwn(PARTICIPANT_EVENTS, event);
}

export function isStaffEvent(event: string): event is StaffEvent {
  return Object.hasOwn(STAFF_EVENTS, event);
}
