/**
 * What clients may send on /live, validated with zod. Every client event is acknowledged with
 * `{ ok: true, ... }` or `{ ok: false, error: { status, title, detail } }`.
 */
import { z } from 'zod';
import { announcementText, backfillAccept, extendMinutes, lateMinutes, participantRef } from '../domain/live/schemas.js';
import { outcomeSchema } from '../domain/sessions/schemas.js';
import { objectId } from '../domain/text.js';

const optionalParticipant = z.strictObject({ participantId: participantRef });

export const PARTICIPANT_EVENTS = {
  checkin: optionalParticipant,
  'meeting:late': z.strictObject({ participantId: participantRef, minutes: lateMinutes }),
  'meeting:outcome': outcomeSchema.extend({ meetingId: objectId }),
  'backfill:answer': z.strictObject({ offerId: objectId, accept: backfillAccept }),
  'session:state': z.strictObject({}),
} as const;

export const STAFF_EVENTS = {
  'live:start': z.strictObject({}),
  'live:pause': z.strictObject({}),
  'live:resume': z.strictObject({}),
  'live:advance': z.strictObject({}),
  'live:extend': z.strictObject({ minutes: extendMinutes }),
  announce: z.strictObject({ text: announcementText }),
} as const;

export type ParticipantEvent = keyof typeof PARTICIPANT_EVENTS;
export type StaffEvent = keyof typeof STAFF_EVENTS;

export function isParticipantEvent(event: string): event is ParticipantEvent {
  return Object.hasOwn(PARTICIPANT_EVENTS, event);
}

export function isStaffEvent(event: string): event is StaffEvent {
  return Object.hasOwn(STAFF_EVENTS, event);
}
