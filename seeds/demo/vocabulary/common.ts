/**
 * Vocabulary shared by every chain: the zone and its parks, the pieces company and person names are built
 * from, the general sentences of a profile, and the service needs (testing, logistics, staffing, finance,
 * cleanrooms …) that companies of every chain post.
 */
import type { PostingTemplate } from './segment.js';

/** Ways a profile names the zone. */
export const ZONE_NAMES = ['北京经济技术开发区', '北京亦庄', '亦庄经开区', '北京经开区'] as const;

/** Parks of the demo zone: the first eight are named after real areas of Beijing E-Town, the rest are fictional. */
export const PARKS = {
  core: '核心区',
  newTown: '亦庄新城',
  east: '路东区',
  south: '路南区',
  west: '河西区',
  majuqiao: '马驹桥',
  opto: '光机电一体化产业基地',
  bio: '生物医药产业园',
  ic: '集成电路产业园',
  tongming: '通明湖信息城',
  auto: '新能源汽车产业园',
  robot: '机器人产业园',
  logistics: '马驹桥物流园',
  culture: '国际企业文化园',
} as const;

export const ALL_PARKS: readonly string[] = Object.values(PARKS);

/**
 * Characters company brands are made of, with their pinyin for keys, websites and e-mail addresses.
 * Two distinct characters make a brand (睿达, 恒芯 …), the way most Chinese company names are built.
 */
export const BRAND_CHARS: readonly (readonly [string, string])[] = [
  ['博', 'bo'], ['睿', 'rui'], ['恒', 'heng'], ['泰', 'tai'], ['华', 'hua'], ['晶', 'jing'], ['锐', 'rui'],
  ['康', 'kang'], ['新', 'xin'], ['盛', 'sheng'], ['英', 'ying'], ['航', 'hang'], ['德', 'de'], ['瑞', 'rui'],
  ['诺', 'nuo'], ['源', 'yuan'], ['创', 'chuang'], ['科', 'ke'], ['达', 'da'], ['信', 'xin'], ['鼎', 'ding'],
  ['凯', 'kai'], ['卓', 'zhuo'], ['汇', 'hui'], ['宏', 'hong'], ['启', 'qi'], ['正', 'zheng'], ['天', 'tian'],
  ['海', 'hai'], ['安', 'an'], ['嘉', 'jia'], ['明', 'ming'], ['微', 'wei'], ['芯', 'xin'], ['致', 'zhi'],
  ['知', 'zhi'], ['合', 'he'], ['远', 'yuan'], ['永', 'yong'], ['通', 'tong'], ['佳', 'jia'], ['辰', 'chen'],
  ['星', 'xing'], ['润', 'run'], ['融', 'rong'], ['澜', 'lan'], ['旭', 'xu'], ['昊', 'hao'], ['景', 'jing'],
  ['弘', 'hong'], ['万', 'wan'], ['金', 'jin'], ['尚', 'shang'], ['思', 'si'], ['拓', 'tuo'], ['联', 'lian'],
  ['智', 'zhi'], ['云', 'yun'], ['奥', 'ao'], ['赛', 'sai'], ['迈', 'mai'], ['朗', 'lang'], ['捷', 'jie'],
  ['易', 'yi'], ['优', 'you'], ['普', 'pu'], ['兆', 'zhao'], ['铭', 'ming'], ['舜', 'shun'], ['坤', 'kun'],
  ['益', 'yi'], ['丰', 'feng'], ['立', 'li'], ['驰', 'chi'], ['宇', 'yu'], ['峰', 'feng'], ['翔', 'xiang'],
  ['晟', 'sheng'], ['元', 'yuan'], ['清', 'qing'], ['蓝', 'lan'], ['齐', 'qi'], ['川', 'chuan'], ['钧', 'jun'],
];

/** Brands that are, or read like, well-known real companies or places; the composer never uses them. */
export const BLOCKED_BRANDS: ReadonlySet<string> = new Set([
  '华为', '中芯', '联想', '海信', '天马', '华润', '中海', '华安', '泰康', '安信', '华泰', '正泰', '汇川', '思科',
  '宇通', '汇丰', '信达', '海康', '科华', '海正', '天合', '正元', '智元', '云天', '海天', '永安', '华海', '科达',
  '万科', '万达', '华星', '金龙', '恒瑞', '恒源', '康泰', '新华', '华新', '清华', '华清', '安康', '通达', '天安',
  '星云', '蓝思', '立讯', '德赛', '英华', '普华', '华科', '联通', '金山', '合盛', '元气', '信通', '京东', '明星',
]);

