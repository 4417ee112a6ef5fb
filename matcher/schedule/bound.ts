/**
 * An upper bound on the best total priority, from the Lagrangian dual of the scheduling ILP
 *
 *   max Σ w_r x_rs  s.t.  Σ_s x_rs ≤ 1 (each request once),  Σ_{r∋p} x_rs ≤ 1 (one meeting per participant and slot),
 *                         Σ_r x_rs ≤ K (tables per slot),  Σ_{r∋p,s} x_rs ≤ cap_p (maxMeetings),  locked x fixed.
 *
 * Pricing the last three families with multipliers u_ps, λ_s, μ_p ≥ 0 leaves one independent choice per request:
 *
 *   L(u, λ, μ) = Σ u_ps + K Σ λ_s + Σ cap_p μ_p + Σ_r max(0, max_s (w_r − u_as − u_bs − λ_s − μ_a − μ_b))
 *
 * Every L is ≥ the optimum, whatever the multipliers, so the bound is valid however early we stop. The multipliers
 * start from prices read off the heuristic's schedule and are improved by projected subgradient steps (Polyak
 * step towards the value the heuristic reached) along a running average of the relaxed solutions, as in the
 * volume algorithm (Barahona & Anbil, Math. Programming 87 (2000)), which damps the zigzag of plain subgradient
 * steps on this many multipliers; the step shrinks when L stops improving. The best L approaches the LP
 * relaxation's bound. Priorities are integers, so the bound is rounded down. The averaged relaxed solution is
 * also an estimate of the LP solution, which the scheduler uses to order its second construction.
 */
import type { Assignment } from './assignment.js';
import type { Instance } from './instance.js';

/** Weight of the newest relaxed solution in the running average. */
const AVERAGING = 0.5;
/** Steps without a better L before the step size shrinks. */
const PATIENCE = 30;

export interface BoundProgress {
  /** The best (lowest) valid bound so far. */
  bound: number;
  done: boolean;
}

/** Multipliers: u per participant × slot, λ per slot, μ per participant. */
interface Multipliers {
  u: Float64Array;
  lambda: Float64Array;
  mu: Float64Array;
}

/** How often each constraint is used by a relaxed solution (or by the running average of them). */
interface Usage {
  participantSlot: Float64Array;
  slot: Float64Array;
  participant: Float64Array;
  /** Per request: 1 when the relaxed solution takes it (in the average: the share of solutions that do). */
  request: Float64Array;
}

export class LagrangianBound {
  private readonly multipliers: Multipliers;
  private readonly usage: Usage;
  private readonly average: Usage;
  /** Participants whose limit can bind (fewer allowed than requests); the others get no multiplier. */
  private readonly limited: Uint8Array;
  private readonly slotTables: number;
  private factor = 1;
  private worseInARow = 0;
  private started = false;
  best: number;
  /** Request-slot pairs priced so far: the work counter the scheduler budgets with. */
  work = 0;

  /**
   * @param target a value some schedule reaches; the bound is never below it, and steps aim at it.
   */
  constructor(
    private readonly instance: Instance,
    private readonly target: number,
  ) {
    const { participantCount, slotCount, requestCount, capacity, weight, requestA, requestB, slotStart } = instance;
    const multipliers = (): Multipliers => ({
      u: new Float64Array(participantCount * slotCount),
      lambda: new Float64Array(slotCount),
      mu: new Float64Array(participantCount),
    });
    const usage = (): Usage => ({
      participantSlot: new Float64Array(participantCount * slotCount),
      slot: new Float64Array(slotCount),
      participant: new Float64Array(participantCount),
      request: new Float64Array(requestCount),
    });
    this.multipliers = multipliers();
    this.usage = usage();
    this.average = usage();
    this.slotTables = Math.min(instance.tables, Math.floor(participantCount / 2));
    this.limited = new Uint8Array(participantCount);
    const schedulable = new Int32Array(participantCount);
    let total = 0;
    for (let r = 0; r < requestCount; r++) {
      if (slotStart[r + 1]! === slotStart[r]!) continue;
      total += weight[r]!;
      schedulable[requestA[r]!]! += 1;
      schedulable[requestB[r]!]! += 1;
    }
    for (let p = 0; p < participantCount; p++) this.limited[p] = capacity[p]! < schedulable[p]! ? 1 : 0;
    this.best = total;
  }

