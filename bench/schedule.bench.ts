/**
 * Meeting scheduler figures on seeded structured events (bench/schedule-instances.ts), next to the two ways of
 * booking without a scheduler (bench/schedule-baselines.ts) and to the best possible value from HiGHS: the ILP
 * optimum where it is proved within the time given, else the LP relaxation's bound, else the scheduler's own
 * upper bound — the table says which.
 * Targets: ≥ 99.5 % of the optimum; 1,000 participants × 5,000 requests × 16 slots in ≤ 2 s; 3,000 participants in
 * ≤ 10 s; ≤ 300 MB; the size limits (5,000 × 50,000 × 48 slots × 500 tables) without blowing up.
 *
 * Every measurement runs in a child process of its own, so that peak RSS (getrusage maxrss) belongs to that one
 * computation (plus Node, tsx and the generated event, reported as "before"); the heap peak is sampled while it runs.
 * Run: npm run bench:schedule [-- --sizes small,medium,large,max] [--ilp-seconds 300] [--lp-seconds 900] [--no-optimum]
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { scheduleMeetings } from '../matcher/schedule/index.js';
import type { ScheduledMeeting, ScheduleInput } from '../matcher/schedule/index.js';
import { firstComeSchedule, priorityGreedySchedule, scheduleFigures } from './schedule-baselines.js';
import { generateInstance, type InstanceSize } from './schedule-instances.js';
import { solveOptimum } from './schedule-optimum.js';

const SIZES: Record<string, InstanceSize> = {
  small: { participants: 150, requests: 700, slots: 12, tables: 40, lockedShare: 0.01, seed: 7 },
  medium: { participants: 1000, requests: 5000, slots: 16, tables: 200, lockedShare: 0.005, seed: 7 },
  large: { participants: 3000, requests: 15000, slots: 24, tables: 600, lockedShare: 0.005, seed: 7 },
  large48: { participants: 3000, requests: 15000, slots: 48, tables: 300, lockedShare: 0.005, seed: 7 },
  max: { participants: 5000, requests: 50000, slots: 48, tables: 500, lockedShare: 0.005, seed: 7 },
};
const METHODS = ['scheduler', 'priority-greedy', 'first-come'] as const;
type Method = (typeof METHODS)[number];

interface Measurement {
  method: Method;
  value: number;
  upperBound?: number;
  scheduled: number;
  idleGaps: number;
  tableChanges: number;
  milliseconds: number;
  rssBeforeMiB: number;
  peakRssMiB: number;
  peakHeapMiB: number;
}

interface Reference {
  kind: 'ILP optimum' | 'ILP bound' | 'LP bound' | 'own bound';
  value: number;
  note: string;
}

const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
const argument = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};

function measure(size: InstanceSize, method: Method): Measurement {
  const input = generateInstance(size);
  global.gc?.();
  const rssBefore = process.memoryUsage.rss();
  let peakHeap = process.memoryUsage().heapUsed;
  const sampleHeap = () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed));
  const started = performance.now();
  let meetings: ScheduledMeeting[];
  let upperBound: number | undefined;
  if (method === 'scheduler') {
    const result = scheduleMeetings(input, { onProgress: sampleHeap, seed: 1 });
    meetings = result.meetings;
    upperBound = result.stats.upperBound;
  } else {
    meetings = method === 'first-come' ? firstComeSchedule(input) : priorityGreedySchedule(input);
  }
  const milliseconds = performance.now() - started;
  sampleHeap();
  const figures = scheduleFigures(input, meetings);
  return {
    method,
    ...figures,
    ...(upperBound === undefined ? {} : { upperBound }),
    milliseconds: Math.round(milliseconds),
    rssBeforeMiB: mib(rssBefore),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    peakHeapMiB: mib(peakHeap),
  };
}

async function reference(size: InstanceSize, ilpSeconds: number, lpSeconds: number): Promise<Reference | undefined> {
  const input: ScheduleInput = generateInstance(size);
  if (ilpSeconds > 0) {
    const ilp = await solveOptimum(input, { timeLimitSeconds: ilpSeconds });
    if (ilp.status === 'optimal') return { kind: 'ILP optimum', value: ilp.value, note: `proved in ${ilp.seconds.toFixed(0)} s` };
    if (ilp.status === 'bounded' && Number.isFinite(ilp.bound)) {
      return { kind: 'ILP bound', value: ilp.bound, note: `ILP not proved in ${ilpSeconds} s; its dual bound` };
    }
  }
  if (lpSeconds > 0) {
    const lp = await solveOptimum(input, { relax: true, timeLimitSeconds: lpSeconds });
    if (lp.status === 'optimal') {
      return { kind: 'LP bound', value: Math.floor(lp.value + 1e-6), note: `LP relaxation, ${lp.variables} variables, ${lp.seconds.toFixed(0)} s` };
    }
  }
  return undefined;
}

/** Run this file again as a child for one measurement and read its JSON answer. */
function inChild<T>(args: string[]): T | undefined {
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/schedule.bench.ts', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
  });
  const line = child.stdout.trim().split('\n').at(-1);
  if (child.status !== 0 || line === undefined || line === '') {
    console.error(`child ${args.join(' ')} failed with status ${child.status}`);
    return undefined;
  }
  return JSON.parse(line) as T;
}

