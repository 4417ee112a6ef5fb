/**
 * The exact optimum of a scheduling instance (total priority), from HiGHS — a referee for the heuristic in tests
 * and in the bench. Dev-only: `highs` is a devDependency, so nothing under matcher/ may import this.
 *
 * The ILP has one binary x[r,s] per request r and slot s in which both participants are available:
 *
 *   max Σ priority_r · x[r,s]
 *   Σ_s x[r,s] ≤ 1                 each request at most once
 *   Σ_{r ∋ p} x[r,s] ≤ 1           one meeting per participant and slot
 *   Σ_r x[r,s] ≤ tables            tables per slot
 *   Σ_{r ∋ p, s} x[r,s] ≤ max_p    maxMeetings, where set
 *   x[r,s] = 1                     for a locked meeting's slot (its other slots get no variable)
 *
 * Table numbers are left out: any slot within the table count can be seated, and locked tables are distinct by
 * input validation. With `relax`, the integrality is dropped and the LP bound is returned instead.
 */
import { createRequire } from 'node:module';
import type { Highs } from 'highs';
import type { ScheduleInput } from '../matcher/schedule/index.js';

export interface OptimumResult {
  /** 'optimal': value is the proven optimum. 'bounded': a limit stopped the solve; bound is still valid. */
  status: 'optimal' | 'bounded' | 'failed';
  /** Best integer value found (for an LP, the LP optimum). */
  value: number;
  /** Proven upper bound on the optimum (equals value when optimal). */
  bound: number;
  seconds: number;
  variables: number;
  /** Slot of each request in the best integer solution found, when there is one. */
  slots?: Map<string, number>;
}

// The package's types describe its CommonJS build (module.exports.default is the loader), while an ES import
// would load its ES build, whose default export is the loader itself; requiring the CommonJS build keeps the
// types and the runtime in agreement.
const highsLoader = (createRequire(import.meta.url)('highs') as { default: () => Promise<Highs> }).default;
let loading: Promise<Highs> | undefined;
const loadHighs = () => (loading ??= highsLoader());

export async function solveOptimum(
  input: ScheduleInput,
  options: { relax?: boolean; timeLimitSeconds?: number } = {},
): Promise<OptimumResult> {
  const highs = await loadHighs();
  const started = performance.now();
  const { slotCount, tables } = input;
  const participantIndex = new Map(input.participants.map((participant, p) => [participant.id, p]));
  const available = input.participants.map((participant) => new Set(participant.availability));
  const lockedSlot = new Map((input.locked ?? []).map((lock) => [lock.requestId, lock.slot]));

  const P = input.participants.length;
  const R = input.requests.length;
  // Rows: requests, then participant × slot, then slots, then participants' limits.
  const slotRow = (s: number) => R + P * slotCount + s;
  const limitRow = (p: number) => R + P * slotCount + slotCount + p;
  const numRows = R + P * slotCount + slotCount + P;
  const rowUpper = new Float64Array(numRows).fill(highs.infinity);
  for (let r = 0; r < R; r++) rowUpper[r] = 1;
  for (let k = 0; k < P * slotCount; k++) rowUpper[R + k] = 1;
  for (let s = 0; s < slotCount; s++) rowUpper[slotRow(s)] = tables;
  input.participants.forEach((participant, p) => {
    if (participant.maxMeetings !== undefined) rowUpper[limitRow(p)] = participant.maxMeetings;
  });

  const starts: number[] = [0];
  const indices: number[] = [];
  const cost: number[] = [];
  const lower: number[] = [];
  const columnOf: { requestId: string; slot: number }[] = [];
  input.requests.forEach((request, r) => {
    const a = participantIndex.get(request.a);
    const b = participantIndex.get(request.b);
    if (a === undefined || b === undefined) return;
    const locked = lockedSlot.get(request.id);
    for (let s = 0; s < slotCount; s++) {
      if (!available[a]!.has(s) || !available[b]!.has(s)) continue;
      if (locked !== undefined && locked !== s) continue;
      indices.push(r, R + a * slotCount + s, R + b * slotCount + s, slotRow(s), limitRow(a), limitRow(b));
      starts.push(indices.length);
      cost.push(request.priority);
      columnOf.push({ requestId: request.id, slot: s });
      lower.push(locked === undefined ? 0 : 1);
    }
  });
  const numCols = cost.length;
  if (numCols === 0) return { status: 'optimal', value: 0, bound: 0, seconds: 0, variables: 0 };

  const model = highs.createModel({
    numCols,
    numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: cost,
    colLower: lower,
    colUpper: new Float64Array(numCols).fill(1),
    rowLower: new Float64Array(numRows).fill(-highs.infinity),
    rowUpper,
    matrix: { format: 'csc', numRows, numCols, starts, indices, values: new Float64Array(indices.length).fill(1) },
    ...(options.relax ? {} : { integrality: new Int32Array(numCols).fill(highs.constants.variableType.integer) }),
  });
  try {
    model.options.set({ output_flag: false, ...(options.timeLimitSeconds === undefined ? {} : { time_limit: options.timeLimitSeconds }) });
    const { modelStatus } = model.run();
    const seconds = (performance.now() - started) / 1000;
    const optimal = modelStatus === highs.constants.modelStatus.optimal;
    const objective = model.getObjectiveValue();
    if (options.relax) {
      return optimal
        ? { status: 'optimal', value: objective, bound: objective, seconds, variables: numCols }
        : { status: 'failed', value: Number.NaN, bound: Number.NaN, seconds, variables: numCols };
    }
    const dualBound = Number(model.info.get('mip_dual_bound'));
    const slots = new Map<string, number>();
    const { colValue } = model.getSolution();
    colValue.forEach((x: number, k: number) => {
      if (x > 0.5) slots.set(columnOf[k]!.requestId, columnOf[k]!.slot);
    });
    if (optimal) return { status: 'optimal', value: Math.round(objective), bound: Math.round(objective), seconds, variables: numCols, slots };
    if (Number.isFinite(dualBound)) {
      const primal = Number(model.info.get('mip_primal_bound'));
      return {
        status: 'bounded',
        value: Number.isFinite(primal) ? primal : 0,
        bound: Math.floor(dualBound + 1e-6),
        seconds,
        variables: numCols,
        ...(Number.isFinite(primal) ? { slots } : {}),
      };
    }
    return { status: 'failed', value: Number.NaN, bound: Number.NaN, seconds, variables: numCols };
  } finally {
    model.dispose();
  }
}
