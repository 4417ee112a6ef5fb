/**
 * Seeded, structured scheduling instances for the scheduler bench and tests: most participants are there all day,
 * some only for a window or a scattered part of it; a quarter cap their meetings; requests go half to anyone and
 * half to a few popular companies (Zipf-like), so the popular ones are asked for more meetings than they have
 * slots; priorities are mixed (about 15 % must-meet); and a few meetings are locked where a valid schedule could
 * hold them. The same size and seed always give the same instance.
 */
import { SeededRandom } from '../matcher/schedule/random.js';
import type { LockedMeeting, ScheduleInput, ScheduleParticipant, ScheduleRequest } from '../matcher/schedule/index.js';

export interface InstanceSize {
  participants: number;
  requests: number;
  slots: number;
  tables: number;
  /** Share of requests locked before scheduling, e.g. 0.005. */
  lockedShare?: number;
  seed?: number;
}

function availabilityOf(random: SeededRandom, slots: number): number[] {
  const kind = random.next();
  if (kind < 0.6) return Array.from({ length: slots }, (_, s) => s);
  if (kind < 0.85) {
    const length = Math.max(1, Math.round(slots * (0.5 + 0.4 * random.next())));
    const start = random.below(slots - length + 1);
    return Array.from({ length }, (_, k) => start + k);
  }
  const keep = 0.6 + 0.3 * random.next();
  const scattered = Array.from({ length: slots }, (_, s) => s).filter(() => random.next() < keep);
  return scattered.length > 0 ? scattered : [random.below(slots)];
}

function priorityOf(random: SeededRandom): 1 | 2 | 3 {
  const draw = random.next();
  return draw < 0.15 ? 3 : draw < 0.45 ? 2 : 1;
}

export function generateInstance(size: InstanceSize): ScheduleInput {
  const random = new SeededRandom(size.seed ?? 42);
  const { slots, tables } = size;
  const participants: ScheduleParticipant[] = Array.from({ length: size.participants }, (_, p) => {
    const availability = availabilityOf(random, slots);
    const capped = random.next() < 0.25;
    const maxMeetings = capped ? 3 + random.below(Math.max(2, Math.ceil(slots * 0.6) - 2)) : undefined;
    return { id: `p${p}`, availability, maxMeetings };
  });

  // Popularity: a random ranking, weight 1 / rank^0.8, sampled through its cumulative sums.
  const rank = Array.from({ length: size.participants }, (_, p) => p);
  for (let i = rank.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    [rank[i], rank[j]] = [rank[j]!, rank[i]!];
  }
  const cumulative = new Float64Array(size.participants);
  let sum = 0;
  for (let k = 0; k < size.participants; k++) {
    sum += 1 / (k + 1) ** 0.8;
    cumulative[k] = sum;
  }
  const popular = () => {
    const x = random.next() * sum;
    let lo = 0;
    let hi = size.participants - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return rank[lo]!;
  };

  const requests: ScheduleRequest[] = [];
  const pairs = new Set<number>();
  const maxPairs = (size.participants * (size.participants - 1)) / 2;
  while (requests.length < Math.min(size.requests, maxPairs)) {
    const a = random.below(size.participants);
    const b = random.next() < 0.5 ? popular() : random.below(size.participants);
    if (a === b) continue;
    const key = Math.min(a, b) * size.participants + Math.max(a, b);
    if (pairs.has(key)) continue;
    pairs.add(key);
    requests.push({ id: `r${requests.length}`, a: `p${a}`, b: `p${b}`, priority: priorityOf(random) });
  }

  return { slotCount: slots, tables, participants, requests, locked: lockMeetings(random, size, participants, requests) };
}

/** Lock a few requests where they fit: both available and free, a table left, within both limits. */
function lockMeetings(
  random: SeededRandom,
  size: InstanceSize,
  participants: readonly ScheduleParticipant[],
  requests: readonly ScheduleRequest[],
): LockedMeeting[] {
  const wanted = Math.round(requests.length * (size.lockedShare ?? 0.005));
  const index = new Map(participants.map((participant, p) => [participant.id, p]));
  const busy = new Set<string>();
  const load = new Int32Array(participants.length);
  const tablesUsed = Array.from({ length: size.slots }, () => new Set<number>());
  const locked: LockedMeeting[] = [];
  for (let attempt = 0; attempt < wanted * 20 && locked.length < wanted; attempt++) {
    const request = requests[random.below(requests.length)]!;
    if (locked.some((lock) => lock.requestId === request.id)) continue;
    const a = index.get(request.a)!;
    const b = index.get(request.b)!;
    const slot = random.below(size.slots);
    const fits = (p: number) =>
      participants[p]!.availability.includes(slot) &&
      !busy.has(`${p}/${slot}`) &&
      load[p]! < (participants[p]!.maxMeetings ?? Number.POSITIVE_INFINITY);
    if (!fits(a) || !fits(b) || tablesUsed[slot]!.size >= size.tables) continue;
    let table = 1 + random.below(size.tables);
    while (tablesUsed[slot]!.has(table)) table = (table % size.tables) + 1;
    tablesUsed[slot]!.add(table);
    busy.add(`${a}/${slot}`);
    busy.add(`${b}/${slot}`);
    load[a]! += 1;
    load[b]! += 1;
    locked.push({ requestId: request.id, slot, table });
  }
  return locked;
}
