/** Payload fields of the live actions, shared by the REST routes and the Socket.IO events so both check the same. */
import { z } from 'zod';
import { objectId, text } from '../text.js';

export const lateMinutes = z.int('must be a whole number of minutes').min(1, 'must be at least 1 minute').max(120, 'must be at most 120 minutes');
export const extendMinutes = z.int('must be a whole number of minutes').min(1, 'must be at least 1 minute').max(60, 'must be at most 60 minutes');
export const announcementText = text(500);
export const backfillAccept = z.boolean('must be true or false');
/** The participant an action is for: required of the bureau, implied for participants and companies. */
export const participantRef = objectId.optional().describe('Required for the bureau; participants and companies act for themselves.');
