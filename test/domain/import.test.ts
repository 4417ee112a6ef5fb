import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { startTestApp, type TestApp } from '../support/app.js';
import { companyKey } from '../support/company-key.js';
import { companyBody, creditCode, daysFromNow } from './fixtures.js';

const COMPANIES = '/api/v1/import/companies';
const POSTINGS = '/api/v1/import/postings';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const HEADER = '企业名称,行业代码,统一社会信用代码,员工人数,资质认证,所在园区,官网,企业简介,联系人,联系电话,邮箱';

/** Credit codes unique to this file, so companies of different tests never collide. */
let serial = 700_000;
function nextCode(): string {
  serial += 1;
  return creditCode(serial);
}

interface Line {
  name: string;
  industries?: string;
  code?: string;
  employees?: string;
  email?: string;
  description?: string;
}

function csvLine(line: Line): string {
  return [
    line.name,
    line.industries ?? 'C3982;C3989',
    line.code ?? '',
    line.employees ?? '"1,200"',
    'ISO 9001、IATF 16949',
    '亦庄新城',
    'https://example.cn',
    `"${line.description ?? 'SMT 贴片，整机组装\n支持小批量'}"`,
    '王经理',
    '010-6785 0000',
    line.email ?? 'wang@example.cn',
  ].join(',');
}

function csv(lines: Line[], header = HEADER): string {
  return [header, ...lines.map(csvLine)].join('\r\n') + '\r\n';
}

function utf8Bom(text: string): Buffer {
  return Buffer.concat([BOM, Buffer.from(text, 'utf8')]);
}

