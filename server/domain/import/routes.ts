/** HTTP routes for /import/companies and /import/postings (bureau only). */
import type { AnyRoute } from '../../http/route.js';
import type { Services } from '../services.js';

export function importRoutes(_services: Services): AnyRoute[] {
  return [];
}
