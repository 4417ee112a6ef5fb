/** HTTP routes for /companies. */
import type { AnyRoute } from '../../http/route.js';
import type { Services } from '../services.js';

export function companyRoutes(_services: Services): AnyRoute[] {
  return [];
}
