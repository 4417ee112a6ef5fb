/**
 * B2B meeting scheduling: give accepted meeting requests a slot and a table.
 *
 * Hard constraints: nobody has two meetings in one slot; a slot holds at most `tables` meetings, at distinct tables
 * 1..tables; a request is met at most once; a participant has at most `maxMeetings` meetings; both participants are
 * available in the slot; locked meetings keep their slot and table. Objectives, in order: the most total priority
 * (3 = must meet), then the fewest idle gaps (per participant, last slot − first slot + 1 − meetings), then seating
 * that keeps a busy participant at the same table from one meeting to the next.
 *
 * The problem is NP-hard (it contains edge colouring), and each slot on its own is a matching problem (Ernst et
 * al., ICAPS 2008, decompose it into per-slot assignment problems; Bofill et al., JAIR 74 (2022), is the
 * reference for B2B meeting scheduling). The method:
 *
 * 1. Construction. Locked meetings first. Then the requests by priority, most constrained (fewest common slots)
 *    first; each goes to the free slot its two participants' other requests need least, next to their other
 *    meetings on a near-tie; if none is free, a short ejection chain makes room (`chains.ts`).
 * 2. Improvement. Each waiting request, by priority, tries deeper ejection chains — alternating paths across slots
 *    that move meetings to make room, never dropping one — and then an ejection move that drops meetings of lower
 *    total priority and refills the freed capacity with other waiting requests. Passes repeat while the value
 *    rises; every accepted move raises it, so this ends.
 * 3. Bounds. Two upper bounds on the optimum, the lower one reported: a capacity bound that forgets slots and
 *    keeps participants' limits and the seat count (`capacity-bound.ts`, tight when tables are scarce), and a
 *    slot-indexed Lagrangian bound warm-started from the schedule (`bound.ts`; it approaches the LP relaxation's
 *    bound). Every result says how far from the best it can at most be; a schedule that meets a bound is optimal.
 * 4. Second run. If the bound is not met, steps 1–2 again with the requests ordered by how much the bound's
 *    relaxed (LP-like) solution wants each one; the better of the two schedules is kept. The greedy order's
 *    mistakes are in which requests of over-asked participants to take, and the relaxation sees those globally:
 *    on 40 small events with a known optimum the first run alone was optimal on 10, the two together on 40.
 * 5. Compaction. Kempe-chain interchanges between two slots that lower idle gaps without changing who meets
 *    (`gaps.ts`).
 * 6. Seating. Tables slot by slot, keeping participants at their previous table where possible (`tables.ts`).
 *
 * All effort is bounded by work counts scaled to the input, not by the clock, so a seed reproduces a schedule;
 * `timeLimitMs` only cuts the improvement phases short on a starved machine. The search runs as a generator that
 * yields about every 15 ms: the synchronous entry point simply runs through, the asynchronous one gives the event
 * loop a turn at each yield so a server sharing the process keeps answering.
 */
import { performance } from 'node:perf_hooks';
import { Assignment } from './assignment.js';
import { LagrangianBound } from './bound.js';
import { CapacityBound } from './capacity-bound.js';
import { ChainSearch, type SlotPreference } from './chains.js';
import { GapCompactor, totalGaps } from './gaps.js';
import { buildInstance, isSchedulable, type Instance } from './instance.js';
import { SeededRandom } from './random.js';
import { explainUnscheduled } from './reasons.js';
import { assignTables } from './tables.js';
import type { ScheduledMeeting, ScheduleInput, ScheduleOptions, ScheduleResult, UnscheduledRequest } from './types.js';

const DEFAULT_TIME_LIMIT_MS = 20_000;
const YIELD_EVERY_MS = 15;

