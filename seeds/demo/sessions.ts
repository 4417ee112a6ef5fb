/**
 * Two matchmaking sessions, dated relative to the build's `now`:
 * - a closed one thirty days ago, "电子信息与智能制造产业供需对接会", where the story's EMS company met its
 *   future customers and automation suppliers — with agenda, attendance, outcomes and cooperation intentions;
 * - an open one in three weeks on new-energy vehicles and robotics, taking registrations, no agenda yet.
 */
import { STORY } from './story.js';
import type { Intention, SeedCompany, SeedSession, SessionMeeting, SessionRequest } from './types.js';
import { DEMO_SOURCE } from './types.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Beijing is UTC+8 all year (no daylight saving), so local times convert with a fixed offset. */
const BEIJING_OFFSET_MS = 8 * HOUR_MS;

/** `hour:minute` Beijing time on the Beijing calendar day that is `days` after `now`. */
export function beijingTime(now: Date, days: number, hour: number, minute = 0): Date {
  const local = new Date(now.getTime() + BEIJING_OFFSET_MS + days * DAY_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hour, minute) - BEIJING_OFFSET_MS);
}

type Row = readonly [
  slot: number,
  table: number,
  a: string,
  b: string,
  requestedBy: string,
  priority: 1 | 2 | 3,
  attended: boolean,
  intention: Intention,
  notes: string,
];

const S = STORY;

/** The agenda of the past session as it was run, with what each pair recorded afterwards. */
const PAST_MEETINGS: readonly Row[] = [
  [0, 1, S.ems, S.server, S.ems, 3, true, 'agreed', '星河算力同意下月对京联做供应商审核，先试产2U服务器主板500片；双方两周内交换BOM和测试规范。'],
  [0, 2, S.integrator, S.robot, S.integrator, 2, true, 'agreed', '亦智把凯弘SCARA列为插件工作站的标准配置，年度框架约80台，价格和交期下周确认。'],
  [0, 3, S.comm, S.components, S.components, 1, true, 'interested', '极讯对宽温电感感兴趣，恒睿先提供20个料号的样品做高低温验证。'],
  [0, 4, S.domainController, S.lab, S.domainController, 2, true, 'agreed', '确定新一代域控制器的AEC-Q和整机EMC摸底测试排期，月底送样。'],
  [0, 5, S.mes, S.agv, S.agv, 1, true, 'interested', '讨论RCS与MES的接口标准化，约定做一次联合演示。'],
  [1, 1, S.ems, S.integrator, S.ems, 3, true, 'agreed', '亦智下周到京联现场调研插件和测试工序，两周内给出一期改造方案；京联倾向整线交钥匙，考虑融资租赁。'],
  [1, 2, S.server, S.components, S.components, 2, true, 'interested', '星河算力愿意把恒睿的电感列入主板替代料清单，需先通过可靠性验证。'],
  [1, 3, S.medical, S.lab, S.medical, 2, true, 'agreed', '康睿新机型的YY 9706.102 EMC测试委托亦测，预计下月进场。'],
  [1, 4, S.vision, S.equipment, S.equipment, 1, true, 'interested', '讨论三防漆涂覆后接AOI检测的联线方案，瀚松提供接口文档。'],
  [1, 5, S.comm, S.finance, S.finance, 1, true, 'none', '极讯目前资金充足，暂无融资需求，保持联系。'],
  [2, 1, S.ems, S.domainController, S.domainController, 3, true, 'interested', '智驾域控关注京联的IATF 16949体系和车规产线经验，计划先做VDA 6.3过程审核再决定是否定点。'],
  [2, 2, S.integrator, S.agv, S.integrator, 2, true, 'agreed', '双方约定在京联改造项目中联合投标，联驰负责仓库到线边的AMR配送。'],
  [2, 3, S.server, S.lab, S.lab, 1, true, 'interested', '亦测介绍服务器整机EMC和振动测试能力，星河算力会后发送测试需求。'],
  [2, 4, S.robot, S.tester, S.tester, 2, true, 'interested', '精测计划在自动测试单元中采用凯弘SCARA，先借一台样机做节拍测试。'],
  [3, 1, S.ems, S.medical, S.medical, 3, true, 'agreed', '康睿认可京联的ISO 13485体系和追溯能力，同意先转两款主控板试产，各1000片。'],
  [3, 2, S.integrator, S.vision, S.integrator, 2, true, 'agreed', '京瞳AOI作为亦智方案的标准视觉检测配置，双方签署合作备忘录。'],
  [3, 3, S.domainController, S.components, S.components, 2, true, 'interested', '智驾对车规级功率电感有兴趣，请恒睿提供AEC-Q200报告。'],
  [3, 4, S.agv, S.finance, S.finance, 1, true, 'interested', '亦融介绍AMR设备融资租赁方案，联驰考虑向客户推荐。'],
  [4, 1, S.ems, S.components, S.ems, 2, true, 'agreed', '恒睿提供首批30个料号的替代样品，京联两周内完成验证；双方同意在京联厂内设VMI寄售库存。'],
  [4, 2, S.comm, S.tester, S.tester, 1, true, 'interested', '极讯对自动测试单元感兴趣，先提供一款网关主板做测试方案评估。'],
  [4, 3, S.server, S.mes, S.mes, 1, false, 'none', '星河算力参会代表临时返回公司处理客户问题，未到场，会后改为线上沟通。'],
  [5, 1, S.ems, S.vision, S.vision, 2, true, 'interested', '京瞳提出先在京联一条SMT线上免费试用AI复判软件一个月，评估误判率下降效果。'],
  [5, 2, S.integrator, S.mes, S.mes, 1, true, 'agreed', '亦智的产线项目默认对接智云MES接口，双方共同开发SMT防错模块。'],
  [5, 3, S.robot, S.finance, S.finance, 1, true, 'interested', '凯弘关注“机器人租赁加融资”的组合方案，约定下周细谈。'],
  [6, 1, S.ems, S.comm, S.ems, 3, true, 'interested', '极讯同意把两款工业网关主板放到京联打样，比较质量和交期后再谈年度份额。'],
  [6, 2, S.integrator, S.equipment, S.equipment, 1, true, 'interested', '瀚松的选择性波峰焊可纳入亦智的后段联线方案，约定共同拜访京联。'],
  [6, 3, S.robot, S.agv, S.robot, 1, true, 'none', '双方产品暂无交集，交换了渠道信息。'],
  [7, 1, S.ems, S.finance, S.ems, 2, true, 'agreed', '亦融为京联的自动化改造和新增国内订单提供订单融资加设备融资租赁的组合方案，额度初定1500万元，进入尽调。'],
];

