/**
 * When each slot of a session happens. Slot i starts at `startsAt + i × (slotMinutes + breakMinutes)`: the break
 * follows every slot except the last, which is when people walk to their next table.
 */
const MINUTE_MS = 60_000;

export interface SessionClock {
  startsAt: Date;
  slotMinutes: number;
  slotCount: number;
  breakMinutes: number;
}

export function slotStart(session: SessionClock, slot: number): Date {
  return new Date(session.startsAt.getTime() + slot * (session.slotMinutes + session.breakMinutes) * MINUTE_MS);
}

export function slotEnd(session: SessionClock, slot: number): Date {
  return new Date(slotStart(session, slot).getTime() + session.slotMinutes * MINUTE_MS);
}

/** When the last slot ends. */
export function sessionEnd(session: SessionClock): Date {
  return slotEnd(session, session.slotCount - 1);
}

/** Every slot index of the session, the default availability. */
export function allSlots(session: Pick<SessionClock, 'slotCount'>): number[] {
  return Array.from({ length: session.slotCount }, (_, i) => i);
}
