/** GET /openapi.json and the /api/docs reference page, generated from the mounted routes. */
import type { AnyRoute } from '../route.js';

export function openApiRoutes(_routes: () => readonly AnyRoute[], _version: string): AnyRoute[] {
  return [];
}