function meeting(row: Row): SessionMeeting {
  const [slot, table, a, b, requestedBy, priority, attended, intention, notes] = row;
  return { slot, table, participants: [a, b], requestedBy, priority, outcome: { attended, intention, notes } };
}

function pastSession(now: Date): SeedSession {
  return {
    key: 'session-electronics-manufacturing',
    source: DEMO_SOURCE,
    title: '电子信息与智能制造产业供需对接会',
    startsAt: beijingTime(now, -30, 14, 0),
    slotMinutes: 20,
    slotCount: 8,
    tables: 8,
    breakMinutes: 5,
    venue: '北京经济技术开发区企业服务中心三层多功能厅',
    industries: ['C3982', 'C3990', 'C3911', 'C3921', 'C3491', 'C4011', 'C3499', 'I6513'],
    description:
      '由经济发展局主办，围绕电子信息产业链“稳订单、强配套、促升级”，组织EMS、整机、元器件、自动化装备、工业软件以及检测、金融服务企业一对一洽谈。' +
      '重点帮助受海外订单下滑影响的电子制造企业对接区内整机客户，并推动产线自动化改造。',
    registrationClosesAt: beijingTime(now, -37, 18, 0),
    status: 'closed',
    participants: [
      { companyKey: S.ems },
      { companyKey: S.integrator },
      { companyKey: S.vision },
      { companyKey: S.robot },
      { companyKey: S.agv },
      { companyKey: S.mes },
      // The test-equipment maker had to leave before the last two slots.
      { companyKey: S.tester, availability: [0, 1, 2, 3, 4, 5] },
      { companyKey: S.equipment },
      { companyKey: S.server },
      { companyKey: S.comm },
      { companyKey: S.domainController },
      { companyKey: S.medical },
      { companyKey: S.components },
      { companyKey: S.lab },
      // The finance company arrived after the first slot.
      { companyKey: S.finance, availability: [1, 2, 3, 4, 5, 6, 7] },
    ],
    meetings: PAST_MEETINGS.map(meeting),
  };
}

