/**
 * What the scheduler is measured against: the two ways events book meetings without one.
 * - first-come: requests in arrival order (input order), each in the earliest slot both can make;
 * - priority-greedy: the same, but must-meet requests first, then priority 2, then 1.
 * Both honour every constraint (locked meetings placed first, availability, limits, tables) and seat each
 * meeting at the lowest free table. Also here: the figures the bench prints for any schedule.
 */
import type { ScheduledMeeting, ScheduleInput } from '../matcher/schedule/index.js';

function earliestSlotBooking(input: ScheduleInput, order: readonly number[]): ScheduledMeeting[] {
  const { slotCount, tables } = input;
  const index = new Map(input.participants.map((participant, p) => [participant.id, p]));
  const available = input.participants.map((participant) => {
    const row = new Uint8Array(slotCount);
    for (const s of participant.availability) if (s >= 0 && s < slotCount) row[s] = 1;
    return row;
  });
  const busy = input.participants.map(() => new Uint8Array(slotCount));
  const load = new Int32Array(input.participants.length);
  const limit = input.participants.map((participant) => participant.maxMeetings ?? Number.POSITIVE_INFINITY);
  const seated = Array.from({ length: slotCount }, () => new Uint8Array(tables + 1));
  const perSlot = new Int32Array(slotCount);
  const meetings: ScheduledMeeting[] = [];
  const book = (requestId: string, a: number, b: number, slot: number, table: number, locked: boolean) => {
    busy[a]![slot] = 1;
    busy[b]![slot] = 1;
    load[a]! += 1;
    load[b]! += 1;
    seated[slot]![table] = 1;
    perSlot[slot]! += 1;
    meetings.push({ requestId, slot, table, locked });
  };
  const lockedIds = new Set<string>();
  const requestById = new Map(input.requests.map((request) => [request.id, request]));
  for (const lock of input.locked ?? []) {
    const request = requestById.get(lock.requestId)!;
    book(lock.requestId, index.get(request.a)!, index.get(request.b)!, lock.slot, lock.table, true);
    lockedIds.add(lock.requestId);
  }
  for (const r of order) {
    const request = input.requests[r]!;
    if (lockedIds.has(request.id)) continue;
    const a = index.get(request.a);
    const b = index.get(request.b);
    if (a === undefined || b === undefined || load[a]! >= limit[a]! || load[b]! >= limit[b]!) continue;
    for (let s = 0; s < slotCount; s++) {
      if (available[a]![s] !== 1 || available[b]![s] !== 1 || busy[a]![s] === 1 || busy[b]![s] === 1 || perSlot[s]! >= tables) continue;
      let table = 1;
      while (seated[s]![table] === 1) table += 1;
      book(request.id, a, b, s, table, false);
      break;
    }
  }
  return meetings;
}

export function firstComeSchedule(input: ScheduleInput): ScheduledMeeting[] {
  return earliestSlotBooking(
    input,
    input.requests.map((_, r) => r),
  );
}

export function priorityGreedySchedule(input: ScheduleInput): ScheduledMeeting[] {
  const order = input.requests.map((_, r) => r);
  order.sort((x, y) => input.requests[y]!.priority - input.requests[x]!.priority || x - y);
  return earliestSlotBooking(input, order);
}

export interface ScheduleFigures {
  value: number;
  scheduled: number;
  idleGaps: number;
  /** Times a participant meets in consecutive slots at different tables. */
  tableChanges: number;
}

export function scheduleFigures(input: ScheduleInput, meetings: readonly ScheduledMeeting[]): ScheduleFigures {
  const requestById = new Map(input.requests.map((request) => [request.id, request]));
  const seats = new Map<string, { slot: number; table: number }[]>();
  let value = 0;
  for (const meeting of meetings) {
    const request = requestById.get(meeting.requestId)!;
    value += request.priority;
    for (const id of [request.a, request.b]) {
      let list = seats.get(id);
      if (list === undefined) seats.set(id, (list = []));
      list.push({ slot: meeting.slot, table: meeting.table });
    }
  }
  let idleGaps = 0;
  let tableChanges = 0;
  for (const list of seats.values()) {
    list.sort((x, y) => x.slot - y.slot);
    idleGaps += list.at(-1)!.slot - list[0]!.slot + 1 - list.length;
    for (let i = 1; i < list.length; i++) {
      if (list[i]!.slot === list[i - 1]!.slot + 1 && list[i]!.table !== list[i - 1]!.table) tableChanges += 1;
    }
  }
  return { value, scheduled: meetings.length, idleGaps, tableChanges };
}
