/** Every segment of the four chains and their services, in the order the demo zone composes them. */
import { BIOTECH_SEGMENTS } from './biotech.js';
import { ICT_SEGMENTS } from './ict.js';
import { ROBOTICS_SEGMENTS } from './robotics.js';
import type { ChainKey, Segment } from './segment.js';
import { SERVICE_SEGMENTS } from './services.js';
import { VEHICLE_SEGMENTS } from './vehicles.js';

export const SEGMENTS: readonly Segment[] = [
  ...ICT_SEGMENTS,
  ...BIOTECH_SEGMENTS,
  ...VEHICLE_SEGMENTS,
  ...ROBOTICS_SEGMENTS,
  ...SERVICE_SEGMENTS,
];

export const CHAIN_LABELS: Readonly<Record<ChainKey, string>> = {
  ict: '新一代信息技术',
  biotech: '生物技术和大健康',
  vehicles: '新能源智能汽车',
  robotics: '机器人和智能制造',
  services: '生产性服务',
};

export type { ChainKey, PostingTemplate, Quantity, Segment } from './segment.js';
