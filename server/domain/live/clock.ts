/**
 * The live clock as pure functions: what comes after the current phase, and what a client needs to render it.
 *
 * A session on the day runs meeting slot 0, break, meeting slot 1, break, … meeting slot n-1, then ends (no break
 * after the last slot; no breaks at all when `breakMinutes` is 0). Each next phase starts when the previous one
 * was *planned* to end, not when the job that moved it ran, so a server that was down across a boundary catches up
 * to the right slot instead of drifting.
 */
import type { LiveClock, SessionRecord } from '../sessions/model.js';

const MINUTE_MS = 60_000;
/** `slot:ending` goes out this long before a meeting slot ends. */
export const ENDING_WARNING_MS = 2 * MINUTE_MS;

type ClockSession = Pick<SessionRecord, 'slotMinutes' | 'slotCount' | 'breakMinutes'>;

export function phaseLengthMs(session: ClockSession, phase: 'meeting' | 'break'): number {
  return (phase === 'meeting' ? session.slotMinutes : session.breakMinutes) * MINUTE_MS;
}

/** The clock at the start of slot 0, at `now`. */
export function startedClock(session: ClockSession, previous: LiveClock, now: Date): LiveClock {
  return {
    phase: 'meeting',
    slot: 0,
    phaseStartedAt: now,
    phaseEndsAt: new Date(now.getTime() + phaseLengthMs(session, 'meeting')),
    paused: false,
    generation: previous.generation + 1,
    startedAt: now,
  };
}

/**
 * The clock after the current phase ends at `endedAt` (its planned end, or now for an `advance`). A meeting slot is
 * followed by its break, a break by the next slot, the last slot by the end.
 */
export function nextClock(session: ClockSession, clock: LiveClock, endedAt: Date): LiveClock {
  const base = { paused: false, generation: clock.generation, ...(clock.startedAt ? { startedAt: clock.startedAt } : {}) };
  const last = clock.slot >= session.slotCount - 1;
  if (clock.phase === 'meeting' && last) return { ...base, phase: 'ended', slot: clock.slot, endedAt };
  if (clock.phase === 'meeting' && session.breakMinutes > 0) {
    return { ...base, phase: 'break', slot: clock.slot, phaseStartedAt: endedAt, phaseEndsAt: new Date(endedAt.getTime() + phaseLengthMs(session, 'break')) };
  }
  const slot = clock.phase === 'meeting' || clock.phase === 'break' ? clock.slot + 1 : clock.slot;
  return { ...base, phase: 'meeting', slot, phaseStartedAt: endedAt, phaseEndsAt: new Date(endedAt.getTime() + phaseLengthMs(session, 'meeting')) };
}

export function pausedClock(clock: LiveClock, now: Date): LiveClock {
  const remainingMs = Math.max(0, (clock.phaseEndsAt?.getTime() ?? now.getTime()) - now.getTime());
  return { ...clock, paused: true, remainingMs, generation: clock.generation + 1 };
}

export function resumedClock(clock: LiveClock, now: Date): LiveClock {
  const { remainingMs, ...rest } = clock;
  return { ...rest, paused: false, phaseEndsAt: new Date(now.getTime() + (remainingMs ?? 0)), generation: clock.generation + 1 };
}

export function extendedClock(clock: LiveClock, minutes: number): LiveClock {
  const extra = minutes * MINUTE_MS;
  if (clock.paused) return { ...clock, remainingMs: (clock.remainingMs ?? 0) + extra, generation: clock.generation + 1 };
  return { ...clock, phaseEndsAt: new Date((clock.phaseEndsAt?.getTime() ?? 0) + extra), generation: clock.generation + 1 };
}

/** The clock as clients see it: phase, slot, times as ISO strings, the server's now, what is left while paused. */
export interface ClockView {
  phase: LiveClock['phase'];
  slot: number;
  paused: boolean;
  serverTime: string;
  phaseStartedAt?: string;
  phaseEndsAt?: string;
  remainingMs?: number;
}

export function clockView(clock: LiveClock, now: Date): ClockView {
  return {
    phase: clock.phase,
    slot: clock.slot,
    paused: clock.paused,
    serverTime: now.toISOString(),
    ...(clock.phaseStartedAt ? { phaseStartedAt: clock.phaseStartedAt.toISOString() } : {}),
    ...(clock.phaseEndsAt && !clock.paused ? { phaseEndsAt: clock.phaseEndsAt.toISOString() } : {}),
    ...(clock.paused ? { remainingMs: clock.remainingMs ?? 0 } : {}),
  };
}
