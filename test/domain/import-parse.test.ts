/**
 * Bulk import without HTTP or store: decoding, CSV reading, column mapping, cell conversion, row validation and
 * the matching plans (with in-memory lookups).
 */
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { HttpProblem } from '../../server/http/problem.js';
import { DuplicateKeyError, StoreUnavailableError } from '../../server/store/port.js';
import { applyPlan, type ImportPlan } from '../../server/domain/import/apply.js';
import { companyCreateSchema } from '../../server/domain/companies/schemas.js';
import { columnLetter, mapColumns, normaliseHeader } from '../../server/domain/import/columns.js';
import { planCompanies } from '../../server/domain/import/companies.js';
import { convertRecord, splitList, toIsoDate, toNumber, toPostingKind } from '../../server/domain/import/convert.js';
import { readCsv } from '../../server/domain/import/csv.js';
import { decodeText } from '../../server/domain/import/decode.js';
import { planPostings, postingImportRowSchema } from '../../server/domain/import/postings.js';
import { readCsvSource, readJsonSource, readSource, MAX_ROWS } from '../../server/domain/import/source.js';
import { validateRows } from '../../server/domain/import/validate-rows.js';
import { creditCode } from './fixtures.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const HEADER = '企业名称,行业代码,统一社会信用代码,员工人数,资质认证,所在园区,官网,企业简介,联系人,联系电话,邮箱';

function utf8(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

function companyLine(n: number, overrides: Partial<Record<'name' | 'industries' | 'code' | 'employees' | 'email', string>> = {}): string {
  const name = overrides.name ?? `亦庄精密制造有限公司${n}`;
  const cells = [
    name,
    overrides.industries ?? 'C3982;C3989',
    overrides.code ?? creditCode(n),
    overrides.employees ?? '"1,200"',
    'ISO 9001、IATF 16949',
    '亦庄新城',
    'https://example.cn',
    '"SMT 贴片, 整机组装"',
    '王经理',
    '010-6785 0000',
    overrides.email ?? 'wang@example.cn',
  ];
  return cells.join(',');
}

function problemOf(fn: () => unknown): HttpProblem {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof HttpProblem, `expected an HttpProblem, got ${String(error)}`);
    return error;
  }
  return assert.fail('expected a problem');
}

