/**
 * Ranking rules read off small hand-made requests and candidates (the evaluation set measures them on the demo
 * zone): roles a need asks for in so many words, the words naming the thing itself, and certificates held.
 */
import assert from 'node:assert/strict';
import type { RoleId } from '../../matcher/chain/graph.js';
import { toCompanyDocument, toPostingDocument, type MatchableCompany, type MatchablePosting } from '../../matcher/ranking/documents.js';
import { analyseRequest, type MatchSubject, type Requester } from '../../matcher/ranking/request.js';
import { scoreCandidate } from '../../matcher/ranking/score.js';
import { sideOf } from '../../matcher/ranking/side.js';
import { termWeight } from '../../matcher/ranking/weights.js';

const NOW = new Date('2026-11-01T00:00:00Z');

function requester(roles: RoleId[], industries: string[] = []): Requester {
  return { id: 'requester', roles, industries, certifications: [], park: '', employees: 100 };
}

function need(title: string, description: string, tags: string[] = []): MatchSubject {
  return { kind: 'need', title, description, tags, industries: [], certificationsRequired: [] };
}

function company(id: string, certifications: string[] = []): MatchableCompany {
  return {
    id,
    name: `${id}封装测试有限公司`,
    industries: ['C3973'],
    description: '集成电路封装与测试服务商，提供芯片封装和FT测试。',
    certifications,
    park: '',
    employees: 300,
    updatedAt: NOW,
  };
}

/** A zone company as the index sees it: no certificates, no park. */
function zoneCompany(id: string, name: string, industries: string[], description: string, employees = 200): MatchableCompany {
  return { id, name, industries, description, certifications: [], park: '', employees, updatedAt: NOW };
}

function capability(companyId: string, title: string, tags: string[], description: string): MatchablePosting {
  return {
    id: `${companyId}-cap`,
    companyId,
    kind: 'capability',
    status: 'open',
    title,
    description,
    tags,
    industries: [],
    certificationsRequired: [],
    updatedAt: NOW,
  };
}

function scoreOf(subject: MatchSubject, who: Requester, partner: MatchableCompany, posting: MatchablePosting): number {
  const scored = scoreCandidate(analyseRequest(subject, who), { company: toCompanyDocument(partner), postings: [toPostingDocument(posting)] }, NOW.getTime());
  return scored?.score ?? 0;
}

