/**
 * The input indexed into flat typed arrays, once: participants and requests become dense indices, availability a
 * participant × slot byte grid, and every request gets the list of slots in which both of its participants can meet.
 * The search then never touches a string or a Map. Malformed input and inconsistent locks are reported here.
 */
import { ScheduleInputError } from './errors.js';
import type { ScheduleInput } from './types.js';

export interface Instance {
  readonly slotCount: number;
  readonly tables: number;
  readonly participantCount: number;
  readonly requestCount: number;
  readonly participantIds: readonly string[];
  readonly requestIds: readonly string[];
  /** `available[p * slotCount + s]` is 1 when participant p can meet in slot s. */
  readonly available: Uint8Array;
  /** How many meetings participant p can have at most: maxMeetings, and never more than their available slots. */
  readonly capacity: Int32Array;
  /** Participant indices of each request; -1 when the id is not among the participants. */
  readonly requestA: Int32Array;
  readonly requestB: Int32Array;
  readonly weight: Uint8Array;
  /** Slots in which both participants of request r are available: `slots[slotStart[r] .. slotStart[r + 1])`. */
  readonly slotStart: Int32Array;
  readonly slots: Uint16Array;
  /** For locked requests, their slot and table (1-based); -1 otherwise. */
  readonly lockedSlot: Int32Array;
  readonly lockedTable: Int32Array;
  /** Requests of each participant: `incident[incidentStart[p] .. incidentStart[p + 1])`. */
  readonly incidentStart: Int32Array;
  readonly incident: Int32Array;
}

/** A request the search may place: both participants known and at least one common slot. */
export function isSchedulable(instance: Instance, r: number): boolean {
  return instance.slotStart[r + 1]! > instance.slotStart[r]!;
}

const isCount = (value: number) => Number.isInteger(value) && value >= 0;

/**
 * Index the input. A generator so that the caller can give the event loop a turn on large inputs: it yields
 * whenever `due()` says so.
 */
export function* buildInstance(input: ScheduleInput, due: () => boolean = () => false): Generator<void, Instance, void> {
  const problems: string[] = [];
  const { slotCount, tables, participants, requests } = input;
  if (!isCount(slotCount) || slotCount > 65_535) problems.push(`slotCount must be an integer from 0 to 65535, got ${slotCount}`);
  if (!isCount(tables)) problems.push(`tables must be a non-negative integer, got ${tables}`);
  if (problems.length > 0) throw new ScheduleInputError(problems);

  const participantIndex = new Map<string, number>();
  const participantCount = participants.length;
  const available = new Uint8Array(participantCount * slotCount);
  const capacity = new Int32Array(participantCount);
  participants.forEach((participant, p) => {
    if (participantIndex.has(participant.id)) problems.push(`participant "${participant.id}" is listed twice`);
    participantIndex.set(participant.id, p);
    let slotsAvailable = 0;
    for (const slot of participant.availability) {
      if (Number.isInteger(slot) && slot >= 0 && slot < slotCount && available[p * slotCount + slot] === 0) {
        available[p * slotCount + slot] = 1;
        slotsAvailable += 1;
      }
    }
    const { maxMeetings } = participant;
    if (maxMeetings !== undefined && !isCount(maxMeetings)) {
      problems.push(`participant "${participant.id}": maxMeetings must be a non-negative integer, got ${maxMeetings}`);
    }
    capacity[p] = maxMeetings === undefined ? slotsAvailable : Math.min(slotsAvailable, Math.max(0, Math.floor(maxMeetings)));
  });

  const requestCount = requests.length;
  const requestIndex = new Map<string, number>();
  const requestA = new Int32Array(requestCount);
  const requestB = new Int32Array(requestCount);
  const weight = new Uint8Array(requestCount);
  const slotStart = new Int32Array(requestCount + 1);
  const common: number[] = [];
  const degree = new Int32Array(participantCount + 1);
  for (let r = 0; r < requestCount; r++) {
    const request = requests[r]!;
    if (requestIndex.has(request.id)) problems.push(`request "${request.id}" is listed twice`);
    requestIndex.set(request.id, r);
    if (request.a === request.b) problems.push(`request "${request.id}" is between "${request.a}" and itself`);
    if (request.priority !== 1 && request.priority !== 2 && request.priority !== 3) {
      problems.push(`request "${request.id}": priority must be 1, 2 or 3, got ${String(request.priority)}`);
    }
    const a = participantIndex.get(request.a) ?? -1;
    const b = participantIndex.get(request.b) ?? -1;
    requestA[r] = a;
    requestB[r] = b;
    weight[r] = request.priority;
    if (a >= 0 && b >= 0 && a !== b) {
      degree[a + 1]! += 1;
      degree[b + 1]! += 1;
      for (let s = 0; s < slotCount; s++) {
        if (available[a * slotCount + s] === 1 && available[b * slotCount + s] === 1) common.push(s);
      }
    }
    slotStart[r + 1] = common.length;
    if ((r & 1023) === 1023 && due()) yield;
  }
  if (due()) yield;
  if (problems.length > 0) throw new ScheduleInputError(problems);

  const incidentStart = new Int32Array(participantCount + 1);
  for (let p = 0; p < participantCount; p++) incidentStart[p + 1] = incidentStart[p]! + degree[p + 1]!;
  const incident = new Int32Array(incidentStart[participantCount]!);
  const fill = incidentStart.slice(0, participantCount);
  for (let r = 0; r < requestCount; r++) {
    const a = requestA[r]!;
    const b = requestB[r]!;
    if (a < 0 || b < 0) continue;
    incident[fill[a]!++] = r;
    incident[fill[b]!++] = r;
  }

  if (due()) yield;
  const instance: Instance = {
    slotCount,
    tables,
    participantCount,
    requestCount,
    participantIds: participants.map((participant) => participant.id),
    requestIds: requests.map((request) => request.id),
    available,
    capacity,
    requestA,
    requestB,
    weight,
    slotStart,
    slots: Uint16Array.from(common),
    lockedSlot: new Int32Array(requestCount).fill(-1),
    lockedTable: new Int32Array(requestCount).fill(-1),
    incidentStart,
    incident,
  };
  applyLocks(instance, input, requestIndex);
  return instance;
}