describe('Bulk import: reading files', () => {
  describe('decodeText', () => {
    it('When the file starts with a UTF-8 BOM, then it is UTF-8 and the BOM is dropped', () => {
      const decoded = decodeText(Buffer.concat([BOM, utf8('企业名称\n亦庄')]));
      assert.deepEqual(decoded, { text: '企业名称\n亦庄', encoding: 'utf-8' });
    });

    it('When the bytes are valid UTF-8 without a BOM, then they are read as UTF-8', () => {
      assert.deepEqual(decodeText(utf8('名称,标签\n北京,SMT')), { text: '名称,标签\n北京,SMT', encoding: 'utf-8' });
    });

    it('When Excel saved the file as GBK, then it is detected and decoded as GB18030', () => {
      const text = '企业名称,所在园区\n北京亦庄精密制造有限公司,经开区核心区\n';
      const decoded = decodeText(iconv.encode(text, 'gbk'));
      assert.deepEqual(decoded, { text, encoding: 'gb18030' });
    });

    it('When the file uses characters only GB18030 has (four-byte sequences), then they survive', () => {
      const text = '名称\n𠀀科技、€\n';
      assert.deepEqual(decodeText(iconv.encode(text, 'gb18030')), { text, encoding: 'gb18030' });
    });
  });

  describe('readCsv', () => {
    it('When a quoted cell holds line breaks, then it stays one cell and rows keep spreadsheet numbers', () => {
      const table = readCsv('名称,简介\r\n甲,"第一行\n第二行"\r\n乙,"说 ""你好"""\r\n');
      assert.deepEqual(table.header, ['名称', '简介']);
      assert.deepEqual(table.records, [
        { row: 2, cells: ['甲', '第一行\n第二行'] },
        { row: 3, cells: ['乙', '说 "你好"'] },
      ]);
    });

    it('When there are blank lines, then later rows keep the numbers the spreadsheet shows', () => {
      const table = readCsv('名称\n甲\n\n乙\n');
      assert.deepEqual(
        table.records.map((r) => r.row),
        [2, 3, 4],
      );
      assert.deepEqual(table.records[2], { row: 4, cells: ['乙'] });
    });

    it('When a quote is never closed, then the file is refused naming the row', () => {
      const problem = problemOf(() => readCsv('名称,简介\n甲,ok\n乙,"unterminated\n'));
      assert.equal(problem.status, 400);
      assert.match(problem.detail, /row 3/);
    });

    it('When the file is empty, then it is refused for want of a header', () => {
      assert.match(problemOf(() => readCsv('')).detail, /no header/);
      assert.match(problemOf(() => readCsv('\n\n')).detail, /no header/);
    });
  });

  describe('columns', () => {
    it('When headers are Chinese, API names or decorated, then they map to API fields', () => {
      const map = mapColumns('companies', ['企业名称*', 'CreditCode', '员工人数（人）', ' 联系电话 ', 'contacts.1.email', '国民经济行业代码', '名称 (必填)']);
      assert.deepEqual(
        map.targets.map((t) => t?.path.join('.')),
        ['name', 'creditCode', 'employees', 'contacts.0.phone', 'contacts.1.email', 'industries', undefined],
      );
      assert.equal(map.problems.length, 1);
      assert.match(map.problems[0]?.message ?? '', /fills name, as column A already does/);
    });

    it('When a header is unknown, then it is a problem naming the column, never dropped', () => {
      const map = mapColumns('companies', ['企业名称', '企业简介', '行业带码']);
      assert.deepEqual(map.problems, [{ index: 2, header: '行业带码', message: 'unknown column "行业带码" (column C); see the column list of this import', onlyIfFilled: false }]);
    });

    it('When posting headers are Chinese, then they map to posting fields', () => {
      const map = mapColumns('postings', ['企业名称', '统一社会信用代码', '类型', '标题', '描述', '标签', '数量', '单位', '所需资质', '有效期至']);
      assert.deepEqual(
        map.targets.map((t) => t?.path.join('.')),
        ['companyName', 'creditCode', 'kind', 'title', 'description', 'tags', 'quantity.amount', 'quantity.unit', 'certificationsRequired', 'validUntil'],
      );
      assert.equal(map.problems.length, 0);
    });

    it('normalises headers and names spreadsheet columns', () => {
      assert.equal(normaliseHeader('ＣｒｅｄｉｔＣｏｄｅ＊'), 'creditcode');
      assert.deepEqual([0, 25, 26, 27, 701, 702].map(columnLetter), ['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    });
  });

  describe('cell conversion', () => {
    it('When a list cell uses any of ; ； 、 | and commas, then it splits on all of them', () => {
      assert.deepEqual(splitList('ISO 9001；IATF 16949、 RoHS |CE,  3C，UL;;'), ['ISO 9001', 'IATF 16949', 'RoHS', 'CE', '3C', 'UL']);
    });

    it('converts numbers, spreadsheet dates and posting kinds', () => {
      assert.deepEqual(toNumber('1,200'), { ok: true, value: 1200 });
      assert.deepEqual(toNumber('１２ ０００.５'), { ok: true, value: 12000.5 });
      assert.deepEqual(toNumber('约100'), { ok: false, message: 'must be a number ("约100" is not)' });
      assert.deepEqual(toIsoDate('2026/1/5'), { ok: true, value: '2026-01-05' });
      assert.deepEqual(toIsoDate('2026年12月31日'), { ok: true, value: '2026-12-31' });
      assert.deepEqual(toIsoDate('2026-12-31 18:30'), { ok: true, value: '2026-12-31T18:30:00+08:00' });
      assert.deepEqual(toIsoDate('2026-12-31T10:00:00Z'), { ok: true, value: '2026-12-31T10:00:00Z' });
      assert.deepEqual(toPostingKind('需求'), { ok: true, value: 'need' });
      assert.deepEqual(toPostingKind('供给'), { ok: true, value: 'capability' });
      assert.deepEqual(toPostingKind('能力'), { ok: true, value: 'capability' });
      assert.deepEqual(toPostingKind('Capability'), { ok: true, value: 'capability' });
      assert.equal(toPostingKind('出租').ok, false);
    });

    it('When a row is converted, then empty cells are absent and contacts are built from their columns', () => {
      const columns = mapColumns('companies', HEADER.split(','));
      const [record] = readCsv(`${HEADER}\n${companyLine(1, { employees: '' })}\n`).records;
      assert.ok(record);
      const converted = convertRecord(record, columns);
      assert.deepEqual(converted.failures, []);
      assert.deepEqual(converted.value, {
        name: '亦庄精密制造有限公司1',
        industries: ['C3982', 'C3989'],
        creditCode: creditCode(1),
        certifications: ['ISO 9001', 'IATF 16949'],
        park: '亦庄新城',
        website: 'https://example.cn',
        description: 'SMT 贴片, 整机组装',
        contacts: [{ name: '王经理', phone: '010-6785 0000', email: 'wang@example.cn' }],
      });
    });
  });

  describe('rows and validation', () => {
    it('When CSV rows are validated, then failures carry the spreadsheet row and the API field name', () => {
      const csv = [
        HEADER,
        companyLine(1),
        companyLine(2, { code: creditCode(2).slice(0, 17) + (creditCode(2).endsWith('0') ? '1' : '0') }),
        companyLine(3, { email: 'not-an-email', employees: '很多' }),
        companyLine(4, { industries: 'C3982;Z9999' }),
      ].join('\r\n');
      const source = readCsvSource('companies', Buffer.concat([BOM, utf8(csv)]));
      const { valid, failures } = validateRows(source.rows, companyCreateSchema);
      assert.deepEqual(
        valid.map((v) => v.row),
        [2],
      );
      assert.equal(valid[0]?.data.employees, 1200);
      assert.deepEqual(
        failures.map((f) => [f.row, f.field]),
        [
          [3, 'creditCode'],
          [4, 'employees'],
          [4, 'contacts.0.email'],
          [5, 'industries.1'],
        ],
      );
      assert.match(failures[0]?.message ?? '', /check character/);
      assert.match(failures[1]?.message ?? '', /must be a number/);
    });

    it('When a required cell is empty, then the failure says the field is required', () => {
      const source = readCsvSource('companies', utf8(`${HEADER}\n,C3982,,,,,,简介,,,\n`));
      const { failures } = validateRows(source.rows, companyCreateSchema);
      assert.deepEqual(failures, [{ row: 2, field: 'name', message: 'is required' }]);
    });

    it('When a header is unknown, then row 1 fails, and so does every row with data under it', () => {
      const source = readCsvSource('companies', utf8(`名称,行业代码,简介,员工数量\n甲,C3982,简介,\n乙,C3982,简介,30\n`));
      assert.deepEqual(source.headerFailures, [{ row: 1, field: '员工数量', message: 'unknown column "员工数量" (column D); see the column list of this import' }]);
      const { valid, failures } = validateRows(source.rows, companyCreateSchema);
      assert.deepEqual(
        valid.map((v) => v.row),
        [2],
      );
      assert.deepEqual(
        failures.map((f) => [f.row, f.field]),
        [[3, '员工数量']],
      );
    });

    it('When a column has no header, then it matters only if it holds data', () => {
      const empty = readCsvSource('companies', utf8('名称,行业代码,简介,\n甲,C3982,简介,\n'));
      assert.deepEqual(empty.headerFailures, []);
      const filled = readCsvSource('companies', utf8('名称,行业代码,简介,\n甲,C3982,简介,漏掉的\n'));
      assert.equal(filled.headerFailures.length, 1);
      assert.match(filled.headerFailures[0]?.message ?? '', /column D has no header/);
    });

    it('When a cell lies beyond the header, then its row fails instead of losing it', () => {
      const source = readCsvSource('companies', utf8('名称,行业代码,简介\n甲,C3982,简介,多余\n'));
      const { failures } = validateRows(source.rows, companyCreateSchema);
      assert.equal(failures.length, 1);
      assert.match(failures[0]?.message ?? '', /beyond the last header/);
    });

    it('When a GBK file is read, then its rows validate like UTF-8 ones', () => {
      const csv = `${HEADER}\r\n${companyLine(7)}\r\n`;
      const source = readSource('companies', 'csv', iconv.encode(csv, 'gbk'));
      const { valid, failures } = validateRows(source.rows, companyCreateSchema);
      assert.deepEqual(failures, []);
      assert.equal(valid[0]?.data.name, '亦庄精密制造有限公司7');
      assert.equal(valid[0]?.data.park, '亦庄新城');
    });

    it('When a JSON array is read, then rows are numbered index + 1 and unknown fields fail their row', () => {
      const body = utf8(JSON.stringify([{ name: '甲', industries: ['C3982'], description: '简介' }, { name: '乙', industries: ['C3982'], description: '简介', verified: true }, 'text']));
      const source = readJsonSource(body);
      const { valid, failures } = validateRows(source.rows, companyCreateSchema);
      assert.deepEqual(
        valid.map((v) => v.row),
        [1],
      );
      assert.deepEqual(failures, [
        { row: 2, field: 'verified', message: 'unknown field' },
        { row: 3, field: '', message: 'must be an object with the fields of one record' },
      ]);
    });

    it('When JSON is not an array, malformed or carries operator keys, then the file is refused', () => {
      assert.match(problemOf(() => readJsonSource(utf8('{"name":"甲"}'))).detail, /array/);
      assert.equal(problemOf(() => readJsonSource(utf8('[{'))).kind, 'malformed-json');
      const operator = problemOf(() => readJsonSource(utf8('[{"name":"甲"},{"name":{"$gt":""}}]')));
      assert.deepEqual(operator.errors?.map((e) => e.path), ['rows.2.name.$gt']);
    });

    it(`When a file has more than ${MAX_ROWS} rows, then it is refused before validation`, () => {
      const lines = [HEADER, ...Array.from({ length: MAX_ROWS + 1 }, (_, i) => companyLine(i + 1))];
      assert.match(problemOf(() => readCsvSource('companies', utf8(lines.join('\n')))).detail, /at most 10000/);
    });

    it(`When ${MAX_ROWS} rows are read and validated, then it takes well under two seconds`, function () {
      const lines = [HEADER, ...Array.from({ length: MAX_ROWS }, (_, i) => companyLine(i + 1))];
      const body = iconv.encode(lines.join('\r\n'), 'gbk');
      const started = performance.now();
      const source = readSource('companies', 'csv', body);
      const { valid, failures } = validateRows(source.rows, companyCreateSchema);
      const ms = performance.now() - started;
      assert.equal(failures.length, 0);
      assert.equal(valid.length, MAX_ROWS);
      assert.equal(valid[MAX_ROWS - 1]?.row, MAX_ROWS + 1);
      assert.ok(ms < 2000, `took ${Math.round(ms)} ms`);
    });
  });

  describe('matching plans', () => {
    const company = (n: number, extra: Record<string, unknown> = {}) => companyCreateSchema.parse({ name: `公司${n}`, industries: ['C3982'], description: '简介', ...extra });

    it('When rows match by credit code or (without one) by exact name, then they become updates; duplicates fail', async () => {
      const lookups = {
        findIdsByCreditCode: (codes: string[]) => Promise.resolve(new Map(codes.filter((c) => c === creditCode(1)).map((c) => [c, 'id-by-code'] as const))),
        findIdsByName: (names: string[]) => Promise.resolve(new Map(names.filter((n) => n === '公司2').map((n) => [n, 'id-by-name'] as const))),
      };
      const plan = await planCompanies(
        [
          { row: 2, data: company(1, { creditCode: creditCode(1) }) },
          { row: 3, data: company(2) },
          { row: 4, data: company(3) },
          { row: 5, data: company(4, { creditCode: creditCode(1) }) },
          { row: 6, data: company(3) },
          { row: 7, data: company(2, { creditCode: creditCode(9) }) },
        ],
        lookups,
      );
      assert.deepEqual(
        plan.updates.map((u) => [u.row, u.id]),
        [
          [2, 'id-by-code'],
          [3, 'id-by-name'],
        ],
      );
      assert.deepEqual(
        plan.creates.map((c) => c.row),
        [4, 7],
      );
      assert.deepEqual(plan.failures, [
        { row: 5, field: 'creditCode', message: 'row 2 has the same creditCode; a file may name each company once' },
        { row: 6, field: 'name', message: 'row 4 has the same name; a file may name each company once' },
      ]);
    });

    it('When posting rows name companies three ways, then they resolve, must agree and must exist', async () => {
      const idA = 'aaaaaaaaaaaaaaaaaaaaaaaa';
      const idB = 'bbbbbbbbbbbbbbbbbbbbbbbb';
      const companies = {
        missing: (ids: string[]) => Promise.resolve(new Set(ids.filter((id) => id !== idA && id !== idB))),
        findIdsByCreditCode: (codes: string[]) => Promise.resolve(new Map(codes.filter((c) => c === creditCode(1)).map((c) => [c, idA] as const))),
        findIdsByName: (names: string[]) => Promise.resolve(new Map(names.filter((n) => n === '乙公司').map((n) => [n, idB] as const))),
      };
      const postings = {
        findIdsByKey: (keys: { companyId: string; kind: string; title: string }[]) =>
          Promise.resolve(new Map(keys.filter((k) => k.title === '已有').map((k) => [`${k.companyId}|${k.kind}|${k.title}`, 'existing-posting'] as const))),
      };
      const row = (n: number, extra: Record<string, unknown>) => ({ row: n, data: postingImportRowSchema.parse({ kind: 'need', title: `需求${n}`, description: '描述', ...extra }) });
      const plan = await planPostings(
        [
          row(2, { companyId: idA }),
          row(3, { creditCode: creditCode(1) }),
          row(4, { companyName: '乙公司', title: '已有' }),
          row(5, { companyName: '不存在' }),
          row(6, { companyId: idA, companyName: '乙公司' }),
          row(7, {}),
          row(8, { companyId: idA, title: '需求2' }),
          row(9, { companyId: idA, validUntil: '2000-01-01' }),
        ],
        companies,
        postings,
      );
      assert.deepEqual(
        plan.creates.map((c) => [c.row, c.input.companyId]),
        [
          [2, idA],
          [3, idA],
        ],
      );
      assert.ok(plan.creates.every((c) => !('creditCode' in c.input) && !('companyName' in c.input)));
      assert.deepEqual(
        plan.updates.map((u) => [u.row, u.id]),
        [[4, 'existing-posting']],
      );
      assert.ok(!('kind' in (plan.updates[0]?.patch ?? {})));
      assert.deepEqual(
        plan.failures.map((f) => [f.row, f.field]),
        [
          [5, 'companyName'],
          [6, 'companyName'],
          [7, 'companyId'],
          [8, 'title'],
          [9, 'validUntil'],
        ],
      );
    });
  });

  describe('applying a plan', () => {
    type Input = { name: string };
    const plan = (): ImportPlan<Input, Input> => ({
      creates: [
        { row: 2, input: { name: 'a' } },
        { row: 3, input: { name: 'taken' } },
        { row: 5, input: { name: 'c' } },
      ],
      updates: [
        { row: 4, id: 'id-4', patch: { name: 'd' } },
        { row: 6, id: 'gone', patch: { name: 'e' } },
      ],
      failures: [{ row: 7, field: 'name', message: 'is required' }],
    });
    /** createMany refuses any batch holding `taken`, as the store does for a credit code registered meanwhile. */
    function writer() {
      const created: string[] = [];
      const updated: string[] = [];
      return {
        created,
        updated,
        createMany: (inputs: Input[]) => {
          if (inputs.some((i) => i.name === 'taken')) return Promise.reject(new DuplicateKeyError('companies', ['creditCode']));
          created.push(...inputs.map((i) => i.name));
          return Promise.resolve(inputs);
        },
        update: (id: string, patch: Input) => {
          if (id === 'gone') return Promise.reject(new HttpProblem('not-found', 'No company gone.'));
          updated.push(patch.name);
          return Promise.resolve(patch);
        },
      };
    }

    it('When an atomic plan has failures, then nothing is written and the result is a rejection', async () => {
      const w = writer();
      const result = await applyPlan(plan(), { mode: 'atomic', dryRun: false }, w);
      assert.equal(result.rejected, true);
      assert.deepEqual(result.report, { created: 0, updated: 0, failed: [{ row: 7, field: 'name', message: 'is required' }] });
      assert.deepEqual([w.created, w.updated], [[], []]);
    });

    it('When a dry run is asked, then the counts are those of the plan and nothing is written', async () => {
      const w = writer();
      const result = await applyPlan(plan(), { mode: 'rows', dryRun: true }, w);
      assert.deepEqual(result.report, { created: 3, updated: 2, failed: [{ row: 7, field: 'name', message: 'is required' }] });
      assert.deepEqual([w.created, w.updated], [[], []]);
    });

    it('When the batch insert is refused in rows mode, then each new row is retried alone and only the offender fails', async () => {
      const w = writer();
      const result = await applyPlan(plan(), { mode: 'rows', dryRun: false }, w);
      assert.equal(result.rejected, false);
      assert.deepEqual(w.created, ['a', 'c']);
      assert.deepEqual(w.updated, ['d']);
      assert.deepEqual(result.report, {
        created: 2,
        updated: 1,
        failed: [
          { row: 3, field: 'creditCode', message: 'already in use' },
          { row: 6, field: '', message: 'No company gone.' },
          { row: 7, field: 'name', message: 'is required' },
        ],
      });
    });

    it('When the store is unavailable, then the error fails the request instead of becoming row failures', async () => {
      const failing = { createMany: () => Promise.reject(new StoreUnavailableError('down')), update: () => Promise.resolve(undefined) };
      await assert.rejects(applyPlan({ ...plan(), failures: [] }, { mode: 'rows', dryRun: false }, failing), StoreUnavailableError);
    });
  });
});
