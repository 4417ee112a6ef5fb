/**
 * Messages between bench/live.bench.ts and its children (bench/live-server.ts, bench/live-client-worker.ts), and
 * the results the client groups hand back.
 */

/** What a setup node writes to its BENCH_INFO file. */
export interface SetupInfo {
  url: string;
  sessionId: string;
  adminToken: string;
  tokens: string[];
  participants: number;
  requests: number;
  meetings: number;
  slotCount: number;
  tables: number;
  setupSeconds: number;
  scheduleSeconds: number;
}

export type ParentToServer = { type: 'rss'; resetPeak?: boolean; gc?: boolean } | { type: 'stop' };

export type ServerToParent =
  | { type: 'ready'; file: string }
  | { type: 'failed'; message: string }
  /** Bytes: now, the highest 100 ms sample since the last reset, the process's lifetime maximum (getrusage). */
  | { type: 'rss'; rss: number; peak: number; maxRss: number; cpuMs: number };

export interface ConnectResult {
  /** Per connection: from `io()` to the `session:state` event, ms. */
  connectMs: number[];
  failed: number;
  errors: string[];
  wallMs: number;
}

export interface RoundResult {
  slot: number;
  /** Receipt time − `serverTime` of `slot:started`, ms, one per client that received it; indexed by server node. */
  latencies: number[][];
  /** Receipt time of the `meeting:next` that follows − the same `serverTime`, ms; indexed by server node. */
  nextLatencies: number[][];
  /** Clients that did not receive it before the round's deadline. */
  missing: number;
  /** Event-loop delay of the client process while the round was being received (ms). */
  loopDelayMaxMs: number;
  loopDelayP99Ms: number;
}

export interface Counts {
  /** `slot:started` events received so far by the group's clients, and the `meeting:next` events after them. */
  slotStarted: number;
  meetingNext: number;
  disconnects: number;
  /** CPU time of the process the group runs in (user + system), ms. */
  cpuMs: number;
}

export type ParentToWorker =
  | { type: 'connect'; url: string; tokens: string[]; batch: number; node: number }
  | { type: 'round'; slot: number; timeoutMs: number }
  | { type: 'counts' }
  | { type: 'close' }
  | { type: 'stop' };

export type WorkerToParent =
  | { type: 'connected'; result: ConnectResult }
  | { type: 'round'; result: RoundResult }
  | { type: 'counts'; result: Counts }
  | { type: 'closed' }
  | { type: 'failed'; message: string };
