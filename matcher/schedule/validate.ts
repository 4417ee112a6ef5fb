/**
 * Checks a schedule against every hard constraint of its input and says what is wrong, one message per violation.
 * Independent of the search's data structures on purpose: it is the referee for the tests and the last check the
 * service runs before saving a schedule (which may have been edited by hand since it was computed).
 */
import type { ScheduleInput, ScheduledMeeting } from './types.js';

export function validateSchedule(input: ScheduleInput, meetings: readonly ScheduledMeeting[]): string[] {
  const problems: string[] = [];
  const { slotCount, tables } = input;
  const participants = new Map(input.participants.map((participant) => [participant.id, participant]));
  const requests = new Map(input.requests.map((request) => [request.id, request]));
  const locks = new Map((input.locked ?? []).map((lock) => [lock.requestId, lock]));
  const seen = new Set<string>();
  const seats = new Map<string, string>();
  const engaged = new Map<string, string>();
  const perSlot = new Map<number, number>();
  const perParticipant = new Map<string, number>();

  for (const meeting of meetings) {
    const { requestId, slot, table } = meeting;
    const request = requests.get(requestId);
    if (request === undefined) {
      problems.push(`meeting "${requestId}" is not among the requests`);
      continue;
    }
    if (seen.has(requestId)) problems.push(`request "${requestId}" is scheduled more than once`);
    seen.add(requestId);
    const slotOk = Number.isInteger(slot) && slot >= 0 && slot < slotCount;
    if (!slotOk) problems.push(`meeting "${requestId}": slot ${slot} is outside 0..${slotCount - 1}`);
    if (!Number.isInteger(table) || table < 1 || table > tables) problems.push(`meeting "${requestId}": table ${table} is outside 1..${tables}`);
    const seat = `${slot}/${table}`;
    const sharing = seats.get(seat);
    if (sharing !== undefined) problems.push(`meetings "${sharing}" and "${requestId}" are both at table ${table} in slot ${slot}`);
    seats.set(seat, requestId);
    perSlot.set(slot, (perSlot.get(slot) ?? 0) + 1);

    const lock = locks.get(requestId);
    if (lock !== undefined && (lock.slot !== slot || lock.table !== table)) {
      problems.push(`locked meeting "${requestId}" moved from slot ${lock.slot} table ${lock.table} to slot ${slot} table ${table}`);
    }
    if (meeting.locked !== (lock !== undefined)) {
      problems.push(`meeting "${requestId}" is marked ${meeting.locked ? 'locked but is not' : 'unlocked but is locked'}`);
    }

    for (const id of [request.a, request.b]) {
      const participant = participants.get(id);
      if (participant === undefined) {
        problems.push(`meeting "${requestId}": participant "${id}" is not registered`);
        continue;
      }
      if (slotOk && !participant.availability.includes(slot)) problems.push(`meeting "${requestId}": "${id}" is not available in slot ${slot}`);
      const key = `${id}\u0000${slot}`;
      const other = engaged.get(key);
      if (other !== undefined) problems.push(`"${id}" has two meetings in slot ${slot} ("${other}" and "${requestId}")`);
      engaged.set(key, requestId);
      perParticipant.set(id, (perParticipant.get(id) ?? 0) + 1);
    }
    if (request.a === request.b) problems.push(`meeting "${requestId}" is between "${request.a}" and itself`);
  }

  for (const [slot, count] of perSlot) {
    if (count > tables) problems.push(`slot ${slot} has ${count} meetings for ${tables} tables`);
  }
  for (const [id, count] of perParticipant) {
    const limit = participants.get(id)?.maxMeetings;
    if (limit !== undefined && count > limit) problems.push(`"${id}" has ${count} meetings, more than their limit of ${limit}`);
  }
  for (const lock of input.locked ?? []) {
    if (!seen.has(lock.requestId)) problems.push(`locked meeting "${lock.requestId}" is missing`);
  }
  return problems;
}
