export { createMeiliIndex, type MeiliIndexOptions } from './meili-index.js';
export { buildMeiliFilter, quoteFilterValue } from './filter.js';
export { toMeiliSettings, cjkAttributes } from './settings.js';
