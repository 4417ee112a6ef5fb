import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  chainReason,
  companyRoles,
  downstreamOf,
  findCycle,
  getRole,
  listEdges,
  listRoles,
  matchRolesInText,
  relation,
  restatedRoles,
  rolesForIndustries,
  rolesForText,
  upstreamOf,
  validateChainGraph,
  VIA_GENERIC_FACTOR,
  type RawChainGraph,
  type RoleId,
} from '../../matcher/chain/graph.js';
import { tokenize, warmUpText } from '../../matcher/text/index.js';
import { getIndustry, isKnownIndustry } from '../../matcher/taxonomy/industries.js';

// The data file as written, so that validation is tested on exactly what is shipped (and on broken copies of it).
function readGraph(): RawChainGraph {
  return JSON.parse(readFileSync(new URL('../../matcher/chain/chain-graph.json', import.meta.url), 'utf8')) as RawChainGraph;
}

const HAN_ONLY = /^\p{Script=Han}+$/u;

/** The roles the issue names; the graph may hold more. */
const ISSUE_ROLES = [
  'ic-design', 'wafer-fab', 'packaging-test', 'electronic-components', 'pcb', 'ems', 'communication-equipment',
  'servers-computers', 'displays', 'reducers', 'servo-motion', 'sensors-vision', 'industrial-robots',
  'humanoid-robots', 'automation-integration', 'mes-software', 'culture-media-reagents', 'bioprocess-equipment',
  'cleanroom-engineering', 'biologics', 'cdmo-cro', 'pharma', 'medical-devices', 'ivd', 'pharma-equipment',
  'harness', 'batteries', 'lidar', 'stamping-parts', 'autonomous-driving-software', 'vehicle-makers',
  'testing-certification', 'logistics-cold-chain', 'supply-chain-finance', 'staffing',
];

const SERVICES = ['testing-certification', 'logistics-cold-chain', 'supply-chain-finance', 'staffing', 'cleanroom-engineering', 'mes-software'];

function assertSupplies(from: RoleId, to: RoleId): void {
  const found = relation([from], [to]);
  assert.ok(found, `${from} → ${to}: no relation`);
  assert.equal(found.kind, 'supplies', `${from} → ${to}`);
  assert.ok(found.weight > 0, `${from} → ${to}`);
}