/** Surnames and given names of contacts, with pinyin for their e-mail addresses. */
export const SURNAMES: readonly (readonly [string, string])[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['赵', 'zhao'],
  ['黄', 'huang'], ['周', 'zhou'], ['吴', 'wu'], ['徐', 'xu'], ['孙', 'sun'], ['胡', 'hu'], ['朱', 'zhu'],
  ['高', 'gao'], ['林', 'lin'], ['何', 'he'], ['郭', 'guo'], ['马', 'ma'], ['罗', 'luo'], ['梁', 'liang'],
  ['宋', 'song'], ['郑', 'zheng'], ['谢', 'xie'], ['韩', 'han'], ['唐', 'tang'], ['冯', 'feng'], ['于', 'yu'],
  ['董', 'dong'], ['程', 'cheng'], ['曹', 'cao'], ['袁', 'yuan'], ['邓', 'deng'], ['许', 'xu'], ['傅', 'fu'],
  ['沈', 'shen'], ['曾', 'zeng'], ['彭', 'peng'], ['吕', 'lyu'], ['田', 'tian'], ['任', 'ren'], ['姜', 'jiang'],
];

export const GIVEN_NAMES: readonly (readonly [string, string])[] = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['强', 'qiang'], ['磊', 'lei'],
  ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['涛', 'tao'], ['超', 'chao'],
  ['建国', 'jianguo'], ['建华', 'jianhua'], ['晓东', 'xiaodong'], ['晓燕', 'xiaoyan'], ['海涛', 'haitao'],
  ['志强', 'zhiqiang'], ['永刚', 'yonggang'], ['丽华', 'lihua'], ['春雷', 'chunlei'], ['雪梅', 'xuemei'],
  ['宇航', 'yuhang'], ['思远', 'siyuan'], ['一鸣', 'yiming'], ['子涵', 'zihan'], ['欣怡', 'xinyi'],
  ['浩然', 'haoran'], ['文博', 'wenbo'], ['佳琪', 'jiaqi'], ['俊杰', 'junjie'], ['晨曦', 'chenxi'],
  ['婷婷', 'tingting'], ['鹏飞', 'pengfei'], ['立新', 'lixin'], ['红梅', 'hongmei'], ['振华', 'zhenhua'],
  ['国栋', 'guodong'], ['亚楠', 'yanan'], ['冬梅', 'dongmei'], ['卫东', 'weidong'], ['秀兰', 'xiulan'],
  ['明轩', 'mingxuan'], ['雨桐', 'yutong'], ['长青', 'changqing'], ['嘉怡', 'jiayi'], ['书豪', 'shuhao'],
];

/** How a full company name is put together from brand and stem. `big` styles suit companies of 300+ staff. */
export const NAME_STYLES: readonly { readonly template: string; readonly big?: boolean }[] = [
  { template: '北京{brand}{stem}有限公司' },
  { template: '北京{brand}{stem}有限公司' },
  { template: '{brand}{stem}（北京）有限公司' },
  { template: '{brand}{stem}（北京）有限公司' },
  { template: '北京亦庄{brand}{stem}有限公司' },
  { template: '北京{brand}{stem}股份有限公司', big: true },
  { template: '{brand}{stem}股份有限公司', big: true },
];

/** Values of {founders}: who started a company. */
export const FOUNDERS = [
  '几位有多年外企经验的工程师',
  '一支海归创业团队',
  '原科研院所的技术骨干',
  '一家上市公司的核心团队',
  '两位大学同学',
  '行业内的资深销售和技术人员',
  '高校教授及其博士生团队',
] as const;

/** Values of {motto}. */
export const MOTTOS = [
  '专业、专注、专心',
  '品质立企、创新驱动',
  '客户第一、持续改进',
  '做精一件事',
  '以技术赢得信任',
  '诚信、务实、共赢',
  '让制造更简单',
  '质量是生命线',
] as const;

/** Values of {owner}: ownership type. */
export const OWNERSHIP = ['民营', '民营', '民营', '国有控股', '中外合资', '外商独资', '混合所有制'] as const;