/** Segments whose first companies have registered for the upcoming session, with how many of each. */
const UPCOMING_REGISTRANTS: readonly (readonly [segment: string, count: number])[] = [
  ['vehicle-maker', 2],
  ['battery', 2],
  ['harness', 2],
  ['lidar', 1],
  ['reducer', 2],
  ['servo', 1],
  ['stamping', 1],
];

/** Hand-written companies that registered early. */
const UPCOMING_HANDWRITTEN = [S.robot, S.integrator, S.domainController, S.lab, 'harness-hongguan'];

function upcomingSession(now: Date, companies: readonly SeedCompany[]): SeedSession {
  const keys = [...UPCOMING_HANDWRITTEN];
  const bySegment = new Map<string, string[]>();
  for (const [segment, count] of UPCOMING_REGISTRANTS) {
    const found = companies.filter((c) => c.segment === segment && !keys.includes(c.key)).slice(0, count);
    if (found.length < count) throw new Error(`upcoming session: segment ${segment} has fewer than ${count} companies`);
    keys.push(...found.map((c) => c.key));
    bySegment.set(segment, found.map((c) => c.key));
  }
  const of = (segment: string) => bySegment.get(segment) ?? [];
  const requests: SessionRequest[] = [
    { from: S.integrator, to: S.robot, priority: 3, note: '焊装线改造项目需要确定机器人选型' },
    { from: S.domainController, to: S.lab, priority: 2, note: '新一代域控制器的EMC与可靠性测试排期' },
    { from: S.robot, to: 'harness-hongguan', priority: 1 },
  ];
  // Each vehicle maker meets its would-be suppliers; robot makers meet the reducer and servo makers.
  for (const maker of of('vehicle-maker')) {
    for (const [segment, priority] of [['battery', 3], ['harness', 2], ['lidar', 2], ['stamping', 1]] as const) {
      for (const supplier of of(segment)) requests.push({ from: supplier, to: maker, priority });
    }
    requests.push({ from: S.domainController, to: maker, priority: 2 });
  }
  for (const supplier of [...of('reducer'), ...of('servo')]) requests.push({ from: supplier, to: S.robot, priority: 2 });
  for (const supplier of of('reducer')) requests.push({ from: S.integrator, to: supplier, priority: 1 });
  return {
    key: 'session-nev-robotics',
    source: DEMO_SOURCE,
    title: '新能源智能汽车与机器人产业链供需对接会',
    startsAt: beijingTime(now, 21, 9, 30),
    slotMinutes: 15,
    slotCount: 12,
    tables: 10,
    breakMinutes: 5,
    venue: '北京亦庄新能源汽车产业园会议中心二层',
    industries: ['C3612', 'C3670', 'C3841', 'C3940', 'C3491', 'C3453', 'C3813'],
    description:
      '面向整车、动力电池、线束、激光雷达、冲压件以及机器人本体和核心部件企业，围绕“整车带动零部件、机器人进工厂”开展一对一对接，' +
      '欢迎区内相关企业报名并提交约见需求。',
    registrationClosesAt: beijingTime(now, 14, 18, 0),
    status: 'open',
    // Early registrants; a few can only stay for the morning's first half.
    participants: keys.map((companyKey, i) => (i % 5 === 3 ? { companyKey, availability: [0, 1, 2, 3, 4, 5] } : { companyKey })),
    meetings: [],
    // Requests already accepted, so the bureau can compute the agenda right away (POST /sessions/{id}/schedule).
    requests,
  };
}

export function buildSessions(now: Date, companies: readonly SeedCompany[]): SeedSession[] {
  return [pastSession(now), upcomingSession(now, companies)];
}
