/**
 * HTTP routes for /import/companies and /import/postings (bureau only). The body is a CSV file (UTF-8 with or
 * without BOM, or Excel's GBK/GB18030) or a JSON array of records, up to 20 MB and 10,000 rows; see the README
 * section "Bulk import" for columns, modes and row numbering.
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import { principalOf, type Principal } from '../../http/auth.js';
import { translate, type Language } from '../../http/messages.js';
import { HttpProblem, preferredLanguage, sendProblem } from '../../http/problem.js';
import { route, type AnyRoute } from '../../http/route.js';
import { BUREAU_ROLES } from '../companies/access.js';
import { companyCreateSchema } from '../companies/schemas.js';
import type { Services } from '../services.js';
import type { ImportOptions, ImportResult } from './apply.js';
import type { ImportEntity } from './columns.js';
import { postingImportRowSchema } from './postings.js';
import { failedRows, failuresToProblems, importReportSchema, type ImportReport } from './report.js';
import { ImportService } from './service.js';
import { MAX_ROWS, readSource, type ImportFormat, type SourceRows } from './source.js';

const TAGS = ['import'];
const CONTENT_TYPES = ['text/csv', 'application/json'];
export const IMPORT_BODY_LIMIT = '20mb';

const flag = z
  .enum(['true', 'false', '1', '0'], 'must be true or false')
  .optional()
  .transform((v) => v === 'true' || v === '1');

const importQuery = z.strictObject({
  mode: z
    .enum(['atomic', 'rows'], 'must be atomic or rows')
    .default('atomic')
    .describe('atomic (default): any failing row rejects the whole file and nothing is written. rows: valid rows are written, failing rows reported.'),
  dryRun: flag.describe('true: validate and match, report what would happen, write nothing.'),
});

const MODES_TEXT =
  `Modes (query \`mode\`): \`atomic\` (default) validates every row first; if any row fails nothing is written and the answer is a 400 ` +
  'problem whose `errors` name `rows.<row>.<field>` and whose `report` member holds the report; otherwise new records are created ' +
  'all-or-nothing and matched ones updated, 200 with the report. `rows` writes the valid rows and reports the others (200). ' +
  '`dryRun=true` reports without writing. Rows are numbered as in the spreadsheet (header = row 1, first data row = 2); ' +
  `JSON rows by array index + 1. At most ${MAX_ROWS} rows per call.`;

const responses = {
  200: { description: 'Imported (or, with dryRun, checked); the report lists rows not imported.', body: importReportSchema },
  400: {
    description:
      'The file cannot be read (encoding, CSV syntax, not a JSON array, too many rows), a query parameter is not valid, or — atomic ' +
      'mode — a row or column failed: problem+json with `errors[].path` = `rows.<row>.<field>` and the report as `report`.',
  },
  401: { description: 'No valid token.' },
  403: { description: 'Only the bureau (admin, staff) imports.' },
  413: { description: 'The body exceeds 20 MB.' },
};

export function importRoutes(services: Services): AnyRoute[] {
  const importer = new ImportService(services.companies, services.postings);
  type Importer = (actor: Principal, source: SourceRows, options: ImportOptions) => Promise<ImportResult>;
  /** The handler shared by both routes: read the body as its content type says, import, answer. */
  const run =
    (entity: ImportEntity, importRows: Importer) =>
    async ({ query }: { query: ImportOptions }, req: Request, res: Response): Promise<void> => {
      const source = readSource(entity, formatOf(req), bodyOf(req));
      sendResult(req, res, await importRows(principalOf(res), source, query));
    };
  return [
    route({
      method: 'post',
      path: '/import/companies',
      operationId: 'importCompanies',
      summary: 'Import companies from CSV or JSON',
      description:
        'Creates companies, or updates the one with the same `creditCode` (else the same exact name). CSV columns: API field names ' +
        'or 企业名称/名称, 行业代码/国民经济行业代码, 统一社会信用代码, 员工人数/人数, 资质认证/认证, 园区/所在园区, 网址/官网, 简介/企业简介, ' +
        '联系人, 联系电话, 邮箱 (first contact; `contacts.<n>.<name|phone|email>` for more). List cells split on ; ； 、 | and commas. ' +
        MODES_TEXT,
      tags: TAGS,
      access: [...BUREAU_ROLES],
      query: importQuery,
      body: z.array(companyCreateSchema).max(MAX_ROWS),
      rawBody: { contentTypes: CONTENT_TYPES, description: 'CSV with a header row (UTF-8, UTF-8 with BOM, or GBK/GB18030), or a JSON array of company records.', limit: IMPORT_BODY_LIMIT },
      responses,
      handler: run('companies', (actor, source, options) => importer.importCompanies(actor, source, options)),
    }),
    route({
      method: 'post',
      path: '/import/postings',
      operationId: 'importPostings',
      summary: 'Import postings (needs and capabilities) from CSV or JSON',
      description:
        'Each row names its company by `companyId`, `creditCode` or `companyName`; it updates that company’s posting with the same ' +
        'kind and title, else creates one. CSV columns: API field names or 企业名称, 统一社会信用代码, 类型 (需求 → need; 供给/能力 → ' +
        'capability), 标题, 描述, 标签, 行业代码, 数量, 单位, 所需资质, 有效期至 (2026-12-31, 2026/12/31 or 2026年12月31日). ' +
        MODES_TEXT,
      tags: TAGS,
      access: [...BUREAU_ROLES],
      query: importQuery,
      body: z.array(postingImportRowSchema).max(MAX_ROWS),
      rawBody: { contentTypes: CONTENT_TYPES, description: 'CSV with a header row (UTF-8, UTF-8 with BOM, or GBK/GB18030), or a JSON array of posting records.', limit: IMPORT_BODY_LIMIT },
      responses,
      handler: run('postings', (actor, source, options) => importer.importPostings(actor, source, options)),
    }),
  ];
}

function formatOf(req: Request): ImportFormat {
  if (req.is('text/csv')) return 'csv';
  if (req.is('application/json')) return 'json';
  throw new HttpProblem('validation', 'Send the file as text/csv or application/json.', [{ path: 'body', message: 'unsupported content type' }]);
}

/** The raw body; a request without one reads as an empty file (which the CSV reader rejects with a reason). */
function bodyOf(req: Request): Buffer {
  return Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
}

/**
 * Report messages are written in English and translated like problem messages (zh unless the client prefers
 * English), since the same people read both. A refused atomic import is the usual validation problem plus the
 * report as the extension member `report` (RFC 9457 §3.2), so a client can show the same table whichever mode it
 * used; its `errors` are translated by sendProblem, the report here.
 */
function sendResult(req: Request, res: Response, result: ImportResult): void {
  const report = inLanguage(result.report, preferredLanguage(req));
  if (result.rejected) {
    sendProblem(req, res, new HttpProblem('validation', rejectedDetail(result.report), failuresToProblems(result.report.failed), undefined, { report }));
    return;
  }
  res.vary('Accept-Language');
  res.status(200).json(report);
}

function inLanguage(report: ImportReport, language: Language): ImportReport {
  return { ...report, failed: report.failed.map((f) => ({ ...f, message: translate(f.message, language) })) };
}

/** The detail of a refused atomic import (translated through the catalogue like every other detail). */
function rejectedDetail(report: ImportReport): string {
  const rows = failedRows(report.failed).size;
  return `${report.failed.length} problem(s) in ${rows} row(s); nothing was imported. Fix them, or send ?mode=rows to import the valid rows.`;
}
