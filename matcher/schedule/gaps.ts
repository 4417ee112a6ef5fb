/**
 * Idle gaps — the slots a participant sits idle between their first and last meeting — and the compaction pass
 * that reduces them without changing which requests are scheduled. Its move is the Kempe-chain interchange of
 * timetabling: to move a meeting from slot i to slot j, take the meetings of slots i and j connected to it
 * through shared participants (a path or cycle alternating between i and j) and swap all of their slots. The
 * result is always conflict-free; it only needs everyone in it to be available in their new slot, no locked
 * meeting in it, and the tables of both slots to suffice. A lone meeting whose pair is free in j is the plain
 * move; two meetings sharing a participant is a swap. A move is applied only when it lowers the total, so the
 * pass ends.
 */
import type { Assignment } from './assignment.js';
import type { Instance } from './instance.js';

/** Idle gaps of participant p: last busy slot − first busy slot + 1 − meetings (0 without meetings). */
export function gapsOf(state: Assignment, p: number): number {
  const T = state.instance.slotCount;
  const row = p * T;
  let first = -1;
  let last = -1;
  let count = 0;
  for (let s = 0; s < T; s++) {
    if (state.busy[row + s]! < 0) continue;
    if (first < 0) first = s;
    last = s;
    count += 1;
  }
  return count === 0 ? 0 : last - first + 1 - count;
}

export function totalGaps(state: Assignment): number {
  let total = 0;
  for (let p = 0; p < state.instance.participantCount; p++) total += gapsOf(state, p);
  return total;
}

/** Kempe components longer than this are not tried: they rarely pay off and cost time. */
const MAX_COMPONENT = 24;

export class GapCompactor {
  /** Candidate moves evaluated so far: the work counter the scheduler budgets with. */
  work = 0;
  private readonly seen: Int32Array;
  private readonly seenParticipant: Int32Array;
  private stamp = 0;
  private readonly component: number[] = [];
  private readonly participants: number[] = [];
  /** Per participant: first, second, second-to-last and last busy slot, meeting count and gaps, kept current. */
  private readonly first: Int32Array;
  private readonly second: Int32Array;
  private readonly penultimate: Int32Array;
  private readonly last: Int32Array;
  private readonly count: Int32Array;
  private readonly gaps: Int32Array;

  constructor(
    private readonly instance: Instance,
    private readonly state: Assignment,
  ) {
    const { requestCount, participantCount } = instance;
    this.seen = new Int32Array(requestCount);
    this.seenParticipant = new Int32Array(participantCount);
    this.first = new Int32Array(participantCount);
    this.second = new Int32Array(participantCount);
    this.penultimate = new Int32Array(participantCount);
    this.last = new Int32Array(participantCount);
    this.count = new Int32Array(participantCount);
    this.gaps = new Int32Array(participantCount);
    for (let p = 0; p < participantCount; p++) this.refresh(p);
  }

  /** Recompute participant p's cached extremes after their meetings changed. */
  private refresh(p: number): void {
    const T = this.instance.slotCount;
    const row = p * T;
    let first = -1;
    let second = -1;
    let penultimate = -1;
    let last = -1;
    let count = 0;
    for (let s = 0; s < T; s++) {
      if (this.state.busy[row + s]! < 0) continue;
      if (first < 0) first = s;
      else if (second < 0) second = s;
      penultimate = last;
      last = s;
      count += 1;
    }
    this.first[p] = first;
    this.second[p] = second;
    this.penultimate[p] = penultimate;
    this.last[p] = last;
    this.count[p] = count;
    this.gaps[p] = count === 0 ? 0 : last - first + 1 - count;
  }

  /** Change in p's gaps if their meeting in `from` moved to the free slot `to`; O(1) from the cache. */
  private delta(p: number, from: number, to: number): number {
    const count = this.count[p]!;
    if (count <= 1) return 0;
    const first = Math.min(to, from === this.first[p] ? this.second[p]! : this.first[p]!);
    const last = Math.max(to, from === this.last[p] ? this.penultimate[p]! : this.last[p]!);
    return last - first + 1 - count - this.gaps[p]!;
  }

