/**
 * Seating: once each slot's meetings are known, tables are given out slot by slot, in time order. Locked meetings
 * keep their table. The others first try to stay where one of their participants sat last ("your next meeting is
 * at table 7 again"), the participant with more meetings in the day winning, and more so if that last meeting was
 * in the previous slot. Meetings with no such wish take the free table least likely to be wanted later, so a
 * busy participant's table stays free for their next meeting.
 */
import type { Assignment } from './assignment.js';

/** Table (1-based) of each request, 0 for unscheduled ones. */
export function assignTables(state: Assignment): Int32Array {
  const { instance } = state;
  const { slotCount, participantCount, requestCount, requestA, requestB, lockedSlot, lockedTable } = instance;
  let tableCount = maxLockedTable(lockedTable);
  for (let s = 0; s < slotCount; s++) tableCount = Math.max(tableCount, state.memberCount(s));
  const table = new Int32Array(requestCount);
  const lastTable = new Int32Array(participantCount);
  const lastSlot = new Int32Array(participantCount).fill(-2);
  const remaining = Int32Array.from(state.load);
  /** Which participant last sat at a table and still has meetings to come; -1 when nobody. */
  const sitter = new Int32Array(instance.tables + 1).fill(-1);
  const takenIn = new Int32Array(instance.tables + 1).fill(-1);
  const wishes: { meeting: number; table: number; score: number }[] = [];
  const meetings: number[] = [];

  for (let s = 0; s < slotCount; s++) {
    meetings.length = 0;
    for (let i = 0; i < state.memberCount(s); i++) meetings.push(state.member(s, i));
    meetings.sort((x, y) => x - y);
    wishes.length = 0;
    for (const m of meetings) {
      if (lockedSlot[m]! >= 0) {
        table[m] = lockedTable[m]!;
        takenIn[lockedTable[m]!] = s;
        continue;
      }
      for (const p of [requestA[m]!, requestB[m]!]) {
        if (lastTable[p] === 0) continue;
        const consecutive = lastSlot[p] === s - 1 ? slotCount : 0;
        wishes.push({ meeting: m, table: lastTable[p]!, score: consecutive + state.load[p]! });
      }
    }
    wishes.sort((x, y) => y.score - x.score || x.meeting - y.meeting);
    for (const wish of wishes) {
      if (table[wish.meeting] !== 0 || takenIn[wish.table] === s) continue;
      table[wish.meeting] = wish.table;
      takenIn[wish.table] = s;
    }
    const free = freeTablesLeastWantedFirst(instance.tables, tableCount, s, takenIn, sitter, remaining);
    let next = 0;
    for (const m of meetings) {
      if (table[m] === 0) {
        const t = free[next++]!;
        table[m] = t;
        takenIn[t] = s;
      }
      const t = table[m]!;
      let keeper = -1;
      for (const p of [requestA[m]!, requestB[m]!]) {
        const previous = lastTable[p]!;
        if (previous !== 0 && sitter[previous] === p) sitter[previous] = -1;
        lastTable[p] = t;
        lastSlot[p] = s;
        remaining[p]! -= 1;
        if (remaining[p]! > 0 && (keeper < 0 || remaining[p]! > remaining[keeper]!)) keeper = p;
      }
      sitter[t] = keeper;
    }
  }
  return table;
}

function maxLockedTable(lockedTable: Int32Array): number {
  let max = 0;
  for (const t of lockedTable) if (t > max) max = t;
  return max;
}

/**
 * Free tables of slot s, those nobody with meetings still to come sat at last first, then by how few meetings that
 * participant has left. Only the first `tableCount` tables are offered when they suffice, so the floor in use
 * stays compact (tables 1..n rather than scattered over the hall).
 */
function freeTablesLeastWantedFirst(
  tables: number,
  tableCount: number,
  s: number,
  takenIn: Int32Array,
  sitter: Int32Array,
  remaining: Int32Array,
): number[] {
  const free: number[] = [];
  for (let t = 1; t <= tables; t++) if (takenIn[t] !== s) free.push(t);
  const wanted = (t: number) => (sitter[t]! < 0 ? 0 : remaining[sitter[t]!]!);
  const compactLimit = Math.min(tables, tableCount);
  return free.sort((x, y) => wanted(x) - wanted(y) || Number(x > compactLimit) - Number(y > compactLimit) || x - y);
}