  private finished(): boolean {
    return this.best - this.target < 1 || this.factor < 1e-4;
  }

  /** Run up to `iterations` steps; stops early once the bound meets the target or steps become negligible. */
  improve(iterations: number): BoundProgress {
    if (!this.started) {
      this.started = true;
      this.best = Math.min(this.best, this.price(this.multipliers, this.average));
    }
    for (let i = 0; i < iterations && !this.finished(); i++) this.iterate();
    return { bound: Math.floor(this.best + 1e-6), done: this.finished() };
  }

  /**
   * Start from multipliers read off a schedule, as complementary slackness would set them if that schedule were
   * optimal: a participant at their limit is priced at what their cheapest meeting is worth beyond its slot's
   * price, and — when tables are what is scarce — a full slot at its cheapest meeting's priority. Both variants
   * (slots priced or not) are priced and the lower L is kept. At zero multipliers every request ties over its
   * slots and L is flat in most directions; starting near the LP's duals avoids that plateau. A generator that
   * yields after each pricing, a pass over all request-slot pairs, so the caller can give the event loop a turn.
   */
  *warmStart(state: Assignment): Generator<void, void, void> {
    const { slotCount, weight, participantCount, incidentStart, incident, capacity } = this.instance;
    const { lambda, mu } = this.multipliers;
    const priceParticipants = () => {
      for (let p = 0; p < participantCount; p++) {
        mu[p] = 0;
        if (this.limited[p] !== 1 || state.load[p]! < capacity[p]!) continue;
        let cheapest = Infinity;
        for (let i = incidentStart[p]!; i < incidentStart[p + 1]!; i++) {
          const r = incident[i]!;
          const s = state.slotOf[r]!;
          if (s >= 0) cheapest = Math.min(cheapest, weight[r]! - lambda[s]!);
        }
        // With a limit of 0 there is no meeting to read a price from; the top priority prices them all out.
        mu[p] = Number.isFinite(cheapest) ? Math.max(0, cheapest) : 3;
      }
    };
    lambda.fill(0);
    priceParticipants();
    const withoutSlots = this.price(this.multipliers, this.average);
    yield;
    for (let s = 0; s < slotCount; s++) {
      if (state.hasTable(s)) continue;
      let cheapest = 3;
      for (let i = 0; i < state.memberCount(s); i++) cheapest = Math.min(cheapest, weight[state.member(s, i)]!);
      lambda[s] = cheapest;
    }
    priceParticipants();
    const withSlots = this.price(this.multipliers, this.average);
    yield;
    if (withoutSlots < withSlots) {
      lambda.fill(0);
      priceParticipants();
      this.price(this.multipliers, this.average);
    }
    this.best = Math.min(this.best, withSlots, withoutSlots);
    this.started = true;
  }

  /** Share of the averaged relaxed solutions that take request r: an estimate of the LP solution's x_r. */
  share(r: number): number {
    return this.average.request[r]!;
  }