/** Search effort, per request where it scales with the input. */
const EFFORT = {
  constructionDepth: 2,
  constructionNodes: 40,
  improvementPasses: 8,
  chainDepth: 4,
  chainNodes: 300,
  ejectionDepth: 2,
  ejectionNodes: 60,
  /** Chain and ejection nodes for the whole improvement phase, per request. */
  improvementWorkPerRequest: 3_000,
  /** Gap-move evaluations for the whole compaction phase, per request. */
  compactionWorkPerRequest: 400,
  /** Request-slot pricings for the bound, per request-slot pair, and an absolute cap on iterations. */
  boundIterations: 400,
  /** Rounds of exact price updates for the capacity bound; it stops earlier once a round gains nothing. */
  capacityBoundRounds: 12,
  boundWork: 60_000_000,
} as const;

/** Wall-clock bookkeeping: when to yield to the event loop and when the time limit is up. */
class Pacer {
  private readonly started = performance.now();
  private lastYield = this.started;

  constructor(private readonly timeLimitMs: number) {}

  /** Whether it is time to yield (a clock read costs tens of nanoseconds, so callers ask once per unit of work). */
  due(): boolean {
    const now = performance.now();
    if (now - this.lastYield < YIELD_EVERY_MS) return false;
    this.lastYield = now;
    return true;
  }

  expired(): boolean {
    return performance.now() - this.started > this.timeLimitMs;
  }

  elapsed(): number {
    return performance.now() - this.started;
  }
}

/** Requests in the order they are tried: by priority, the most constrained first, ties broken by the seed. */
function priorityOrder(instance: Instance, requests: number[], random: SeededRandom): number[] {
  const { weight, slotStart } = instance;
  // One numeric key per request keeps the comparator to a single lookup (this sort runs on 50,000 requests).
  const key = new Float64Array(instance.requestCount);
  for (const r of requests) key[r] = (3 - weight[r]!) * 1e6 + (slotStart[r + 1]! - slotStart[r]!) * 1e3 + random.next();
  return requests.sort((x, y) => key[x]! - key[y]!);
}

/**
 * What a neighbouring meeting is worth against one competing request, when choosing a slot in construction:
 * enough to break near-ties towards back-to-back meetings (fewer gaps to compact later), too little to override
 * a clearly freer slot (the value comes first).
 */
const ADJACENCY_BONUS = 2;

/**
 * Where a request goes in construction: the free slot that its participants' not yet placed requests need least
 * (so they keep their options), then the one next to their existing meetings (fewer idle gaps later).
 */
function demandAwarePreference(instance: Instance, state: Assignment, demand: Int32Array): SlotPreference {
  const { requestA, requestB, slotCount } = instance;
  const adjacent = (p: number, s: number) =>
    (s > 0 && state.busy[p * slotCount + s - 1]! >= 0 ? 1 : 0) + (s + 1 < slotCount && state.busy[p * slotCount + s + 1]! >= 0 ? 1 : 0);
  return (r, s) => {
    const a = requestA[r]!;
    const b = requestB[r]!;
    return -(demand[a * slotCount + s]! + demand[b * slotCount + s]!) + ADJACENCY_BONUS * (adjacent(a, s) + adjacent(b, s));
  };
}

