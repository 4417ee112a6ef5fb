/**
 * Ejection chains: the moves that make room for a request.
 *
 * Within one slot the meetings form a matching, so a request (a, b) that finds no slot where both are free can
 * still be placed in slot s by moving a's and b's meetings of slot s elsewhere — each of which may in turn move
 * one or two meetings, and so on (an alternating path across slots, as in Kempe-chain recolouring of an edge
 * colouring). A full slot is made room in the same way by moving one of its meetings out. The search is a
 * depth-limited DFS over those displacements; meetings already moved in the current attempt are not moved again,
 * locked meetings never move, and every attempt has a node budget so that its cost stays bounded. A failed
 * attempt is rolled back exactly through the assignment's journal.
 *
 * `insertByEjecting` is the value-improving variant: it may drop meetings of lower total priority than the one it
 * adds — a displaced meeting that cannot move elsewhere may still take the place of a cheaper one where its pair
 * is free — and then refills the capacity it freed with other waiting requests (the short augmenting paths of
 * the b-matching: drop c–a, add d–c, add a–b).
 */
import type { Assignment } from './assignment.js';
import type { Instance } from './instance.js';
import type { SeededRandom } from './random.js';

/** Ejection attempts per request go to at most this many of its slots, the most promising first. */
const EJECTION_SLOTS_TRIED = 6;

/** Scores a free slot for a direct placement at the top level: higher is better. */
export type SlotPreference = (r: number, s: number) => number;

export class ChainSearch {
  private readonly onChain: Uint8Array;
  private readonly chain: number[] = [];
  private nodes = 0;
  private nodeLimit = 0;
  /** Search nodes spent so far, over all calls: the work counter the scheduler budgets with. */
  work = 0;

  constructor(
    private readonly instance: Instance,
    private readonly state: Assignment,
    private readonly random: SeededRandom,
  ) {
    this.onChain = new Uint8Array(instance.requestCount);
  }

  private hasRoom(r: number): boolean {
    const { requestA, requestB, capacity } = this.instance;
    const load = this.state.load;
    return load[requestA[r]!]! < capacity[requestA[r]!]! && load[requestB[r]!]! < capacity[requestB[r]!]!;
  }

  /** The best free slot for r by `preference`, or -1. */
  bestFreeSlot(r: number, preference: SlotPreference | undefined): number {
    const { slotStart, slots } = this.instance;
    let best = -1;
    let bestScore = -Infinity;
    for (let i = slotStart[r]!; i < slotStart[r + 1]!; i++) {
      const s = slots[i]!;
      if (!this.state.canPlace(r, s)) continue;
      if (preference === undefined) return s;
      const score = preference(r, s);
      if (score > bestScore) {
        bestScore = score;
        best = s;
      }
    }
    return best;
  }

  /**
   * Add the unscheduled request r without dropping any meeting: in a free slot if there is one (the best by
   * `preference`), else through chains of moves up to `depth` deep. Returns whether r is now scheduled.
   */
  insert(r: number, depth: number, nodeLimit: number, preference?: SlotPreference): boolean {
    if (!this.hasRoom(r)) return false;
    const s = this.bestFreeSlot(r, preference);
    if (s >= 0) {
      this.state.place(r, s);
      this.state.commit();
      return true;
    }
    // A chain only moves meetings, so it needs a table free somewhere to end in.
    if (depth === 0 || this.state.allSlotsFull()) return false;
    this.begin(nodeLimit);
    this.enterChain(r);
    let placed = false;
    for (let d = 1; d <= depth && !placed && this.nodes < this.nodeLimit; d++) placed = this.placeSomewhere(r, d);
    this.leaveChain(0);
    this.state.commit();
    return placed;
  }

  /**
   * Add r at the cost of dropping meetings of lower total priority, in whichever slot gains most, then refill the
   * freed capacity with waiting requests. Returns whether the schedule's value went up; the dropped requests are
   * unscheduled again and get their own turn in the next pass.
   */
  insertByEjecting(r: number, depth: number, nodeLimit: number): boolean {
    const candidates = this.ejectionCandidates(r);
    let bestGain = 0;
    let bestSlot = -1;
    let bestRandom = 0;
    for (let k = 0; k < candidates.length && k < EJECTION_SLOTS_TRIED; k++) {
      const s = candidates[k]!;
      const randomState = this.random.state;
      const gain = this.ejectInto(r, s, depth, nodeLimit, false);
      if (gain > bestGain) {
        bestGain = gain;
        bestSlot = s;
        bestRandom = randomState;
      }
    }
    if (bestSlot < 0) return false;
    // Replay the best attempt from the same random state. Undoing reorders slot member lists, so a replay may pick
    // a different (equally cheap) victim; ejectInto keeps the result only if it still gains.
    this.random.state = bestRandom;
    const gain = this.ejectInto(r, bestSlot, depth, nodeLimit, true);
    this.state.commit();
    return gain > 0;
  }

