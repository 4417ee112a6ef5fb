/**
 * The story the product exists for, as data. 京联智造电子, an EMS plant in 路东区, lost about half of its
 * overseas orders. It posts a need for domestic customers (downstream: server, communication, vehicle and
 * medical electronics makers) and a need to automate its lines (upstream: integrators, robots, machine vision,
 * AGVs, MES). The zone holds companies that fit on both sides, and the bureau has already brought them
 * together once — see sessions.ts.
 */
import type { HandwrittenCompany } from './handwritten.js';

/** Keys of the story companies, for sessions, credentials and tests. */
export const STORY = {
  ems: 'ems-jinglian',
  integrator: 'integrator-yizhi',
  vision: 'vision-jingtong',
  robot: 'robot-kaihong',
  agv: 'agv-lianchi',
  mes: 'mes-zhiyun',
  tester: 'test-jingce',
  equipment: 'equip-hansong',
  server: 'server-xinghe',
  comm: 'comm-jixun',
  domainController: 'auto-zhijia',
  medical: 'meddevice-kangrui',
  components: 'components-hengrui',
  lab: 'testing-yice',
  finance: 'finance-yirong',
} as const;

/** Brands of the story companies ([characters, pinyin]); the composer must not hand them out again. */
export const STORY_BRANDS: readonly (readonly [string, string])[] = [
  ['京联', 'jinglian'], ['亦智', 'yizhi'], ['京瞳', 'jingtong'], ['凯弘', 'kaihong'], ['联驰', 'lianchi'],
  ['智云', 'zhiyun'], ['精测', 'jingce'], ['瀚松', 'hansong'], ['星河', 'xinghe'], ['极讯', 'jixun'],
  ['智驾', 'zhijia'], ['康睿', 'kangrui'], ['恒睿', 'hengrui'], ['亦测', 'yice'], ['亦融', 'yirong'],
];