/** Values of {group}: the parent of a subsidiary. */
export const GROUPS = [
  '一家深交所创业板上市公司',
  '一家科创板上市公司',
  '一家港股上市公司',
  '一家中央企业',
  '北京市属国有企业',
  '一家欧洲工业集团',
  '一家日本上市公司',
] as const;

/**
 * First sentences. Every one names the company and its business, so a profile read out of context still says
 * who is speaking; the patterns differ in order, register and what they stress.
 */
export const OPENINGS: readonly string[] = [
  '{name}成立于{year}年，位于{zone}{park}，是一家专注于{biz}的{sector}企业。',
  '{name}（以下简称“{short}”）创立于{year}年，总部设在{zone}{park}，[主营|业务集中在]{biz}。',
  '{year}年，{short}在{park}落户，[从十几个人的团队|从一间租来的厂房|从一个小型研发团队]起步，如今已是[区内|亦庄|京南][颇具规模|小有名气|较有代表性]的{sector}企业。',
  '作为{park}较早入驻的{sector}企业之一，{name}自{year}年起[深耕|专注于]{biz}。',
  '{name}于{year}年由{founders}共同创办，[公司|总部]位于{zone}{park}，业务聚焦{biz}。',
  '[扎根|立足]{zone}{park}的{name}，是一家以{biz}为核心业务的{sector}企业，[成立|创立]于{year}年。',
  '提起{park}的{sector}企业，业内[人士|同行]常会想到{short}。公司成立于{year}年，主营{biz}。',
  '{name}注册于{year}年，注册地在{zone}{park}，业务方向为{biz}。',
  '{short}（{name}）于{year}年入驻{zone}，[目前|现]在{park}拥有[自有|租赁的|两处]经营场地，核心业务是{biz}。',
  '以“{motto}”为[理念|宗旨]，{name}自{year}年创立以来一直专注于{biz}。',
  '{name}是一家{owner}{sector}企业，{year}年成立于{zone}{park}，致力于{biz}。',
  '{year}年在{park}成立的{name}，[目前|现已]是[国家高新技术企业|北京市“专精特新”中小企业|国家级专精特新“小巨人”企业]，主要业务为{biz}。',
  '{name}的故事始于{year}年：创始团队看好{sector}在京津冀的[机会|市场空间]，在{zone}{park}注册了公司，[最初|起初]只做{p1}，后来逐步拓展到{p2}。',
  '{short}是一家面向[京津冀|华北|全国]客户的{sector}企业，成立于{year}年，[地址|厂址|办公地址]位于{zone}{park}。',
  '{name}，{year}年成立，{zone}{park}企业，主营{p1}、{p2}等产品及服务。',
  '主营{biz}的{name}成立于{year}年，是{park}[规模较大|颇具特色|成长较快]的{sector}企业之一。',
  '{name}是{group}在华北的[核心子公司|区域总部|重要子公司]，{year}年在{zone}{park}设立，[主营|专注于]{biz}。',
  '{year}年，{name}在{zone}{park}[正式成立|正式运营|落地]，[此后一直深耕|业务重心始终是]{biz}。',
  '在{zone}{park}，{name}[算得上|是]{sector}领域的[老牌企业|后起之秀|隐形冠军]：公司成立于{year}年，聚焦{biz}。',
  '[我们|我司]是{name}，{year}年成立于{zone}{park}，[主营|专注于]{biz}。',
  '{short}从{year}年开始做{p1}，[这些年|多年来]业务逐渐延伸到{biz}，目前在{park}[运营|设有][生产基地|研发中心和工厂|总部和实验室]。',
  '{name}（{short}）——{biz}[专业厂商|解决方案提供商|服务商]，{year}年成立，[坐落于|位于]{zone}{park}。',
  '{zone}{park}的{name}创建于{year}年，[经过多年发展|发展至今]，已形成以{p1}为主、{p2}为辅的业务格局。',
];

/** First sentences that only fit companies that make things. */
export const MAKER_OPENINGS: readonly string[] = [
  '{name}是一家集研发、生产、销售于一体的{sector}企业，专注于{biz}，{year}年成立，位于{zone}{park}。',
  '{name}[创建|创立]于{year}年，[工厂|生产基地]设在{zone}{park}，[主要|核心]产品有{p1}、{p2}和{p3}。',
  '{name}是{group}在华北的[生产基地|研发与制造基地]，{year}年在{zone}{park}投产，以{biz}为主业。',
  '从{year}年在{park}建成第一条生产线算起，{short}已经在{biz}领域[走过了|积累了]不少年头，[目前|如今]主打{p1}。',
];

