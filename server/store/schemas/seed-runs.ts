/**
 * One record per dataset loaded by the seeder (`_id` "demo" or "synthetic"): which documents it created, so a
 * store can tell demo data from real data, a reload knows what it may replace, and a failed load can be undone.
 */
import { defineSchema, type SchemaRegistry } from '../schema.js';

export const SEED_RUNS = 'seed_runs';

const seedRuns = defineSchema({
  dataset: { type: String, required: true, enum: ['demo-zone', 'synthetic-zone'] },
  anchor: { type: Date, required: true },
  companyIds: { type: [String], default: [] },
  postingIds: { type: [String], default: [] },
  userIds: { type: [String], default: [] },
  apiKeyIds: { type: [String], default: [] },
});

export const seedRunSchemas: SchemaRegistry = { [SEED_RUNS]: seedRuns };