/**
 * Locks are the organiser's decisions, so the scheduler never repairs them silently: a lock that no valid schedule
 * can contain is an input error listing every conflict.
 */
function applyLocks(instance: Instance, input: ScheduleInput, requestIndex: ReadonlyMap<string, number>): void {
  const { slotCount, tables, participantIds, requestA, requestB, available, lockedSlot, lockedTable } = instance;
  const problems: string[] = [];
  const tableTaken = new Map<number, string>();
  const participantTaken = new Map<number, string>();
  const lockedCount = new Int32Array(instance.participantCount);
  for (const lock of input.locked ?? []) {
    const { requestId, slot, table } = lock;
    const r = requestIndex.get(requestId);
    if (r === undefined) {
      problems.push(`locked meeting "${requestId}" is not among the requests`);
      continue;
    }
    if (lockedSlot[r] !== -1) {
      problems.push(`request "${requestId}" is locked more than once`);
      continue;
    }
    let usable = true;
    if (!Number.isInteger(slot) || slot < 0 || slot >= slotCount) {
      problems.push(`locked meeting "${requestId}": slot ${slot} is outside 0..${slotCount - 1}`);
      usable = false;
    }
    if (!Number.isInteger(table) || table < 1 || table > tables) {
      problems.push(`locked meeting "${requestId}": table ${table} is outside 1..${tables}`);
      usable = false;
    }
    const a = requestA[r]!;
    const b = requestB[r]!;
    if (a < 0 || b < 0) {
      problems.push(`locked meeting "${requestId}" involves a participant who is not in the event`);
      usable = false;
    }
    if (!usable) continue;
    const tableKey = slot * tables + (table - 1);
    const other = tableTaken.get(tableKey);
    if (other !== undefined) problems.push(`locked meetings "${other}" and "${requestId}" are both at table ${table} in slot ${slot}`);
    tableTaken.set(tableKey, requestId);
    for (const p of [a, b]) {
      const key = p * slotCount + slot;
      const clash = participantTaken.get(key);
      if (clash !== undefined) {
        problems.push(`participant "${participantIds[p]}" has two locked meetings in slot ${slot} ("${clash}" and "${requestId}")`);
      }
      participantTaken.set(key, requestId);
      if (available[key] !== 1) {
        problems.push(`locked meeting "${requestId}": participant "${participantIds[p]}" is not available in slot ${slot}`);
      }
      lockedCount[p]! += 1;
    }
    lockedSlot[r] = slot;
    lockedTable[r] = table;
  }
  input.participants.forEach((participant, p) => {
    const { maxMeetings } = participant;
    if (maxMeetings !== undefined && lockedCount[p]! > maxMeetings) {
      problems.push(`participant "${participant.id}" has ${lockedCount[p]} locked meetings but at most ${maxMeetings} allowed`);
    }
  });
  if (problems.length > 0) throw new ScheduleInputError(problems);
}