/** Staff sentences for companies that do R&D. */
export const STAFF_RESEARCH: readonly string[] = [
  '[公司|我们][现有|目前有]员工{employees}人，其中研发[人员|工程师]占比约{#12-45}%[，研发人员中硕士以上学历过半|]。',
  '[目前|现]有员工约{employees}人，本科及以上学历占{#35-80}%，硕士及以上约占{#8-30}%。',
  '[团队规模|员工总数]{employees}人，[核心技术人员|技术骨干|核心团队]平均[从业年限超过{#8-20}年|有{#8-20}年行业经验]。',
  '[全职员工|在职员工]{employees}人，研发团队约占[三分之一|四成|一半]，[多数|不少]来自[行业头部企业|知名高校和科研院所|外资企业]。',
  '截至[去年底|上一年末]，公司共有员工{employees}名，[研发投入占营业收入|研发费用占营收]的{#6-22}%左右。',
  '{short}的{employees}名员工中，[工程技术人员|研发和工程人员]约占{#30-60}%，[平均年龄|员工平均年龄]{#29-38}岁。',
];

/** Staff sentences for service and trading companies. */
export const STAFF_SERVICE: readonly string[] = [
  '[公司|我们][现有|目前有]员工{employees}人，[服务网络覆盖京津冀|在天津、廊坊设有服务网点|项目团队常驻区内客户现场]。',
  '[目前|现]有员工约{employees}人，其中持证[专业技术人员|工程师]约占{#20-60}%。',
  '[团队规模|员工总数]{employees}人，[骨干成员|项目经理]平均[行业经验|从业年限]超过{#6-15}年。',
  '[共有|现有]员工{employees}名，[实行7×24小时响应|提供全年无休的服务|重要客户配有专属服务团队]。',
];

/** Turnover sentences; {revenue} is derived from head count so small firms do not report huge sales. */
export const REVENUE: readonly string[] = [
  '[2023|2024]年营业收入约{revenue}，[同比增长|较上年增长]{#5-45}%。',
  '[去年|上一年度]实现营业收入{revenue}[左右|]。',
  '近三年[营收|营业收入]年均增长约{#8-40}%，[去年|2024年]达到{revenue}。',
  '年销售额约{revenue}，[其中出口占|海外业务占比约]{#5-40}%。',
];

/** Honours and research sentences; only for companies that do R&D. */
export const HONOURS: readonly string[] = [
  '[公司|{short}]先后获评国家高新技术企业[、北京市“专精特新”中小企业|和北京市“专精特新”中小企业|、中关村高新技术企业]。',
  '[2021|2022|2023]年[入选|被认定为]国家级专精特新“小巨人”企业[，同年获评北京市企业技术中心|]。',
  '公司建有北京市企业技术中心，[与北京理工大学|与北京航空航天大学|与中国科学院相关研究所|与北京工业大学]保持[长期|紧密]的产学研合作。',
  '累计获得授权专利{#20-260}项，其中发明专利{#5-60}项，[参与制定|主持起草]国家及行业标准{#1-9}项。',
  '[核心产品|主导产品]曾获北京市科学技术奖，[多项技术达到国内领先水平|部分指标优于进口同类产品]。',
  '[公司|{short}]设有[博士后科研工作站|北京市工程技术研究中心]，[每年|近年来]研发投入不低于营收的{#8-20}%。',
];

/** Certification sentences; {certs} lists the company's certifications. */
export const CERTIFICATION: readonly string[] = [
  '已通过{certs}[等|]认证。',
  '质量[管理|体系]方面，公司已取得{certs}认证。',
  '公司先后通过{certs}认证，[并通过多家头部客户的二方审核|质量体系运行稳定|具备进入头部客户供应链的资质]。',
  '持有{certs}证书[，质量体系每年接受外部审核|]。',
  '公司按照{certs}要求建立了[完整的|覆盖全流程的]管理体系。',
];

/** Customer sentences. */
export const CUSTOMERS: readonly string[] = [
  '{supplies}{c1}、{c2}等客户。',
  '[主要|核心]客户包括{c1}和{c2}，[合作年限普遍在五年以上|客户复购率较高|与多家客户签有长期框架协议]。',
  '[目前|近年来]，公司[服务|合作]的客户覆盖{c1}、{c2}等[领域|行业]。',
  '公司与{c1}建立了[长期|稳定的][战略合作|供货]关系，[近两年|今年]又[开拓了|新增了]{c2}[客户|市场]。',
];