  /**
   * r's slots worth an ejection attempt, cheapest first by an optimistic count of what must be dropped: a
   * blocking meeting costs nothing if it could move elsewhere (some table free somewhere and its participant not
   * at their limit), a participant at their limit costs their cheapest meeting, a full slot its cheapest meeting
   * when nothing can move — or, then, the cheapest meeting anywhere whose place it could take. Slots that would
   * lose at least what r brings are left out: the refill after a drop rarely makes up for it, and on large events
   * those attempts were most of the work and none of the gain.
   */
  private ejectionCandidates(r: number): number[] {
    const { requestA, requestB, slotStart, slots, weight, capacity, lockedSlot } = this.instance;
    const state = this.state;
    const a = requestA[r]!;
    const b = requestB[r]!;
    const canMove = !state.allSlotsFull();
    const fullA = state.load[a]! >= capacity[a]!;
    const fullB = state.load[b]! >= capacity[b]!;
    const limitCostA = fullA ? this.cheapestWeightOf(a) : 0;
    const limitCostB = fullB ? this.cheapestWeightOf(b) : 0;
    const cheapestAnywhere = canMove ? 0 : this.cheapestWeightAnywhere();
    const candidates: number[] = [];
    const costs: number[] = [];
    for (let i = slotStart[r]!; i < slotStart[r + 1]!; i++) {
      this.work += 1;
      const s = slots[i]!;
      const ma = state.busyWith(a, s);
      let mb = state.busyWith(b, s);
      if (mb === ma) mb = -1;
      if ((ma >= 0 && lockedSlot[ma]! >= 0) || (mb >= 0 && lockedSlot[mb]! >= 0)) continue;
      // Taking out a participant's own meeting in s also makes room under their limit, but then it cannot move.
      // When every table is taken, a blocking meeting can still move by taking the place of a cheaper one.
      let cost = ma >= 0 ? (fullA ? weight[ma]! : canMove ? 0 : Math.min(weight[ma]!, cheapestAnywhere)) : limitCostA;
      cost += mb >= 0 ? (fullB ? weight[mb]! : canMove ? 0 : Math.min(weight[mb]!, cheapestAnywhere)) : limitCostB;
      if (ma < 0 && mb < 0 && !state.hasTable(s)) cost += canMove ? 0 : state.cheapestWeightIn(s) || Infinity;
      if (cost >= weight[r]!) continue;
      candidates.push(s);
      costs[s] = cost;
    }
    return candidates.sort((x, y) => costs[x]! - costs[y]! || x - y);
  }

  /** The lowest priority of any movable meeting (Infinity when there is none). */
  private cheapestWeightAnywhere(): number {
    let cheapest = Infinity;
    for (let s = 0; s < this.instance.slotCount; s++) {
      const w = this.state.cheapestWeightIn(s);
      if (w > 0) cheapest = Math.min(cheapest, w);
    }
    return cheapest;
  }

  /** The lowest priority among participant p's movable meetings (Infinity when none can go). */
  private cheapestWeightOf(p: number): number {
    const m = this.cheapestMeetingOf(p);
    return m < 0 ? Infinity : this.instance.weight[m]!;
  }

  private begin(nodeLimit: number): void {
    this.nodes = 0;
    this.nodeLimit = nodeLimit;
  }

  private enterChain(r: number): void {
    this.onChain[r] = 1;
    this.chain.push(r);
  }

  private leaveChain(length: number): void {
    while (this.chain.length > length) this.onChain[this.chain.pop()!] = 0;
  }

  private movable(r: number): boolean {
    return this.instance.lockedSlot[r]! < 0 && this.onChain[r] === 0;
  }

  /** Put the unscheduled r into some slot, moving meetings along chains of at most `depth`. */
  private relocate(r: number, depth: number): boolean {
    this.nodes += 1;
    this.work += 1;
    if (!this.hasRoom(r)) return false;
    const s = this.bestFreeSlot(r, undefined);
    if (s >= 0) {
      this.state.place(r, s);
      return true;
    }
    if (depth <= 0) return false;
    return this.placeSomewhere(r, depth);
  }

