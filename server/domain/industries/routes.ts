/** HTTP routes for /industries: the GB/T 4754-2017 taxonomy (国民经济行业分类) that industry fields use. */
import { z } from 'zod';
import {
  ancestors,
  childrenOf,
  listIndustries,
  normaliseIndustryCode,
  searchIndustries,
  type Industry,
} from '../../../matcher/taxonomy/industries.js';
import { HttpProblem } from '../../http/problem.js';
import { route, type AnyRoute } from '../../http/route.js';

const TAGS = ['industries'];
const LEVELS = ['section', 'division', 'group', 'class'] as const;
const LIMIT_MESSAGE = 'must be a whole number from 1 to 100';

export const industrySchema = z
  .strictObject({
    code: z.string().describe('e.g. "C3982"'),
    level: z.enum(LEVELS).describe('section 门类, division 大类, group 中类, class 小类'),
    parent: z.string().nullable(),
    zh: z.string(),
    en: z.string(),
  })
  .meta({ id: 'Industry' });

const industryListSchema = z.strictObject({ items: z.array(industrySchema) }).meta({ id: 'IndustryList' });

const industryDetailSchema = industrySchema
  .extend({
    ancestors: z.array(industrySchema).describe('Enclosing nodes, section first.'),
    children: z.array(industrySchema).describe('Direct sub-industries in code order.'),
  })
  .meta({ id: 'IndustryDetail' });

const listQuery = z.strictObject({
  q: z.string().max(100, 'must be at most 100 characters').optional().describe('Code prefix ("C39", "3982"), Chinese name part or English words.'),
  level: z.enum(LEVELS, 'must be section, division, group or class').optional(),
  limit: z
    .string()
    .regex(/^[0-9]{1,4}$/, LIMIT_MESSAGE)
    .transform(Number)
    .pipe(z.int().min(1, LIMIT_MESSAGE).max(100, LIMIT_MESSAGE))
    .optional()
    .transform((n) => n ?? 20),
});

const codeParams = z.strictObject({ code: z.string().max(16, 'is not a GB/T 4754-2017 code') });

function plain(industry: Industry): z.output<typeof industrySchema> {
  return { code: industry.code, level: industry.level, parent: industry.parent, zh: industry.zh, en: industry.en };
}

export function industryRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/industries',
      operationId: 'listIndustries',
      summary: 'Find GB/T 4754-2017 industry codes',
      description: 'With `q`: best matches first (exact code, code prefix, then names). Without: nodes in code order.',
      tags: TAGS,
      access: 'authenticated',
      query: listQuery,
      responses: {
        200: { description: 'Matching industries.', body: industryListSchema },
        400: { description: 'A parameter is not valid.' },
        401: { description: 'No valid token or API key.' },
      },
      handler: ({ query }, _req, res) => {
        const options = query.level === undefined ? { limit: query.limit } : { limit: query.limit, level: query.level };
        const text = query.q?.normalize('NFC').trim() ?? '';
        const found = text === '' ? listIndustries(query.level).slice(0, query.limit) : searchIndustries(text, options);
        res.json({ items: found.map(plain) });
      },
    }),
    route({
      method: 'get',
      path: '/industries/:code',
      operationId: 'getIndustry',
      summary: 'One industry with its ancestors and children',
      description: 'The code is read leniently ("c3982", "3982" and full-width forms name C3982).',
      tags: TAGS,
      access: 'authenticated',
      params: codeParams,
      responses: {
        200: { description: 'The industry.', body: industryDetailSchema },
        401: { description: 'No valid token or API key.' },
        404: { description: 'Not a GB/T 4754-2017 code.' },
      },
      handler: ({ params }, _req, res) => {
        const code = normaliseIndustryCode(params.code);
        const [self, ...above] = code === undefined ? [] : ancestors(code);
        if (code === undefined || self === undefined) throw new HttpProblem('not-found', `${params.code} is not a GB/T 4754-2017 industry code.`);
        res.json({ ...plain(self), ancestors: above.reverse().map(plain), children: childrenOf(code).map(plain) });
      },
    }),
  ];
}
