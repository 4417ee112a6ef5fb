/** HTTP routes for /postings. */
import type { AnyRoute } from '../../http/route.js';
import type { Services } from '../services.js';

export function postingRoutes(_services: Services): AnyRoute[] {
  return [];
}
