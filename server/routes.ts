/**
 * Every /api/v1 operation the product serves, in one list: mounted by the app and described by the OpenAPI
 * document generated from the same list.
 */
import { auditRoutes } from './domain/audit/routes.js';
import { companyRoutes } from './domain/companies/routes.js';
import { importRoutes } from './domain/import/routes.js';
import { industryRoutes } from './domain/industries/routes.js';
import { matchingRoutes } from './domain/matching/routes.js';
import { postingRoutes } from './domain/postings/routes.js';
import type { Services } from './domain/services.js';
import { userRoutes } from './domain/users/routes.js';
import { jobRoutes } from './domain/jobs/routes.js';
import { liveRoutes } from './domain/live/routes.js';
import { outboxRoutes } from './domain/outbox/routes.js';
import { agendaRoutes } from './domain/sessions/agenda-routes.js';
import { sessionRoutes } from './domain/sessions/routes.js';
import { openApiRoutes } from './http/openapi/routes.js';
import type { AnyRoute } from './http/route.js';

export function apiRoutes(services: Services, version: string): AnyRoute[] {
  const routes: AnyRoute[] = [
    ...industryRoutes(),
    ...companyRoutes(services),
    ...postingRoutes(services),
    ...matchingRoutes(services),
    ...userRoutes(services),
    ...importRoutes(services),
    ...auditRoutes(services),
    ...sessionRoutes(services),
    ...agendaRoutes(services),
    ...liveRoutes(services),
    ...outboxRoutes(services),
    ...jobRoutes(services),
  ];
  routes.push(...openApiRoutes(() => routes, version));
  return routes;
}