describe('Bulk import (/api/v1/import/companies, /api/v1/import/postings)', () => {
  let app: TestApp;
  let staffToken: string;

  before(async () => {
    app = await startTestApp();
    const staff = await app.as().post('/api/v1/users').send({ name: '招商科员', role: 'staff' }).expect(201);
    staffToken = staff.body.token as string;
  });

  after(async () => {
    await app.stop();
  });

  /** Messages asserted below are the English ones; zh is the default (see the language test). */
  function importAs(token?: string) {
    return { post: (path: string) => app.as(token).post(path).set('Accept-Language', 'en') };
  }

  function postCsv(path: string, body: Buffer | string, token?: string) {
    return importAs(token)
      .post(path)
      .set('Content-Type', 'text/csv')
      .send(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
  }

  async function companyByCode(code: string): Promise<Record<string, unknown> | undefined> {
    const res = await app.as().get('/api/v1/companies').query({ limit: 100 }).expect(200);
    const all = [res.body.items];
    let cursor = res.body.nextCursor as string | null;
    while (cursor) {
      const page = await app.as().get('/api/v1/companies').query({ limit: 100, cursor }).expect(200);
      all.push(page.body.items);
      cursor = page.body.nextCursor as string | null;
    }
    const companies = all.flat() as Record<string, unknown>[];
    return companies.find((c) => c.creditCode === code);
  }

  describe('companies', () => {
    it('When the bureau uploads a UTF-8 CSV with BOM, then every row is created with converted fields', async () => {
      const codes = [nextCode(), nextCode()];
      const res = await postCsv(COMPANIES, utf8Bom(csv([{ name: '亦庄光电科技有限公司', code: codes[0] }, { name: '亦庄半导体设备有限公司', code: codes[1], employees: '' }])));
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(res.body, { created: 2, updated: 0, failed: [] });

      const company = await companyByCode(codes[0] as string);
      assert.ok(company, 'the imported company is listed');
      assert.equal(company.name, '亦庄光电科技有限公司');
      assert.deepEqual(company.industries, ['C3982', 'C3989']);
      assert.equal(company.employees, 1200);
      assert.deepEqual(company.certifications, ['ISO 9001', 'IATF 16949']);
      assert.equal(company.description, 'SMT 贴片，整机组装\n支持小批量');
      assert.deepEqual(company.contacts, [{ name: '王经理', phone: '010-6785 0000', email: 'wang@example.cn' }]);
      assert.equal((await companyByCode(codes[1] as string))?.employees, undefined);
    });

    it('When Excel saved the CSV as GBK, then the Chinese text arrives intact', async () => {
      const code = nextCode();
      const res = await postCsv(COMPANIES, iconv.encode(csv([{ name: '北京经开区精密模具有限公司', code, description: '模具设计、注塑成型' }]), 'gbk'));
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(res.body, { created: 1, updated: 0, failed: [] });
      const company = await companyByCode(code);
      assert.equal(company?.name, '北京经开区精密模具有限公司');
      assert.equal(company?.description, '模具设计、注塑成型');
      assert.equal(company?.park, '亦庄新城');
    });

    it('When a row is invalid in atomic mode, then nothing is written and the 400 names rows, fields and carries the report', async () => {
      const good = nextCode();
      const bad = nextCode();
      const broken = bad.slice(0, 17) + (bad.endsWith('0') ? '1' : '0');
      const res = await postCsv(COMPANIES, csv([{ name: '原子导入甲', code: good }, { name: '原子导入乙', code: broken }, { name: '原子导入丙', email: 'nobody' }]));
      assert.equal(res.status, 400);
      assert.match(res.headers['content-type'] ?? '', /application\/problem\+json/);
      assert.equal(res.body.status, 400);
      assert.match(res.body.detail, /nothing was imported/);
      assert.deepEqual(
        res.body.errors.map((e: { path: string }) => e.path),
        ['rows.3.creditCode', 'rows.4.contacts.0.email'],
      );
      assert.equal(res.body.report.created, 0);
      assert.equal(res.body.report.updated, 0);
      assert.deepEqual(
        res.body.report.failed.map((f: { row: number; field: string }) => [f.row, f.field]),
        [
          [3, 'creditCode'],
          [4, 'contacts.0.email'],
        ],
      );
      assert.equal(await companyByCode(good), undefined, 'the valid row was not written');
    });

    it('When a header is misspelt in atomic mode, then the 400 names the column and nothing is written', async () => {
      const code = nextCode();
      const header = HEADER.replace('员工人数', '员工人树');
      const res = await postCsv(COMPANIES, csv([{ name: '表头错误公司', code }], header));
      assert.equal(res.status, 400);
      assert.deepEqual(res.body.errors[0], { path: 'rows.1.员工人树', message: 'unknown column "员工人树" (column D); see the column list of this import' });
      assert.equal(await companyByCode(code), undefined);
    });

    it('When mode=rows, then valid rows are written and invalid ones reported with their spreadsheet rows', async () => {
      const [a, b] = [nextCode(), nextCode()];
      const res = await postCsv(`${COMPANIES}?mode=rows`, csv([{ name: '逐行导入甲', code: a }, { name: '逐行导入乙', industries: 'X0000' }, { name: '逐行导入丙', code: b, employees: '很多' }]));
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.created, 1);
      assert.equal(res.body.updated, 0);
      assert.deepEqual(
        res.body.failed.map((f: { row: number; field: string }) => [f.row, f.field]),
        [
          [3, 'industries.0'],
          [4, 'employees'],
        ],
      );
      assert.ok(await companyByCode(a));
      assert.equal(await companyByCode(b), undefined);
    });

    it('When dryRun=true, then the report says what would happen and nothing is written', async () => {
      const code = nextCode();
      const res = await postCsv(`${COMPANIES}?dryRun=true`, csv([{ name: '试运行公司', code }]));
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, { created: 1, updated: 0, failed: [] });
      assert.equal(await companyByCode(code), undefined);
    });

    it('When the client does not prefer English, then the refusal and the report read in Chinese', async () => {
      const res = await app.as().post(COMPANIES).set('Content-Type', 'text/csv').send(Buffer.from(csv([{ name: '', code: nextCode() }])));
      assert.equal(res.status, 400);
      assert.equal(res.body.title, '请求内容不符合要求');
      assert.match(res.body.detail, /未导入任何数据/);
      assert.equal(res.body.report.failed[0].field, 'name');
      assert.equal(res.body.report.failed[0].message, '必填字段');
      assert.match(res.headers.vary ?? '', /Accept-Language/);
    });

    it('When rows match existing companies by credit code or by exact name, then those are updated, with an audit entry', async () => {
      const code = nextCode();
      await postCsv(COMPANIES, csv([{ name: '更新前名称', code }])).expect(200);
      const before = await companyByCode(code);
      const byName = await app.as().post('/api/v1/companies').send(companyBody({ name: '按名称匹配公司' })).expect(201);

      const res = await postCsv(COMPANIES, csv([{ name: '更新后名称', code, employees: '350' }, { name: '按名称匹配公司', employees: '88' }]));
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(res.body, { created: 0, updated: 2, failed: [] });

      const updated = await companyByCode(code);
      assert.equal(updated?.name, '更新后名称');
      assert.equal(updated?.employees, 350);
      assert.equal(updated?.id, before?.id);
      assert.equal(updated?.version, (before?.version as number) + 1);
      const named = await app.as().get(`/api/v1/companies/${byName.body.id}`).expect(200);
      assert.equal(named.body.employees, 88);

      const history = await app.as().get(`/api/v1/companies/${updated?.id as string}/history`).expect(200);
      assert.deepEqual(
        history.body.items.map((e: { action: string }) => e.action),
        ['create', 'update'],
      );
    });

    it('When two rows name the same company, then the later row fails and names the earlier one', async () => {
      const code = nextCode();
      const res = await postCsv(`${COMPANIES}?mode=rows`, csv([{ name: '重复甲', code }, { name: '重复乙', code }]));
      assert.equal(res.status, 200);
      assert.equal(res.body.created, 1);
      assert.deepEqual(res.body.failed, [{ row: 3, field: 'creditCode', message: 'row 2 has the same creditCode; a file may name each company once' }]);
    });

    it('When the body is a JSON array, then rows are numbered by index + 1', async () => {
      const code = nextCode();
      const rows = [companyBody({ creditCode: code }), companyBody({ website: 'ftp://example.cn' })];
      const res = await importAs().post(`${COMPANIES}?mode=rows`).send(rows);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.created, 1);
      assert.deepEqual(res.body.failed, [{ row: 2, field: 'website', message: 'must be an http(s) URL' }]);
    });

    it('When staff import, then it is allowed; a company key or no token is refused before the body is read', async () => {
      await postCsv(`${COMPANIES}?dryRun=1`, csv([{ name: '科员导入公司' }]), staffToken).expect(200);
      const company = await app.as().post('/api/v1/companies').send(companyBody()).expect(201);
      const key = await companyKey(app, company.body.id as string);
      const forbidden = await postCsv(COMPANIES, csv([{ name: '企业自导入' }]), key);
      assert.equal(forbidden.status, 403);
      await app.anonymous.post(COMPANIES).set('Content-Type', 'text/csv').send(csv([{ name: '匿名' }])).expect(401);
    });

    it('When the content type or query is wrong, then it is a 400 naming it', async () => {
      const wrongType = await importAs().post(COMPANIES).set('Content-Type', 'text/plain').send('名称\n甲\n');
      assert.equal(wrongType.status, 400);
      assert.deepEqual(wrongType.body.errors, [{ path: 'body', message: 'unsupported content type' }]);
      const wrongMode = await postCsv(`${COMPANIES}?mode=some`, csv([{ name: '甲' }]));
      assert.equal(wrongMode.status, 400);
      assert.equal(wrongMode.body.errors[0].path, 'query.mode');
      const notArray = await importAs().post(COMPANIES).send({ name: '甲' });
      assert.equal(notArray.status, 400);
      assert.deepEqual(notArray.body.errors, [{ path: 'body', message: 'must be an array' }]);
    });

    it('When a JSON row carries an operator key, then the file is refused although the app-wide guard ran before', async () => {
      const res = await importAs().post(COMPANIES).send([companyBody({ name: { $gt: '' } })]);
      assert.equal(res.status, 400);
      assert.deepEqual(
        res.body.errors.map((e: { path: string }) => e.path),
        ['rows.1.name.$gt'],
      );
    });

    it('When other routes receive JSON, then the app-wide 1 MB limit still applies to them', async () => {
      const big = companyBody({ description: 'x'.repeat(1_100_000) });
      const res = await app.as().post('/api/v1/companies').send(big);
      assert.equal(res.status, 413);
    });

    it('When the body exceeds 20 MB, then it is a 413', async () => {
      const res = await postCsv(COMPANIES, Buffer.alloc(21 * 1024 * 1024, 0x41));
      assert.equal(res.status, 413);
    });

    it('When 10,000 company rows arrive in one call (over 1 MB), then all are created within a few seconds', async function () {
      this.timeout(90_000);
      const lines: Line[] = Array.from({ length: 10_000 }, (_, i) => ({ name: `批量导入企业${i}`, code: nextCode() }));
      const body = csv(lines);
      assert.ok(Buffer.byteLength(body) > 1024 * 1024, 'the file is bigger than the app-wide JSON limit');
      const started = performance.now();
      const res = await postCsv(COMPANIES, body);
      const ms = performance.now() - started;
      assert.equal(res.status, 200, JSON.stringify(res.body).slice(0, 500));
      assert.deepEqual(res.body, { created: 10_000, updated: 0, failed: [] });
      console.log(`      10,000 company rows imported in ${Math.round(ms)} ms`);
      // Generous: shared CI machines vary; bench/import.bench.ts gives the real figures.
      assert.ok(ms < 40_000, `took ${Math.round(ms)} ms`);
    });
  });

  describe('postings', () => {
    let companyId: string;
    let code: string;
    const companyName = '亦庄供需测试企业';

    before(async () => {
      code = nextCode();
      const res = await app.as().post('/api/v1/companies').send(companyBody({ name: companyName, creditCode: code })).expect(201);
      companyId = res.body.id as string;
    });

    const header = '企业名称,统一社会信用代码,类型,标题,描述,标签,行业代码,数量,单位,所需资质,有效期至';

    it('When postings name their company by name or credit code, then they are created with converted fields', async () => {
      const until = daysFromNow(30).slice(0, 10).replaceAll('-', '/');
      const body = [header, `${companyName},,需求,采购 PCB 贴片加工,月需 50 万点,"SMT；贴片",C3982,500000,点,ISO 9001,${until}`, `,${code},供给,整机组装产能,可承接整机组装,组装,C3982,,,,`].join('\n');
      const res = await postCsv(POSTINGS, iconv.encode(body, 'gbk'));
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(res.body, { created: 2, updated: 0, failed: [] });

      const list = await app.as().get('/api/v1/postings').query({ companyId }).expect(200);
      const need = list.body.items.find((p: { title: string }) => p.title === '采购 PCB 贴片加工');
      assert.equal(need.kind, 'need');
      assert.deepEqual(need.tags, ['SMT', '贴片']);
      assert.deepEqual(need.quantity, { amount: 500000, unit: '点' });
      assert.deepEqual(need.certificationsRequired, ['ISO 9001']);
      assert.equal(need.validUntil.slice(0, 10), until.replaceAll('/', '-'));
      const capability = list.body.items.find((p: { title: string }) => p.title === '整机组装产能');
      assert.equal(capability.kind, 'capability');
    });

    it('When a posting row matches company, kind and title, then it updates that posting', async () => {
      const body = [header, `${companyName},,需求,采购 PCB 贴片加工,月需 80 万点,SMT,C3982,800000,点,,`].join('\n');
      const res = await postCsv(POSTINGS, body);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(res.body, { created: 0, updated: 1, failed: [] });
      const list = await app.as().get('/api/v1/postings').query({ companyId, kind: 'need' }).expect(200);
      const need = list.body.items.filter((p: { title: string }) => p.title === '采购 PCB 贴片加工');
      assert.equal(need.length, 1);
      assert.equal(need[0].description, '月需 80 万点');
      assert.deepEqual(need[0].quantity, { amount: 800000, unit: '点' });
    });

    it('When a posting row names an unknown company, a bad kind or a past date, then it fails in its row', async () => {
      const body = [
        header,
        `不存在的企业,,需求,找不到企业的需求,描述,,,,,,`,
        `${companyName},,出租,类型错误,描述,,,,,,`,
        `${companyName},,需求,过期需求,描述,,,,,,2020-01-01`,
        `${companyName},,能力,有效的能力,描述,,,,,,`,
      ].join('\n');
      const res = await postCsv(`${POSTINGS}?mode=rows`, body);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.created, 1);
      assert.deepEqual(
        res.body.failed.map((f: { row: number; field: string }) => [f.row, f.field]),
        [
          [2, 'companyName'],
          [3, 'kind'],
          [4, 'validUntil'],
        ],
      );
    });

    it('When postings come as JSON with companyId, then they are created; atomic failures write nothing', async () => {
      const ok = await importAs().post(POSTINGS).send([{ companyId, kind: 'capability', title: 'JSON 导入的能力', description: '描述' }]);
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.deepEqual(ok.body, { created: 1, updated: 0, failed: [] });

      const refused = await importAs().post(POSTINGS).send([
        { companyId, kind: 'capability', title: '不应写入', description: '描述' },
        { companyId: 'ffffffffffffffffffffffff', kind: 'need', title: '未知企业', description: '描述' },
      ]);
      assert.equal(refused.status, 400);
      assert.deepEqual(refused.body.errors, [{ path: 'rows.2.companyId', message: 'names no company' }]);
      const list = await app.as().get('/api/v1/postings').query({ companyId, q: '不应写入' }).expect(200);
      assert.equal(list.body.items.length, 0);
    });
  });
});