/** Construction and improvement (steps 1–2, or 4) from one request order; returns the schedule it reaches. */
function* constructAndImprove(
  instance: Instance,
  order: readonly number[],
  random: SeededRandom,
  pacer: Pacer,
  progress: (fraction: number) => number,
): Generator<number, Assignment, void> {
  const { requestCount, slotCount, requestA, requestB, slotStart, slots, lockedSlot, weight } = instance;
  const state = new Assignment(instance);
  const chains = new ChainSearch(instance, state, random);
  for (let r = 0; r < requestCount; r++) if (lockedSlot[r]! >= 0) state.place(r, lockedSlot[r]!);
  state.commit();
  if (pacer.due()) yield progress(0);
  const demand = new Int32Array(instance.participantCount * slotCount);
  const addDemand = (r: number, delta: number) => {
    for (let i = slotStart[r]!; i < slotStart[r + 1]!; i++) {
      demand[requestA[r]! * slotCount + slots[i]!]! += delta;
      demand[requestB[r]! * slotCount + slots[i]!]! += delta;
    }
  };
  for (let k = 0; k < order.length; k++) {
    addDemand(order[k]!, 1);
    if ((k & 1023) === 1023 && pacer.due()) yield progress(0);
  }
  const preference = demandAwarePreference(instance, state, demand);
  for (let k = 0; k < order.length; k++) {
    const r = order[k]!;
    addDemand(r, -1);
    chains.insert(r, EFFORT.constructionDepth, EFFORT.constructionNodes, preference);
    if (pacer.due()) yield progress((0.4 * k) / order.length);
  }

  const budget = chains.work + EFFORT.improvementWorkPerRequest * Math.max(1, order.length);
  let minWeight = 3;
  for (const r of order) minWeight = Math.min(minWeight, weight[r]!);
  // Waiting requests are retried by priority, then in construction order.
  const key = new Float64Array(requestCount);
  order.forEach((r, k) => (key[r] = (3 - weight[r]!) * order.length + k));
  if (pacer.due()) yield progress(0.4);
  for (let pass = 0; pass < EFFORT.improvementPasses; pass++) {
    const waiting = order.filter((r) => state.slotOf[r]! < 0).sort((x, y) => key[x]! - key[y]!);
    if (pacer.due()) yield progress(0.4 + 0.6 * Math.min(1, chains.work / budget));
    const valueBefore = state.value;
    for (const r of waiting) {
      if (chains.work > budget || pacer.expired()) break;
      if (state.slotOf[r]! >= 0) continue;
      if (!chains.insert(r, EFFORT.chainDepth, EFFORT.chainNodes) && weight[r]! > minWeight) {
        chains.insertByEjecting(r, EFFORT.ejectionDepth, EFFORT.ejectionNodes);
      }
      if (pacer.due()) yield progress(0.4 + 0.6 * Math.min(1, chains.work / budget));
    }
    if (state.value === valueBefore) break;
  }
  return state;
}

