/**
 * The mutable part of the search: which slot each request occupies, who is busy when, how full each slot is.
 * Tables are not tracked here — a slot's meetings can always be seated once their count is within the table count,
 * so tables are given out at the very end. Every change goes through `place`/`remove`, which log it, so that a
 * tentative move (an ejection chain) can be undone exactly with `rollback(mark)`.
 */
import type { Instance } from './instance.js';

export class Assignment {
  /** Slot of each request, -1 while unscheduled. */
  readonly slotOf: Int32Array;
  /** `busy[p * slotCount + s]`: the request participant p meets for in slot s, or -1. */
  readonly busy: Int32Array;
  /** Meetings per slot. */
  readonly slotLoad: Int32Array;
  /** Meetings per participant. */
  readonly load: Int32Array;
  /** The meetings of each slot, unordered: `members[s * rowWidth .. + slotLoad[s])`; `memberAt[r]` finds r in it. */
  readonly members: Int32Array;
  readonly memberAt: Int32Array;
  /** `movableByWeight[s * 4 + w]`: meetings of priority w in slot s that are not locked. */
  readonly movableByWeight: Int32Array;
  /** Total priority of the scheduled requests. */
  value = 0;
  scheduled = 0;
  private readonly rowWidth: number;
  private readonly slotCapacity: number;
  /** Undo log: (request, slot) pairs; slot is stored as ~slot for a placement and as slot for a removal. */
  private journal: number[] = [];

  constructor(readonly instance: Instance) {
    const { participantCount, requestCount, slotCount, tables } = instance;
    this.slotOf = new Int32Array(requestCount).fill(-1);
    this.busy = new Int32Array(participantCount * slotCount).fill(-1);
    this.slotLoad = new Int32Array(slotCount);
    this.load = new Int32Array(participantCount);
    // A slot never holds more meetings than there are tables, pairs of participants, or requests.
    this.slotCapacity = Math.min(tables, Math.floor(participantCount / 2), requestCount);
    this.rowWidth = this.slotCapacity;
    this.members = new Int32Array(slotCount * this.rowWidth);
    this.memberAt = new Int32Array(requestCount).fill(-1);
    this.movableByWeight = new Int32Array(slotCount * 4);
  }

  /** The lowest priority among slot s's movable meetings, or 0 when it has none. */
  cheapestWeightIn(s: number): number {
    for (let w = 1; w <= 3; w++) if (this.movableByWeight[s * 4 + w]! > 0) return w;
    return 0;
  }

  /** Whether slot s has a table left. */
  hasTable(s: number): boolean {
    return this.slotLoad[s]! < this.slotCapacity;
  }

  /** Whether every slot is full, so a meeting can only be added by taking another one out. */
  allSlotsFull(): boolean {
    return this.scheduled >= this.slotCapacity * this.instance.slotCount;
  }

  memberCount(s: number): number {
    return this.slotLoad[s]!;
  }

  member(s: number, i: number): number {
    return this.members[s * this.rowWidth + i]!;
  }

  busyWith(p: number, s: number): number {
    return this.busy[p * this.instance.slotCount + s]!;
  }

  /** Both participants free in s and a table left; availability is implied by s coming from the request's slots. */
  canPlace(r: number, s: number): boolean {
    const { requestA, requestB, slotCount } = this.instance;
    return (
      this.busy[requestA[r]! * slotCount + s]! < 0 && this.busy[requestB[r]! * slotCount + s]! < 0 && this.slotLoad[s]! < this.slotCapacity
    );
  }

  place(r: number, s: number): void {
    const { requestA, requestB, slotCount, weight } = this.instance;
    const a = requestA[r]!;
    const b = requestB[r]!;
    this.slotOf[r] = s;
    this.busy[a * slotCount + s] = r;
    this.busy[b * slotCount + s] = r;
    this.load[a]! += 1;
    this.load[b]! += 1;
    const position = this.slotLoad[s]!;
    this.members[s * this.rowWidth + position] = r;
    this.memberAt[r] = position;
    this.slotLoad[s] = position + 1;
    this.value += weight[r]!;
    this.scheduled += 1;
    if (this.instance.lockedSlot[r]! < 0) this.movableByWeight[s * 4 + weight[r]!]! += 1;
    this.journal.push(r, ~s);
  }

  remove(r: number): void {
    const { requestA, requestB, slotCount, weight } = this.instance;
    const s = this.slotOf[r]!;
    const a = requestA[r]!;
    const b = requestB[r]!;
    this.slotOf[r] = -1;
    this.busy[a * slotCount + s] = -1;
    this.busy[b * slotCount + s] = -1;
    this.load[a]! -= 1;
    this.load[b]! -= 1;
    const last = this.slotLoad[s]! - 1;
    const position = this.memberAt[r]!;
    const moved = this.members[s * this.rowWidth + last]!;
    this.members[s * this.rowWidth + position] = moved;
    this.memberAt[moved] = position;
    this.memberAt[r] = -1;
    this.slotLoad[s] = last;
    this.value -= weight[r]!;
    this.scheduled -= 1;
    if (this.instance.lockedSlot[r]! < 0) this.movableByWeight[s * 4 + weight[r]!]! -= 1;
    this.journal.push(r, s);
  }

  move(r: number, s: number): void {
    this.remove(r);
    this.place(r, s);
  }

  /** A point to roll back to. */
  mark(): number {
    return this.journal.length;
  }

  /** Undo every change made since `mark`, newest first. */
  rollback(mark: number): void {
    const journal = this.journal;
    while (journal.length > mark) {
      const code = journal.pop()!;
      const r = journal.pop()!;
      if (code < 0) {
        this.remove(r);
      } else {
        this.place(r, code);
      }
      // Undoing must not itself be logged.
      journal.length -= 2;
    }
  }

  /** Forget the log: what has been done so far is kept. */
  commit(): void {
    this.journal.length = 0;
  }
}
