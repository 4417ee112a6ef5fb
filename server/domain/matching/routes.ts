/** HTTP routes of the matcher: matches of a posting, partners of a company, full-text search. */
import { z } from 'zod';
import { principalOf } from '../../http/auth.js';
import { preferredLanguage } from '../../http/problem.js';
import { route, type AnyRoute } from '../../http/route.js';
import { COMPANY_ROUTE_ROLES } from '../companies/access.js';
import { industryCode } from '../industries/codes.js';
import { POSTING_KINDS } from '../postings/schemas.js';
import type { Services } from '../services.js';
import { objectId } from '../text.js';

const TAGS = ['matching'];
const idParams = z.strictObject({ id: objectId });

/** `?limit=` of ranked lists: 1..50, default 10. */
function rankLimit(defaultLimit: number) {
  const message = 'must be a whole number from 1 to 50';
  return z
    .string()
    .regex(/^[0-9]{1,3}$/, message)
    .transform(Number)
    .pipe(z.int().min(1, message).max(50, message))
    .optional()
    .transform((n) => n ?? defaultLimit);
}

/** Short free-text filter values (park names, certifications): NFC, trimmed, at most 60 characters. */
const label = z
  .string()
  .max(60, 'must be at most 60 characters')
  .transform((s) => s.normalize('NFC').trim())
  .pipe(z.string().min(1, 'must not be empty'))
  .optional();

const matchesQuery = z.strictObject({
  limit: rankLimit(10),
  park: label.describe('Only companies in this park (e.g. 路东区).'),
  certification: label.describe('Only companies holding this certification (e.g. ISO 13485).'),
});

const partnersQuery = z.strictObject({
  direction: z
    .enum(['upstream', 'downstream', 'any'], 'must be upstream, downstream or any')
    .optional()
    .transform((d) => d ?? 'any')
    .describe('upstream: suppliers of the company; downstream: its buyers; any: both (default).'),
  limit: rankLimit(10),
});

const searchQuery = z.strictObject({
  q: z
    .string()
    .max(200, 'must be at most 200 characters')
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(1, 'must not be empty'))
    .describe('Words to find; Chinese or English, traditional or simplified, synonyms included.'),
  kind: z.enum(POSTING_KINDS, 'must be "need" or "capability"').optional().describe('Only postings of this kind.'),
  type: z.enum(['company', 'posting'], 'must be "company" or "posting"').optional().describe('Only companies or only postings.'),
  industry: industryCode.optional().describe('GB/T 4754-2017 code; also matches its sub-industries.'),
  limit: rankLimit(20),
});

const reasonSchema = z.strictObject({
  code: z.enum(['text', 'role', 'chain', 'industry', 'certification', 'park', 'quantity', 'size', 'fresh', 'competitor']),
  text: z.string().describe('In the language of Accept-Language (Chinese by default).'),
});

const matchItemSchema = z
  .strictObject({
    company: z.strictObject({ id: z.string(), name: z.string() }),
    posting: z.strictObject({ id: z.string(), kind: z.enum(POSTING_KINDS), title: z.string() }).optional().describe('The company’s posting that fits best, if one does.'),
    score: z.number().min(0).max(1),
    reasons: z.array(reasonSchema),
  })
  .meta({ id: 'Match' });

const matchListSchema = z.strictObject({ items: z.array(matchItemSchema) }).meta({ id: 'MatchList' });

const searchItemSchema = z
  .strictObject({
    type: z.enum(['company', 'posting']),
    id: z.string(),
    companyId: z.string(),
    kind: z.enum(POSTING_KINDS).optional(),
    title: z.string(),
    score: z.number().min(0).max(1),
    highlights: z
      .strictObject({ title: z.string(), description: z.string() })
      .describe('HTML-escaped text with matched words in <mark>; the description is a snippet around the first match.'),
  })
  .meta({ id: 'SearchHit' });

const searchResultSchema = z.strictObject({ items: z.array(searchItemSchema), total: z.int() }).meta({ id: 'SearchResult' });

const common = {
  400: { description: 'A parameter is not valid (problem+json with `errors[].path`).' },
  401: { description: 'No valid token or API key.' },
};

export function matchingRoutes(services: Services): AnyRoute[] {
  const { matching } = services;
  return [
    route({
      method: 'get',
      path: '/postings/:id/matches',
      operationId: 'matchPosting',
      summary: 'Ranked partners for a posting',
      description:
        'A need is matched against capabilities and company profiles (suppliers); a capability, or a need for customers, against needs and profiles (buyers). The requesting company never appears; each company at most once, with its best posting. Companies lacking a certification the need requires come after every company holding them, with a reason saying which (缺少 … / Lacks …). Fewer than `limit` items when fewer companies really fit.',
      tags: TAGS,
      access: [...COMPANY_ROUTE_ROLES],
      params: idParams,
      query: matchesQuery,
      responses: {
        200: { description: 'Best first.', body: matchListSchema },
        ...common,
        404: { description: 'No such posting, or another company’s posting that is not open.' },
      },
      handler: async ({ params, query }, req, res) => {
        res.vary('Accept-Language');
        res.json(await matching.matches(principalOf(res), params.id, query, preferredLanguage(req)));
      },
    }),
    route({
      method: 'get',
      path: '/companies/:id/partners',
      operationId: 'companyPartners',
      summary: 'Upstream suppliers and downstream buyers of a company',
      description: 'From the company’s open postings and its place in the industry chain. Company keys may ask for their own company only.',
      tags: TAGS,
      access: [...COMPANY_ROUTE_ROLES],
      params: idParams,
      query: partnersQuery,
      responses: {
        200: { description: 'Best first.', body: matchListSchema },
        ...common,
        403: { description: 'A company key asking about another company.' },
        404: { description: 'No such company.' },
      },
      handler: async ({ params, query }, req, res) => {
        res.vary('Accept-Language');
        res.json(await matching.partners(principalOf(res), params.id, query, preferredLanguage(req)));
      },
    }),
    route({
      method: 'get',
      path: '/search',
      operationId: 'search',
      summary: 'Full-text search over companies and open postings',
      tags: TAGS,
      access: [...COMPANY_ROUTE_ROLES],
      query: searchQuery,
      responses: { 200: { description: 'Best first, with highlights.', body: searchResultSchema }, ...common },
      handler: async ({ query }, _req, res) => {
        res.json(await matching.search(query));
      },
    }),
  ];
}