  /** L at the given multipliers; fills `usage` with the relaxed solution's use of each constraint. */
  private price(multipliers: Multipliers, usage: Usage): number {
    const { participantCount, slotCount, requestCount, slotStart, slots, requestA, requestB, weight, capacity, lockedSlot, available } =
      this.instance;
    const { u, lambda, mu } = multipliers;
    usage.participantSlot.fill(0);
    usage.slot.fill(0);
    usage.participant.fill(0);
    usage.request.fill(0);
    let value = 0;
    for (let r = 0; r < requestCount; r++) {
      const start = slotStart[r]!;
      const end = slotStart[r + 1]!;
      if (end === start) continue;
      const a = requestA[r]!;
      const b = requestB[r]!;
      const base = weight[r]! - mu[a]! - mu[b]!;
      let bestSlot = -1;
      let bestReduced = 0;
      if (lockedSlot[r]! >= 0) {
        bestSlot = lockedSlot[r]!;
        bestReduced = base - u[a * slotCount + bestSlot]! - u[b * slotCount + bestSlot]! - lambda[bestSlot]!;
      } else {
        // Ties are broken from a different slot for each request, spreading them: any optimal choice gives a
        // subgradient, and a spread one is shorter (first-slot ties pile every request onto slot 0).
        const count = end - start;
        for (let k = 0, i = start + (r % count); k < count; k++, i = i + 1 === end ? start : i + 1) {
          const s = slots[i]!;
          const reduced = base - u[a * slotCount + s]! - u[b * slotCount + s]! - lambda[s]!;
          if (reduced > bestReduced) {
            bestReduced = reduced;
            bestSlot = s;
          }
        }
      }
      this.work += end - start;
      if (bestSlot < 0) continue;
      value += bestReduced;
      usage.participantSlot[a * slotCount + bestSlot]! += 1;
      usage.participantSlot[b * slotCount + bestSlot]! += 1;
      usage.slot[bestSlot]! += 1;
      usage.participant[a]! += 1;
      usage.participant[b]! += 1;
      usage.request[r] = 1;
    }
    for (let k = 0; k < participantCount * slotCount; k++) if (available[k] === 1) value += u[k]!;
    for (let s = 0; s < slotCount; s++) value += this.slotTables * lambda[s]!;
    for (let p = 0; p < participantCount; p++) if (this.limited[p] === 1) value += capacity[p]! * mu[p]!;
    return value;
  }

  /**
   * One step: move the multipliers against the averaged subgradient (projected on ≥ 0), price the new point and
   * fold its relaxed solution into the average.
   */
  private iterate(): void {
    const { participantCount, slotCount, capacity, available } = this.instance;
    const { multipliers, average, usage } = this;
    const { u, lambda, mu } = multipliers;
    let norm = 0;
    for (let k = 0; k < participantCount * slotCount; k++) {
      if (available[k] !== 1) continue;
      const g = 1 - average.participantSlot[k]!;
      if (u[k]! > 0 || g < 0) norm += g * g;
    }
    for (let s = 0; s < slotCount; s++) {
      const g = this.slotTables - average.slot[s]!;
      if (lambda[s]! > 0 || g < 0) norm += g * g;
    }
    for (let p = 0; p < participantCount; p++) {
      if (this.limited[p] !== 1) continue;
      const g = capacity[p]! - average.participant[p]!;
      if (mu[p]! > 0 || g < 0) norm += g * g;
    }
    if (norm < 1e-12) {
      // The averaged solution is feasible for every priced constraint: no direction left to improve along.
      this.factor = 0;
      return;
    }
    const step = (this.factor * Math.max(this.best - this.target, 0.5)) / norm;
    for (let k = 0; k < participantCount * slotCount; k++) {
      if (available[k] === 1) u[k] = Math.max(0, u[k]! - step * (1 - average.participantSlot[k]!));
    }
    for (let s = 0; s < slotCount; s++) lambda[s] = Math.max(0, lambda[s]! - step * (this.slotTables - average.slot[s]!));
    for (let p = 0; p < participantCount; p++) {
      if (this.limited[p] === 1) mu[p] = Math.max(0, mu[p]! - step * (capacity[p]! - average.participant[p]!));
    }
    const value = this.price(multipliers, usage);
    for (const key of ['participantSlot', 'slot', 'participant', 'request'] as const) {
      const into = average[key];
      const from = usage[key];
      for (let k = 0; k < into.length; k++) into[k] = AVERAGING * from[k]! + (1 - AVERAGING) * into[k]!;
    }
    if (value < this.best - 1e-9) {
      this.best = value;
      this.worseInARow = 0;
    } else if (++this.worseInARow >= PATIENCE) {
      this.factor *= 0.66;
      this.worseInARow = 0;
    }
  }
}
