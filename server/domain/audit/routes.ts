/** HTTP routes for /audit (bureau only). */
import type { AnyRoute } from '../../http/route.js';
import type { Services } from '../services.js';

export function auditRoutes(_services: Services): AnyRoute[] {
  return [];
}