function* solve(input: ScheduleInput, options: ScheduleOptions): Generator<number, ScheduleResult, void> {
  const pacer = new Pacer(options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
  const random = new SeededRandom(options.seed ?? 1);
  const due = () => pacer.due();
  const building = buildInstance(input, due);
  let built = building.next();
  for (; !built.done; built = building.next()) yield 0;
  const instance = built.value;
  const { requestCount, slotStart, lockedSlot, weight } = instance;

  const free: number[] = [];
  for (let r = 0; r < requestCount; r++) if (lockedSlot[r]! < 0 && isSchedulable(instance, r)) free.push(r);
  const order = priorityOrder(instance, free, random);
  if (pacer.due()) yield 0;
  let state = yield* constructAndImprove(instance, order, random, pacer, (f) => 0.3 * f);

  // 3. Bounds: the participant/seat capacity bound first (cheap, and tight when tables are scarce), then the
  // slot-indexed Lagrangian unless the first already proves the schedule optimal.
  const capacityBound = new CapacityBound(instance);
  let upperBound = Infinity;
  for (let round = 0; round < EFFORT.capacityBoundRounds; round++) {
    const previous = upperBound;
    upperBound = Math.min(upperBound, capacityBound.round());
    if (pacer.due()) yield 0.3;
    if (upperBound <= state.value || upperBound >= previous - 0.5) break;
  }
  const bound = new LagrangianBound(instance, state.value);
  if (upperBound > state.value) {
    for (const _ of bound.warmStart(state)) yield 0.3;
    let pairs = 0;
    for (let r = 0; r < requestCount; r++) pairs += slotStart[r + 1]! - slotStart[r]!;
    const iterations = Math.max(20, Math.min(EFFORT.boundIterations, Math.floor(EFFORT.boundWork / Math.max(1, pairs))));
    for (let done = 0; done < iterations; done += 1) {
      const progress = bound.improve(1);
      upperBound = Math.min(upperBound, progress.bound);
      if (progress.done || upperBound <= state.value || pacer.expired()) break;
      if (pacer.due()) yield 0.3 + 0.2 * (done / iterations);
    }
  }
  // 4. Second run, in the order the relaxation prefers.
  if (upperBound > state.value && !pacer.expired()) {
    // Most wanted by the relaxation first; then by priority; ties by the seed. Shares are in [0, 1].
    const key = new Float64Array(requestCount);
    for (const r of free) key[r] = -Math.round(bound.share(r) * 1e4) * 10 - weight[r]! + random.next();
    const guided = [...free].sort((x, y) => key[x]! - key[y]!);
    if (pacer.due()) yield 0.5;
    const second = yield* constructAndImprove(instance, guided, random, pacer, (f) => 0.5 + 0.3 * f);
    if (second.value > state.value) state = second;
  }

  // 5. Compaction.
  const compactor = new GapCompactor(instance, state);
  const compactionBudget = EFFORT.compactionWorkPerRequest * Math.max(1, free.length);
  const chunk = 8;
  for (let saved = 1; saved > 0 && compactor.work < compactionBudget && !pacer.expired(); ) {
    saved = 0;
    for (let start = 0; start < requestCount && compactor.work < compactionBudget; start += chunk) {
      saved += compactor.sweep(start, chunk);
      if (pacer.due()) yield 0.8 + 0.15 * Math.min(1, compactor.work / compactionBudget);
    }
  }

  // 6. Seating.
  if (pacer.due()) yield 0.95;
  const tables = assignTables(state);
  if (pacer.due()) yield 0.97;

  const meetings: ScheduledMeeting[] = [];
  const unscheduled: UnscheduledRequest[] = [];
  const maxMeetings = input.participants.map((participant) => participant.maxMeetings);
  for (let r = 0; r < requestCount; r++) {
    const s = state.slotOf[r]!;
    if (s >= 0) meetings.push({ requestId: instance.requestIds[r]!, slot: s, table: tables[r]!, locked: lockedSlot[r]! >= 0 });
    else unscheduled.push(explainUnscheduled(state, r, input.requests[r]!, maxMeetings));
    if ((r & 1023) === 1023 && pacer.due()) yield 0.98;
  }
  meetings.sort((x, y) => x.slot - y.slot || x.table - y.table);
  if (pacer.due()) yield 0.99;
  return {
    meetings,
    unscheduled,
    stats: {
      value: state.value,
      upperBound: Math.max(upperBound, state.value),
      scheduled: state.scheduled,
      idleGaps: totalGaps(state),
      milliseconds: Math.round(pacer.elapsed()),
    },
  };
}

function reporter(options: ScheduleOptions): (fraction: number) => void {
  let last = -1;
  return (fraction) => {
    const clamped = Math.min(1, Math.max(last, fraction));
    if (clamped > last) {
      last = clamped;
      options.onProgress?.(clamped);
    }
  };
}

/** Schedule the meetings, blocking until done. Throws ScheduleInputError for malformed input or impossible locks. */
export function scheduleMeetings(input: ScheduleInput, options: ScheduleOptions = {}): ScheduleResult {
  const report = reporter(options);
  const run = solve(input, options);
  let step = run.next();
  for (; !step.done; step = run.next()) report(step.value);
  report(1);
  return step.value;
}

/**
 * The same schedule as `scheduleMeetings`, computed in slices of about 15–30 ms with a turn of the event loop
 * (setImmediate) between them, so that a server in the same process keeps serving requests.
 */
export async function scheduleMeetingsAsync(input: ScheduleInput, options: ScheduleOptions = {}): Promise<ScheduleResult> {
  const report = reporter(options);
  const run = solve(input, options);
  let step = run.next();
  for (; !step.done; step = run.next()) {
    report(step.value);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  report(1);
  return step.value;
}