describe('matcher ranking rules', () => {
  it('When a need names customers as the ones complaining or asking, or orders of a college class, then it looks for suppliers', () => {
    assert.equal(sideOf('need', '车间灰尘太大，客户老投诉，想改一下'), 'want');
    assert.equal(sideOf('need', '客户要求IATF 16949的高压线束'), 'want');
    assert.equal(sideOf('need', '寻找国内整机客户：承接PCBA订单'), 'offer');
    assert.equal(sideOf('need', '车企客户 客户开拓'), 'offer');
    assert.equal(sideOf('need', '订单融资，额度约2100万元'), 'want');
    assert.equal(sideOf('need', '生源合作 订单班 校企合作 职业院校'), 'want');
  });

  it('When a need names only roles of the requester in its title and text, then it asks for them', () => {
    const request = analyseRequest(need('封测合作：QFN封装', '隔离驱动芯片需要BGA封装和FT测试。'), requester(['ic-design', 'packaging-test']));
    assert.equal(request.partnerRoles.get('packaging-test'), 1);
    assert.ok(!request.ownRoles.includes('packaging-test'));
  });

  it('When a title names a service and the role it is done for, then the service is asked for and the other is context', () => {
    const request = analyseRequest(need('Factoring our receivables from vehicle makers', 'About RMB 15 million of 90-day receivables.'), requester(['harness']));
    assert.equal(request.partnerRoles.get('supply-chain-finance'), 1);
    assert.equal(request.partnerRoles.get('vehicle-makers'), 0.3);
  });

  it('When a request names a certificate, then it weighs like a generic word: it qualifies the partner, it is not the thing', () => {
    for (const term of ['zziatf16949', 'iatf16949', 'zziso13485', 'gbt19001', 'zzgmp', 'gsp', '车规级', 'ip67']) assert.equal(termWeight(term), 0.3, term);
    assert.equal(termWeight('zzharness'), 1);
    // A buyer whose need shares only the certificate with a harness offer is weighed by that little.
    const offer: MatchSubject = { kind: 'capability', title: '高压线束总成', description: '具备IATF 16949体系。', tags: ['IATF 16949'], industries: [], certificationsRequired: [] };
    const request = analyseRequest(offer, requester(['harness']));
    const certificate = request.terms.get('zziatf16949')?.weight ?? 0;
    const harness = request.terms.get('zzharness')?.weight ?? 0;
    assert.ok(certificate < harness / 2, `${certificate} vs ${harness}`);
  });

  it('When a request names a place in the zone, then the place is no word to match on (and weighs like filler in search)', () => {
    assert.equal(termWeight('亦庄'), 0.1);
    assert.equal(termWeight('路东区'), 0.1);
    assert.equal(termWeight('区内'), 0.1);
    assert.equal(termWeight('冷链'), 0.9);
    // A logistics firm whose profile says only that it sits in 亦庄 is no match for samples shipped from there.
    const request = analyseRequest(need('临床样本冷链运输', '血样从亦庄的实验室送到天津的医院。'), requester(['cdmo-cro']));
    const firm = zoneCompany('l', '某物流有限公司', ['G5431'], '公司位于亦庄，提供干线运输。');
    const scored = scoreCandidate(request, { company: toCompanyDocument(firm), postings: [] }, NOW.getTime());
    assert.ok(!scored?.reasons.some((r) => r.zh.includes('亦庄')), JSON.stringify(scored?.reasons));
  });

  it("When a need's text names another role beside the requester's own, then the own one stays what the thing is for", () => {
    const request = analyseRequest(need('新能源物流车采购', '车队更新需要轻型厢式货车约三十台，希望区内车企提供试驾。'), requester(['logistics-cold-chain']));
    assert.ok(!request.partnerRoles.has('logistics-cold-chain'));
    assert.ok(request.ownRoles.includes('logistics-cold-chain'));
  });

  it('When a profile names a trade it has others do (封测委托…), then that trade is not the company\'s own', () => {
    const designer = (description: string) => zoneCompany('d', '某芯片科技有限公司', ['I6520', 'C3973'], description, 120);
    const outsourcing = toCompanyDocument(designer('公司采用Fabless模式，专注电源管理芯片设计，封测委托区内合作伙伴。'));
    assert.ok(outsourcing.roles.includes('ic-design'), outsourcing.roles.join());
    assert.ok(!outsourcing.roles.includes('packaging-test'), outsourcing.roles.join());
    const packaging = toCompanyDocument(designer('公司专注电源管理芯片设计，自建封测产线，提供封测代工。'));
    assert.ok(packaging.roles.includes('packaging-test'), packaging.roles.join());
  });

  it('When a company is registered under a code broader roles share (C3670), then its texts decide whether it holds the narrower ones', () => {
    const partsMaker = (description: string) => zoneCompany('p', '某汽车电子有限公司', ['C3670'], description, 300);
    assert.deepEqual(toCompanyDocument(partsMaker('智能座舱域控制器与车身控制器研发生产。')).roles, ['auto-parts']);
    assert.ok(toCompanyDocument(partsMaker('汽车线束与高压线束总成生产，为主机厂配套。')).roles.includes('harness'));
  });

  it('When a title names a sensor by its kind, then the kind is the role asked for, not every sensor maker', () => {
    const request = analyseRequest(need('激光雷达传感器', '无人车需要摄像头，要求提供SDK和标定支持。', ['传感器', '激光雷达']), requester(['autonomous-driving-software']));
    assert.equal(request.partnerRoles.get('lidar'), 1);
    assert.ok(!request.partnerRoles.has('sensors-vision'), JSON.stringify([...request.partnerRoles]));
    const both = analyseRequest(need('激光雷达和压力传感器', '样件两周交付。'), requester(['autonomous-driving-software']));
    assert.equal(both.partnerRoles.get('sensors-vision'), 1);
  });

  it("When a title names a product beyond a role's words, then that and its broader concept are its product words; a role's keyword is not", () => {
    const media = analyseRequest(
      { kind: 'capability', title: 'CHO无血清培养基', description: '可免费试用。', tags: ['国产替代'], industries: [], certificationsRequired: [] },
      requester(['culture-media-reagents']),
    );
    assert.deepEqual([...media.products].sort(), ['zzculturemedia', 'zzserumfreemedia']);
    const lidar = analyseRequest(need('激光雷达传感器', '无人车需要摄像头。'), requester(['autonomous-driving-software']));
    assert.deepEqual([...lidar.products], []);
  });

  it('When a posting names the product in its title and another only in its tags, then the first scores higher', () => {
    const who = requester(['medical-devices']);
    const subject = need('一次性输液器贴牌生产', '输液泵配套的一次性输液器找工厂贴牌生产。');
    const a = company('a');
    const b = company('b');
    const inTitle = scoreOf(subject, who, a, capability('a', '输液器生产', ['贴牌生产'], '一次性输液器和延长管贴牌生产。'));
    const inTags = scoreOf(subject, who, b, capability('b', '医用导管生产', ['贴牌生产', '输液器'], '一次性输液器和延长管贴牌生产。'));
    assert.ok(inTitle > inTags, `${inTitle} vs ${inTags}`);
  });

  it('When a need hopes for a certificate its text names, then a supplier holding it scores higher than one that does not', () => {
    const who = requester(['ic-design']);
    const subject = need('芯片封装', '驱动芯片需要BGA封装，希望封测厂具备IATF 16949体系。');
    const posting = (id: string) => capability(id, '芯片封装代工：BGA', ['封装'], '可承接BGA等封装形式，交期2周。');
    const holding = scoreOf(subject, who, company('a', ['IATF 16949']), posting('a'));
    const lacking = scoreOf(subject, who, company('b'), posting('b'));
    assert.ok(holding > lacking, `${holding} vs ${lacking}`);
  });

  it('When a candidate shares only a number with the request, then no reason names it as a match', () => {
    const request = analyseRequest(need('电磁兼容测试与整改', '控制柜需要3米法暗室预测试。'), requester(['industrial-robots']));
    const lab = zoneCompany('lab', '某检测技术有限公司', ['M7452'], '第三方检测机构。', 100);
    const scored = scoreCandidate(request, { company: toCompanyDocument(lab), postings: [toPostingDocument(capability('lab', '可靠性试验', [], '3个温箱，可做高低温。'))] }, NOW.getTime());
    assert.ok(scored, 'the lab holds the role asked for');
    assert.ok(!scored.reasons.some((r) => r.code === 'text'), JSON.stringify(scored.reasons));
  });

  it('When a need requires a certificate, then a supplier lacking it is listed after those holding it, flagged', () => {
    const who = requester(['ic-design']);
    const subject: MatchSubject = { ...need('芯片封装', '驱动芯片需要BGA封装和FT测试。'), certificationsRequired: ['IATF 16949'] };
    const request = analyseRequest(subject, who);
    const scored = (partner: MatchableCompany, title: string) =>
      scoreCandidate(request, { company: toCompanyDocument(partner), postings: [toPostingDocument(capability(partner.id, title, ['封装'], '可承接BGA封装和FT测试，交期2周。'))] }, NOW.getTime());
    // The one lacking it says more in its posting; holding the certificate still comes first.
    const holding = scored(company('a', ['IATF 16949']), '封装代工');
    const lacking = scored(company('b'), '芯片BGA封装与FT测试');
    assert.ok(holding && lacking, 'both shown');
    assert.ok(holding.score > lacking.score, `${holding.score} vs ${lacking.score}`);
    assert.ok(lacking.score <= 0.3 && lacking.lacking && !holding.lacking, 'at most the least a holder is shown with, and marked so a tie goes to the holder');
    assert.ok(holding.reasons.some((r) => r.zh === '具备 IATF 16949'), JSON.stringify(holding.reasons));
    assert.ok(lacking.reasons.some((r) => r.zh === '缺少 IATF 16949' && r.en === 'Lacks IATF 16949'), JSON.stringify(lacking.reasons));
  });

  it('When a capability title translates, transports or finances the things it names, then it does not offer their trade', () => {
    const subject = need('临床试验外包', '新产品需要CRO做临床试验管理和注册申报。');
    const request = analyseRequest(subject, requester(['ivd']));
    assert.ok(request.partnerRoles.has('cdmo-cro'));
    const translator = zoneCompany('t', '某翻译服务有限公司', ['L7294'], '笔译和口译公司，覆盖二十个语种。', 40);
    const scored = scoreCandidate(
      request,
      { company: toCompanyDocument(translator), postings: [toPostingDocument(capability('t', '临床试验文件翻译', [], '临床试验方案和注册资料的翻译与审校。'))] },
      NOW.getTime(),
    );
    assert.ok(!scored?.reasons.some((r) => r.code === 'role'), JSON.stringify(scored?.reasons));
  });

  it('When a capability title makes a part for the things it names, then it does not offer their trade', () => {
    const request = analyseRequest(need('谐波减速器国产替代', '机器人关节需要谐波减速器，月需求200台。'), requester(['industrial-robots']));
    assert.equal(request.partnerRoles.get('reducers'), 1);
    const foundry = zoneCompany('f', '某精密压铸有限公司', ['C3392'], '铝合金压铸与机加工。', 300);
    const scored = scoreCandidate(
      request,
      { company: toCompanyDocument(foundry), postings: [toPostingDocument(capability('f', '减速器壳体生产', ['压铸'], '为减速器厂家提供铝合金壳体。'))] },
      NOW.getTime(),
    );
    assert.ok(!scored?.reasons.some((r) => r.code === 'role'), JSON.stringify(scored?.reasons));
  });

  it('When a capability names a role the chain does not make its buyer, then that role counts less than a buyer the chain names', () => {
    // A harness for battery packs: the battery maker is named, the vehicle maker is who the chain says buys harnesses.
    const offer: MatchSubject = {
      kind: 'capability',
      title: '电池包高压线束供货',
      description: '为电池包提供高压线束，IATF 16949体系。',
      tags: [],
      industries: [],
      certificationsRequired: [],
    };
    const request = analyseRequest(offer, requester(['harness'], ['C3831']));
    assert.equal(request.seeking, 'buyers');
    const buyer = (id: string, industries: string[], name: string) => zoneCompany(id, name, industries, `${name}，区内企业。`, 500);
    const wants = (companyId: string): MatchablePosting => ({ ...capability(companyId, '高压线束采购', [], '采购高压线束，要求IATF 16949。'), kind: 'need', id: `${companyId}-need` });
    const score = (c: MatchableCompany) =>
      scoreCandidate(request, { company: toCompanyDocument(c), postings: [toPostingDocument(wants(c.id))] }, NOW.getTime())?.score ?? 0;
    const vehicleMaker = score(buyer('v', ['C3612'], '某新能源汽车整车制造有限公司'));
    const batteryMaker = score(buyer('b', ['C3841'], '某动力电池有限公司'));
    assert.ok(batteryMaker > 0, 'the battery maker is still a buyer');
    assert.ok(vehicleMaker > batteryMaker, `${vehicleMaker} vs ${batteryMaker}`);
  });
});
