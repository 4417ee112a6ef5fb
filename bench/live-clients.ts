/**
 * A group of participant connections to /live for the live-rooms benchmark: connects them in parallel batches
 * (timing each one until its `session:state`), records every `slot:started` with its latency (receipt time − the
 * payload's `serverTime`; server and clients share the machine's clock) and the `meeting:next` that follows it
 * (receipt time − the same `serverTime`), and watches its own event loop, so that a saturated client process shows
 * up in the figures instead of passing for server latency.
 *
 * Runs inside bench/live.bench.ts or, one group per process, in bench/live-client-worker.ts.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import type { ConnectResult, Counts, RoundResult } from './live-protocol.js';

const CONNECT_TIMEOUT_MS = 30_000;

/** Latencies of one event kind: slot → per node → ms, and how many arrived per slot. */
class Received {
  private readonly latencies = new Map<number, number[][]>();
  private readonly counts = new Map<number, number>();
  total = 0;

  add(slot: number, node: number, latency: number): number {
    let perNode = this.latencies.get(slot);
    if (!perNode) this.latencies.set(slot, (perNode = []));
    (perNode[node] ??= []).push(latency);
    const count = (this.counts.get(slot) ?? 0) + 1;
    this.counts.set(slot, count);
    this.total += 1;
    return count;
  }

  count(slot: number): number {
    return this.counts.get(slot) ?? 0;
  }

  of(slot: number): number[][] {
    return Array.from(this.latencies.get(slot) ?? [], (list) => [...(list ?? [])]);
  }
}

export class ClientGroup {
  private readonly sockets: Socket[] = [];
  private readonly started = new Received();
  private readonly next = new Received();
  private readonly waiters = new Map<number, () => void>();
  private disconnects = 0;
  /** Connections that received their `session:state`: the ones every round expects to hear from. */
  private connected = 0;
  private readonly loop = monitorEventLoopDelay({ resolution: 5 });

  constructor() {
    this.loop.enable();
  }

  get size(): number {
    return this.connected;
  }

  /** Connects one client per token to `url`, `batch` at a time; `node` labels their latencies (their server node). */
  async connect(url: string, tokens: string[], batch: number, node = 0): Promise<ConnectResult> {
    const started = performance.now();
    const connectMs: number[] = [];
    const errors: string[] = [];
    let failed = 0;
    for (let i = 0; i < tokens.length; i += batch) {
      const outcomes = await Promise.all(tokens.slice(i, i + batch).map((token) => this.open(url, token, node)));
      for (const outcome of outcomes) {
        if (typeof outcome === 'number') connectMs.push(outcome);
        else {
          failed += 1;
          if (errors.length < 5) errors.push(outcome.error);
        }
      }
    }
    return { connectMs, failed, errors, wallMs: performance.now() - started };
  }

  private open(url: string, token: string, node: number): Promise<number | { error: string }> {
    const started = performance.now();
    const socket = io(`${url}/live`, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false, timeout: CONNECT_TIMEOUT_MS });
    this.sockets.push(socket);
    /** The slot and `serverTime` of the last `slot:started`, until its `meeting:next` arrives. */
    let pending: { slot: number; serverTime: number } | undefined;
    socket.on('slot:started', (payload: { slot: number; serverTime: string }) => {
      const at = Date.now();
      const serverTime = Date.parse(payload.serverTime);
      pending = { slot: payload.slot, serverTime };
      this.started.add(payload.slot, node, at - serverTime);
      this.settle(payload.slot);
    });
    socket.on('meeting:next', () => {
      const at = Date.now();
      if (!pending) return;
      this.next.add(pending.slot, node, at - pending.serverTime);
      this.settle(pending.slot);
      pending = undefined;
    });
    socket.on('disconnect', () => {
      this.disconnects += 1;
    });
    return new Promise((resolve) => {
      const timer = setTimeout(() => done({ error: `no session:state within ${CONNECT_TIMEOUT_MS} ms` }), CONNECT_TIMEOUT_MS);
      const done = (outcome: number | { error: string }) => {
        clearTimeout(timer);
        socket.off('session:state', onState);
        socket.off('connect_error', onError);
        resolve(outcome);
      };
      const onState = () => {
        this.connected += 1;
        done(performance.now() - started);
      };
      const onError = (error: Error) => done({ error: `connect_error: ${error.message}` });
      socket.once('session:state', onState);
      socket.once('connect_error', onError);
    });
  }

  private complete(slot: number): boolean {
    return this.started.count(slot) >= this.connected && this.next.count(slot) >= this.connected;
  }

  private settle(slot: number): void {
    if (this.complete(slot)) this.waiters.get(slot)?.();
  }

  /**
   * Resolves when every connection received `slot:started` for `slot` and the `meeting:next` after it, or at the
   * deadline with what arrived. Call it before the staff event that starts the slot: it also resets the event-loop
   * delay histogram.
   */
  round(slot: number, timeoutMs: number): Promise<RoundResult> {
    this.loop.reset();
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(slot);
        resolve({
          slot,
          latencies: this.started.of(slot),
          nextLatencies: this.next.of(slot),
          missing: Math.max(0, this.connected - this.started.count(slot)),
          loopDelayMaxMs: this.loop.max / 1e6,
          loopDelayP99Ms: this.loop.percentile(99) / 1e6,
        });
      };
      const timer = setTimeout(finish, timeoutMs);
      this.waiters.set(slot, finish);
      if (this.complete(slot)) finish();
    });
  }

  counts(): Counts {
    const cpu = process.cpuUsage();
    return { slotStarted: this.started.total, meetingNext: this.next.total, disconnects: this.disconnects, cpuMs: (cpu.user + cpu.system) / 1000 };
  }

  close(): void {
    for (const socket of this.sockets) {
      socket.removeAllListeners();
      socket.close();
    }
    this.sockets.length = 0;
    this.loop.disable();
  }
}
