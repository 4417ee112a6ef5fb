/** HTTP routes for /industries (the GB/T 4754-2017 taxonomy). */
import type { AnyRoute } from '../../http/route.js';

export function industryRoutes(): AnyRoute[] {
  return [];
}