describe('matcher industry-chain graph', function () {
  before(function () {
    warmUpText();
  });

  describe('data', function () {
    it('When the shipped graph is validated, then there are no problems', function () {
      assert.deepEqual(validateChainGraph(readGraph()), []);
    });

    it('When roles are listed, then every role the issue names is there with zh and en names', function () {
      const ids = listRoles().map((r) => r.id);
      for (const id of ISSUE_ROLES) assert.ok(ids.includes(id), id);
      assert.equal(new Set(ids).size, ids.length);
      for (const role of listRoles()) assert.ok(role.zh !== '' && role.en !== '', role.id);
    });

    it('When a role lists GB/T 4754 codes, then every code exists and its name is the standard one', function () {
      for (const role of readGraph().roles) {
        assert.ok(Object.keys(role.codes).length > 0, role.id);
        for (const [code, name] of Object.entries(role.codes)) {
          assert.ok(isKnownIndustry(code), `${role.id}: ${code}`);
          assert.equal(getIndustry(code)?.zh, name, `${role.id}: ${code}`);
        }
      }
    });

    it('When edges are listed, then both roles exist, no edge is a self-edge and weights are in 0..1', function () {
      for (const edge of listEdges()) {
        assert.ok(getRole(edge.from), edge.from);
        assert.ok(getRole(edge.to), edge.to);
        assert.notEqual(edge.from, edge.to);
        assert.ok(edge.weight >= 0 && edge.weight <= 1);
        assert.ok(edge.zh !== '' && edge.en !== '');
      }
    });

    it('When cycleAllowed edges are set aside, then the graph is acyclic', function () {
      assert.deepEqual(findCycle(readGraph()), []);
      const allowed = listEdges().filter((e) => e.cycleAllowed).map((e) => `${e.from}→${e.to}`);
      assert.deepEqual(allowed, ['wafer-fab→ic-design', 'packaging-test→ic-design']);
    });

    it('When a manufacturing role is listed, then it is a kind of the generic factories role', function () {
      for (const role of listRoles()) {
        const manufacturing = role.codes.every((c) => c.startsWith('C'));
        if (manufacturing && !role.generic) assert.ok(role.isA.includes('factories'), role.id);
      }
    });

    it('When a Chinese keyword is tokenised, then it is a single token (the segmenter knows it)', function () {
      for (const role of listRoles()) {
        for (const keyword of role.keywords) {
          const tokens = tokenize(keyword);
          assert.ok(tokens.length > 0, `${role.id}: ${keyword}`);
          if (HAN_ONLY.test(keyword)) assert.deepEqual(tokens, [keyword], `${role.id}: ${keyword}`);
        }
      }
    });

    it('When the graph has an unknown code, a wrong name, a self-edge, an unknown role or a cycle, then validation says so', function () {
      const graph = readGraph();
      const [first] = graph.roles;
      assert.ok(first);
      first.codes = { C9999: '不存在', C3973: '错误的名称' };
      graph.edges.push({ from: 'ems', to: 'ems', weight: 0.5, zh: '自己', en: 'itself' });
      graph.edges.push({ from: 'ems', to: 'no-such-role', weight: 0.5, zh: '未知', en: 'unknown' });
      graph.edges.push({ from: 'communication-equipment', to: 'electronic-components', weight: 1.5, zh: '回流', en: 'back' });
      const problems = validateChainGraph(graph).join('\n');
      assert.match(problems, /C9999 is not a GB\/T 4754-2017 code/);
      assert.match(problems, /C3973 is 集成电路制造, not 错误的名称/);
      assert.match(problems, /edge ems → ems is a self-edge/);
      assert.match(problems, /unknown role no-such-role/);
      assert.match(problems, /weight must be in 0\.\.1/);
      assert.match(problems, /cycle .*electronic-components.*communication-equipment/);
    });

    it('When a category keyword is not one of the role\'s keywords, then validation says so', function () {
      const graph = readGraph();
      const sensors = graph.roles.find((r) => r.id === 'sensors-vision');
      assert.ok(sensors);
      sensors.categoryKeywords = ['模组'];
      assert.match(validateChainGraph(graph).join('\n'), /sensors-vision: category keyword 模组 is not one of its keywords/);
    });

    it('When a shared code is not one of the role\'s codes, then validation says so', function () {
      const graph = readGraph();
      const harness = graph.roles.find((r) => r.id === 'harness');
      assert.ok(harness);
      harness.sharedCodes = ['C3612'];
      assert.match(validateChainGraph(graph).join('\n'), /harness: shared code C3612 is not one of its codes/);
    });

    it('When shared codes are left out, then a code gives only the roles it is the own code of', function () {
      assert.deepEqual(rolesForIndustries(['C3670']), ['harness', 'stamping-parts', 'auto-parts']);
      assert.deepEqual(rolesForIndustries(['C3670'], { sharedCodes: false }), ['auto-parts']);
      assert.deepEqual(rolesForIndustries(['C3831'], { sharedCodes: false }), ['harness']);
      assert.deepEqual(rolesForIndustries(['C3581'], { sharedCodes: false }), ['medical-devices']);
    });

    it('When an edge is marked cycleAllowed but closes no cycle, then validation says so', function () {
      const graph = readGraph();
      graph.edges.push({ from: 'staffing', to: 'pharma', weight: 0.4, zh: '用工', en: 'workers', cycleAllowed: true });
      assert.match(validateChainGraph(graph).join('\n'), /staffing → pharma is marked cycleAllowed but closes no cycle/);
    });
  });

  describe('chains from the issue', function () {
    it('When chips flow down, then design → wafer → packaging → components → EMS → devices are all supplies', function () {
      const chain = ['ic-design', 'wafer-fab', 'packaging-test', 'electronic-components', 'ems', 'communication-equipment'];
      for (let i = 0; i + 1 < chain.length; i++) assertSupplies(chain[i] ?? '', chain[i + 1] ?? '');
      assertSupplies('pcb', 'ems');
      assertSupplies('ems', 'servers-computers');
      assertSupplies('displays', 'communication-equipment');
    });

    it('When robots are built, then reducers, servos and sensors → robots → integrators → factories', function () {
      for (const part of ['reducers', 'servo-motion', 'sensors-vision']) {
        assertSupplies(part, 'industrial-robots');
        assertSupplies(part, 'humanoid-robots');
      }
      assertSupplies('industrial-robots', 'automation-integration');
      assertSupplies('automation-integration', 'factories');
      for (const factory of ['ems', 'vehicle-makers', 'pharma']) assertSupplies('automation-integration', factory);
    });

    it('When biologics are made, then media, equipment and cleanrooms → biologics and CDMO → pharma', function () {
      for (const input of ['culture-media-reagents', 'bioprocess-equipment', 'cleanroom-engineering']) {
        assertSupplies(input, 'biologics');
        assertSupplies(input, 'cdmo-cro');
      }
      assertSupplies('biologics', 'pharma');
      assertSupplies('cdmo-cro', 'pharma');
      assertSupplies('pharma-equipment', 'pharma');
    });

    it('When vehicles are built, then harnesses, batteries, lidar and stamped parts → vehicle makers', function () {
      for (const part of ['harness', 'batteries', 'lidar', 'stamping-parts', 'auto-parts', 'autonomous-driving-software']) {
        assertSupplies(part, 'vehicle-makers');
      }
      // The boards inside them come from the EMS plants: cockpit and e-drive controllers, battery management.
      for (const buyer of ['vehicle-electronics', 'auto-parts', 'batteries']) assertSupplies('ems', buyer);
    });

    it('When a service role meets any other role, then it serves it at least at its servesAll weight', function () {
      for (const service of SERVICES) {
        const role = getRole(service);
        assert.ok(role?.servesAll, service);
        for (const other of listRoles()) {
          if (other.id === service) continue;
          const found = relation([service], [other.id]);
          assert.ok(found && (found.kind === 'serves' || found.kind === 'supplies'), `${service} → ${other.id}`);
          assert.ok(found.weight >= role.servesAllWeight, `${service} → ${other.id}`);
        }
      }
    });
  });

  describe('relation', function () {
    it('When the buyer is upstream of the supplier, then there is no relation', function () {
      assert.equal(relation(['communication-equipment'], ['electronic-components']), null);
      assert.equal(relation(['vehicle-makers'], ['harness']), null);
    });

    it('When both hold the same role, then they are peers with weight 0', function () {
      assert.deepEqual(relation(['ems'], ['ems']), { kind: 'peer', from: 'ems', to: 'ems', weight: 0, zh: '同行', en: 'peer' });
    });

    it('When the buyer already holds the supplying role, then it is a peer rather than a customer', function () {
      assert.equal(relation(['pcb', 'ems'], ['pcb', 'ems'])?.kind, 'peer');
      assert.equal(relation(['batteries'], ['batteries', 'vehicle-makers'])?.kind, 'peer');
    });

    it('When both are only generic factories, then they are neither linked nor peers', function () {
      assert.equal(relation(['factories'], ['factories']), null);
    });

    it('When the supplier has several roles, then the strongest link is chosen', function () {
      const found = relation(['pcb', 'ems'], ['communication-equipment']);
      assert.equal(found?.from, 'ems');
      assert.equal(found.weight, 0.9);
    });

    it('When an edge targets a generic role, then it reaches its kinds at a reduced weight', function () {
      const found = relation(['automation-integration'], ['ems']);
      assert.equal(found?.kind, 'supplies');
      assert.equal(found.to, 'ems');
      assert.equal(found.via, 'factories');
      assert.equal(found.weight, Math.round(0.9 * VIA_GENERIC_FACTOR * 1000) / 1000);
    });

    it('When two roles are explicitly linked the other way, then the generic edge does not reverse them', function () {
      assert.equal(relation(['automation-integration'], ['servo-motion']), null);
      assert.equal(relation(['servo-motion'], ['automation-integration'])?.kind, 'supplies');
    });

    it('When a service has an explicit edge, then it outweighs its servesAll link', function () {
      assert.deepEqual(relation(['testing-certification'], ['vehicle-makers']), {
        kind: 'supplies', from: 'testing-certification', to: 'vehicle-makers', weight: 0.7, zh: '车规认证', en: 'automotive qualification',
      });
      const served = relation(['testing-certification'], ['ic-design']);
      assert.equal(served?.kind, 'serves');
      assert.equal(served.weight, getRole('testing-certification')?.servesAllWeight);
    });

    it('When a device maker needs testing, then life-science labs supply registration testing and electrical labs less', function () {
      assert.equal(relation(['life-science-testing'], ['medical-devices'])?.weight, 0.8);
      assert.equal(relation(['life-science-testing'], ['medical-devices'])?.zh, '注册检验');
      assert.ok((relation(['testing-certification'], ['medical-devices'])?.weight ?? 0) < 0.8);
      assert.equal(relation(['life-science-testing'], ['ems']), null);
    });

    it('When roles are unknown, then they are ignored', function () {
      assert.equal(relation(['no-such-role'], ['ems']), null);
      assert.equal(relation(['ems', 'no-such-role'], ['communication-equipment'])?.from, 'ems');
    });
  });

  describe('upstream and downstream', function () {
    it('When asking who supplies communication equipment, then components and EMS are listed, strongest first', function () {
      const upstream = upstreamOf('communication-equipment');
      const from = upstream.map((l) => l.from);
      assert.ok(from.includes('electronic-components') && from.includes('ems'));
      assert.deepEqual(upstream.map((l) => l.weight), [...upstream.map((l) => l.weight)].sort((a, b) => b - a));
    });

    it('When asking who supplies an EMS factory, then integrators are listed through the factories role', function () {
      const integrator = upstreamOf('ems').find((l) => l.from === 'automation-integration');
      assert.equal(integrator?.via, 'factories');
      assert.equal(integrator.to, 'ems');
    });

    it('When asking whom EMS supplies, then devices are listed; unknown roles give nothing', function () {
      assert.ok(downstreamOf('ems').some((l) => l.to === 'communication-equipment'));
      assert.deepEqual(upstreamOf('no-such-role'), []);
      assert.deepEqual(downstreamOf('no-such-role'), []);
    });
  });

  describe('roles of companies and texts', function () {
    it('When codes are given in any accepted form, then their roles are found', function () {
      assert.deepEqual(rolesForIndustries(['C3973']), ['wafer-fab', 'packaging-test']);
      assert.deepEqual(rolesForIndustries(['3982']), ['pcb', 'ems']);
      assert.deepEqual(rolesForIndustries(['E5011']), ['cleanroom-engineering']);
      assert.deepEqual(rolesForIndustries(['I6520', 'G5930']), ['ic-design', 'logistics-cold-chain']);
    });

    it('When a code matches no specific role, then manufacturing falls back to factories and others to nothing', function () {
      assert.deepEqual(rolesForIndustries(['C1311']), ['factories']);
      assert.deepEqual(rolesForIndustries(['C39']), ['factories']);
      assert.deepEqual(rolesForIndustries(['A01', 'not a code']), []);
    });

    it('When a group-level code is given, then the roles of its classes are found', function () {
      const roles = rolesForIndustries(['C398']);
      assert.ok(roles.includes('pcb') && roles.includes('electronic-components'));
    });

    it('When text names a role directly or through synonyms, then the role is found', function () {
      assert.equal(rolesForText(tokenize('寻找SMT贴片加工厂'))[0], 'ems');
      assert.equal(rolesForText(tokenize('表面貼裝'))[0], 'ems');
      assert.deepEqual(rolesForText(tokenize('表面贴装'), { expand: false }), []);
      assert.equal(rolesForText(tokenize('We need a wire harness supplier'))[0], 'harness');
      assert.equal(rolesForText(tokenize('需要细胞培养基'))[0], 'culture-media-reagents');
      assert.equal(rolesForText(tokenize('電源管理IC国产替代'))[0], 'ic-design');
    });

    it('When the colloquial warehouse query is read, then logistics is the role it asks for', function () {
      const [best] = matchRolesInText(tokenize('我们的仓库太乱了，想找人帮忙管起来'));
      assert.equal(best?.role, 'logistics-cold-chain');
      assert.ok(best.keywords.includes('仓储管理'));
    });

    it('When a category keyword only restates another role right before it, then that phrase does not name its role', function () {
      assert.deepEqual([...restatedRoles(tokenize('激光雷达传感器'))], ['sensors-vision']);
      assert.deepEqual([...restatedRoles(tokenize('雷射雷達傳感器'))], ['sensors-vision']);
      assert.deepEqual([...restatedRoles(tokenize('激光雷达和压力传感器'))], []);
      assert.deepEqual([...restatedRoles(tokenize('传感器标定服务'))], []);
      assert.deepEqual([...restatedRoles(tokenize('激光雷达与视觉传感器'))], [], 'another word before it');
    });

    it('When synonymous keywords match, then they count once', function () {
      const [ems] = matchRolesInText(tokenize('SMT贴片'));
      assert.equal(ems?.role, 'ems');
      assert.equal(ems.strength, 1);
      assert.ok(ems.keywords.length >= 2);
    });

    it('When codes allow several roles, then the company text picks among them', function () {
      assert.deepEqual(companyRoles({ industries: ['C3982'], tokens: tokenize('专业SMT贴片，PCBA加工') }), ['ems']);
      assert.deepEqual(companyRoles({ industries: ['C3982'], tokens: [] }), ['pcb', 'ems']);
    });

    it('When codes give only the generic role, then the roles the text names are added', function () {
      assert.deepEqual(companyRoles({ industries: ['C3311'], tokens: tokenize('汽车冲压件') }), ['stamping-parts', 'factories']);
      assert.deepEqual(companyRoles({ industries: [], tokens: tokenize('第三方检测，CNAS实验室，EMC测试') }), ['testing-certification']);
      assert.deepEqual(companyRoles({ industries: [], tokens: tokenize('第三方检测，CNAS实验室，生物相容性评价') }), ['life-science-testing']);
    });
  });

  describe('chainReason', function () {
    const upstream = relation(['electronic-components'], ['communication-equipment']);

    it('When a supplier is upstream of the reader, then the reason reads as in the issue', function () {
      assert.ok(upstream);
      assert.equal(chainReason(upstream, 'zh'), '上游：电子元件制造 → 您的通信设备制造');
      assert.equal(chainReason(upstream, 'en'), 'Upstream: electronic components → your communication equipment');
    });

    it('When the reader is the supplier, then the reason reads downstream', function () {
      assert.ok(upstream);
      assert.equal(chainReason(upstream, 'zh', { viewer: 'supplier' }), '下游：您的电子元件制造 → 通信设备制造');
      assert.equal(chainReason(upstream, 'en', { viewer: 'supplier' }), 'Downstream: your electronic components → communication equipment');
    });

    it('When detail is asked for, then what is supplied is appended', function () {
      assert.ok(upstream);
      assert.equal(chainReason(upstream, 'zh', { detail: true }), '上游：电子元件制造 → 您的通信设备制造（元器件）');
      assert.equal(chainReason(upstream, 'en', { detail: true }), 'Upstream: electronic components → your communication equipment (components)');
    });

    it('When the link is a service or a peer, then the reason says so', function () {
      const served = relation(['staffing'], ['ic-design']);
      assert.ok(served);
      assert.equal(chainReason(served, 'zh'), '配套服务：人力资源服务 → 您的集成电路设计');
      assert.equal(chainReason(served, 'en'), 'Service: staffing and HR services → your IC design');
      const peer = relation(['ems'], ['ems']);
      assert.ok(peer);
      assert.equal(chainReason(peer, 'zh'), '同行：同属电子制造服务');
      assert.equal(chainReason(peer, 'en'), 'Peer: also in electronics manufacturing services');
    });

    it('When any edge is given as a plain link, then its reason names both roles in both languages', function () {
      for (const edge of listEdges()) {
        const zh = chainReason(edge, 'zh');
        const en = chainReason(edge, 'en');
        assert.ok(zh.startsWith('上游：') && zh.includes(`您的${getRole(edge.to)?.zh ?? '?'}`), zh);
        assert.ok(en.startsWith('Upstream: ') && en.includes(`your ${getRole(edge.to)?.en ?? '?'}`), en);
      }
    });
  });
});
