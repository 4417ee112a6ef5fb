/**
 * Labelled evaluation set of the matcher over the demo zone (seeds/demo). Each query is a need or a capability
 * of a zone company — a demo posting by key, or an ad-hoc posting the evaluation creates for the requester —
 * and graded judgements of the companies a bureau officer would accept as partners: for a need, the companies
 * that supply it; for a capability, the companies that buy it.
 *
 * Grades are read off the data, never off a ranking: 3 = the company explicitly offers (or asks for) the thing,
 * 2 = a good fit from its segment and profile, 1 = acceptable. Segment grades cover a whole group; company grades
 * override them. Where a query's posting names a certification, companies without it get at most 1. Distractor
 * companies (seeds/demo/distractors.ts) are named with grade 0 where their words overlap the query.
 *
 * Composed demo postings pick their wordings independently, so a title may name one product and the description
 * another ("培养基国产替代" / "导入国产层析填料"); both are judged as written.
 */
import { DISTRACTORS } from '../../../seeds/demo/index.js';
import type { EvalQuery, Grade } from './types.js';

/** The same grade for each of the keys. */
function grade<G extends Grade>(g: G, ...keys: readonly string[]): Record<string, G> {
  return Object.fromEntries(keys.map((key) => [key, g]));
}

// ── Buyers and suppliers that recur across queries ─────────────────────────────────────────────────────────

/** Companies with a PCBA outsourcing need and no certification requirement. */
const PCBA_BUYERS_OPEN = ['server-xinxing', 'comm-jixun', 'comm-equipment-hongde', 'servo-qichen', 'servo-nuohua', 'charging-sifeng'];
/** PCBA outsourcing needs that require ISO 9001, IATF 16949 or ISO 13485 from the EMS. */
const PCBA_BUYERS_ISO9001 = ['server-xinghe'];
const PCBA_BUYERS_IATF = ['auto-zhijia', 'smart-cockpit-lianshang', 'smart-cockpit-kaihai', 'smart-cockpit-yuande', 'e-drive-tianyong'];
const PCBA_BUYERS_ISO13485 = ['meddevice-kangrui', 'med-devices-dingzheng', 'ivd-zhirui', 'ivd-zhirun', 'ivd-minghe', 'ivd-fengyi', 'ivd-qirun'];
/** Automotive board needs posted under other titles (BMS slave boards, chassis ECUs). */
const PCBA_BUYERS_AUTOMOTIVE_BOARDS = ['battery-weijing', 'chassis-xiangan', 'chassis-wanhe'];

/** EMS plants holding IATF 16949 / ISO 13485. */
const EMS_IATF = ['ems-jinglian', 'ems-tailian', 'ems-hengyun'];
const EMS_ISO13485 = ['ems-jinglian', 'ems-junheng', 'ems-hairong', 'ems-chenxiang'];
/** PCB makers that sell PCB + SMT as one service through partner assembly plants. */
const PCB_ONE_STOP = ['pcb-xuan', 'pcb-xinhai', 'pcb-yijie', 'pcb-chiqing'];
const PCB_ONE_STOP_IATF = ['pcb-xuan', 'pcb-xinhai', 'pcb-chiqing'];

/** Cleanroom builds (electronics / device grade) and GMP clean areas posted as needs. */
const CLEANROOM_NEEDS = [
  'ic-fab-taikun', 'ic-fab-younuo', 'semi-equipment-hangying', 'semi-equipment-anhe', 'semi-equipment-liming', 'display-weirui',
  'med-devices-huabo', 'med-devices-zhuosheng', 'pharma-packaging-yunyuan', 'pharma-packaging-kesheng',
];
const GMP_CLEANROOM_NEEDS = ['biologics-anrui', 'biologics-bofeng', 'cdmo-jingming', 'bio-materials-maituo', 'bio-materials-lihai'];

/** Needs for production workers (dispatch, outsourcing), for construction crews and for engineers. */
const WORKER_NEEDS = [
  'ic-fab-nuohui', 'display-yijing', 'components-tianhao', 'components-youbo', 'pcb-xinhai', 'pcb-wanfeng', 'ems-junheng', 'ems-hairong',
  'ems-haohang', 'server-anhong', 'server-zhengchen', 'cdmo-chuanrong', 'chem-pharma-yuanhang', 'chem-pharma-xiangda', 'med-devices-xiangqi',
  'med-devices-tongsi', 'med-devices-lansheng', 'ivd-zhuoyong', 'ivd-yuli', 'med-consumables-yulian', 'med-consumables-daying',
  'med-consumables-shanghui', 'pharma-distribution-shengwei', 'vehicle-maker-zhaopu', 'battery-haiyu', 'e-drive-chisi', 'e-drive-hangnuo',
  'harness-xinao', 'harness-chixin', 'smart-cockpit-lianshang', 'smart-cockpit-kaihai', 'stamping-shunrui', 'servo-hehui',
  'integrator-mingrong', 'integrator-haiming', 'cnc-machine-hengshang', 'cnc-machine-haosi', 'cnc-machine-ruihai', 'cnc-machine-chenrong',
  'agv-pufeng', 'fluid-power-hongrong', 'fluid-power-jiehang', 'logistics-ruiqing', 'logistics-fengxin', 'logistics-zhaoxiang',
  'logistics-youhang', 'logistics-yuanming', 'cold-chain-qike', 'cleanroom-rongao', 'cleanroom-zhengsheng', 'environment-hongsai',
  'environment-rongtong', 'environment-fengqing',
];
const CREW_NEEDS = ['cleanroom-huakai', 'cleanroom-zhengjia'];
/** Software firms asking for outsourced developers and implementers. */
const IT_OUTSOURCING_NEEDS = [
  'it-services-anchen', 'it-services-xuzhao', 'it-services-shunjia', 'it-services-langda', 'it-services-jiarong', 'it-services-shengchi',
  'mes-software-sili', 'mes-software-ruijia',
];
const ENGINEER_NEEDS = [
  'testing-yide', 'ic-design-yuntai', 'comm-equipment-pukai', 'it-services-haiyi', 'it-services-shengchi', 'it-services-shangtian',
  'biologics-chuanyong', 'biologics-yunkang', 'cdmo-yingshang', 'cro-qinglian', 'pharma-equipment-aohui', 'pharma-equipment-zhizhuo',
  'lidar-runtuo', 'lidar-yongde', 'lidar-boyuan', 'adas-software-maijie', 'adas-software-chuanchuang', 'adas-software-shunyun',
  'adas-software-danuo', 'adas-software-xintian', 'smart-cockpit-kaihai', 'smart-cockpit-yuande', 'industrial-robot-deqi',
  'industrial-robot-kaili', 'humanoid-robot-ruian', 'reducer-lixiang', 'reducer-kunli', 'reducer-mainuo', 'reducer-hechuan',
  'machine-vision-jingxin', 'integrator-desi', 'integrator-huaqi', 'mes-software-wanding', 'cnc-machine-yian', 'cnc-machine-chenrong',
  'testing-electrical-dingmai', 'testing-electrical-kunchuang', 'testing-electrical-ruide', 'testing-electrical-ruishang',
  'testing-life-shunxin', 'testing-life-jinglan',
];

