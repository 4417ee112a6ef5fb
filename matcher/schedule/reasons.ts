/**
 * Why a request stayed unscheduled, in words an organiser can act on. The reason is read off the final schedule:
 * a participant the event does not know, a pair never available at the same time, a participant already at their
 * meeting limit, or — the remaining case — every slot both could use is taken by one of them or has no table left.
 */
import type { Assignment } from './assignment.js';
import type { ScheduleRequest, UnscheduledRequest } from './types.js';

export function explainUnscheduled(
  state: Assignment,
  r: number,
  request: ScheduleRequest,
  maxMeetings: readonly (number | undefined)[],
): UnscheduledRequest {
  const { instance } = state;
  const { requestA, requestB, participantIds, slotStart } = instance;
  const requestId = instance.requestIds[r]!;
  const a = requestA[r]!;
  const b = requestB[r]!;
  if (a < 0 || b < 0) {
    const unknown = [a < 0 ? request.a : undefined, b < 0 ? request.b : undefined].filter((id) => id !== undefined);
    return {
      requestId,
      reason: 'unknown-participant',
      message: `${unknown.map((id) => `"${id}"`).join(' and ')} ${unknown.length === 1 ? 'is' : 'are'} not registered for this event`,
    };
  }
  const nameA = `"${participantIds[a]}"`;
  const nameB = `"${participantIds[b]}"`;
  const common = slotStart[r + 1]! - slotStart[r]!;
  if (common === 0) {
    return { requestId, reason: 'no-common-slot', message: `${nameA} and ${nameB} are never available in the same slot` };
  }
  for (const p of [a, b]) {
    const limit = maxMeetings[p];
    if (limit !== undefined && state.load[p]! >= limit) {
      const name = `"${participantIds[p]}"`;
      return {
        requestId,
        reason: 'max-meetings',
        message:
          limit === 0
            ? `${name} takes no meetings (their limit is 0)`
            : `${name} already has ${limit} meeting${limit === 1 ? '' : 's'}, the most they accept`,
      };
    }
  }
  return {
    requestId,
    reason: 'no-free-slot',
    message:
      `${nameA} and ${nameB} have no free slot in common: in each of the ${common} slot${common === 1 ? '' : 's'} both are ` +
      `available, one of them already meets someone else or every table is taken`,
  };
}
