/**
 * A second upper bound, from a coarser relaxation that is much easier to price: forget which slot a meeting is in
 * and keep only how many meetings each participant can have (cap_p = min(maxMeetings, available slots)) and how
 * many the whole event can seat (tables × slots, or fewer when there are too few participants per slot):
 *
 *   max Σ w_r x_r  s.t.  Σ_{r∋p} x_r ≤ cap_p,  Σ_r x_r ≤ seats,  0 ≤ x_r ≤ 1,  locked x_r = 1.
 *
 * Its Lagrangian dual has one multiplier per participant and one for the seats,
 *
 *   L(μ, λ) = Σ cap_p μ_p + seats λ + Σ_r max(0, w_r − μ_a − μ_b − λ)   (locked requests without the max),
 *
 * and each multiplier on its own is minimised exactly by an order statistic (μ_p is the (k+1)-th largest of
 * w_r − μ_other − λ over p's requests, k being p's capacity left after their locked meetings; λ likewise over all
 * requests) — the prices of an auction. A few rounds of these exact coordinate steps come close to its optimum.
 * When tables are what is scarce, this bound is far tighter than what the slot-indexed Lagrangian reaches in the
 * same time (on the size-limit event: 50,780 against 52,098 for a schedule worth 50,762). Any μ, λ ≥ 0 give a
 * valid bound, so stopping early is safe.
 */
import type { Instance } from './instance.js';

export class CapacityBound {
  private readonly mu: Float64Array;
  private lambda = 0;
  private readonly seats: number;
  /** Capacity left to each participant after their locked meetings, and to the event after all locked ones. */
  private readonly freeCapacity: Int32Array;
  private readonly freeSeats: number;
  private readonly values: number[] = [];
  best = Infinity;
  /** Request visits so far: the work counter the scheduler budgets with. */
  work = 0;

  constructor(private readonly instance: Instance) {
    const { participantCount, requestCount, requestA, requestB, lockedSlot, capacity, tables, slotCount } = instance;
    this.mu = new Float64Array(participantCount);
    this.seats = Math.min(tables, Math.floor(participantCount / 2)) * slotCount;
    this.freeCapacity = Int32Array.from(capacity);
    let locked = 0;
    for (let r = 0; r < requestCount; r++) {
      if (lockedSlot[r]! < 0) continue;
      locked += 1;
      this.freeCapacity[requestA[r]!]! -= 1;
      this.freeCapacity[requestB[r]!]! -= 1;
    }
    this.freeSeats = this.seats - locked;
  }

  /** One round: every participant's price, then the seat price, each set to its exact minimiser. */
  round(): number {
    const { participantCount, incidentStart, incident, requestA, requestB, weight, lockedSlot, slotStart } = this.instance;
    const { mu, values } = this;
    for (let p = 0; p < participantCount; p++) {
      values.length = 0;
      for (let i = incidentStart[p]!; i < incidentStart[p + 1]!; i++) {
        const r = incident[i]!;
        if (lockedSlot[r]! >= 0 || slotStart[r + 1] === slotStart[r]) continue;
        const other = requestA[r] === p ? requestB[r]! : requestA[r]!;
        values.push(weight[r]! - mu[other]! - this.lambda);
      }
      this.work += values.length + 1;
      mu[p] = kthLargestOrZero(values, this.freeCapacity[p]!);
    }
    // The seat price looks at every request at once: a typed array sorts these without a comparator call each.
    const all = new Float64Array(this.instance.requestCount);
    let count = 0;
    for (let r = 0; r < this.instance.requestCount; r++) {
      if (lockedSlot[r]! >= 0 || slotStart[r + 1] === slotStart[r]) continue;
      all[count++] = weight[r]! - mu[requestA[r]!]! - mu[requestB[r]!]!;
    }
    this.work += count;
    const sorted = all.subarray(0, count).sort();
    const k = this.freeSeats;
    this.lambda = k < 0 || count <= k ? 0 : Math.max(0, sorted[count - 1 - k]!);
    this.best = Math.min(this.best, this.value());
    return Math.floor(this.best + 1e-6);
  }

  /** L at the current prices. */
  private value(): number {
    const { participantCount, requestCount, requestA, requestB, weight, lockedSlot, slotStart, capacity } = this.instance;
    let total = this.seats * this.lambda;
    for (let p = 0; p < participantCount; p++) total += capacity[p]! * this.mu[p]!;
    for (let r = 0; r < requestCount; r++) {
      if (slotStart[r + 1] === slotStart[r]) continue;
      const reduced = weight[r]! - this.mu[requestA[r]!]! - this.mu[requestB[r]!]! - this.lambda;
      total += lockedSlot[r]! >= 0 ? reduced : Math.max(0, reduced);
    }
    return total;
  }
}

/**
 * The price that minimises k·x + Σ max(0, v − x) over x ≥ 0: the (k+1)-th largest value, or 0 when there are at
 * most k values or it is negative. Reorders `values`.
 */
function kthLargestOrZero(values: number[], k: number): number {
  if (k < 0 || values.length <= k) return 0;
  values.sort((x, y) => y - x);
  return Math.max(0, values[k]!);
}