const pad = (text: string | number, width: number) => String(text).padStart(width);

async function main(): Promise<void> {
  const childSize = argument('--measure');
  if (childSize !== undefined) {
    console.log(JSON.stringify(measure(SIZES[childSize]!, argument('--method') as Method)));
    return;
  }
  const referenceSize = argument('--reference');
  if (referenceSize !== undefined) {
    console.log(JSON.stringify((await reference(SIZES[referenceSize]!, Number(argument('--ilp')), Number(argument('--lp')))) ?? null));
    return;
  }

  const sizes = (argument('--sizes') ?? 'small,medium,large,large48,max').split(',');
  const optimum = !process.argv.includes('--no-optimum');
  // HiGHS in WebAssembly, single-threaded: the ILP proves the small and medium events; the large ones only get their
  // LP bound in reasonable time, and the largest is too big even for the LP (it aborts out of memory).
  const ilpSeconds = Number(argument('--ilp-seconds') ?? 300);
  const lpSeconds = Number(argument('--lp-seconds') ?? 900);
  console.log(`load average at start: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (2 cores shared with other work)`);
  const rows: string[] = [];
  const notes: string[] = [];
  for (const name of sizes) {
    const size = SIZES[name]!;
    const label = `${name} ${size.participants}×${size.requests}×${size.slots} slots×${size.tables} tables`;
    const measurements = METHODS.map((method) => inChild<Measurement>(['--measure', name, '--method', method]));
    const own = measurements[0]?.upperBound;
    let ref: Reference | undefined;
    if (optimum && name !== 'max') {
      const ilp = name.startsWith('large') ? 0 : ilpSeconds;
      ref = inChild<Reference | null>(['--reference', name, '--ilp', String(ilp), '--lp', String(lpSeconds)]) ?? undefined;
    }
    if (ref === undefined && own !== undefined) {
      ref = {
        kind: 'own bound',
        value: own,
        note: !optimum
          ? 'HiGHS not run (--no-optimum)'
          : name === 'max'
            ? 'HiGHS not run: its WebAssembly build runs out of memory on this LP'
            : 'HiGHS gave no bound in time',
      };
    }
    if (ref !== undefined) {
      notes.push(`${label}: reference = ${ref.kind} ${ref.value} (${ref.note}); the scheduler's own upper bound ${own ?? '—'}`);
    }
    for (const m of measurements) {
      if (m === undefined) continue;
      const share = ref === undefined ? '—' : `${((100 * m.value) / ref.value).toFixed(2)} %`;
      rows.push(
        [
          name.padEnd(7),
          m.method.padEnd(16),
          pad(m.value, 7),
          pad(share, 9),
          pad(ref?.kind ?? '—', 11),
          pad(m.scheduled, 7),
          pad(m.idleGaps, 7),
          pad(m.tableChanges, 7),
          pad(m.milliseconds, 7),
          pad(m.peakRssMiB, 5),
          pad(m.rssBeforeMiB, 6),
          pad(m.peakHeapMiB, 5),
        ].join(' | '),
      );
    }
  }
  console.log('');
  console.log(
    [
      'size'.padEnd(7),
      'method'.padEnd(16),
      pad('value', 7),
      pad('% of ref', 9),
      pad('ref', 11),
      pad('met', 7),
      pad('gaps', 7),
      pad('tbl chg', 7),
      pad('ms', 7),
      pad('RSS', 5),
      pad('before', 6),
      pad('heap', 5),
    ].join(' | '),
  );
  for (const row of rows) console.log(row);
  console.log('');
  for (const note of notes) console.log(note);
  console.log('RSS = peak resident MiB of the measuring process (Node + tsx + the generated event + the method); before = RSS');
  console.log('just before the method ran; heap = peak V8 heap MiB sampled during the run; tbl chg = a participant changing');
  console.log('tables between meetings in consecutive slots.');
  console.log(`load average at end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
}

await main();