/** Sentences about the location. */
export const LOCATION: readonly string[] = [
  '公司所在的{park}[上下游企业集中|配套齐全]，[与多家区内企业形成了稳定的协作关系|区内协作半径不超过五公里]。',
  '[地处|位于]{park}，[离|距]地铁亦庄线[不远|站点步行可达]，[方便|便于]客户来访和[人员通勤|招聘]。',
];

/** Sentences about the location that only fit companies that make things. */
export const MAKER_LOCATION: readonly string[] = [
  '[依托|借助]亦庄[完善的产业配套|集聚的产业链资源]，公司[大部分|多数]原材料可在[区内|半小时车程内]采购。',
  '厂区距京台高速、京津塘高速[出入口不远|都不远]，[物流便利|交通便捷]，[当日可达天津港|到首都机场约一小时车程]。',
];

/** Closing sentences: plans and the wish to find partners. */
export const OUTLOOK: readonly string[] = [
  '[下一步|未来三年]，公司计划[新建研发中心|扩充团队|在京津冀增设服务网点]，进一步提升{p1}的[交付能力|服务能力]。',
  '公司希望借助[经开区|开发区][供需对接|产业链对接]平台，结识更多[上下游|本地]合作伙伴。',
  '[欢迎|诚邀]区内企业[洽谈合作|来厂参观交流|联系我们了解详情]。',
  '今年公司[重点|将]拓展{c2}市场，并寻求与区内[上下游|同行]企业[合作|协同]。',
  '[我们|公司]正在[推进|筹备]{p2}的[国产化替代|新一代产品|产能扩充]项目，[期待|希望]与区内企业[共同推进|合作]。',
];

/** Closing sentences that only fit companies that make things. */
export const MAKER_OUTLOOK: readonly string[] = [
  '[下一步|未来三年]，公司计划[在{park}扩建产线|推进数字化工厂建设|新增自动化产线]，进一步提升{p1}的产能。',
  '[二期厂房|新产线][预计|计划][明年|年内]投产，届时{p2}的产能将提升{#30-100}%。',
];

/**
 * Service needs that companies of every chain post: testing and certification, logistics, staffing, finance,
 * cleanrooms. Keys are referenced from Segment.serviceNeeds.
 */
