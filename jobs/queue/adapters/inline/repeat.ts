/** Schedule arithmetic of the inline queue, kept to BullMQ's rules so both adapters run a schedule alike. */
import { nextCronTime } from '../shared/cron.js';
import type { ScheduleRecord } from './schema.js';

export function sameDefinition(a: ScheduleRecord, b: ScheduleRecord): boolean {
  return a.name === b.name && a.every === b.every && a.cron === b.cron && a.tz === b.tz && a.data === b.data;
}

/** BullMQ's rule: an `every` schedule runs at once, a cron schedule at its next match. */
export function firstRunAt(schedule: ScheduleRecord, now: number): number {
  if (schedule.every !== undefined) return now;
  return nextCronTime(schedule.cron ?? '', schedule.tz, now);
}

/**
 * The run after one due at `previous`. After downtime the missed runs are not replayed one by one: the next
 * run is the first slot after `now`.
 */
export function nextRunAt(schedule: ScheduleRecord, previous: number, now: number): number {
  if (schedule.every !== undefined) {
    const every = schedule.every;
    const next = previous + every;
    return next > now ? next : previous + every * (Math.floor((now - previous) / every) + 1);
  }
  return nextCronTime(schedule.cron ?? '', schedule.tz, Math.max(previous, now));
}
