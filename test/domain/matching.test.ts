import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/app.js';
import { companyKey } from '../support/company-key.js';
import { createCompany, createPosting, errorPaths } from './fixtures.js';

interface MatchBody {
  items: { company: { id: string; name: string }; posting?: { id: string; kind: string; title: string }; score: number; reasons: { code: string; text: string }[] }[];
}

/** Polls `check` until it holds or `ms` pass; returns the time it took. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > ms) assert.fail(`not true within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('matching API', () => {
  let app: TestApp;
  let ems: string;
  let vision: string;
  let agv: string;
  let carWash: string;
  let rivalEms: string;
  let server: string;
  let keyEms: string;
  let keyServer: string;
  let automationNeed: string;
  let smtCapability: string;
  let serverNeed: string;

  const matchesOf = async (postingId: string, query = '', lang = 'zh'): Promise<MatchBody> => {
    const res = await app.as().get(`/api/v1/postings/${postingId}/matches${query}`).set('Accept-Language', lang);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body as MatchBody;
  };
  const companiesIn = (body: MatchBody): string[] => body.items.map((i) => i.company.id);

  before(async () => {
    app = await startTestApp();
    ems = await createCompany(app, {
      name: '京联智造电子',
      industries: ['C3982'],
      description: '从事PCBA电子制造服务（EMS），拥有12条SMT贴片线，提供贴片、插件与整机组装代工。',
      park: '路东区',
      employees: 680,
    });
    vision = await createCompany(app, {
      name: '京瞳视觉',
      industries: ['C3983'],
      description: '工业相机与机器视觉检测系统，AOI缺陷检测、尺寸测量和读码，服务电子与汽车零部件工厂。',
      park: '路东区',
      certifications: ['ISO 9001'],
    });
    agv = await createCompany(app, {
      name: '联驰智能',
      industries: ['C3499'],
      description: '产线自动化改造与AGV/AMR物料配送系统集成，为电子工厂做整线自动化方案。',
      park: '核心区',
    });
    carWash = await createCompany(app, {
      name: '亦庄车美洗车店',
      industries: ['O80'],
      description: '新能源汽车精洗、镀晶和内饰清洁，为园区企业员工车辆提供上门洗车。',
      park: '路东区',
    });
    rivalEms = await createCompany(app, {
      name: '星联电子',
      industries: ['C3982'],
      description: 'SMT贴片与PCBA代工，8条贴片线。',
      park: '路东区',
    });
    server = await createCompany(app, {
      name: '星河算力',
      industries: ['C3912'],
      description: '服务器整机与主板研发制造，面向数据中心和智算中心。',
      park: '核心区',
    });
    keyEms = await companyKey(app, ems);
    keyServer = await companyKey(app, server);

    automationNeed = (
      await createPosting(app, {
        companyId: ems,
        kind: 'need',
        title: 'SMT产线自动化改造：AOI视觉检测与AGV物料配送',
        description: '计划对插件和测试工序做自动化改造，引入机器视觉AOI检测，用AGV打通仓库到线边的物料配送。',
        tags: ['自动化', '机器视觉', 'AGV'],
        industries: ['C3499', 'C3983'],
      })
    ).id;
    smtCapability = (
      await createPosting(app, {
        companyId: ems,
        kind: 'capability',
        title: 'PCBA贴片加工与整机组装代工',
        description: '12条高速SMT线，支持来料加工和代工代料，工业、车规和医疗产品分线生产。',
        tags: ['SMT', 'PCBA', '代工'],
        industries: ['C3982'],
      })
    ).id;
    await createPosting(app, { companyId: vision, kind: 'capability', title: '电子行业AOI视觉检测设备', description: '在线AOI、锡膏检测和读码工作站。', tags: ['AOI', '机器视觉'], industries: ['C3983'] });
    await createPosting(app, { companyId: agv, kind: 'capability', title: 'AGV物料配送与产线自动化整线方案', description: '仓库到线边的AMR配送，含调度系统。', tags: ['AGV', '自动化改造'], industries: ['C3499'] });
    await createPosting(app, { companyId: carWash, kind: 'capability', title: '新能源汽车精洗与镀晶', description: '上门洗车，支持企业车队月结。', tags: ['洗车'], industries: ['O80'] });
    await createPosting(app, { companyId: rivalEms, kind: 'capability', title: 'SMT贴片代工', description: '8条贴片线，承接PCBA代工。', tags: ['SMT'], industries: ['C3982'] });
    serverNeed = (
      await createPosting(app, {
        companyId: server,
        kind: 'need',
        title: '服务器主板PCBA本地代工',
        description: '年约8万片服务器主板需要区内EMS贴片代工，要求具备ICT/FCT测试能力。',
        tags: ['PCBA', 'SMT', '代工'],
        industries: ['C3982'],
      })
    ).id;
    // Everything above reaches the index through the sync jobs.
    await within(5000, async () => companiesIn(await matchesOf(automationNeed)).includes(agv));
  });

  after(async () => {
    await app.stop();
  });

  describe('GET /postings/:id/matches', () => {
    it('When an EMS plant needs automation, then vision and AGV suppliers rank, with reasons, and neither the car wash nor the requester appear', async () => {
      const body = await matchesOf(automationNeed);
      const ids = companiesIn(body);
      assert.ok(ids.includes(vision) && ids.includes(agv), JSON.stringify(body));
      assert.ok(!ids.includes(carWash), 'the car wash has no real connection');
      assert.ok(!ids.includes(ems), 'the requester never appears');
      assert.equal(new Set(ids).size, ids.length, 'each company at most once');
      const scores = body.items.map((i) => i.score);
      assert.deepEqual(scores, [...scores].sort((x, y) => y - x));
      for (const score of scores) assert.ok(score > 0 && score <= 1);
      const agvItem = body.items.find((i) => i.company.id === agv);
      assert.equal(agvItem?.posting?.kind, 'capability');
      assert.equal(agvItem?.company.name, '联驰智能');
      assert.ok(agvItem?.reasons.some((r) => r.code === 'text' && /匹配/.test(r.text)), JSON.stringify(agvItem?.reasons));
      assert.ok(agvItem?.reasons.some((r) => r.code === 'chain' && r.text.startsWith('上游：')), JSON.stringify(agvItem?.reasons));
      const visionItem = body.items.find((i) => i.company.id === vision);
      assert.ok(visionItem?.reasons.some((r) => r.text === '同在 路东区'), JSON.stringify(visionItem?.reasons));
    });

    it('When Accept-Language prefers English, then the reasons are in English', async () => {
      const body = await matchesOf(automationNeed, '', 'en-US,en;q=0.9');
      const agvItem = body.items.find((i) => i.company.id === agv);
      assert.ok(agvItem?.reasons.some((r) => r.text.startsWith('Upstream: ')), JSON.stringify(agvItem?.reasons));
      assert.ok(agvItem?.reasons.every((r) => !/[\u4e00-\u9fff]{2}：/.test(r.text)));
    });

    it('When a capability looks for buyers, then the company that needs it comes first and the competitor ranks below or not at all', async () => {
      const body = await matchesOf(smtCapability);
      assert.equal(body.items[0]?.company.id, server, JSON.stringify(body));
      assert.equal(body.items[0]?.posting?.id, serverNeed);
      assert.ok(body.items[0]?.reasons.some((r) => r.text.startsWith('下游：您的')), JSON.stringify(body.items[0]?.reasons));
      assert.ok(!companiesIn(body).slice(0, 1).includes(rivalEms));
    });

    it('When park or certification filters are given, then only companies that satisfy them are listed', async () => {
      assert.deepEqual(companiesIn(await matchesOf(automationNeed, `?park=${encodeURIComponent('核心区')}`)), [agv]);
      assert.deepEqual(companiesIn(await matchesOf(automationNeed, `?certification=${encodeURIComponent('iso 9001')}`)), [vision]);
    });

    it('When a need requires a certification, then suppliers lacking it come after every holder, flagged in both languages', async () => {
      const need = await createPosting(app, {
        companyId: ems,
        kind: 'need',
        title: 'AOI视觉检测与AGV物料配送',
        description: '插件和测试工序引入AOI视觉检测，用AGV做线边物料配送，供应商需通过ISO 9001。',
        tags: ['AOI', 'AGV', '自动化'],
        certificationsRequired: ['ISO 9001'],
      });
      const body = await matchesOf(need.id);
      const ids = companiesIn(body);
      assert.ok(ids.includes(vision) && ids.includes(agv), JSON.stringify(body));
      assert.ok(ids.indexOf(vision) < ids.indexOf(agv), 'the holder first');
      assert.ok(body.items.find((i) => i.company.id === vision)?.reasons.some((r) => r.code === 'certification' && r.text === '具备 ISO 9001'));
      assert.ok(body.items.find((i) => i.company.id === agv)?.reasons.some((r) => r.code === 'certification' && r.text === '缺少 ISO 9001'));
      const english = await matchesOf(need.id, '', 'en');
      assert.ok(english.items.find((i) => i.company.id === agv)?.reasons.some((r) => r.text === 'Lacks ISO 9001'));
      assert.deepEqual(companiesIn(await matchesOf(need.id, `?certification=${encodeURIComponent('ISO 9001')}`)), [vision]);
    });

    it('When a filter value carries Meilisearch filter syntax, then it is a plain value that matches nothing', async () => {
      for (const value of ['路东区" OR type = "posting', "路东区' OR 1=1", '路东区\\', 'x AND park EXISTS']) {
        assert.deepEqual(companiesIn(await matchesOf(automationNeed, `?park=${encodeURIComponent(value)}`)), []);
      }
    });

    it('When limit is given, then at most that many come back', async () => {
      assert.equal((await matchesOf(automationNeed, '?limit=1')).items.length, 1);
    });

    it('When limit is outside 1..50 or not a number, then it answers 400 naming query.limit', async () => {
      for (const limit of ['0', '51', 'ten', '-1']) {
        const res = await app.as().get(`/api/v1/postings/${automationNeed}/matches?limit=${limit}`);
        assert.equal(res.status, 400, limit);
        assert.deepEqual(errorPaths(res.body), ['query.limit']);
      }
    });

    it('When a filter value is 10 KB or a parameter is unknown, then it answers 400 naming it', async () => {
      const long = await app.as().get(`/api/v1/postings/${automationNeed}/matches?park=${encodeURIComponent('园'.repeat(1140))}`);
      assert.equal(long.status, 400);
      assert.deepEqual(errorPaths(long.body), ['query.park']);
      const unknown = await app.as().get(`/api/v1/postings/${automationNeed}/matches?sort=score`);
      assert.equal(unknown.status, 400);
      assert.deepEqual(errorPaths(unknown.body), ['query.sort']);
    });

    it('When the posting does not exist or is not a valid id, then it answers 404 or 400', async () => {
      assert.equal((await app.as().get('/api/v1/postings/0123456789abcdef01234567/matches')).status, 404);
      const bad = await app.as().get('/api/v1/postings/nope/matches');
      assert.equal(bad.status, 400);
      assert.deepEqual(errorPaths(bad.body), ['params.id']);
    });

    it("When a company key asks for matches of another company's paused posting, then it answers 404; of an open one, 200", async () => {
      const paused = await createPosting(app, { companyId: server, kind: 'need', title: '暂停的需求' });
      assert.equal((await app.as().patch(`/api/v1/postings/${paused.id}`).send({ status: 'paused' })).status, 200);
      assert.equal((await app.as(keyEms).get(`/api/v1/postings/${paused.id}/matches`)).status, 404);
      assert.equal((await app.as(keyServer).get(`/api/v1/postings/${paused.id}/matches`)).status, 200);
      assert.equal((await app.as(keyEms).get(`/api/v1/postings/${serverNeed}/matches`)).status, 200);
    });

    it('When there are no credentials, then it answers 401', async () => {
      assert.equal((await app.anonymous.get(`/api/v1/postings/${automationNeed}/matches`)).status, 401);
    });
  });

  describe('index sync', () => {
    it('When a posting is created, changed and deleted, and its company deleted, then matching follows within 2 s each time', async () => {
      const newcomer = await createCompany(app, { name: '凯弘机器人', industries: ['C3491'], description: '工业机器人与协作机器人，电子装配的插件、锁付和上下料。' });
      const posting = await createPosting(app, {
        companyId: newcomer,
        kind: 'capability',
        title: '插件机器人与AOI视觉检测工作站',
        description: '为SMT后段提供插件机器人、机器视觉AOI检测和AGV对接的自动化改造方案。',
        tags: ['自动化改造', '机器视觉'],
        industries: ['C3491'],
      });
      const listed = async () => (await matchesOf(automationNeed, '?limit=50')).items.find((i) => i.company.id === newcomer);
      const created = await within(2000, async () => (await listed())?.posting?.id === posting.id);

      const retitled = await app.as().patch(`/api/v1/postings/${posting.id}`).send({ title: '协作机器人：插件与AGV上下料', tags: ['机器人'] });
      assert.equal(retitled.status, 200);
      const changed = await within(2000, async () => (await listed())?.posting?.title === '协作机器人：插件与AGV上下料');

      assert.equal((await app.as().delete(`/api/v1/postings/${posting.id}`)).status, 204);
      const postingGone = await within(2000, async () => (await listed())?.posting === undefined);

      assert.equal((await app.as().delete(`/api/v1/companies/${newcomer}`)).status, 204);
      const companyGone = await within(2000, async () => (await listed()) === undefined);
      for (const ms of [created, changed, postingGone, companyGone]) assert.ok(ms < 2000);
    });

    it('When a posting is paused, then it stops being shown as a match, and shows again when reopened', async () => {
      const visionCap = (await app.as().get(`/api/v1/postings?companyId=${vision}`)).body.items[0].id as string;
      const shown = async () => (await matchesOf(automationNeed)).items.find((i) => i.company.id === vision)?.posting?.id;
      assert.equal(await shown(), visionCap);
      await app.as().patch(`/api/v1/postings/${visionCap}`).send({ status: 'paused' });
      await within(2000, async () => (await shown()) !== visionCap);
      await app.as().patch(`/api/v1/postings/${visionCap}`).send({ status: 'open' });
      await within(2000, async () => (await shown()) === visionCap);
    });
  });

  describe('GET /companies/:id/partners', () => {
    it('When asked for upstream partners, then suppliers come back; downstream, then buyers', async () => {
      const up = await app.as(keyEms).get(`/api/v1/companies/${ems}/partners?direction=upstream`);
      assert.equal(up.status, 200);
      const upIds = companiesIn(up.body as MatchBody);
      assert.ok(upIds.includes(agv) && upIds.includes(vision), JSON.stringify(up.body));
      assert.ok(!upIds.includes(server) && !upIds.includes(ems) && !upIds.includes(carWash));
      const down = await app.as(keyEms).get(`/api/v1/companies/${ems}/partners?direction=downstream&limit=5`);
      const downIds = companiesIn(down.body as MatchBody);
      assert.equal(downIds[0], server, JSON.stringify(down.body));
      assert.ok(!downIds.includes(agv));
    });

    it("When a company key asks about another company, then it answers 403; for an unknown company 404; a bad direction 400", async () => {
      assert.equal((await app.as(keyServer).get(`/api/v1/companies/${ems}/partners`)).status, 403);
      assert.equal((await app.as().get('/api/v1/companies/0123456789abcdef01234567/partners')).status, 404);
      const bad = await app.as().get(`/api/v1/companies/${ems}/partners?direction=sideways`);
      assert.equal(bad.status, 400);
      assert.deepEqual(errorPaths(bad.body), ['query.direction']);
    });
  });

  describe('GET /search', () => {
    it('When searching a synonym, then postings written with any spelling are found, highlighted', async () => {
      const res = await app.as(keyServer).get(`/api/v1/search?q=${encodeURIComponent('表面贴装')}&kind=capability`);
      assert.equal(res.status, 200);
      const hit = res.body.items.find((i: { id: string }) => i.id === smtCapability);
      assert.ok(hit, JSON.stringify(res.body));
      assert.equal(hit.type, 'posting');
      assert.match(hit.highlights.description, /<mark>SMT<\/mark>/);
      assert.ok(res.body.items.every((i: { kind: string }) => i.kind === 'capability'));
    });

    it('When searching in traditional characters or English, then the same things are found', async () => {
      const traditional = await app.as().get(`/api/v1/search?q=${encodeURIComponent('機器視覺')}`);
      assert.ok(traditional.body.items.some((i: { companyId: string }) => i.companyId === vision), JSON.stringify(traditional.body));
      const english = await app.as().get('/api/v1/search?q=machine%20vision&type=company');
      assert.deepEqual(
        english.body.items.map((i: { id: string }) => i.id),
        [vision],
      );
    });

    it('When filtering by industry, then only that industry and its sub-industries come back', async () => {
      const all = await app.as().get(`/api/v1/search?q=${encodeURIComponent('机器视觉')}`);
      assert.ok(all.body.items.some((i: { id: string }) => i.id === vision), JSON.stringify(all.body));
      // C34 (general equipment) holds the AGV integrator (C3499) and the need that names C3499; not the camera maker (C3983).
      const res = await app.as().get(`/api/v1/search?q=${encodeURIComponent('机器视觉 自动化')}&industry=C34`);
      const ids = res.body.items.map((i: { id: string }) => i.id);
      assert.deepEqual(ids.sort(), [agv, automationNeed].sort(), JSON.stringify(res.body));
    });

    it('When text would inject markup, then highlights are escaped', async () => {
      const company = await createCompany(app, { name: '标记测试', description: '<script>alert(1)</script> 机器视觉 & AOI' });
      await within(2000, async () => {
        const res = await app.as().get('/api/v1/search?q=AOI&type=company');
        const items = res.body.items as { id: string; highlights: { description: string } }[];
        const description = items.find((i) => i.id === company)?.highlights.description ?? '';
        return description.startsWith('&#60;script&#62;') && description.includes('<mark>AOI</mark>');
      });
    });

    it('When q is missing, empty, 10 KB long, or a filter is unknown, then it answers 400 with the field path', async () => {
      const cases: [string, string][] = [
        ['', 'query.q'],
        ['?q=%20', 'query.q'],
        [`?q=${encodeURIComponent('贴'.repeat(1140))}`, 'query.q'], // 10 KB of query string
        ['?q=x&kind=offer', 'query.kind'],
        ['?q=x&industry=Z99', 'query.industry'],
        ['?q=x&limit=500', 'query.limit'],
        ['?q=x&q[$ne]=1', 'query.q[$ne]'],
      ];
      for (const [query, path] of cases) {
        const res = await app.as().get(`/api/v1/search${query}`);
        assert.equal(res.status, 400, query.slice(0, 40));
        assert.deepEqual(errorPaths(res.body), [path], query.slice(0, 40));
      }
    });
  });
});