export const SERVICE_NEEDS: Readonly<Record<string, PostingTemplate>> = {
  testingReliability: {
    title: '[寻|征集][第三方|CNAS认可]实验室：{p1}[可靠性|环境]试验',
    description:
      '公司{p1}[新品导入|量产前|客户认证]需要做[高低温循环|温湿度|振动冲击|盐雾]等[可靠性|环境]试验，[希望|要求]实验室具备CNAS/CMA资质、可出具报告，[周期|测试周期]控制在{#2-6}周内，优先考虑区内机构便于送样。',
    tags: ['检测', '可靠性试验', '环境试验', 'CNAS', '第三方检测', '送样'],
    industries: ['M7452', 'M7455'],
    certificationsRequired: ['CNAS'],
  },
  testingEmc: {
    title: '{p1}[EMC|电磁兼容]测试及[CCC|CE|FCC]认证[服务|咨询]',
    description:
      '[新产品|{p1}]计划[今年|年内]上市，需要[EMC|电磁兼容]预测试、整改支持和正式[认证|取证]服务（[CCC|CE|CE/FCC]），[希望|最好]有[3米法|10米法]电波暗室，能提供整改建议。',
    tags: ['EMC', '电磁兼容', '认证', 'CCC', 'CE', '检测'],
    industries: ['M7452', 'M7455'],
  },
  testingAuto: {
    title: '[车规级|AEC-Q]验证与[零部件|产品]检测[合作|需求]',
    description:
      '[为进入主机厂供应链|客户要求]，{p1}需完成[AEC-Q100/Q200|车规级]验证及[盐雾|振动|IP防护等级]试验，寻求有汽车行业经验的检测机构，[需熟悉|能对接]IATF 16949的PPAP文件要求。',
    tags: ['车规级', 'AEC-Q', '检测', 'PPAP', '可靠性试验'],
    industries: ['M7452', 'M7455'],
    certificationsRequired: ['CNAS'],
  },
  testingMedical: {
    title: '医疗器械注册检验与[生物相容性|电气安全]测试',
    description:
      '{p1}进入注册申报阶段，需要[注册检验|型式检验]、[生物相容性评价|GB 9706.1电气安全测试]及[EMC|YY 9706.102]检测，希望机构熟悉NMPA[注册|申报]流程，能[缩短|压缩]检验周期。',
    tags: ['医疗器械', '注册检验', '生物相容性', '电气安全', 'NMPA'],
    industries: ['M7452', 'M7340'],
    certificationsRequired: ['CNAS', 'CMA'],
  },
  testingBio: {
    title: '[药品|生物制品]委托检验：[无菌|内毒素|支原体]检测',
    description:
      '[批放行|工艺验证]需要外部实验室协助完成[无菌检查|细菌内毒素|支原体|残留DNA]等检测项目，要求实验室符合GMP/[GLP|CNAS]要求、数据可追溯，每月约{qty}批次。',
    tags: ['委托检验', '无菌检查', '内毒素', 'GMP', '质量控制'],
    industries: ['M7452', 'M7340'],
    quantity: { min: 10, max: 60, unit: '批次/月' },
    certificationsRequired: ['CNAS'],
  },
  certification: {
    title: '[体系认证辅导|管理体系认证咨询]服务',
    description:
      '公司计划[年内|明年上半年]通过[IATF 16949|ISO 13485|ISO 14001|ISO 45001]认证，[寻找|需要]有[行业经验|同类企业辅导经验]的认证[咨询|辅导]机构，协助[文件编写|内审员培训|模拟审核]。',
    tags: ['体系认证', '认证咨询', '内审', '质量体系'],
    industries: ['M7455', 'L7249'],
  },
  logistics: {
    title: '[区内|京津冀][配送|干线运输]服务：[原材料入厂|成品发运]',
    description:
      '[每周|每天]有[原材料入厂|成品发往天津港和华东客户]的运输需求，[月均|每月约]{qty}车次，[希望|要求]物流商提供[GPS全程跟踪|准时率报表]，[有|能配合]VMI[仓储|入厂物流]优先。',
    tags: ['物流', '干线运输', '城市配送', 'VMI', '仓储'],
    industries: ['G5431', 'G5437', 'G5821'],
    quantity: { min: 20, max: 300, unit: '车次/月' },
  },
  warehouse: {
    title: '[就近|区内]仓储[外包|服务]：{qty}平方米',
    description:
      '[产能扩张|旺季备货]导致厂内库房不足，[拟|计划]在[马驹桥|区内]租用[恒温|常温|防静电]仓库约{qty}平方米，需要WMS系统对接、[先进先出管理|批次管理]和[每日|按需]配送上线。',
    tags: ['仓储', 'WMS', '外包仓', '配送'],
    industries: ['G5920', 'G5437'],
    quantity: { min: 500, max: 5000, unit: '平方米' },
  },
  coldChain: {
    title: '[医药|生物制品]冷链运输[及仓储|]服务',
    description:
      '[公司的冷藏产品|试剂和样本|部分产品和样本]需要全程[2–8℃|-20℃|-70℃]温控[运输|配送]，[覆盖京津冀及华东|送往全国各地临床中心|主要发往北京各三甲医院]，要求[有GSP资质|冷链验证报告齐全]、温度数据实时上传、[异常|断链]有应急预案。',
    tags: ['冷链', '温控运输', 'GSP', '冷库', '医药物流'],
    industries: ['G5432', 'G5930'],
    certificationsRequired: ['GSP'],
  },
  hazmatLogistics: {
    title: '危险品[运输|仓储]：[锂电池|化学品|危化品]',
    description:
      '[锂电池及模组|电解液等化学品|清洗溶剂]需按[UN38.3|危险货物道路运输规则]运输和储存，[寻找|需要]具备危险品运输资质的物流企业，[每月|月均]约{#5-60}车次。',
    tags: ['危险品运输', '锂电池', '危化品', '物流'],
    industries: ['G5435', 'G5942'],
  },
  staffing: {
    title: '[招聘|招募][普工|操作工|产线技术工]{qty}名[（可劳务派遣）|，接受派遣|]',
    description:
      '[订单增加|新产线投产|旺季]，[需要|急需]{qty}名[普工|操作员|技术工人]，[两班倒|长白班]，[包食宿|提供班车]，[希望|可]通过劳务派遣或[灵活用工|外包]方式[快速|两周内]到岗，[有电子厂经验者优先|接受新手，公司负责培训]。',
    tags: ['劳务派遣', '招聘', '普工', '灵活用工', '人力资源'],
    industries: ['L7263', 'L7262'],
    quantity: { min: 20, max: 200, unit: '人' },
  },
  engineers: {
    title: '[招聘|寻求推荐][工程师|技术骨干]{qty}名',
    description:
      '因业务拓展，[需招聘|寻求猎头推荐][工艺|质量|研发|设备]工程师{qty}名，[要求|希望][本科以上|有相关行业经验]，[可提供|可协助申请]北京工作居住证及人才公寓。',
    tags: ['招聘', '猎头', '工程师', '人才'],
    industries: ['L7262', 'L7269'],
    quantity: { min: 2, max: 15, unit: '人' },
  },
  financeOrder: {
    title: '[订单融资|应收账款保理|供应链融资]，额度约{qty}万元',
    description:
      '[账期较长|订单集中交付]造成流动资金[紧张|压力]，[希望|拟]以[核心企业应付账款|在手订单|应收账款]为基础办理[保理|订单融资|供应链金融]业务，额度约{qty}万元，期限{#3-12}个月。',
    tags: ['供应链金融', '保理', '订单融资', '流动资金'],
    industries: ['J6639', 'L7224', 'J6621'],
    quantity: { min: 200, max: 5000, unit: '万元' },
  },
  financeLeasing: {
    title: '[设备融资租赁|售后回租]：{e1}等设备',
    description:
      '[计划|拟]引进{e1}等设备，总价约{qty}万元，[希望|考虑]以融资租赁[或售后回租|]方式分{#24-60}期支付，[减轻|缓解]一次性投入压力。',
    tags: ['融资租赁', '售后回租', '设备融资'],
    industries: ['J6631'],
    quantity: { min: 300, max: 8000, unit: '万元' },
  },
  cleanroom: {
    title: '[洁净室|无尘车间|净化车间][新建|改造|扩建]（约{qty}平方米）',
    description:
      '[新产线|扩产]需要[新建|改造][洁净室|无尘车间|净化车间]约{qty}平方米，洁净度ISO [6|7|8]级（局部[5级|百级]），含[空调净化|FFU|风淋]及[工艺冷却水|压缩空气|纯水]系统，[要求|希望]总工期不超过{#3-6}个月，[需|要能]提供验证文件。',
    tags: ['洁净室', '无尘车间', '净化工程', '机电安装', 'FFU'],
    industries: ['E49', 'E50', 'C3463'],
    quantity: { min: 300, max: 3000, unit: '平方米' },
  },
  cleanroomGmp: {
    title: 'GMP洁净区[设计施工|改造][及验证|]',
    description:
      '[新建|扩建][原液|无菌制剂|口服制剂]生产线，需要按GMP（[2010年版|附录]）建设[B|C|D]级洁净区约{qty}平方米，包括HVAC、纯化水/注射用水系统[及|和]相关[DQ/IQ/OQ/PQ|验证]，[希望|要求]承包方有[生物制药|无菌制剂]项目业绩。',
    tags: ['GMP', '洁净室', '净化工程', 'HVAC', '验证', '注射用水'],
    industries: ['E49', 'E50', 'M7484'],
    quantity: { min: 500, max: 4000, unit: '平方米' },
  },
  intellectualProperty: {
    title: '[专利布局|知识产权][与|及][高企申报|海外专利]服务',
    description:
      '[围绕|针对]{p1}[核心技术|新产品]，需要[专利挖掘与布局|PCT国际专利申请|FTO侵权风险分析]服务，[同时|另外]需要协助[高新技术企业复审|专精特新申报]。',
    tags: ['知识产权', '专利', 'PCT', '高企申报'],
    industries: ['M7520', 'L7249'],
  },
  hazardousWaste: {
    title: '[危废|工业废弃物]处置[服务|合同]',
    description:
      '生产中产生[废有机溶剂|废电路板边角料|废切削液|实验室废液]等危险废物，[每月|年产生量约]{#1-40}吨，需要有资质的单位[定期|按月]收运处置，并协助[台账管理|转移联单]。',
    tags: ['危废处置', '环保', '危险废物', '合规'],
    industries: ['N77'],
  },
};