  /**
   * One sweep over the scheduled meetings, from `start` for at most `limit` meetings. Returns how much the total
   * gaps went down.
   */
  sweep(start: number, limit: number): number {
    const { requestCount } = this.instance;
    let saved = 0;
    const end = Math.min(requestCount, start + limit);
    for (let m = start; m < end; m++) {
      if (this.state.slotOf[m]! < 0 || this.instance.lockedSlot[m]! >= 0) continue;
      saved += this.improve(m);
    }
    return saved;
  }

  /**
   * The meetings that must swap slots together if m moves from `from` to `to`: the connected part of the two
   * slots' meetings that contains m (a path or cycle alternating between the slots). Left in `component` and its
   * participants in `participants`; false when it cannot move (a locked meeting, someone unavailable, too long).
   */
  private collectComponent(m: number, from: number, to: number): boolean {
    const { requestA, requestB, available, slotCount, lockedSlot } = this.instance;
    const { component, participants, seen, seenParticipant } = this;
    this.stamp += 1;
    component.length = 0;
    participants.length = 0;
    const addParticipant = (p: number) => {
      if (seenParticipant[p] === this.stamp) return;
      seenParticipant[p] = this.stamp;
      participants.push(p);
    };
    seen[m] = this.stamp;
    component.push(m);
    addParticipant(requestA[m]!);
    addParticipant(requestB[m]!);
    for (let k = 0; k < participants.length; k++) {
      const p = participants[k]!;
      for (const slot of [from, to]) {
        const other = this.state.busyWith(p, slot);
        if (other < 0 || seen[other] === this.stamp) continue;
        if (lockedSlot[other]! >= 0 || component.length >= MAX_COMPONENT) return false;
        seen[other] = this.stamp;
        component.push(other);
        addParticipant(requestA[other]!);
        addParticipant(requestB[other]!);
      }
    }
    for (const x of component) {
      const target = this.state.slotOf[x] === from ? to : from;
      if (available[requestA[x]! * slotCount + target] !== 1 || available[requestB[x]! * slotCount + target] !== 1) return false;
    }
    return true;
  }

  /** The best gap-lowering Kempe swap for meeting m, applied; returns the gaps saved (0 when none). */
  private improve(m: number): number {
    const { requestA, requestB, slotStart, slots, slotCount, tables } = this.instance;
    const state = this.state;
    const a = requestA[m]!;
    const b = requestB[m]!;
    if (this.gaps[a] === 0 && this.gaps[b] === 0) return 0;
    const from = state.slotOf[m]!;
    let bestSaving = 0;
    let bestSlot = -1;
    for (let i = slotStart[m]!; i < slotStart[m + 1]!; i++) {
      const to = slots[i]!;
      if (to === from) continue;
      this.work += 1;
      // The move is driven by this meeting's own participants: it must help them before the chain is built.
      const own =
        (state.busy[a * slotCount + to]! >= 0 ? 0 : this.delta(a, from, to)) + (state.busy[b * slotCount + to]! >= 0 ? 0 : this.delta(b, from, to));
      if (own >= 0) continue;
      if (!this.collectComponent(m, from, to)) continue;
      this.work += this.component.length;
      let leaving = 0;
      for (const x of this.component) if (state.slotOf[x] === from) leaving += 1;
      const arriving = this.component.length - leaving;
      if (state.memberCount(to) + leaving - arriving > tables || state.memberCount(from) + arriving - leaving > tables) continue;
      let saving = 0;
      for (const p of this.participants) {
        const atFrom = state.busy[p * slotCount + from]! >= 0;
        const atTo = state.busy[p * slotCount + to]! >= 0;
        if (atFrom !== atTo) saving -= atFrom ? this.delta(p, from, to) : this.delta(p, to, from);
      }
      if (saving > bestSaving) {
        bestSaving = saving;
        bestSlot = to;
      }
    }
    if (bestSlot < 0) return 0;
    this.collectComponent(m, from, bestSlot);
    const moving = [...this.component];
    const targets = moving.map((x) => (state.slotOf[x] === from ? bestSlot : from));
    for (const x of moving) state.remove(x);
    moving.forEach((x, k) => state.place(x, targets[k]!));
    state.commit();
    for (const p of this.participants) this.refresh(p);
    return bestSaving;
  }
}
