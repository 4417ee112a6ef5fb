/** HTTP routes for /users and /companies/:id/api-keys. */
import type { AnyRoute } from '../../http/route.js';
import type { Services } from '../services.js';

export function userRoutes(_services: Services): AnyRoute[] {
  return [];
}
