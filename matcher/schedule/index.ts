/** The meeting scheduler: pure computation, no I/O; see scheduler.ts for the method and docs/scheduler.md. */
export type {
  LockedMeeting,
  ScheduledMeeting,
  ScheduleInput,
  ScheduleOptions,
  ScheduleParticipant,
  ScheduleRequest,
  ScheduleResult,
  ScheduleStats,
  UnscheduledReason,
  UnscheduledRequest,
} from './types.js';
export { ScheduleInputError } from './errors.js';
export { scheduleMeetings, scheduleMeetingsAsync } from './scheduler.js';
export { validateSchedule } from './validate.js';
