/**
 * Public shapes of the meeting scheduler. Slots are indices 0..slotCount-1 (the caller maps them to clock times);
 * tables are numbered 1..tables, as printed on the floor plan.
 */

export interface ScheduleParticipant {
  id: string;
  /** Slot indices in which the participant can meet; indices outside 0..slotCount-1 are ignored. */
  availability: readonly number[];
  /** At most this many meetings; absent means as many as there are slots. */
  maxMeetings?: number | undefined;
}

/** An accepted meeting request between two participants; priority 3 means "must meet". */
export interface ScheduleRequest {
  id: string;
  a: string;
  b: string;
  priority: 1 | 2 | 3;
}

/** A meeting the organiser has fixed: the scheduler keeps both its slot and its table. */
export interface LockedMeeting {
  requestId: string;
  slot: number;
  table: number;
}

export interface ScheduleInput {
  slotCount: number;
  tables: number;
  participants: readonly ScheduleParticipant[];
  requests: readonly ScheduleRequest[];
  locked?: readonly LockedMeeting[];
}

export interface ScheduledMeeting {
  requestId: string;
  slot: number;
  table: number;
  locked: boolean;
}

export type UnscheduledReason = 'no-common-slot' | 'max-meetings' | 'no-free-slot' | 'unknown-participant';

export interface UnscheduledRequest {
  requestId: string;
  reason: UnscheduledReason;
  /** A sentence an organiser can read, naming the participants by id. */
  message: string;
}

export interface ScheduleStats {
  /** Total priority of the scheduled requests (the objective). */
  value: number;
  /** A proven upper bound on the best possible `value` for this input; `value / upperBound` is a quality floor. */
  upperBound: number;
  scheduled: number;
  /** Sum over participants of (last slot − first slot + 1 − meetings). */
  idleGaps: number;
  milliseconds: number;
}

export interface ScheduleResult {
  /** Ordered by slot, then table. */
  meetings: ScheduledMeeting[];
  /** In the order of `input.requests`. */
  unscheduled: UnscheduledRequest[];
  stats: ScheduleStats;
}

export interface ScheduleOptions {
  /** Called with a fraction in [0, 1], non-decreasing, ending with 1. */
  onProgress?: (fraction: number) => void;
  /**
   * Wall-clock cap on the search. The search itself is bounded by work counts so that a given seed always gives
   * the same schedule; this cap only cuts it short on a slow or overloaded machine (the result is then still valid,
   * just possibly less polished, and no longer reproducible). Default 20 s.
   */
  timeLimitMs?: number;
  /** Seed for tie-breaking; the same input, options and seed give the same schedule. Default 1. */
  seed?: number;
}
