/**
 * What the inline queue stores, in two DocumentStore collections: the jobs (`jobs` by default) and the repeat
 * schedules (`<collection>_schedules`). Data, results and progress are kept as JSON text, opaque to the store:
 * they are whatever the application put in a job, and MongoDB would refuse keys such as "a.b" or "$x" in them.
 */
import type { Schema } from 'mongoose';
import { defineSchema, type SchemaRegistry } from '../../../../server/store/schema.js';
import type { JobState } from '../../port.js';

export const JOB_STATES: readonly JobState[] = ['waiting', 'delayed', 'active', 'completed', 'failed'];

export interface JobRecord {
  name: string;
  /** JSON text. */
  data: string;
  state: JobState;
  /** When the job may run: its creation, its delay, or the end of its backoff. Orders the waiting line. */
  runAt: Date;
  attempts: number;
  attemptsMade: number;
  backoffType?: 'fixed' | 'exponential';
  /** Set when the job is removed on completion instead of kept (AddOptions.keepCompleted false). */
  removeOnComplete?: boolean;
  backoffDelay?: number;
  /** JSON text of a number or an object. */
  progress: string;
  /** JSON text of the handler's return value. */
  result?: string;
  failedReason?: string;
  startedAt?: Date;
  finishedAt?: Date;
  /** Times the job was found active at start, i.e. interrupted by the death of the process running it. */
  stalledCount: number;
  /** Set on jobs a schedule produced: the schedule's id and the revision of its definition that made them. */
  scheduleId?: string;
  scheduleRevision?: string;
}

export interface ScheduleRecord {
  name: string;
  every?: number;
  cron?: string;
  tz: string;
  /** JSON text. */
  data: string;
  /** Changes whenever the definition changes, so runs of an older definition do not schedule successors. */
  revision: string;
}

export function schedulesCollection(collection: string): string {
  return `${collection}_schedules`;
}

const jobSchema: Schema = defineSchema({
  name: { type: String, required: true },
  data: { type: String, required: true },
  state: { type: String, required: true, enum: JOB_STATES },
  runAt: { type: Date, required: true },
  attempts: { type: Number, required: true, min: 1 },
  attemptsMade: { type: Number, default: 0, min: 0 },
  backoffType: { type: String, enum: ['fixed', 'exponential'] },
  removeOnComplete: { type: Boolean },
  backoffDelay: { type: Number, min: 0 },
  progress: { type: String, default: '0' },
  result: { type: String },
  failedReason: { type: String },
  startedAt: { type: Date },
  finishedAt: { type: Date },
  stalledCount: { type: Number, default: 0, min: 0 },
  scheduleId: { type: String },
  scheduleRevision: { type: String },
});
// The queries the queue runs: due jobs of a name, the next delayed job, a schedule's pending run, retention.
jobSchema.index({ name: 1, state: 1, runAt: 1 });
jobSchema.index({ state: 1, runAt: 1 });
jobSchema.index({ scheduleId: 1, state: 1 });
jobSchema.index({ state: 1, finishedAt: 1 });

const scheduleSchema: Schema = defineSchema({
  name: { type: String, required: true },
  every: { type: Number, min: 1 },
  cron: { type: String },
  tz: { type: String, required: true },
  data: { type: String, required: true },
  revision: { type: String, required: true },
});

/** The schemas for an inline queue on `collection` (and its schedules), for the store's schema registry. */
export function inlineJobSchemasFor(collection = 'jobs'): SchemaRegistry {
  return { [collection]: jobSchema, [schedulesCollection(collection)]: scheduleSchema };
}