export const STORY_COMPANIES: readonly HandwrittenCompany[] = [
  {
    key: STORY.ems,
    chain: 'ict',
    segment: 'ems',
    founded: 2006,
    company: {
      name: '京联智造电子（北京）有限公司',
      industries: ['C3982', 'C3990'],
      description:
        '京联智造电子（北京）有限公司成立于2006年，位于北京经济技术开发区路东区，是一家专业从事PCBA电子制造服务（EMS）的高新技术企业。' +
        '公司拥有12条高速SMT贴片线，配备松下NPM、富士NXT贴片机以及3D SPI、在线AOI、X-Ray和选择性波峰焊设备，月贴片能力约8亿点，' +
        '可承接从NPI打样、批量贴片、DIP插件、ICT/FCT测试到整机组装（Box Build）的全流程代工。' +
        '产品覆盖通信模块、工业控制主板、车载电子控制板和医疗电子板卡，过去十几年主要为欧洲和北美的工业客户提供OEM/ODM服务，出口业务一度占到销售额的七成。' +
        '2024年以来，海外客户把部分订单转移到东南亚，公司海外订单减少了近一半，SMT产线利用率降到55%左右。' +
        '公司正在开拓国内整机客户，同时推进插件、分板和测试工序的自动化改造，希望与区内的整机企业、自动化集成商和元器件厂商建立长期合作。' +
        '公司已通过ISO 9001、IATF 16949、ISO 13485和ISO 14001体系认证，车间按ANSI/ESD S20.20标准管理。',
      employees: 680,
      certifications: ['ISO 9001', 'IATF 16949', 'ISO 13485', 'ISO 14001', 'ANSI/ESD S20.20'],
      park: '路东区',
      website: 'https://www.jinglian.example.com',
      contacts: [
        { name: '周海涛', phone: '010-67856120', email: 'zhouhaitao@jinglian.example.com' },
        { name: '刘欣怡', phone: '138 1076 5521', email: 'liuxinyi@jinglian.example.com' },
      ],
    },
    postings: [
      {
        slug: 'need-customers',
        kind: 'need',
        title: '寻找国内整机客户：承接通信、工控、车载及医疗电子PCBA订单',
        description:
          '受海外客户订单转移影响，公司海外订单较去年同期减少约一半，12条SMT线中约5条处于半闲置状态。' +
          '希望对接开发区内及京津冀的整机企业——服务器与计算设备、通信设备、工业控制、车载电子、医疗电子——' +
          '承接PCBA贴片（SMT）、DIP插件、ICT/FCT测试及整机组装（Box Build）订单，来料加工或代工代料均可。' +
          '可提供48小时NPI打样、小批量多品种柔性生产，具备IATF 16949和ISO 13485体系，欢迎客户来厂做二方审核。',
        tags: ['国内客户', '整机订单', 'PCBA', 'EMS', '代工', 'OEM', 'SMT', 'Box Build'],
        industries: ['C3911', 'C3921', 'C4011', 'C3962', 'C3581'],
        quantity: { amount: 40, unit: '万片/月' },
        validForDays: 120,
      },
      {
        slug: 'need-automation',
        kind: 'need',
        title: 'SMT产线自动化改造：插件机器人、AOI视觉检测、AGV物料配送与MES',
        description:
          '公司计划分两期对SMT及后段产线做自动化改造：一期在DIP插件、分板和ICT/FCT测试工序引入插件机器人、自动上下料和机器视觉（AOI）检测，' +
          '减少约40名操作工；二期用AGV/AMR打通仓库到线边的物料配送，并升级MES，实现物料追溯到单板。' +
          '希望区内的自动化集成商、工业机器人、机器视觉和MES厂商提供整线方案，总预算约1200万元，可接受融资租赁。',
        tags: ['自动化', '产线改造', '工业机器人', '机器视觉', 'AOI', 'AGV', 'MES', '系统集成'],
        industries: ['C3499', 'C3491', 'C4011', 'C3569', 'C3439', 'I6513'],
        quantity: { amount: 1200, unit: '万元' },
        validForDays: 150,
      },
      {
        slug: 'need-components',
        kind: 'need',
        title: '国产元器件替代：阻容感、连接器与电源管理芯片',
        description:
          '转做国内客户后，多个项目要求降低BOM成本、缩短交期。希望对接区内和国内的被动元件、连接器和电源管理芯片厂商，' +
          '提供替代料样品和验证支持，最好能在厂内设VMI寄售库存。',
        tags: ['国产替代', '元器件', '被动元件', '连接器', 'VMI'],
        industries: ['C3981', 'C3989', 'I6520', 'F51'],
        validForDays: 90,
      },
      {
        slug: 'cap-smt',
        kind: 'capability',
        title: 'PCBA贴片加工（SMT / 表面贴装）与DIP插件代工',
        description:
          '12条高速SMT线，月贴片能力约8亿点，最小元件01005，BGA间距0.35mm；配备3D SPI、在线AOI、X-Ray和选择性波峰焊，' +
          '支持来料加工（OEM）和代工代料，可做三防漆涂覆与灌封，工业、车规和医疗产品分线生产。',
        tags: ['SMT', '贴片', '表面贴装', 'PCBA', '代工', 'OEM', '外协加工'],
        industries: ['C3982'],
        quantity: { amount: 80, unit: '万片/月' },
      },
      {
        slug: 'cap-box-build',
        kind: 'capability',
        title: '整机组装（Box Build）与ICT/FCT测试',
        description:
          '在PCBA基础上提供线材加工、结构件装配、整机组装、老化测试和包装出货；可按客户要求开发ICT针床和FCT测试治具，测试数据随序列号存档。',
        tags: ['整机组装', 'Box Build', 'ICT', 'FCT', '测试'],
        industries: ['C3990'],
      },
      {
        slug: 'cap-npi',
        kind: 'capability',
        title: 'NPI快速打样：48小时交付，5片起做',
        description: '工程团队负责DFM评审、钢网制作和首件确认，样品最快48小时交付，适合整机企业新品验证和小批量试产。',
        tags: ['NPI', '打样', 'DFM', '小批量', '快速交付'],
        industries: ['C3982'],
      },
    ],
  },
  {
    key: STORY.integrator,
    chain: 'robotics',
    segment: 'integrator',
    founded: 2014,
    company: {
      name: '亦智自动化系统（北京）有限公司',
      industries: ['C3499', 'C4011', 'I6531'],
      description:
        '亦智自动化系统（北京）有限公司成立于2014年，坐落在北京亦庄光机电一体化产业基地，专注电子制造行业的自动化与数字化改造。' +
        '公司约160人，其中机械、电气、视觉和软件工程师超过90人，累计为京津冀和长三角的EMS工厂、汽车电子和医疗器械企业交付了300多条自动化产线，' +
        '典型项目包括SMT线边上下料、异形件插件机器人工作站、分板与ICT/FCT自动测试线、AGV物料配送系统。' +
        '我们是多家国产工业机器人和机器视觉品牌的认证集成商，与区内的机器人本体厂、AGV厂商和MES软件公司长期协作，' +
        '既能以整线交钥匙方式交付，也可以按工序分期实施、不停产改造。典型项目可减少操作人员30%到60%，投资回收期一般在18个月以内。',
      employees: 160,
      certifications: ['ISO 9001', 'ISO 14001', 'CE'],
      park: '光机电一体化产业基地',
      website: 'https://www.yizhi.example.com',
      contacts: [{ name: '陈思远', phone: '010-87226315', email: 'chensiyuan@yizhi.example.com' }],
    },
    postings: [
      {
        slug: 'cap-smt-line',
        kind: 'capability',
        title: 'SMT及后段产线自动化整线方案（插件、分板、测试、上下料）',
        description:
          '针对EMS工厂的SMT线边上下料、DIP异形件插件、激光/铣刀分板、ICT/FCT自动测试和包装工序，提供机器人工作站和整线自动化方案，' +
          '集成工业机器人、机器视觉（AOI/视觉定位）和MES接口，支持不停产分期改造，交付周期8到14周，可配合客户申请技改补贴。',
        tags: ['自动化', '产线改造', 'SMT', '插件机器人', '机器视觉', '系统集成', 'EMS'],
        industries: ['C3499', 'C4011', 'C3569'],
      },
      {
        slug: 'cap-intralogistics',
        kind: 'capability',
        title: '厂内物流自动化：AGV/AMR料架配送与智能线边仓',
        description: '联合区内AGV厂商，为SMT车间设计从仓库到线边的料架自动配送、空料架回收和智能线边仓，与MES工单联动叫料。',
        tags: ['AGV', 'AMR', '物料配送', '厂内物流', '自动化'],
        industries: ['C3499', 'C3439'],
      },
      {
        slug: 'cap-digital',
        kind: 'capability',
        title: '数字化车间改造：设备联网、MES对接与产线看板',
        description: '为已有产线加装数据采集，接入贴片机、AOI、回流焊和测试站数据，对接客户MES，提供OEE和直通率看板。',
        tags: ['数字化', '设备联网', 'MES', 'OEE', '智能制造'],
        industries: ['I6531', 'C4011'],
      },
      {
        slug: 'need-robots',
        kind: 'need',
        title: '国产SCARA与协作机器人本体年度采购（约80台）',
        description: '明年插件和锁付工作站订单增加，需要负载3到10kg的SCARA和协作机器人约80台，希望与区内国产机器人厂签年度框架，要求提供应用支持和备机。',
        tags: ['工业机器人', 'SCARA', '协作机器人', '采购', '国产'],
        industries: ['C3491'],
        quantity: { amount: 80, unit: '台/年' },
        validForDays: 120,
      },
      {
        slug: 'need-machining',
        kind: 'need',
        title: '非标零件机加工与钣金外协（区内就近）',
        description: '工作站机架、夹具和钣金护罩需要区内外协厂，每月约800件，交期5到7天，要求提供尺寸检验报告。',
        tags: ['机加工', '钣金', '外协加工', '非标零件'],
        industries: ['C3484', 'C3311'],
        quantity: { amount: 800, unit: '件/月' },
        validForDays: 90,
      },
    ],
  },
  {
    key: STORY.vision,
    chain: 'robotics',
    segment: 'machine-vision',
    founded: 2016,
    company: {
      name: '北京京瞳视觉科技有限公司',
      industries: ['C4011', 'C3569'],
      description:
        '北京京瞳视觉科技有限公司2016年成立于亦庄机器人产业园，由几位来自外资检测设备企业的工程师创办，主攻电子制造领域的机器视觉检测。' +
        '核心产品包括在线3D AOI光学检测设备、插件后AOI、三防漆涂覆检测和基于深度学习的缺陷复判软件，已在四十多家SMT/PCBA工厂部署400余台。' +
        '公司算法团队30人，在锡膏、焊点、极性和异物检测上的误判率比传统规则算法降低一半以上，检测数据可以直接推送到MES和SPC系统。',
      employees: 95,
      certifications: ['ISO 9001', 'CE'],
      park: '机器人产业园',
      website: 'https://www.jingtong.example.com',
      contacts: [{ name: '王一鸣', phone: '186 0132 7745', email: 'wangyiming@jingtong.example.com' }],
    },
    postings: [
      {
        slug: 'cap-aoi',
        kind: 'capability',
        title: '在线3D AOI光学检测设备（SMT炉后、插件后）',
        description: '适用于SMT炉后和DIP插件后的焊点、极性、缺件和异物检测，支持与上下板机、MES联线，可先在客户产线试用两周。',
        tags: ['AOI', '机器视觉', '视觉检测', 'SMT', 'PCBA'],
        industries: ['C4011', 'C3569'],
      },
      {
        slug: 'cap-ai-review',
        kind: 'capability',
        title: 'AI缺陷复判软件：把AOI误判降一半',
        description: '在现有AOI后增加深度学习复判，兼容多品牌AOI设备输出，按产线授权，可私有化部署，减少复判人员。',
        tags: ['AI检测', '深度学习', 'AOI', '软件授权'],
        industries: ['I6513', 'C4011'],
      },
      {
        slug: 'need-optics',
        kind: 'need',
        title: '工业相机与远心镜头国产供应',
        description: '3D AOI需要500万像素以上工业相机和远心镜头，年需求约300套，希望区内光学企业送样测试。',
        tags: ['工业相机', '镜头', '国产替代', '采购'],
        industries: ['C4040', 'C3976'],
        quantity: { amount: 300, unit: '套/年' },
        validForDays: 120,
      },
    ],
  },
  {
    key: STORY.robot,
    chain: 'robotics',
    segment: 'industrial-robot',
    founded: 2011,
    company: {
      name: '凯弘机器人（北京）有限公司',
      industries: ['C3491'],
      description:
        '凯弘机器人（北京）有限公司创立于2011年，是北京经开区较早从事工业机器人本体研发制造的企业，主要产品为SCARA机器人、桌面六轴机器人和协作机器人，' +
        '负载3到20kg，重复定位精度±0.02mm，特别适合3C电子和PCBA行业的插件、锁螺丝、点胶和上下料工序。' +
        '公司年产机器人约6000台，累计装机超过3万台，控制器和伺服驱动自主研发，RV和谐波减速器主要向国内供应商采购。' +
        '凯弘在亦庄建有应用验证中心，客户可以带板子来做节拍测试。',
      employees: 420,
      certifications: ['ISO 9001', 'ISO 14001', 'CE'],
      park: '机器人产业园',
      website: 'https://www.kaihong.example.com',
      contacts: [
        { name: '赵振华', phone: '010-59783318', email: 'zhaozhenhua@kaihong.example.com' },
        { name: '孙婷婷', phone: '139 1128 6604' },
      ],
    },
    postings: [
      {
        slug: 'cap-scara',
        kind: 'capability',
        title: 'SCARA与协作机器人：电子装配的插件、锁付、点胶、上下料',
        description: 'SCARA和协作机器人开放SDK，兼容主流PLC和视觉系统，标准交期3周；应用中心可免费做节拍验证，提供编程和维护培训。',
        tags: ['工业机器人', 'SCARA', '协作机器人', '插件', '自动化'],
        industries: ['C3491'],
        quantity: { amount: 6000, unit: '台/年' },
      },
      {
        slug: 'cap-rental',
        kind: 'capability',
        title: '机器人按月租赁，先试后买',
        description: '中小工厂可以按月租赁SCARA或协作机器人，租金可抵扣购机款，降低自动化改造的一次性投入。',
        tags: ['机器人租赁', '以租代售', '试用'],
        industries: ['C3491'],
      },
      {
        slug: 'need-reducers',
        kind: 'need',
        title: '谐波减速器与RV减速器国产供应（年约1.2万台）',
        description: '明年扩产需要谐波减速器约9000台、RV减速器约3000台，要求回程间隙≤1弧分、额定寿命≥8000小时，欢迎区内减速器企业送样。',
        tags: ['减速器', '谐波减速器', 'RV减速器', '国产替代', '核心部件'],
        industries: ['C3453'],
        quantity: { amount: 12000, unit: '台/年' },
        validForDays: 150,
      },
      {
        slug: 'need-integrators',
        kind: 'need',
        title: '招募区内系统集成商合作伙伴',
        description: '希望与熟悉电子、汽车零部件行业的集成商合作，共同开拓区内工厂的自动化改造项目，提供样机、培训和项目报价支持。',
        tags: ['系统集成商', '渠道', '合作'],
        industries: ['C3499', 'I6531'],
        validForDays: 180,
      },
    ],
  },
  {
    key: STORY.agv,
    chain: 'robotics',
    segment: 'agv',
    founded: 2015,
    company: {
      name: '北京联驰智能装备有限公司',
      industries: ['C3439', 'C3434'],
      description:
        '北京联驰智能装备有限公司于2015年在马驹桥注册成立，是一家移动机器人（AGV/AMR）和厂内物流系统供应商。' +
        '产品包括潜伏顶升式AGV、SMT料架搬运AMR、激光SLAM无人叉车和RCS多机调度系统，已在电子、汽车零部件和医药行业落地200多个项目。' +
        '联驰的调度系统兼容VDA 5050，可与主流MES/WMS对接，帮助工厂打通从仓库到线边的物料配送。',
      employees: 230,
      certifications: ['ISO 9001', 'CE'],
      park: '马驹桥',
      contacts: [{ name: '马鹏飞', phone: '010-80536642', email: 'mapengfei@lianchi.example.com' }],
    },
    postings: [
      {
        slug: 'cap-amr',
        kind: 'capability',
        title: 'SMT料架与物料配送AMR',
        description: '料架搬运AMR可自动对接SMT上料位和线边仓，导航精度±5mm，支持电梯和自动门联动，部署周期约4周。',
        tags: ['AGV', 'AMR', '物料配送', 'SMT', '厂内物流'],
        industries: ['C3439'],
        quantity: { amount: 500, unit: '台/年' },
      },
      {
        slug: 'cap-rcs',
        kind: 'capability',
        title: 'RCS多机调度与MES/WMS对接',
        description: 'RCS支持多品牌机器人混合调度，提供标准接口对接MES/WMS，按工单自动叫料、退料。',
        tags: ['调度系统', 'RCS', 'MES', 'WMS'],
        industries: ['C3439', 'I6513'],
      },
      {
        slug: 'need-lidar',
        kind: 'need',
        title: '2D安全激光扫描仪与导航激光雷达',
        description: 'AMR需要安全等级PL d的2D激光扫描仪和导航激光雷达，年需求约800台，欢迎国产厂商送样。',
        tags: ['激光雷达', '安全扫描仪', '导航', '传感器'],
        industries: ['C3940', 'C3983'],
        quantity: { amount: 800, unit: '台/年' },
        validForDays: 120,
      },
    ],
  },
  {
    key: STORY.mes,
    chain: 'robotics',
    segment: 'mes-software',
    founded: 2013,
    company: {
      name: '北京智云工业软件有限公司',
      industries: ['I6513', 'I6531'],
      description:
        '北京智云工业软件有限公司成立于2013年，总部在亦庄通明湖信息城，专注电子制造和汽车零部件行业的MES、WMS与设备联网。' +
        '公司的电子行业MES覆盖SMT上料防错、钢网与锡膏管理、物料追溯到单板、AOI与测试数据采集，已在100多家工厂上线。' +
        '实施团队约60人，标准项目10到12周上线，支持私有化部署。',
      employees: 140,
      certifications: ['ISO 9001', 'ISO 27001', 'CMMI 3级'],
      park: '通明湖信息城',
      website: 'https://www.zhiyun.example.com',
      contacts: [{ name: '林晓燕', phone: '010-56718823', email: 'linxiaoyan@zhiyun.example.com' }],
    },
    postings: [
      {
        slug: 'cap-mes',
        kind: 'capability',
        title: '电子行业MES：SMT上料防错与物料追溯到单板',
        description: '预置SMT上料防错、钢网锡膏管理、AOI和测试数据采集、条码追溯模块，对接ERP和WMS，标准项目10到12周上线。',
        tags: ['MES', 'SMT', '追溯', '防错', '工业软件'],
        industries: ['I6513'],
      },
      {
        slug: 'cap-iot',
        kind: 'capability',
        title: '设备联网与OEE看板',
        description: '采集贴片机、回流焊、AOI和测试站数据，提供OEE、直通率和能耗看板，单厂2到4周完成。',
        tags: ['设备联网', 'OEE', '数据采集', '看板'],
        industries: ['I6531'],
      },
      {
        slug: 'need-pilot',
        kind: 'need',
        title: '区内EMS/PCBA工厂标杆客户',
        description: '希望在区内找到一家EMS工厂做MES升级标杆项目，可给予软件费用优惠，并与集成商联合实施。',
        tags: ['客户开拓', 'MES', '标杆项目', 'EMS'],
        industries: ['C3982', 'C3990'],
        validForDays: 120,
      },
    ],
  },
  {
    key: STORY.tester,
    chain: 'robotics',
    segment: 'test-equipment',
    founded: 2012,
    company: {
      name: '北京精测电子测试设备有限公司',
      industries: ['C4028', 'C3569'],
      description:
        '北京精测电子测试设备有限公司成立于2012年，位于亦庄路东区，主营PCBA功能测试（FCT）系统、ICT针床治具、飞针测试代工和自动化测试线。' +
        '公司为EMS工厂和整机企业设计测试方案，从测试点评审、治具制作到测试程序开发一站式完成，新产品治具最快5个工作日交付。' +
        '近年来公司把测试台与机械手、传送线结合，开发了无人值守的自动测试单元。',
      employees: 120,
      certifications: ['ISO 9001'],
      park: '路东区',
      contacts: [{ name: '郭立新', phone: '010-67880452', email: 'guolixin@jingce.example.com' }],
    },
    postings: [
      {
        slug: 'cap-fixtures',
        kind: 'capability',
        title: 'ICT针床与FCT功能测试治具定制',
        description: '根据客户Gerber和测试规范设计ICT针床和FCT治具，含测试程序开发，新产品治具5个工作日交付。',
        tags: ['ICT', 'FCT', '测试治具', 'PCBA', '测试'],
        industries: ['C4028'],
      },
      {
        slug: 'cap-auto-test',
        kind: 'capability',
        title: '自动化测试单元（机器人上下料 + FCT）',
        description: '将FCT测试台与SCARA机器人、传送线集成为自动测试单元，一人可看管4到6个测试工位。',
        tags: ['自动化', '测试', '机器人', 'PCBA'],
        industries: ['C3569', 'C4028'],
      },
      {
        slug: 'need-machining',
        kind: 'need',
        title: '治具板与探针座精密机加工外协',
        description: '治具板、压板和探针座需要精密机加工，孔位精度±0.02mm，每月约300件，区内优先。',
        tags: ['精密机加工', '外协加工', '治具'],
        industries: ['C3484'],
        validForDays: 90,
      },
    ],
  },
  {
    key: STORY.equipment,
    chain: 'ict',
    segment: 'smt-equipment',
    founded: 2009,
    company: {
      name: '北京瀚松电子装备有限公司',
      industries: ['C3563', 'C3569'],
      description:
        '北京瀚松电子装备有限公司2009年在光机电一体化产业基地成立，专业研制电子组装工艺设备，主要产品有选择性波峰焊、三防漆涂覆机、在线点胶机和PCBA清洗机，' +
        '国内累计装机1500余台，也出口东南亚。设备可以与上下游的AOI、上下板机和MES联线，适合EMS工厂做后段工序的自动化升级。',
      employees: 260,
      certifications: ['ISO 9001', 'ISO 14001', 'CE'],
      park: '光机电一体化产业基地',
      website: 'https://www.hansong.example.com',
      contacts: [{ name: '曹建华', phone: '010-87654217', email: 'caojianhua@hansong.example.com' }],
    },
    postings: [
      {
        slug: 'cap-selective',
        kind: 'capability',
        title: '选择性波峰焊与三防漆涂覆设备',
        description: '选择性波峰焊支持双锡缸、氮气保护，三防漆涂覆机带视觉定位和UV检测，可与上下板机和AOI联线。',
        tags: ['选择性波峰焊', '三防漆', 'SMT设备', '自动化', 'PCBA'],
        industries: ['C3563'],
        quantity: { amount: 300, unit: '台/年' },
      },
      {
        slug: 'cap-backend-line',
        kind: 'capability',
        title: 'PCBA后段工序自动化联线改造',
        description: '把插件后焊接、涂覆、固化、检测串成连续线，减少人工搬运，适合EMS工厂分期升级。',
        tags: ['自动化', '产线改造', '联线', 'EMS'],
        industries: ['C3563', 'C3569'],
      },
      {
        slug: 'need-motion',
        kind: 'need',
        title: '运动控制器与伺服系统国产配套',
        description: '设备需要多轴运动控制器和伺服电机，年需求约1500轴，要求支持EtherCAT。',
        tags: ['伺服', '运动控制', 'EtherCAT', '国产化'],
        industries: ['C3813', 'C4011'],
        quantity: { amount: 1500, unit: '轴/年' },
        validForDays: 120,
      },
    ],
  },
  {
    key: STORY.server,
    chain: 'ict',
    segment: 'server',
    founded: 2012,
    company: {
      name: '北京星河算力科技有限公司',
      industries: ['C3911', 'C3914'],
      description:
        '北京星河算力科技有限公司成立于2012年，总部和整机工厂位于亦庄通明湖信息城，主要产品包括通用双路服务器、AI训练服务器、液冷整机柜和边缘计算设备，' +
        '客户集中在运营商、金融和智算中心。公司负责研发、整机装配和测试，主板和各类板卡的PCBA一直外包，过去主要由华南和海外的代工厂生产。' +
        '随着信创项目交付节奏加快，公司希望把部分主板PCBA转到北京本地生产，缩短交期，也方便派驻质量工程师。',
      employees: 900,
      certifications: ['ISO 9001', 'ISO 14001', 'ISO 27001'],
      park: '通明湖信息城',
      website: 'https://www.xinghe.example.com',
      contacts: [
        { name: '杨国栋', phone: '010-59812276', email: 'yangguodong@xinghe.example.com' },
        { name: '徐晨曦', phone: '158 0117 2390', email: 'xuchenxi@xinghe.example.com' },
      ],
    },
    postings: [
      {
        slug: 'need-local-pcba',
        kind: 'need',
        title: '服务器主板PCBA本地代工（年约8万片）',
        description:
          '现有主板PCBA主要由外地代工厂生产，物流和沟通成本高。计划把2U双路服务器主板、BMC管理板和转接卡的PCBA转到区内EMS，' +
          '年需求约8万片，要求能贴装最大510mm的大尺寸板，具备BGA返修、X-Ray检测和ICT/FCT能力，接受驻厂质量工程师。',
        tags: ['PCBA', 'EMS', '代工', 'SMT', '服务器主板', '本地化'],
        industries: ['C3982', 'C3990'],
        quantity: { amount: 8, unit: '万片/年' },
        certificationsRequired: ['ISO 9001'],
        validForDays: 120,
      },
      {
        slug: 'need-liquid-cooling',
        kind: 'need',
        title: '液冷管路与快接头供应商',
        description: '液冷整机柜需要不锈钢管路、盲插快接头和分液单元，年需求约2000套，要求保压测试报告。',
        tags: ['液冷', '快接头', '管路', '数据中心'],
        industries: ['C3443', 'C3464'],
        validForDays: 90,
      },
      {
        slug: 'cap-ai-server',
        kind: 'capability',
        title: 'AI训练服务器与液冷整机柜',
        description: '8卡AI训练服务器和冷板式液冷整机柜，支持国产加速卡，提供部署、调优和驻场运维。',
        tags: ['服务器', 'AI服务器', '液冷', '算力', '信创'],
        industries: ['C3911'],
        quantity: { amount: 3000, unit: '台/年' },
      },
      {
        slug: 'cap-odm',
        kind: 'capability',
        title: '服务器ODM/JDM定制',
        description: '为行业客户定制主板、机箱和散热方案，完成BIOS/BMC适配和整机认证，小批量起订。',
        tags: ['ODM', 'JDM', '服务器', '定制'],
        industries: ['C3911', 'C3914'],
      },
    ],
  },
  {
    key: STORY.comm,
    chain: 'ict',
    segment: 'comm-equipment',
    founded: 2010,
    company: {
      name: '北京极讯通信技术有限公司',
      industries: ['C3921'],
      description:
        '极讯通信成立于2010年，位于北京经济技术开发区核心区，是一家专网与工业通信设备厂商，产品有5G工业网关、工业以太网交换机和轨道交通车地无线通信设备，' +
        '用户包括电力、轨道交通和大型制造企业。公司采用“研发加总装测试”的模式，PCBA全部外协，目前在华东有两家长期代工厂。' +
        '今年起关键项目要求京津冀本地供应，公司正在区内物色能做小批量多品种、有宽温器件管控经验的EMS合作伙伴。',
      employees: 380,
      certifications: ['ISO 9001', 'ISO 14001', 'TL 9000'],
      park: '核心区',
      website: 'https://www.jixun.example.com',
      contacts: [{ name: '何文博', phone: '010-67893345', email: 'hewenbo@jixun.example.com' }],
    },
    postings: [
      {
        slug: 'need-pcba',
        kind: 'need',
        title: '工业通信设备PCBA外协：小批量多品种、宽温器件管控',
        description: '5G工业网关和工业交换机主板需要区内EMS外协加工，年需求约3万片、型号40余个，要求宽温器件来料管控、三防漆涂覆和功能测试。',
        tags: ['PCBA', 'EMS', '外协加工', '小批量', '三防漆'],
        industries: ['C3982', 'C3990'],
        quantity: { amount: 3, unit: '万片/年' },
        validForDays: 120,
      },
      {
        slug: 'cap-gateway',
        kind: 'capability',
        title: '5G工业网关与工业以太网交换机',
        description: '工业级宽温设计，支持5G SA、TSN和多种工业协议转换，提供组网方案和三年质保。',
        tags: ['5G', '工业网关', '交换机', '工业互联网'],
        industries: ['C3921'],
      },
      {
        slug: 'cap-private-5g',
        kind: 'capability',
        title: '工厂5G专网规划与部署',
        description: '为园区和工厂做5G专网与工业以太网规划、设备供货和调试，四周内可完成试点。',
        tags: ['5G专网', '网络规划', '部署'],
        industries: ['C3921', 'I6531'],
      },
    ],
  },
  {
    key: STORY.domainController,
    chain: 'vehicles',
    segment: 'smart-cockpit',
    founded: 2018,
    company: {
      name: '北京智驾域控科技有限公司',
      industries: ['C3962', 'C3670'],
      description:
        '北京智驾域控科技有限公司成立于2018年，专注智能驾驶域控制器和中央计算平台的研发与量产，产品已获得四家主机厂的定点，2024年出货约6万套。' +
        '公司在亦庄新能源汽车产业园有一条自有SMT线，主要做样件和小批量，量产PCBA由外部车规级EMS代工。' +
        '两个新车型明年量产，公司需要在区内再找一家有IATF 16949体系、能做三防漆和X-Ray全检的贴片合作伙伴。',
      employees: 520,
      certifications: ['IATF 16949', 'ISO 9001', 'ISO 26262', 'ASPICE CL2'],
      park: '新能源汽车产业园',
      website: 'https://www.zhijia.example.com',
      contacts: [{ name: '吴浩然', phone: '010-59827731', email: 'wuhaoran@zhijia.example.com' }],
    },
    postings: [
      {
        slug: 'need-auto-pcba',
        kind: 'need',
        title: '车规级PCBA代工：智驾域控制器主板（需IATF 16949）',
        description: '新车型量产需要域控制器主板贴片，年需求约12万片，要求IATF 16949体系、X-Ray全检、三防漆涂覆和完整追溯，先做VDA 6.3过程审核。',
        tags: ['PCBA', '车规级', 'IATF 16949', 'EMS', '代工'],
        industries: ['C3982', 'C3990'],
        quantity: { amount: 12, unit: '万片/年' },
        certificationsRequired: ['IATF 16949'],
        validForDays: 150,
      },
      {
        slug: 'need-connectors',
        kind: 'need',
        title: '车规级高速连接器与线束',
        description: '域控制器需要FAKRA、HSD高速连接器和以太网线束，年需求约10万套，要求AEC-Q和主机厂认可。',
        tags: ['连接器', '高速线束', '车规级'],
        industries: ['C3989', 'C3670'],
        validForDays: 120,
      },
      {
        slug: 'cap-domain',
        kind: 'capability',
        title: '智驾域控制器（L2+/NOA）量产供货',
        description: '支持高速和城市NOA，兼容多款国产芯片平台，提供功能安全文档、标定和OTA支持。',
        tags: ['域控制器', '智能驾驶', 'NOA', '车规级'],
        industries: ['C3962'],
        quantity: { amount: 10, unit: '万套/年' },
      },
    ],
  },
  {
    key: STORY.medical,
    chain: 'biotech',
    segment: 'med-devices',
    founded: 2008,
    company: {
      name: '北京康睿医疗科技有限公司',
      industries: ['C3581'],
      description:
        '康睿医疗2008年成立于北京亦庄生物医药产业园，主要产品是多参数监护仪、中央监护系统和便携式心电设备，持有NMPA二类、三类注册证十余张，' +
        '产品进入全国1200多家医院，并出口到东南亚和拉美。公司在区内有自己的总装和测试车间，主控板、电源板等PCBA一直委托华南的代工厂生产，' +
        '近两年受交期和质量追溯问题困扰，希望在北京本地找到通过ISO 13485认证的EMS合作伙伴。',
      employees: 310,
      certifications: ['ISO 13485', 'ISO 9001', 'CE'],
      park: '生物医药产业园',
      website: 'https://www.kangrui.example.com',
      contacts: [{ name: '郑雪梅', phone: '010-80745519', email: 'zhengxuemei@kangrui.example.com' }],
    },
    postings: [
      {
        slug: 'need-medical-pcba',
        kind: 'need',
        title: '监护仪主控板PCBA代工（需ISO 13485）',
        description: '监护仪主控板和电源板需要本地EMS代工，年需求约3万片，要求ISO 13485体系、元器件批次追溯和功能测试，可先小批量试产。',
        tags: ['PCBA', '医疗电子', 'ISO 13485', 'EMS', '代工'],
        industries: ['C3982', 'C3990'],
        quantity: { amount: 3, unit: '万片/年' },
        certificationsRequired: ['ISO 13485'],
        validForDays: 120,
      },
      {
        slug: 'need-display',
        kind: 'need',
        title: '10.1/12.1英寸医用触控显示屏',
        description: '新一代监护仪需要高亮、宽视角的医用触控屏，年需求约2万片，要求可追溯和长期供货承诺。',
        tags: ['显示屏', '医疗显示', '触控屏'],
        industries: ['C3974'],
        validForDays: 90,
      },
      {
        slug: 'cap-monitor',
        kind: 'capability',
        title: '多参数监护仪与中央监护系统',
        description: '产品覆盖床旁监护、转运监护和中央站，持有NMPA注册证和CE证书，可为医院提供安装培训和五年维保。',
        tags: ['医疗器械', '监护仪', '医疗设备'],
        industries: ['C3581'],
      },
    ],
  },
  {
    key: STORY.components,
    chain: 'ict',
    segment: 'components',
    founded: 2005,
    company: {
      name: '北京恒睿电子元件有限公司',
      industries: ['C3981', 'C3989'],
      description:
        '北京恒睿电子元件有限公司成立于2005年，位于亦庄路南区，主要生产片式电阻、一体成型电感和板对板连接器，年产能约120亿只，其中车规级产品占三成。' +
        '公司多年为外资品牌做OEM，近几年推出自有品牌，料号可以直接对照替代日系、台系同类产品，交期稳定在2到4周。' +
        '公司在区内设有成品库，可以为周边EMS工厂提供VMI寄售和当天补货。',
      employees: 450,
      certifications: ['ISO 9001', 'ISO 14001', 'IATF 16949', 'QC 080000'],
      park: '路南区',
      website: 'https://www.hengrui.example.com',
      contacts: [{ name: '梁卫东', phone: '010-67819924', email: 'liangweidong@hengrui.example.com' }],
    },
    postings: [
      {
        slug: 'cap-passives',
        kind: 'capability',
        title: '片式电阻、一体成型电感国产替代供货',
        description: '规格覆盖0201到2512电阻和常用功率电感，提供替代对照表和免费样品，区内EMS工厂可当天送货。',
        tags: ['国产替代', '被动元件', '电阻', '电感', '电子元器件'],
        industries: ['C3981'],
        quantity: { amount: 10, unit: '亿只/月' },
      },
      {
        slug: 'cap-connectors',
        kind: 'capability',
        title: '板对板连接器定制开发',
        description: '0.4mm到1.27mm间距板对板连接器，可按客户图纸定制，模具周期约4周。',
        tags: ['连接器', '定制开发', '板对板'],
        industries: ['C3989'],
      },
      {
        slug: 'cap-vmi',
        kind: 'capability',
        title: 'VMI寄售与当日补货',
        description: '为区内EMS和整机工厂设VMI寄售库存，按实际用量结算，紧急补货当天送达。',
        tags: ['VMI', '寄售', '供应链', '快速交付'],
        industries: ['C3981', 'C3989'],
      },
      {
        slug: 'need-automation',
        kind: 'need',
        title: '自动编带与视觉检测设备升级',
        description: '电感编带和外观检测工序计划自动化，需要高速编带机和CCD视觉检测设备约10套。',
        tags: ['自动化', '视觉检测', '编带机'],
        industries: ['C3563', 'C4011'],
        validForDays: 90,
      },
    ],
  },
  {
    key: STORY.lab,
    chain: 'services',
    segment: 'testing-electrical',
    founded: 2011,
    company: {
      name: '北京亦测检测认证有限公司',
      industries: ['M7452', 'M7455'],
      description:
        '亦测检测认证成立于2011年，是经开区内规模较大的第三方检测实验室之一，具备CNAS认可和CMA资质，建有3米法和10米法电波暗室、三综合振动台和步入式环境试验箱，' +
        '业务覆盖电子电气产品的EMC、安规、可靠性试验和车规级AEC-Q验证，也提供CCC、CE认证咨询。' +
        '实验室到路东区、路南区的主要电子企业都在十分钟车程以内，常规项目5个工作日出报告。',
      employees: 260,
      certifications: ['CNAS', 'CMA', 'ISO/IEC 17025'],
      park: '核心区',
      website: 'https://www.yice.example.com',
      contacts: [{ name: '彭亚楠', phone: '010-67829965', email: 'pengyanan@yice.example.com' }],
    },
    postings: [
      {
        slug: 'cap-emc',
        kind: 'capability',
        title: 'EMC测试与整改（3米法、10米法电波暗室）',
        description: '辐射发射、传导骚扰、静电、浪涌等EMC测试，整改工程师现场支持，出具CNAS/CMA报告，协助CCC、CE认证。',
        tags: ['EMC', '电磁兼容', '检测', 'CNAS', 'CCC', 'CE'],
        industries: ['M7452', 'M7455'],
      },
      {
        slug: 'cap-reliability',
        kind: 'capability',
        title: '可靠性与环境试验',
        description: '高低温循环、温湿度、振动冲击、盐雾试验，样品送达后3天内排期，报告具备CNAS/CMA资质。',
        tags: ['可靠性试验', '环境试验', 'CNAS', '第三方检测'],
        industries: ['M7452'],
      },
      {
        slug: 'cap-aecq',
        kind: 'capability',
        title: '车规级AEC-Q验证与PPAP支持',
        description: 'AEC-Q100/Q200验证和汽车电子零部件环境试验，协助企业准备PPAP文件，进入主机厂供应链。',
        tags: ['车规级', 'AEC-Q', 'PPAP', '检测'],
        industries: ['M7452'],
      },
    ],
  },
  {
    key: STORY.finance,
    chain: 'services',
    segment: 'finance',
    founded: 2017,
    company: {
      name: '北京亦融供应链管理有限公司',
      industries: ['L7224', 'J6639'],
      description:
        '亦融供应链成立于2017年，由区内国有企业和产业基金共同出资，为经开区中小制造企业提供订单融资、应收账款保理和设备融资租赁对接服务。' +
        '公司与十余家银行和融资租赁公司合作，依托核心企业的订单和应付账款数据做线上风控，最快三个工作日放款，已累计服务区内企业300多家。',
      employees: 45,
      certifications: ['ISO 9001'],
      park: '国际企业文化园',
      contacts: [{ name: '沈佳琪', phone: '010-59709926', email: 'shenjiaqi@yirong.example.com' }],
    },
    postings: [
      {
        slug: 'cap-order-finance',
        kind: 'capability',
        title: '订单融资与应收账款保理',
        description: '以核心企业订单和应付账款为基础，为上游供应商提供订单融资和保理，单户额度最高3000万元，线上办理。',
        tags: ['供应链金融', '订单融资', '保理', '流动资金'],
        industries: ['L7224', 'J6639'],
      },
      {
        slug: 'cap-leasing',
        kind: 'capability',
        title: '自动化设备融资租赁对接',
        description: '为产线自动化改造和设备更新对接融资租赁，首付比例低至10%，期限最长5年。',
        tags: ['融资租赁', '设备融资', '自动化改造'],
        industries: ['J6631'],
      },
      {
        slug: 'need-core-partners',
        kind: 'need',
        title: '核心企业合作：共建供应链金融平台',
        description: '希望与区内整车、服务器和生物医药核心企业合作，基于其应付账款为上游中小供应商提供融资。',
        tags: ['核心企业', '供应链金融', '合作'],
        industries: ['C3612', 'C3911', 'C2761'],
        validForDays: 180,
      },
    ],
  },
];