  /** Try r's slots with one obstacle first (a single chain), then those with two. */
  private placeSomewhere(r: number, depth: number): boolean {
    const { slotStart, slots, requestA, requestB } = this.instance;
    const start = slotStart[r]!;
    const count = slotStart[r + 1]! - start;
    if (count === 0) return false;
    const offset = this.random.below(count);
    const a = requestA[r]!;
    const b = requestB[r]!;
    for (let obstacles = 1; obstacles <= 2; obstacles++) {
      for (let k = 0; k < count; k++) {
        if (this.nodes >= this.nodeLimit) return false;
        this.work += 1;
        const s = slots[start + ((k + offset) % count)]!;
        const ma = this.state.busyWith(a, s);
        const mb = this.state.busyWith(b, s);
        const found = (ma >= 0 ? 1 : 0) + (mb >= 0 && mb !== ma ? 1 : 0) || (this.state.hasTable(s) ? 0 : 1);
        if (found !== obstacles) continue;
        if (this.placeMoving(r, s, depth)) return true;
      }
    }
    return false;
  }

  /** Place r in s after moving the meetings in its way elsewhere; on failure nothing has changed. */
  private placeMoving(r: number, s: number, depth: number): boolean {
    this.nodes += 1;
    this.work += 1;
    const { requestA, requestB } = this.instance;
    const state = this.state;
    const ma = state.busyWith(requestA[r]!, s);
    let mb = state.busyWith(requestB[r]!, s);
    if (mb === ma) mb = -1;
    if ((ma >= 0 && !this.movable(ma)) || (mb >= 0 && !this.movable(mb))) return false;
    const mark = state.mark();
    const chainLength = this.chain.length;
    if (ma < 0 && mb < 0) {
      if (state.hasTable(s)) {
        state.place(r, s);
        return true;
      }
      return this.placeBumping(r, s, depth, mark, chainLength);
    }
    for (const m of [ma, mb]) {
      if (m < 0) continue;
      this.enterChain(m);
      state.remove(m);
    }
    state.place(r, s);
    if ((ma < 0 || this.relocate(ma, depth - 1)) && (mb < 0 || this.relocate(mb, depth - 1))) return true;
    state.rollback(mark);
    this.leaveChain(chainLength);
    return false;
  }

  /** s is full but r's participants are free in it: move one of its meetings out to make a table. */
  private placeBumping(r: number, s: number, depth: number, mark: number, chainLength: number): boolean {
    const state = this.state;
    const count = state.memberCount(s);
    const offset = this.random.below(count);
    const tries = Math.min(count, 4);
    for (let k = 0, tried = 0; k < count && tried < tries; k++) {
      if (this.nodes >= this.nodeLimit) break;
      const victim = state.member(s, (k + offset) % count);
      if (!this.movable(victim)) continue;
      tried += 1;
      this.enterChain(victim);
      state.remove(victim);
      state.place(r, s);
      if (this.relocate(victim, depth - 1)) return true;
      state.rollback(mark);
      this.leaveChain(chainLength);
    }
    return false;
  }

  /** The lowest-priority movable meeting of participant p, or -1. */
  private cheapestMeetingOf(p: number): number {
    const { slotCount, weight } = this.instance;
    let best = -1;
    this.work += slotCount;
    for (let s = 0; s < slotCount; s++) {
      const m = this.state.busyWith(p, s);
      if (m >= 0 && this.movable(m) && (best < 0 || weight[m]! < weight[best]!)) best = m;
    }
    return best;
  }

  /** A lowest-priority movable meeting in slot s, or -1; the per-slot counts say which priority to look for. */
  private cheapestMeetingIn(s: number): number {
    const { weight } = this.instance;
    const state = this.state;
    const wanted = state.cheapestWeightIn(s);
    if (wanted === 0) return -1;
    let fallback = -1;
    for (let i = 0; i < state.memberCount(s); i++) {
      this.work += 1;
      const m = state.member(s, i);
      if (!this.movable(m)) continue;
      if (weight[m] === wanted) return m;
      if (fallback < 0 || weight[m]! < weight[fallback]!) fallback = m;
    }
    // Only reached when the cheapest ones are on the current chain.
    return fallback;
  }

