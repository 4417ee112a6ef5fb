/**
 * Cron arithmetic for the inline queue (BullMQ computes its own) and pattern validation for both adapters.
 * Uses `cron-parser`, the library BullMQ itself schedules with, so both adapters read a pattern alike.
 */
import { CronExpressionParser } from 'cron-parser';
import { InvalidJobError } from '../../port.js';

export function assertCronPattern(pattern: string, tz: string): void {
  const fields = pattern.trim().split(/\s+/).length;
  if (fields !== 5 && fields !== 6) throw new InvalidJobError(`cron ${JSON.stringify(pattern)} needs 5 or 6 fields`);
  try {
    CronExpressionParser.parse(pattern, { tz, strict: false }).next();
  } catch (error) {
    throw new InvalidJobError(`cron ${JSON.stringify(pattern)} (tz ${tz}) does not parse`, { cause: error });
  }
}

/** The first time strictly after `after` (epoch ms) that matches `pattern` in zone `tz`. */
export function nextCronTime(pattern: string, tz: string, after: number): number {
  return CronExpressionParser.parse(pattern, { tz, currentDate: new Date(after) }).next().getTime();
}