/** Needs for order financing / factoring, and for equipment leasing. */
const FINANCING_NEEDS = [
  'ic-design-shangyuan', 'ic-design-keyuan', 'ic-design-zhaoyuan', 'ic-design-shunhao', 'components-hanghua', 'components-aosai', 'ems-qili',
  'comm-equipment-ruifeng', 'comm-equipment-jinxin', 'comm-equipment-zhiwei', 'server-hezhao', 'server-huatuo', 'it-services-jiarui',
  'it-services-haiyi', 'it-services-shengchi', 'it-services-jiaxin', 'it-services-xuzhao', 'distribution-derui', 'distribution-jinming',
  'lab-instruments-ruizhao', 'pharma-distribution-dingrun', 'harness-xinao', 'harness-qingjin', 'lidar-boyuan', 'lidar-xinhong',
  'adas-software-kunyi', 'adas-software-xintian', 'adas-software-zhuoshang', 'lightweight-mingchi', 'humanoid-robot-ruian', 'servo-dingpu',
  'machine-vision-jingxin', 'integrator-haiming', 'integrator-rongtian', 'integrator-jieming', 'mes-software-xinxu', 'mes-software-bojia',
  'fluid-power-hongrong', 'cleanroom-hanghai', 'cleanroom-zhengsheng', 'cleanroom-chuangjin',
];
const LEASING_NEEDS = [
  'ic-fab-taikun', 'semi-equipment-liming', 'photonics-hongrui', 'photonics-jiaying', 'photonics-lande', 'biologics-lianbo', 'biologics-chuanan',
  'biologics-jiebo', 'biologics-aozhi', 'biologics-ketai', 'biologics-bofeng', 'pharma-equipment-dalang', 'e-drive-hangnuo', 'stamping-yuda',
  'stamping-shunrui', 'stamping-chuangzhuo', 'industrial-robot-weijia', 'industrial-robot-deqi', 'reducer-mainuo', 'cnc-machine-taichen',
  'agv-langzhi', 'agv-jiefeng', 'agv-jiayuan', 'logistics-ruiqing', 'logistics-fengxin', 'logistics-pusi', 'cold-chain-chilan',
  'cold-chain-hengying',
];
/** Finance companies that offer factoring or order financing explicitly. */
const FACTORING = ['finance-yirong', 'finance-kangsi', 'finance-haoshang', 'finance-ronghong'];

/** Transport needs into the plant (raw materials) and out of it (finished goods). */
const INBOUND_LOGISTICS_NEEDS = [
  'display-weirui', 'components-kaizheng', 'ems-ruilang', 'comm-equipment-jinxin', 'server-anhong', 'distribution-derui', 'distribution-xinghong',
  'distribution-jinghong', 'distribution-jiazheng', 'chem-pharma-jingjia', 'med-consumables-shanghui', 'lightweight-nuoqing',
  'fluid-power-yongjin', 'fluid-power-junwei',
];
const OUTBOUND_LOGISTICS_NEEDS = [
  'components-hanghua', 'ems-qili', 'ems-zhaoxin', 'comm-equipment-hongde', 'server-jiejin', 'distribution-jinming', 'vehicle-maker-qian',
  'stamping-haisi', 'thermal-lianmai', 'thermal-jinxing',
];
/** Logistics companies running VMI warehouses with line-side delivery. */
const VMI_WAREHOUSES = [
  'logistics-gangtong', 'logistics-ruiqing', 'logistics-zhaoxiang', 'logistics-sitong', 'logistics-youhang', 'logistics-yuanming',
];

/** Cold-chain carriers holding GSP. */
const GSP_COLD_CHAIN = ['cold-chain-tianrui', 'cold-chain-qike', 'cold-chain-hengying'];

/** Device and consumables makers that sterilise with ethylene oxide for others. */
const EO_STERILISATION = [
  'med-devices-xiangqi', 'med-devices-tongsi', 'med-devices-dachuang', 'med-devices-xingming', 'med-devices-xingheng', 'med-devices-dingzheng',
  'med-devices-lansheng', 'med-devices-ruixu', 'med-devices-tianxin', 'med-devices-heying', 'med-consumables-dechi', 'med-consumables-yulian',
  'med-consumables-daying', 'med-consumables-shanghui', 'med-consumables-dawei', 'med-consumables-langli',
];
/** Device makers offering OEM/ODM or contract manufacturing of devices. */
const MED_DEVICE_OEM = [
  'med-devices-xiangqi', 'med-devices-huabo', 'med-devices-tongsi', 'med-devices-ruiyou', 'med-devices-dachuang', 'med-devices-xingming',
  'med-devices-xingheng', 'med-devices-dingzheng', 'med-devices-lansheng', 'med-devices-ruixu', 'med-devices-tianxin',
  'med-devices-zhuosheng', 'med-devices-heying', 'med-devices-hanghe',
];

/** Integrators and robot makers that sell whole automation solutions rather than parts. */
const AUTOMATION_SOLUTIONS = ['integrator-haiming', 'integrator-jieming', 'integrator-huaqi', 'integrator-xulan', 'integrator-xinnuo'];
const ROBOT_APPLICATIONS = ['industrial-robot-weijia', 'industrial-robot-deqi', 'industrial-robot-taiao', 'industrial-robot-yisheng'];

/** Labs offering EMC testing with CE support, and product certification. */
const EMC_CE_LABS = [
  'testing-yice', 'testing-electrical-dingmai', 'testing-electrical-wanlian', 'testing-electrical-kunchuang', 'testing-electrical-ruishang',
];

/** Lidar segment companies that make lidar themselves (the others make cameras, navigation modules, radar). */
const LIDAR_MAKERS = ['lidar-yongde', 'lidar-hongzhao', 'lidar-boyuan', 'lidar-xinhong'];

const { carWash, translation, catering, realEstate, advertising, drivingSchool, plants, repair } = DISTRACTORS;

// ── The queries ─────────────────────────────────────────────────────────────────────────────────────────────