  /**
   * Force r into s: its participants' meetings in s and, if s is full, its cheapest meeting are moved elsewhere
   * or dropped; if a participant is at their limit, their cheapest meeting is dropped. Then waiting requests of the
   * participants who lost a meeting get a chance. Returns the change in value; the state is kept only when `keep`
   * and the change is positive.
   */
  private ejectInto(r: number, s: number, depth: number, nodeLimit: number, keep: boolean): number {
    const { requestA, requestB, weight, capacity } = this.instance;
    const state = this.state;
    const a = requestA[r]!;
    const b = requestB[r]!;
    const ma = state.busyWith(a, s);
    let mb = state.busyWith(b, s);
    if (mb === ma) mb = -1;
    if ((ma >= 0 && this.instance.lockedSlot[ma]! >= 0) || (mb >= 0 && this.instance.lockedSlot[mb]! >= 0)) return 0;
    this.begin(nodeLimit);
    const mark = state.mark();
    this.enterChain(r);
    const gainBefore = state.value;
    const displaced: number[] = [];
    const dropped: number[] = [];
    const take = (m: number, into: number[]) => {
      this.enterChain(m);
      state.remove(m);
      into.push(m);
    };
    let feasible = true;
    if (ma >= 0) take(ma, displaced);
    if (mb >= 0) take(mb, displaced);
    if (!state.hasTable(s)) {
      const victim = this.cheapestMeetingIn(s);
      if (victim < 0) feasible = false;
      else take(victim, displaced);
    }
    for (const p of [a, b]) {
      if (!feasible || state.load[p]! < capacity[p]!) continue;
      const victim = this.cheapestMeetingOf(p);
      if (victim < 0) feasible = false;
      else take(victim, dropped);
    }
    let lost = 0;
    for (const m of dropped) lost += weight[m]!;
    if (feasible && lost <= weight[r]!) {
      state.place(r, s);
      for (const m of displaced) {
        if (!this.relocate(m, depth) && !this.replaceCheaper(m, dropped)) dropped.push(m);
      }
      this.refill(dropped, r);
    }
    const gain = feasible ? state.value - gainBefore : 0;
    if (!keep || gain <= 0) state.rollback(mark);
    this.leaveChain(0);
    return gain;
  }

  /**
   * Put the unscheduled m where both its participants are free but the tables are taken, dropping that slot's
   * cheapest meeting if it is worth less than m (the end of an ejection chain when no table is free anywhere);
   * the dropped meeting is added to `dropped`.
   */
  private replaceCheaper(m: number, dropped: number[]): boolean {
    const { requestA, requestB, slotStart, slots, weight } = this.instance;
    const state = this.state;
    if (!this.hasRoom(m)) return false;
    const a = requestA[m]!;
    const b = requestB[m]!;
    let bestSlot = -1;
    let bestWeight = weight[m]!;
    for (let i = slotStart[m]!; i < slotStart[m + 1]!; i++) {
      this.work += 1;
      const s = slots[i]!;
      if (state.busyWith(a, s) >= 0 || state.busyWith(b, s) >= 0) continue;
      const cheapest = state.cheapestWeightIn(s);
      if (cheapest > 0 && cheapest < bestWeight) {
        bestWeight = cheapest;
        bestSlot = s;
      }
    }
    if (bestSlot < 0) return false;
    const victim = this.cheapestMeetingIn(bestSlot);
    if (victim < 0) return false;
    this.enterChain(victim);
    state.remove(victim);
    state.place(m, bestSlot);
    dropped.push(victim);
    return true;
  }

  /** After meetings were dropped, try the waiting requests of their participants (best priority first). */
  private refill(dropped: readonly number[], r: number): void {
    const { requestA, requestB, incident, incidentStart, weight } = this.instance;
    const candidates: number[] = [];
    for (const m of dropped) {
      for (const p of [requestA[m]!, requestB[m]!]) {
        for (let i = incidentStart[p]!; i < incidentStart[p + 1]!; i++) {
          const q = incident[i]!;
          if (q !== r && this.state.slotOf[q]! < 0 && this.onChain[q] === 0 && this.instance.slotStart[q + 1]! > this.instance.slotStart[q]!) {
            candidates.push(q);
          }
        }
      }
    }
    if (candidates.length === 0) return;
    this.work += candidates.length;
    candidates.sort((x, y) => weight[y]! - weight[x]!);
    for (const q of candidates) {
      if (this.state.slotOf[q]! >= 0 || !this.hasRoom(q)) continue;
      const s = this.bestFreeSlot(q, undefined);
      if (s >= 0) this.state.place(q, s);
    }
  }
}
