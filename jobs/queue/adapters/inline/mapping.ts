/** Stored job → the port's JobInfo. */
import type { Stored } from '../../../../server/store/port.js';
import type { JobInfo } from '../../port.js';
import { asProgress } from '../shared/rules.js';
import type { JobRecord } from './schema.js';

export function toJobInfo(doc: Stored<JobRecord>): JobInfo {
  const info: JobInfo = {
    id: doc._id,
    name: doc.name,
    data: JSON.parse(doc.data) as unknown,
    state: doc.state,
    progress: asProgress(JSON.parse(doc.progress) as unknown),
    attemptsMade: doc.attemptsMade,
    createdAt: new Date(doc.createdAt),
  };
  if (doc.state === 'completed' && doc.result !== undefined) {
    const result = JSON.parse(doc.result) as unknown;
    if (result !== null) info.result = result;
  }
  if (doc.failedReason) info.failedReason = doc.failedReason;
  if (doc.finishedAt) info.finishedAt = new Date(doc.finishedAt);
  return info;
}