export const EVAL_QUERIES: readonly EvalQuery[] = [
  // The story: 京联智造电子 lost half of its overseas orders.
  {
    id: 'q01-ems-domestic-customers',
    covers: ['story', 'chain-downstream'],
    requester: 'ems-jinglian',
    posting: { key: 'ems-jinglian-need-customers' },
    judgements: {
      segments: {
        server: 2, 'smart-cockpit': 2, 'comm-equipment': 1, 'med-devices': 1, ivd: 1, lidar: 1, 'e-drive': 1, servo: 1, charging: 1,
        'lab-instruments': 1, chassis: 1,
      },
      companies: {
        ...grade(3, ...PCBA_BUYERS_OPEN, ...PCBA_BUYERS_ISO9001, ...PCBA_BUYERS_IATF, ...PCBA_BUYERS_ISO13485),
        ...grade(2, ...PCBA_BUYERS_AUTOMOTIVE_BOARDS),
      },
    },
    note: 'Device makers that posted PCBA outsourcing needs (the EMS holds ISO 9001, IATF 16949 and ISO 13485), then their peers.',
  },
  {
    id: 'q02-ems-line-automation',
    covers: ['story', 'chain-upstream'],
    requester: 'ems-jinglian',
    posting: { key: 'ems-jinglian-need-automation' },
    judgements: {
      segments: { integrator: 2, 'machine-vision': 2, 'industrial-robot': 2, agv: 2, 'mes-software': 2, finance: 1 },
      companies: grade(
        3,
        'integrator-yizhi', 'automation-dachuan', 'integrator-mingrong', 'vision-jingtong', 'machine-vision-jingxin', 'robot-kaihong',
        'agv-lianchi', 'mes-zhiyun', 'equip-hansong', 'test-jingce',
      ),
    },
    note: 'Those offering SMT-line automation, insertion robots, AOI, SMT AMRs and electronics MES; leasing is acceptable as the need allows it.',
  },
  {
    id: 'q03-ems-domestic-components',
    covers: ['story', 'chain-upstream'],
    requester: 'ems-jinglian',
    posting: { key: 'ems-jinglian-need-components' },
    judgements: {
      segments: { components: 2, distribution: 2, 'ic-design': 1 },
      companies: grade(3, 'components-hengrui', 'connector-yuanfeng', 'components-zhaorui', 'components-kaizheng', 'ic-jinghui'),
    },
    note: 'Makers of passives, connectors and power-management chips; distributors and other component makers next.',
  },

  // Certification requirements.
  {
    id: 'q04-automotive-pcba-iatf',
    covers: ['certification', 'chain-upstream'],
    requester: 'auto-zhijia',
    posting: { key: 'auto-zhijia-need-auto-pcba' },
    judgements: {
      segments: { ems: 1, pcb: 1 },
      companies: { ...grade(3, ...EMS_IATF), ...grade(2, ...PCB_ONE_STOP_IATF) },
    },
    note: 'EMS plants with IATF 16949; PCB+SMT one-stop makers with IATF next; EMS without it and bare-board makers at most 1.',
  },
  {
    id: 'q05-medical-pcba-iso13485',
    covers: ['certification'],
    requester: 'meddevice-kangrui',
    posting: { key: 'meddevice-kangrui-need-medical-pcba' },
    judgements: {
      segments: { ems: 1, pcb: 1 },
      companies: grade(3, ...EMS_ISO13485),
    },
    note: 'Only EMS plants holding ISO 13485 qualify; other EMS plants and PCB makers are acceptable at best.',
  },
  {
    id: 'q06-battery-pack-iatf',
    covers: ['certification', 'chain-upstream'],
    requester: 'vehicle-maker-fengjing',
    posting: { key: 'vehicle-maker-fengjing-need-1' },
    judgements: {
      segments: { battery: 2 },
      companies: grade(
        3,
        'battery-shunzhuo', 'battery-kaishun', 'battery-zhuozhao', 'battery-shengming', 'battery-ruiyuan', 'battery-weijing', 'battery-mingrui',
      ),
    },
    note: 'Battery makers (all IATF 16949) that develop or supply packs; storage-only and cell-only makers are good but not ideal.',
  },
  {
    id: 'q07-antibody-clinical-batches-gmp',
    covers: ['certification'],
    requester: 'biologics-chuanyong',
    posting: {
      kind: 'need',
      title: '双抗临床批委托生产（需GMP）',
      description:
        '双特异性抗体即将进入I期临床，需要200L规模的原液和制剂临床批委托生产，受托方须具备GMP体系和生物药CMO经验，能配合准备IND申报资料，希望年内完成两批。',
      tags: ['CMO', '临床批', '委托生产', '抗体', 'GMP'],
      industries: ['C2761', 'M7340'],
      certificationsRequired: ['GMP'],
    },
    judgements: {
      segments: { cdmo: 1 },
      companies: {
        ...grade(
          3,
          'cdmo-chuanrong', 'biologics-anrui', 'biologics-youxu', 'biologics-lianbo', 'biologics-chuanan', 'biologics-yushang', 'biologics-bofeng',
        ),
        ...grade(
          2,
          'cdmo-jiasheng', 'cdmo-yichuang', 'cdmo-yingshang', 'biologics-rongxiang', 'biologics-chishang', 'biologics-tianao', 'biologics-ketai',
          'biologics-aozhi',
        ),
        ...grade(1, 'biologics-yunkang', 'biologics-jiebo'),
      },
    },
    note: 'GMP-certified CDMOs and biologics plants offering antibody CMO capacity; CDMOs without GMP certification at most 1.',
  },
  {
    id: 'q08-sterilisation-validation-cnas',
    covers: ['traditional', 'certification', 'service'],
    requester: 'meddevice-jiahe',
    posting: { key: 'meddevice-jiahe-need-testing' },
    judgements: {
      companies: {
        ...grade(1, ...EO_STERILISATION),
        ...grade(3, 'testing-life-shunxin', 'testing-life-jinglan'),
        'testing-life-jinzhao': 2,
        'testing-life-liwan': 1,
      },
    },
    note: 'CNAS life-science labs doing biocompatibility and registration testing; EO sterilisation providers (no CNAS) acceptable.',
  },
  {
    id: 'q09-cold-chain-gsp',
    covers: ['traditional', 'certification', 'service'],
    requester: 'bio-ruigang',
    posting: { key: 'bio-ruigang-need-cold-chain' },
    judgements: {
      segments: { 'cold-chain': 1, 'pharma-distribution': 1 },
      companies: grade(3, ...GSP_COLD_CHAIN),
    },
    note: 'GSP-certified cold-chain carriers; carriers and pharma distributors without the certificate acceptable.',
  },
  {
    id: 'q10-english-pcba-iatf',
    covers: ['english', 'certification'],
    requester: 'lidar-ruiao',
    posting: {
      kind: 'need',
      title: 'Looking for an SMT/PCBA contract manufacturer with IATF 16949',
      description:
        'We need a local EMS partner for the main board of our integrated navigation module: about 60,000 boards a year, SMT and ' +
        'through-hole, conformal coating, X-ray inspection and full traceability. The plant must be IATF 16949 certified and ready for a ' +
        'process audit.',
      tags: ['SMT', 'PCBA', 'EMS', 'automotive'],
      industries: ['C3982', 'C3990'],
      certificationsRequired: ['IATF 16949'],
    },
    judgements: {
      segments: { ems: 1, pcb: 1 },
      companies: { ...grade(3, ...EMS_IATF), ...grade(2, ...PCB_ONE_STOP_IATF) },
    },
    note: 'Same partners as the Chinese automotive PCBA need, asked in English.',
  },

  // Up the chain: what a maker buys.
  {
    id: 'q11-robot-reducers',
    covers: ['chain-upstream'],
    requester: 'robot-kaihong',
    posting: { key: 'robot-kaihong-need-reducers' },
    judgements: { segments: { reducer: 3 } },
    note: 'Every precision reducer maker in the zone; harmonic, RV and cycloidal reducers are what a robot arm needs.',
  },
  {
    id: 'q12-traditional-lidar',
    covers: ['traditional', 'synonym', 'chain-upstream', 'distractor'],
    requester: 'vehicle-maker-qian',
    posting: {
      kind: 'need',
      title: '尋找車規級雷射雷達供應商',
      description: 'L4無人配送車新平台需要車規級雷射雷達及補盲雷達，年需求約八千套，要求通過AEC-Q及功能安全評審，並可配合整車標定與聯調。',
      tags: ['雷射雷達', '補盲雷達', '車規級'],
      industries: ['C3940', 'C3976'],
    },
    judgements: {
      segments: { lidar: 2 },
      companies: { ...grade(3, ...LIDAR_MAKERS), [carWash]: 0, [drivingSchool]: 0 },
    },
    note: '雷射雷達 is 激光雷达: the lidar makers; the car wash that cleans lidar covers and the driving school are unrelated.',
  },
  {
    id: 'q13-driverless-sensors',
    covers: ['chain-upstream', 'distractor'],
    requester: 'adas-software-maijie',
    posting: { key: 'adas-software-maijie-need-2' },
    judgements: {
      segments: { lidar: 3 },
      companies: { 'lidar-ruiao': 2, [carWash]: 0, [drivingSchool]: 0 },
    },
    note: 'Lidar and camera suppliers for a driverless test fleet (title asks lidar, text asks cameras); not the car wash or driving school.',
  },
  {
    id: 'q14-biologics-culture-media',
    covers: ['chain-upstream'],
    requester: 'biologics-yunkang',
    posting: { key: 'biologics-yunkang-need-1' },
    judgements: {
      segments: { 'bio-materials': 2 },
      companies: grade(3, 'bio-ruigang', 'bio-materials-maituo', 'bio-materials-yongtai'),
    },
    note: 'Culture media and Protein A resin makers; other reagent and consumables makers good.',
  },
  {
    id: 'q15-chip-packaging',
    covers: ['chain-upstream'],
    requester: 'ic-design-yuzhao',
    posting: { key: 'ic-design-yuzhao-need-1' },
    judgements: {
      segments: { 'ic-fab': 2 },
      companies: { ...grade(3, 'ic-fab-huajia', 'ic-fab-taikun', 'ic-fab-shunyong'), 'ic-fab-yunpu': 1, 'ic-fab-younuo': 1 },
    },
    note: 'Packaging houses doing QFN/BGA with final test; wafer-test-only plants acceptable.',
  },
  {
    id: 'q16-vehicle-harness-iatf',
    covers: ['chain-upstream', 'certification'],
    requester: 'vehicle-maker-zhaopu',
    posting: {
      kind: 'need',
      title: '新车型低压线束及高压线束总成定点',
      description:
        '无人配送车新平台进入供应商定点阶段，需要整车低压线束和高压线束总成供应商参与同步开发，年需求约3万套，要求IATF 16949体系和JIT供货能力，工厂最好在区内。',
      tags: ['线束', '高压线束', '定点', 'JIT'],
      industries: ['C3670', 'C3831'],
      certificationsRequired: ['IATF 16949'],
    },
    judgements: {
      segments: { harness: 1 },
      companies: {
        ...grade(3, 'harness-hongguan', 'harness-xinshang', 'harness-xingzhi', 'harness-jingheng', 'harness-shunhang'),
        ...grade(2, 'harness-xinao', 'harness-chixin'),
      },
    },
    note: 'Harness makers with IATF 16949 that design with vehicle makers; harness makers without it at most 1.',
  },
  {
    id: 'q17-english-humanoid-joints',
    covers: ['english', 'chain-upstream'],
    requester: 'humanoid-robot-maihe',
    posting: {
      kind: 'need',
      title: 'Harmonic reducers and frameless torque motors for humanoid robot joints',
      description:
        'Our humanoid robot is moving to small-batch production. We need harmonic reducers and frameless torque motors for about 2,000 ' +
        'joint modules a year: light, high torque density, samples for joint testing welcome.',
      tags: ['harmonic reducer', 'frameless torque motor', 'humanoid'],
      industries: ['C3453', 'C3813'],
    },
    judgements: {
      segments: { reducer: 2, servo: 2 },
      companies: grade(3, 'reducer-jingjin', 'servo-hehui'),
    },
    note: 'The harmonic reducer maker and the frameless torque motor maker; other reducer and servo makers good.',
  },

  // Down the chain: a capability looking for buyers.
  {
    id: 'q18-reducer-buyers',
    covers: ['chain-downstream', 'capability'],
    requester: 'reducer-jingjin',
    posting: { key: 'reducer-jingjin-cap-1' },
    judgements: {
      segments: { 'industrial-robot': 2, 'humanoid-robot': 2, 'special-robot': 1, agv: 1, 'cnc-machine': 1 },
      companies: {
        ...grade(3, 'robot-kaihong', 'humanoid-robot-qishun', 'humanoid-robot-lijie'),
        ...grade(2, 'agv-langzhi', 'special-robot-xinzhuo', 'special-robot-tianpu'),
      },
    },
    note: 'Robot makers that asked for harmonic reducers; robot, AGV and machine-tool makers are the natural buyers.',
  },
  {
    id: 'q19-smt-capacity-buyers',
    covers: ['chain-downstream', 'capability'],
    requester: 'ems-tailian',
    posting: { key: 'ems-tailian-cap-1' },
    judgements: {
      segments: {
        server: 2, 'smart-cockpit': 2, 'comm-equipment': 1, lidar: 1, 'e-drive': 1, servo: 1, charging: 1, 'lab-instruments': 1, chassis: 1,
      },
      companies: {
        ...grade(3, ...PCBA_BUYERS_OPEN, ...PCBA_BUYERS_IATF),
        ...grade(2, ...PCBA_BUYERS_AUTOMOTIVE_BOARDS),
        ...grade(1, ...PCBA_BUYERS_ISO9001, ...PCBA_BUYERS_ISO13485),
      },
    },
    note: 'PCBA buyers; the plant holds IATF 16949 but neither ISO 9001 nor ISO 13485, so needs requiring those are acceptable at best.',
  },
  {
    id: 'q20-lidar-buyers',
    covers: ['chain-downstream', 'capability'],
    requester: 'lidar-yongde',
    posting: { key: 'lidar-yongde-cap-3' },
    judgements: {
      segments: { 'vehicle-maker': 2, 'adas-software': 1, agv: 1 },
      companies: {
        ...grade(3, 'adas-software-danuo', 'adas-software-chuanchuang', 'adas-software-zhuoshang'),
        ...grade(2, 'adas-software-maijie', 'agv-lianchi'),
      },
    },
    note: 'Driving-software companies buying lidar for test fleets, vehicle makers, and AMR makers using navigation lidar.',
  },
  {
    id: 'q21-culture-media-buyers',
    covers: ['traditional', 'chain-downstream', 'capability'],
    requester: 'bio-ruigang',
    posting: { key: 'bio-ruigang-cap-media' },
    judgements: {
      segments: { biologics: 2, cdmo: 2 },
      companies: grade(3, 'biologics-yunkang', 'biologics-tianao', 'cdmo-dalan', 'cdmo-langmai', 'cdmo-yingshang'),
    },
    note: 'Biologics makers and CDMOs that asked for domestic culture media; every biologics plant and CDMO is a good lead.',
  },
  {
    id: 'q22-harness-buyers',
    covers: ['traditional', 'chain-downstream', 'capability'],
    requester: 'harness-hongguan',
    posting: { key: 'harness-hongguan-cap-harness' },
    judgements: {
      segments: { 'vehicle-maker': 2, battery: 1, 'e-drive': 1, charging: 1, 'smart-cockpit': 1 },
      companies: { 'auto-zhijia': 3 },
    },
    note: 'The domain-controller maker asking for automotive harnesses; vehicle makers the natural buyers; packs, drives and chargers acceptable.',
  },
  {
    id: 'q23-frameless-motor-buyers',
    covers: ['chain-downstream', 'capability'],
    requester: 'servo-hehui',
    posting: { key: 'servo-hehui-cap-1' },
    judgements: {
      segments: { 'industrial-robot': 1 },
      companies: {
        ...grade(3, 'humanoid-robot-yuwan', 'humanoid-robot-lijie'),
        ...grade(2, 'humanoid-robot-qishun', 'humanoid-robot-tailan', 'agv-langzhi'),
        ...grade(
          1,
          'equip-hansong', 'automation-dachuan', 'semi-equipment-yilan', 'semi-equipment-junke', 'pharma-equipment-ruizhuo', 'chassis-wanhe',
          'special-robot-tianpu', 'special-robot-xinzhuo', 'special-robot-qingsi', 'agv-jiayuan', 'med-devices-yongying', 'cnc-machine-hengshang',
          'pharma-equipment-dalang',
        ),
      },
    },
    note: 'Robot makers asking for frameless torque motors (yuwan in its description, lijie in its title); other joint builders good; equipment makers buying servo systems are acceptable leads.',
  },
  {
    id: 'q24-cleanroom-buyers',
    covers: ['chain-downstream', 'capability', 'service', 'distractor'],
    requester: 'cleanroom-zhengjia',
    posting: { key: 'cleanroom-zhengjia-cap-1' },
    judgements: {
      segments: {
        'ic-fab': 1, 'semi-equipment': 1, display: 1, biologics: 1, cdmo: 1, 'med-devices': 1, 'med-consumables': 1, ivd: 1,
        'pharma-packaging': 1, 'bio-materials': 1,
      },
      companies: { ...grade(3, ...CLEANROOM_NEEDS, ...GMP_CLEANROOM_NEEDS), [plants]: 0, [catering]: 0 },
    },
    note: 'Companies that posted cleanroom or GMP clean-area builds (the contractor does both); plant rental and canteen only mention cleanrooms.',
  },
  {
    id: 'q25-worker-dispatch-buyers',
    covers: ['capability', 'service'],
    requester: 'staffing-yonghua',
    posting: { key: 'staffing-yonghua-cap-2' },
    judgements: {
      companies: { ...grade(1, ...ENGINEER_NEEDS, ...IT_OUTSOURCING_NEEDS), ...grade(2, ...CREW_NEEDS), ...grade(3, ...WORKER_NEEDS) },
    },
    note: 'Every company asking for production workers or dispatch; construction crews good; engineer hiring and IT outsourcing acceptable.',
  },
  {
    id: 'q26-factoring-buyers',
    covers: ['capability', 'service'],
    requester: 'finance-yirong',
    posting: { key: 'finance-yirong-cap-order-finance' },
    judgements: {
      companies: { ...grade(1, ...LEASING_NEEDS), ...grade(3, ...FINANCING_NEEDS) },
    },
    note: 'Companies asking for factoring, order or supply-chain financing; equipment leasing needs acceptable.',
  },
  {
    id: 'q27-connector-buyers',
    covers: ['traditional', 'chain-downstream', 'capability'],
    requester: 'connector-yuanfeng',
    posting: { key: 'connector-yuanfeng-cap-connectors' },
    judgements: {
      segments: { ems: 1, harness: 1, 'smart-cockpit': 1 },
      companies: {
        ...grade(3, 'ems-jinglian', 'auto-zhijia', 'harness-hongguan'),
        'harness-xinao': 2,
        'battery-weijing': 1,
        'ems-yuanzheng': 0,
      },
    },
    note: 'Buyers that asked for connectors or terminals; EMS, harness and cockpit-electronics makers use them.',
  },
  {
    id: 'q28-english-media-resin-buyers',
    covers: ['english', 'chain-downstream', 'capability'],
    requester: 'bio-materials-maituo',
    posting: {
      kind: 'capability',
      title: 'Serum-free CHO media and Protein A affinity resin, made in Beijing',
      description:
        'Chemically defined CHO media and feeds, and Protein A affinity resin as a domestic alternative to imported products. Free samples, ' +
        'DMF support and scale-up help for biologics makers and CDMOs in the zone.',
      tags: ['cell culture media', 'Protein A', 'bioprocess'],
      industries: ['C2761', 'C2661'],
    },
    judgements: {
      segments: { biologics: 2, cdmo: 2 },
      companies: grade(
        3,
        'biologics-yunkang', 'biologics-tianao', 'biologics-anrui', 'biologics-ketai', 'cdmo-dalan', 'cdmo-langmai', 'cdmo-yingshang',
      ),
    },
    note: 'Biologics makers and CDMOs that asked for domestic media or Protein A resin.',
  },

  // Traditional characters.
  {
    id: 'q29-connector-assembly-automation',
    covers: ['traditional', 'chain-upstream'],
    requester: 'connector-yuanfeng',
    posting: { key: 'connector-yuanfeng-need-automation' },
    judgements: {
      segments: { integrator: 2, 'machine-vision': 2, 'industrial-robot': 1 },
      companies: grade(
        3,
        'automation-dachuan', 'integrator-huaqi', 'machine-vision-jingxin', 'machine-vision-kangming', 'machine-vision-xiangyi',
        'machine-vision-hongda',
      ),
    },
    note: 'Assembly automation and CCD/visual inspection suppliers.',
  },
  {
    id: 'q30-display-driver-ic',
    covers: ['traditional', 'chain-upstream'],
    requester: 'display-guanhua',
    posting: { key: 'display-guanhua-need-driver-ic' },
    judgements: {
      segments: { 'ic-design': 1, distribution: 1 },
      companies: {
        'ic-design-keyuan': 3,
        ...grade(2, 'ic-design-shangyuan', 'ic-design-zhaotian', 'ic-design-mingyun', 'ic-design-zhiheng', 'ic-design-tiande'),
      },
    },
    note: 'The display-driver chip designer; design houses offering custom chips good; other chip designers and distributors acceptable.',
  },
  {
    id: 'q31-servo-motors-local',
    covers: ['traditional', 'chain-upstream'],
    requester: 'automation-dachuan',
    posting: { key: 'automation-dachuan-need-servo' },
    judgements: { segments: { servo: 3 } },
    note: 'Servo motor, drive and motion-controller makers.',
  },
  {
    id: 'q32-reliability-engineers',
    covers: ['traditional', 'service'],
    requester: 'testing-yide',
    posting: { key: 'testing-yide-need-engineers' },
    judgements: {
      segments: { staffing: 1 },
      companies: grade(3, 'staffing-huike', 'staffing-yonghua', 'staffing-huahui', 'staffing-ruilian'),
    },
    note: 'Staffing firms with headhunting; dispatch-only and training firms acceptable.',
  },
  {
    id: 'q33-electric-vans',
    covers: ['traditional', 'distractor'],
    requester: 'logistics-gangtong',
    posting: { key: 'logistics-gangtong-need-trucks' },
    judgements: {
      segments: { 'vehicle-maker': 2 },
      companies: { ...grade(3, 'vehicle-maker-junjia', 'vehicle-maker-zhilan'), [carWash]: 0, [drivingSchool]: 0 },
    },
    note: 'Makers of electric commercial vehicles; the car wash and driving school only talk about electric cars.',
  },
  {
    id: 'q34-vmi-warehouse-buyers',
    covers: ['traditional', 'capability', 'service'],
    requester: 'logistics-gangtong',
    posting: { key: 'logistics-gangtong-cap-vmi' },
    judgements: {
      segments: { ems: 1 },
      companies: { ...grade(2, ...OUTBOUND_LOGISTICS_NEEDS), ...grade(3, ...INBOUND_LOGISTICS_NEEDS) },
    },
    note: 'Plants asking for inbound delivery or warehousing; outbound transport needs good; EMS plants are typical VMI users.',
  },

  // English.
  {
    id: 'q35-english-biologics-cold-chain',
    covers: ['english', 'service', 'certification'],
    requester: 'biologics-lianbo',
    posting: {
      kind: 'need',
      title: 'Cold chain logistics for biologics (2–8 °C)',
      description:
        'Monoclonal antibody vials need 2–8 °C transport with real-time temperature logging and validated packaging, about 60 shipments a ' +
        'month to hospitals in Beijing, Tianjin and Hebei. GSP certified carriers only.',
      tags: ['cold chain', 'GSP', 'pharmaceutical logistics'],
      industries: ['G5432', 'G5930'],
      certificationsRequired: ['GSP'],
    },
    judgements: {
      segments: { 'cold-chain': 1, 'pharma-distribution': 1 },
      companies: grade(3, ...GSP_COLD_CHAIN),
    },
    note: 'GSP-certified pharmaceutical cold chain; carriers without GSP acceptable.',
  },
  {
    id: 'q36-english-cleanroom-build',
    covers: ['english', 'service', 'distractor'],
    requester: 'ic-fab-yunpu',
    posting: {
      kind: 'need',
      title: 'Cleanroom contractor for an ISO 6 test-floor expansion (about 1,500 m²)',
      description:
        'We are expanding our wafer test floor and need a contractor to design and build an ISO 6 cleanroom with FFUs, HVAC, process ' +
        'cooling water and compressed air, including certification testing, completed within five months.',
      tags: ['cleanroom', 'FFU', 'HVAC'],
      industries: ['E49', 'E50', 'C3463'],
    },
    judgements: {
      segments: { cleanroom: 3 },
      companies: { 'cleanroom-rongao': 2, [plants]: 0, [catering]: 0 },
    },
    note: 'Cleanroom contractors; the plant-rental firm and the canteen mention cleanrooms but build nothing.',
  },
  {
    id: 'q37-english-amr-line-feeding',
    covers: ['english', 'chain-upstream'],
    requester: 'ems-bochi',
    posting: {
      kind: 'need',
      title: 'AGV/AMR for material delivery from warehouse to SMT lines',
      description:
        'Looking for autonomous mobile robots that carry reels and feeder carts from the warehouse to line-side, with fleet management ' +
        'linked to our MES and WMS. About 20 robots in the first phase.',
      tags: ['AMR', 'AGV', 'intralogistics'],
      industries: ['C3439', 'C3434'],
    },
    judgements: {
      segments: { agv: 2 },
      companies: {
        ...grade(3, 'agv-lianchi', 'integrator-yizhi', 'agv-huiying', 'agv-xingchuan'),
        'agv-jiayuan': 1,
        'mes-software-xinxu': 1,
      },
    },
    note: 'AMR makers and the integrator offering SMT line-side delivery; a sorter maker and a WMS vendor acceptable.',
  },
  {
    id: 'q38-english-emc-ce',
    covers: ['english', 'service'],
    requester: 'industrial-robot-wanwei',
    posting: {
      kind: 'need',
      title: 'EMC testing and CE marking for a six-axis robot controller',
      description:
        'Our robot controller goes to the EU next year. We need pre-compliance EMC tests, help with fixes and a formal test report for ' +
        'CE marking, ideally in a 3 m or 10 m chamber nearby.',
      tags: ['EMC', 'CE', 'testing'],
      industries: ['M7452', 'M7455'],
    },
    judgements: {
      segments: { 'testing-electrical': 2 },
      companies: { ...grade(3, ...EMC_CE_LABS), ...grade(1, 'smart-cockpit-kaihai', 'smart-cockpit-yuande', 'vehicle-maker-zhilan') },
    },
    note: 'Labs doing EMC with CE support; automotive firms renting out EMC chambers acceptable.',
  },
  {
    id: 'q39-english-factoring',
    covers: ['english', 'service'],
    requester: 'harness-qingjin',
    posting: {
      kind: 'need',
      title: 'Factoring our receivables from vehicle makers',
      description:
        'Most of our sales are 90-day receivables from vehicle makers in the zone. We would like to factor about RMB 15 million of them ' +
        'or get an order-backed credit line.',
      tags: ['factoring', 'supply chain finance'],
      industries: ['J6639', 'L7224'],
    },
    judgements: { segments: { finance: 2 }, companies: grade(3, ...FACTORING) },
    note: 'Supply-chain finance companies offering factoring; leasing companies good.',
  },

  // How people actually talk.
  {
    id: 'q40-colloquial-messy-warehouse',
    covers: ['colloquial', 'service'],
    requester: 'components-hanghua',
    posting: {
      kind: 'need',
      title: '我们的仓库太乱了，想找人帮忙管起来',
      description: '厂里的原材料和成品堆在一起，找货经常要半天，账也对不上。想找个懂行的来帮我们把仓库管起来，或者干脆外包出去。',
    },
    judgements: {
      segments: { logistics: 2, agv: 1 },
      companies: { ...grade(3, ...VMI_WAREHOUSES), 'mes-software-xinxu': 2 },
    },
    note: 'Logistics firms running VMI warehouses; a WMS vendor good; warehouse automation acceptable.',
  },
  {
    id: 'q41-colloquial-short-of-workers',
    covers: ['colloquial', 'service'],
    requester: 'stamping-mingyi',
    posting: {
      kind: 'need',
      title: '厂里工人招不到，想找能派人的',
      description: '冲压车间最近订单多，普工老是招不满，来了也待不长。想找能直接派人过来的，先要三四十个，能长期合作最好。',
    },
    judgements: { segments: { staffing: 3 }, companies: { 'staffing-kangxu': 1 } },
    note: 'Labour dispatch and job outsourcing firms; the training-only firm acceptable.',
  },
  {
    id: 'q42-colloquial-export-certification',
    covers: ['colloquial', 'service'],
    requester: 'industrial-robot-yisheng',
    posting: {
      kind: 'need',
      title: '产品要出口欧洲，需要有人帮忙做认证',
      description: '焊接机器人工作站有欧洲客户在谈，听说要过CE认证，还要做电磁兼容测试。公司没人做过，想找个熟悉的机构从头带着做。',
    },
    judgements: {
      segments: { 'testing-electrical': 2 },
      companies: { ...grade(3, ...EMC_CE_LABS), [translation]: 1 },
    },
    note: 'Labs with EMC testing and CE support; the translation agency can translate manuals for the EU, which is acceptable.',
  },
  {
    id: 'q43-colloquial-receivables',
    covers: ['colloquial', 'service'],
    requester: 'components-youbo',
    posting: {
      kind: 'need',
      title: '资金周转有点紧，能不能用应收账款融资',
      description: '客户账期拉到了120天，回款慢，原材料又要付现款，资金周转有点紧。手上有几家大客户的应收账款，想问问能不能拿来融资。',
    },
    judgements: { segments: { finance: 2 }, companies: grade(3, ...FACTORING) },
    note: 'Factoring and order-financing providers; other finance companies good.',
  },
  {
    id: 'q44-colloquial-replace-labour',
    covers: ['colloquial', 'chain-upstream'],
    requester: 'plastic-parts-yunheng',
    posting: {
      kind: 'need',
      title: '车间招人难，想上机器把人换下来',
      description: '注塑车间取件、去水口和装箱全靠人，夜班更难招。想找做自动化的来看看，哪些工位能用机器人代替，大概要投多少钱。',
    },
    judgements: {
      segments: { integrator: 2, 'industrial-robot': 2, 'machine-vision': 1, agv: 1 },
      companies: grade(3, ...AUTOMATION_SOLUTIONS, ...ROBOT_APPLICATIONS),
    },
    note: 'Automation integrators and robot makers selling whole workstations; the user wants machines, not more workers.',
  },
  {
    id: 'q45-colloquial-frozen-samples',
    covers: ['colloquial', 'service'],
    requester: 'cro-qinglian',
    posting: {
      kind: 'need',
      title: '冻着的样本要送到外地医院，路上不能化',
      description: '临床试验的血样要保持在零下七十度以下，从亦庄的实验室送到天津、石家庄的几家医院，每周两三趟，路上的温度得有记录。',
    },
    judgements: {
      segments: { 'cold-chain': 2 },
      companies: { ...grade(3, 'cold-chain-chilan', 'cold-chain-qike'), 'pharma-distribution-zhuoxin': 1 },
    },
    note: 'Carriers with −70 °C transport of clinical samples; other sample couriers good.',
  },
  {
    id: 'q46-colloquial-fast-boards',
    covers: ['colloquial', 'synonym'],
    requester: 'humanoid-robot-ruian',
    posting: {
      kind: 'need',
      title: '板子打样太慢，想在附近找能快点做板的',
      description: '我们的控制板每次改版都要寄到南方打样，来回一个多星期。想在区内找能两三天出板的，最好顺便把元件也贴好。',
    },
    judgements: {
      segments: { pcb: 3, ems: 1 },
      companies: grade(
        2,
        'ems-jinglian', 'ems-junheng', 'ems-hairong', 'ems-tailian', 'ems-yuanzheng', 'ems-haohang', 'ems-ruilang', 'ems-yihui', 'ems-lanan',
        'ems-zhaoxin',
      ),
    },
    note: '板子 means PCBs: quick-turn PCB makers; EMS plants offering fast NPI prototypes good.',
  },
  {
    id: 'q47-colloquial-dusty-workshop',
    covers: ['colloquial', 'service', 'distractor'],
    requester: 'med-consumables-dawei',
    posting: {
      kind: 'need',
      title: '车间灰尘太大，客户老投诉，想改一下',
      description: '注射器组装车间是普通厂房，灰尘多，客户审核说不符合要求。想把组装那一段改成无尘的，大概四五百平米，不知道该找谁做。',
    },
    judgements: {
      segments: { cleanroom: 3 },
      companies: { 'cleanroom-rongao': 2, [plants]: 0, [catering]: 0 },
    },
    note: 'Cleanroom contractors; plants and canteen meals do not fix dust.',
  },

  // The same thing said another way.
  {
    id: 'q48-surface-mount-outsourcing',
    covers: ['synonym'],
    requester: 'servo-chenlang',
    posting: {
      kind: 'need',
      title: '驱动器控制板表面贴装外协',
      description: '伺服驱动器的控制板和功率板需要找区内工厂做表面贴装和插件焊接，年量约两万片，来料加工，要求做功能测试和三防漆。',
      industries: ['C3982'],
    },
    judgements: { segments: { ems: 3, pcb: 1 }, companies: grade(2, ...PCB_ONE_STOP) },
    note: '表面贴装 is SMT and 外协 is contract manufacturing: EMS plants; PCB+SMT one-stop services good, bare boards acceptable.',
  },
  {
    id: 'q49-machining-subcontract',
    covers: ['synonym'],
    requester: 'integrator-botong',
    posting: {
      kind: 'need',
      title: '非标件数控加工委外',
      description: '自动化设备的非标铝件和钢件需要找区内机械加工厂委外加工，每月三四百件，图纸齐全，公差±0.02mm，一周交货。',
      industries: ['C3484'],
    },
    judgements: {
      segments: { 'cnc-machine': 1, 'casting-machining': 2 },
      companies: {
        ...grade(3, 'cnc-machine-hengshang', 'cnc-machine-haosi', 'cnc-machine-shengrui', 'casting-machining-tongsai', 'casting-machining-hanghao'),
        ...grade(
          1,
          'semi-equipment-junke', 'semi-equipment-anhe', 'semi-equipment-yuanmai', 'semi-equipment-haoda', 'semi-equipment-qingke',
          'semi-equipment-taizhao', 'semi-equipment-lanjin', 'semi-equipment-liming', 'semi-equipment-xianglan', 'reducer-mainuo',
        ),
      },
    },
    note: '委外/数控加工 is CNC subcontracting: shops offering CNC and machining work; precision-parts and gear shops acceptable.',
  },
  {
    id: 'q50-purification-workshop',
    covers: ['synonym', 'service'],
    requester: 'display-weirui',
    posting: { key: 'display-weirui-need-2' },
    judgements: { segments: { cleanroom: 3 }, companies: { 'cleanroom-rongao': 2 } },
    note: '净化车间 is a cleanroom: cleanroom contractors.',
  },
  {
    id: 'q51-dust-free-workshop',
    covers: ['synonym', 'service', 'distractor'],
    requester: 'ic-fab-taikun',
    posting: { key: 'ic-fab-taikun-need-2' },
    judgements: { segments: { cleanroom: 3 }, companies: { 'cleanroom-rongao': 2, [plants]: 0 } },
    note: '无尘车间 is a cleanroom: cleanroom contractors, not the plant-rental firm.',
  },
  {
    id: 'q52-gearbox-reducers',
    covers: ['synonym', 'chain-upstream'],
    requester: 'special-robot-tianpu',
    posting: {
      kind: 'need',
      title: '巡检机器人关节用精密减速机采购',
      description: '轨道巡检机器人的云台和升降关节需要精密减速机和行星减速机，每年约600台，要求背隙小、能在零下二十度正常工作。',
      industries: ['C3453'],
    },
    judgements: { segments: { reducer: 3 } },
    note: '减速机 is 减速器: the reducer makers.',
  },
  {
    id: 'q53-loading-manipulators',
    covers: ['synonym', 'chain-upstream', 'distractor'],
    requester: 'cnc-machine-haosi',
    posting: {
      kind: 'need',
      title: '机床上下料机械手',
      description: '数控车床和加工中心需要上下料机械手，配料仓和视觉定位，先改造六台机床，希望做到一人看多台。',
      industries: ['C3491', 'C3499'],
    },
    judgements: {
      segments: { 'industrial-robot': 2, integrator: 2 },
      companies: {
        ...grade(3, 'integrator-desi', 'robot-kaihong', ...ROBOT_APPLICATIONS),
        ...grade(1, 'machine-vision-lanjia', 'machine-vision-tonglan', 'machine-vision-xiangyi'),
        [advertising]: 0,
      },
    },
    note: '机械手 is an industrial robot: loading workstations and robot makers; vision-guidance firms acceptable; not the robot-show booth builder.',
  },
  {
    id: 'q54-private-label-infusion-sets',
    covers: ['synonym'],
    requester: 'med-devices-jinfeng',
    posting: {
      kind: 'need',
      title: '一次性输液器贴牌生产',
      description: '输液泵配套的一次性输液器想找有医疗器械生产资质的工厂贴牌生产，年量约200万套，需要十万级洁净车间和环氧乙烷灭菌，我们提供注册证。',
      industries: ['C2770', 'C3584'],
    },
    judgements: {
      segments: { 'med-consumables': 2 },
      companies: {
        ...grade(1, ...MED_DEVICE_OEM),
        ...grade(3, 'meddevice-jiahe', 'med-consumables-dechi', 'med-consumables-shanghui', 'med-consumables-dawei', 'med-consumables-langli'),
      },
    },
    note: '贴牌生产 is OEM: consumables makers offering OEM; device OEMs acceptable.',
  },

  // Distractors.
  {
    id: 'q55-device-registration-cro',
    covers: ['distractor', 'service'],
    requester: 'ivd-xinrun',
    posting: {
      kind: 'need',
      title: '二类医疗器械临床评价和注册申报外包',
      description: '新一代干式荧光免疫分析仪准备申报二类注册，需要CRO做临床评价方案、临床试验管理和注册资料撰写，最好熟悉NMPA的审评要求。',
      industries: ['M7340'],
    },
    judgements: {
      segments: { cro: 3 },
      companies: {
        'cro-anzhao': 2,
        'cro-puhong': 1,
        ...grade(
          2,
          'med-devices-yuanjia', 'med-devices-xiangqi', 'med-devices-tongsi', 'med-devices-huajin', 'med-devices-xingming', 'med-devices-ruixu',
          'med-devices-heying',
        ),
        'testing-life-shunxin': 1,
        [translation]: 0,
      },
    },
    note: 'CROs running device clinical evaluation and registration; the translation agency only translates such dossiers.',
  },
  {
    id: 'q56-server-board-pcba-vs-phone-repair',
    covers: ['distractor', 'certification'],
    requester: 'server-xinghe',
    posting: { key: 'server-xinghe-need-local-pcba' },
    judgements: {
      segments: { ems: 3, pcb: 1 },
      companies: { ...grade(2, ...PCB_ONE_STOP), 'ems-tailian': 1, 'ems-haohang': 1, [repair]: 0, [realEstate]: 0 },
    },
    note: 'EMS plants with ISO 9001, then PCB makers; the phone shop doing BGA repairs and the estate agent housing server engineers are unrelated.',
  },

  // More services.
  {
    id: 'q57-environmental-test-cnas',
    covers: ['service', 'certification'],
    requester: 'pcb-zhifeng',
    posting: { key: 'pcb-zhifeng-need-2' },
    judgements: {
      segments: { 'testing-electrical': 2 },
      companies: {
        ...grade(3, 'testing-yice', 'testing-yide', 'testing-electrical-dingmai', 'testing-electrical-kunchuang', 'testing-electrical-ruide'),
        'testing-electrical-shengjia': 1,
        ...grade(1, 'ic-fab-yunpu', 'ic-fab-mingzhi', 'ic-fab-tongjia', 'ic-fab-yiao'),
      },
    },
    note: 'CNAS labs offering environmental and reliability tests; labs without CNAS and fab reliability labs acceptable.',
  },
  {
    id: 'q58-inbound-trucking',
    covers: ['service'],
    requester: 'ems-ruilang',
    posting: { key: 'ems-ruilang-need-2' },
    judgements: { segments: { logistics: 3 }, companies: { 'logistics-zhiming': 2 } },
    note: 'Logistics firms running milk runs, trunk lines and VMI; the customs-only broker good.',
  },
];
