/**
 * Zone companies that have nothing to offer the four chains but talk about them anyway: a car wash that
 * details electric cars, a translation agency that translates medical device dossiers, a canteen operator that
 * feeds chip and biotech plants. Every zone has them, and their profiles are full of the words a matcher
 * looks for (新能源汽车, 医疗器械, 无尘车间, 自动驾驶, BGA …). They are here so the matcher's evaluation can
 * check that a company mentioning an industry is not mistaken for a supplier or a buyer in it.
 */
import type { HandwrittenCompany } from './handwritten.js';

/** Brands used here ([characters, pinyin]); the composer must not hand them out again. */
export const DISTRACTOR_BRANDS: readonly (readonly [string, string])[] = [
  ['车悦', 'cheyue'], ['译桥', 'yiqiao'], ['禾膳', 'heshan'], ['亦居', 'yiju'],
  ['炫彩', 'xuancai'], ['顺途', 'shuntu'], ['绿萝', 'lvluo'], ['快修', 'kuaixiu'],
];

/** Keys of the distractor companies, for the matcher's evaluation and tests. */
export const DISTRACTORS = {
  carWash: 'carwash-cheyue',
  translation: 'translation-yiqiao',
  catering: 'catering-heshan',
  realEstate: 'realty-yiju',
  advertising: 'ads-xuancai',
  drivingSchool: 'driving-shuntu',
  plants: 'plants-lvluo',
  repair: 'repair-kuaixiu',
} as const;

export const DISTRACTOR_COMPANIES: readonly HandwrittenCompany[] = [
  {
    key: DISTRACTORS.carWash,
    chain: 'services',
    segment: 'car-wash',
    founded: 2016,
    company: {
      name: '北京车悦汽车美容服务有限公司',
      industries: ['O81'],
      description:
        '北京车悦汽车美容服务有限公司成立于2016年，门店在亦庄新城，是一家社区型汽车美容店，主营洗车、内饰清洗、打蜡镀晶和贴膜。' +
        '店里有三个洗车工位和一个精洗间，员工十几人，周末一天能洗一百多台车。' +
        '这两年周边的新能源汽车越来越多，我们专门推出了新能源汽车精洗：底盘和电池包下护板低压冲洗、充电口防水处理，镀晶不伤车漆，也不会冲坏车身上的摄像头和雷达。' +
        '区内不少车企、电池厂和芯片公司的员工都是我们的会员，我们也和几家园区物业合作，在停车场给员工车辆上门洗车。',
      employees: 16,
      park: '亦庄新城',
      contacts: [{ name: '韩磊', phone: '135 2208 4417' }],
    },
    postings: [
      {
        slug: 'cap-ev-detailing',
        kind: 'capability',
        title: '新能源汽车精洗、镀晶与内饰清洁',
        description:
          '针对纯电和插混车型的精洗套餐：底盘低压冲洗、电池包护板和充电口防水处理，激光雷达罩和摄像头用专用软布清洁，' +
          '外加镀晶和内饰臭氧消毒，单车约两小时，会员周末预约优先。',
        tags: ['洗车', '汽车美容', '镀晶', '新能源汽车', '精洗'],
        industries: ['O81'],
      },
      {
        slug: 'cap-onsite-wash',
        kind: 'capability',
        title: '园区停车场上门洗车与员工洗车月卡',
        description: '可为园区企业的班车、公务车和员工私家车提供停车场上门洗车，采用免水洗工艺不留污水，员工月卡按企业团购价，按月结算。',
        tags: ['上门洗车', '企业团购', '车队服务'],
        industries: ['O81'],
      },
    ],
  },
  {
    key: DISTRACTORS.translation,
    chain: 'services',
    segment: 'translation',
    founded: 2013,
    company: {
      name: '北京译桥翻译服务有限公司',
      industries: ['L7294'],
      description:
        '北京译桥翻译服务有限公司成立于2013年，办公室在国际企业文化园，是一家笔译和口译公司，有专职译员和审校30余人，签约译员400多名，覆盖英、日、德、法、韩等20个语种。' +
        '业务以技术和商务文件为主：医疗器械注册资料和说明书翻译、临床试验文件翻译、药品说明书、汽车和电子产品的用户手册、专利文献，以及展会和商务谈判的陪同口译。' +
        '医学稿件由有医学或药学背景的译员负责，译稿可按NMPA和欧盟MDR的格式排版。公司按ISO 17100管理翻译流程，常规稿件三个工作日交付。',
      employees: 38,
      certifications: ['ISO 9001', 'ISO 17100'],
      park: '国际企业文化园',
      website: 'https://www.yiqiao.example.com',
      contacts: [{ name: '唐晓燕', phone: '010-59716638', email: 'tangxiaoyan@yiqiao.example.com' }],
    },
    postings: [
      {
        slug: 'cap-medical-translation',
        kind: 'capability',
        title: '医疗器械注册资料与临床试验文件翻译（中英互译）',
        description:
          '医疗器械注册资料、技术文档、说明书和标签，临床试验方案、知情同意书和病例报告表的翻译与审校；译员有医学背景，项目统一术语库，' +
          '可按NMPA和MDR格式排版，常规每天5000字，加急可当天交付。',
        tags: ['翻译', '医疗器械', '临床试验', '注册资料', '本地化'],
        industries: ['L7294'],
      },
      {
        slug: 'cap-interpreting',
        kind: 'capability',
        title: '审厂与展会陪同口译、设备手册翻译',
        description: '海外客户审厂、外宾来访和展会的陪同口译；设备操作手册、SMT产线作业指导书和汽车电子产品规格书的英、日、德文翻译。',
        tags: ['口译', '翻译', '技术文件', '展会'],
        industries: ['L7294'],
      },
    ],
  },
  {
    key: DISTRACTORS.catering,
    chain: 'services',
    segment: 'catering',
    founded: 2015,
    company: {
      name: '北京禾膳餐饮管理有限公司',
      industries: ['H62'],
      description:
        '北京禾膳餐饮管理有限公司成立于2015年，是一家团餐企业，在经开区运营11个员工食堂，每天供应午餐、晚餐和夜宵约两万份。' +
        '客户主要是区内的芯片工厂、生物医药企业和汽车零部件厂，我们熟悉无尘车间和GMP车间三班倒的作息，夜班餐能准时送到车间外的休息区。' +
        '中央厨房设在马驹桥，通过ISO 22000和HACCP体系认证，配餐车全程保温，食材每批留样48小时。',
      employees: 260,
      certifications: ['食品经营许可证', 'ISO 22000', 'HACCP'],
      park: '马驹桥',
      contacts: [
        { name: '冯建华', phone: '010-80572214', email: 'fengjianhua@heshan.example.com' },
        { name: '邓雨桐', phone: '186 1053 0927' },
      ],
    },
    postings: [
      {
        slug: 'cap-canteen',
        kind: 'capability',
        title: '为区内芯片和生物医药企业提供员工餐：食堂托管与团餐配送',
        description:
          '承接企业员工食堂托管，或由中央厨房配送盒饭和自助餐，支持三班倒的夜宵、清真窗口和营养套餐，' +
          '可按洁净车间换班时间分批就餐，100人以上起做，菜单每周更新。',
        tags: ['团餐', '食堂托管', '员工餐', '配餐'],
        industries: ['H62'],
      },
      {
        slug: 'need-ingredients',
        kind: 'need',
        title: '蔬菜和肉禽食材长期直供',
        description: '中央厨房每天需要蔬菜约3吨、猪牛羊肉和禽类约1吨，要求检疫证明和农残检测报告齐全，凌晨五点前送到马驹桥，希望与京郊种植和养殖基地直接合作。',
        tags: ['食材采购', '蔬菜', '肉禽', '直供'],
        industries: ['A01', 'F51'],
        validForDays: 90,
      },
    ],
  },
  {
    key: DISTRACTORS.realEstate,
    chain: 'services',
    segment: 'real-estate',
    founded: 2012,
    company: {
      name: '北京亦居房地产经纪有限公司',
      industries: ['K70'],
      description:
        '北京亦居房地产经纪有限公司成立于2012年，在亦庄新城和旧宫有四家门店，主营二手住宅买卖和住宅、公寓出租，也代理少量写字楼和商铺租赁。' +
        '经开区的服务器、机器人和新能源汽车企业这几年招了不少年轻工程师，我们和多家企业的人事部门合作，为新入职员工提供租房对接、人才公寓咨询和拎包入住服务，' +
        '合作企业的员工租房佣金减半。',
      employees: 45,
      park: '亦庄新城',
      contacts: [{ name: '宋超', phone: '138 1190 2753', email: 'songchao@yiju.example.com' }],
    },
    postings: [
      {
        slug: 'cap-staff-housing',
        kind: 'capability',
        title: '企业新员工租房对接与人才公寓咨询',
        description: '为区内企业新入职员工和外派工程师提供找房、合同审核和搬家联系，可按企业批量需求集中看房，房源覆盖亦庄新城、旧宫、瀛海和马驹桥。',
        tags: ['租房', '人才公寓', '员工住房', '房产经纪'],
        industries: ['K70'],
      },
      {
        slug: 'cap-office-lease',
        kind: 'capability',
        title: '写字楼与商铺租赁代理',
        description: '代理核心区和亦庄新城的写字楼、商铺出租，面积80到1500平方米，适合软件、设计和销售团队办公，可协助谈租金和免租期。',
        tags: ['写字楼', '办公室租赁', '商铺'],
        industries: ['K70'],
      },
    ],
  },
  {
    key: DISTRACTORS.advertising,
    chain: 'services',
    segment: 'advertising',
    founded: 2010,
    company: {
      name: '北京炫彩广告有限公司',
      industries: ['L7259', 'L7289'],
      description:
        '北京炫彩广告有限公司成立于2010年，是一家广告制作公司，主营门头招牌、发光字、灯箱、展板喷绘和宣传册印制，也做展台搭建和企业宣传片拍摄。' +
        '近几年给区内企业做过不少活动物料：机器人展和新能源车展的特装展台、芯片企业的年会背景墙、生物医药企业的宣传片。' +
        '自有喷绘和雕刻车间在马驹桥，小件当天出，特装展台一周内完成。',
      employees: 40,
      park: '国际企业文化园',
      contacts: [{ name: '曾子涵', phone: '010-67835590', email: 'zengzihan@xuancai.example.com' }],
    },
    postings: [
      {
        slug: 'cap-booth',
        kind: 'capability',
        title: '展会特装展台设计搭建（机器人展、车展、医疗器械展）',
        description:
          '承接展会特装展台的设计、制作和现场搭建，做过机器人展、新能源车展和医疗器械展的展位，可配合展品运输、灯光和多媒体演示，36平方米展台一周内交付。',
        tags: ['展台搭建', '展会', '广告制作', '宣传'],
        industries: ['L7289', 'L7259'],
      },
      {
        slug: 'cap-signage',
        kind: 'capability',
        title: '门头招牌、灯箱与厂区导视标识',
        description: '厂区和办公楼的门头招牌、发光字、导视牌、宣传栏制作安装，可按企业VI出图，北京市内免费上门测量。',
        tags: ['招牌', '导视系统', '标识标牌', '灯箱'],
        industries: ['L7259'],
      },
    ],
  },
  {
    key: DISTRACTORS.drivingSchool,
    chain: 'services',
    segment: 'driving-school',
    founded: 2008,
    company: {
      name: '北京顺途驾驶员培训学校有限公司',
      industries: ['P83'],
      description:
        '北京顺途驾驶员培训学校有限公司成立于2008年，训练场在亦庄新城南侧，占地约六万平方米，有教练车160台，其中新能源教练车超过一半。' +
        '学校开设C1、C2小车和B2大货车培训，配有智能驾驶模拟器和电子考场，学员可以先在模拟器上练倒车入库和侧方停车。' +
        '很多学员是区内自动驾驶、芯片和汽车零部件企业的员工，企业团体报名可安排班车接送和周末班。',
      employees: 120,
      park: '亦庄新城',
      contacts: [{ name: '袁志强', phone: '010-80566723', email: 'yuanzhiqiang@shuntu.example.com' }],
    },
    postings: [
      {
        slug: 'cap-group-training',
        kind: 'capability',
        title: '企业员工团体学车（C1/C2，周末班、晚班）',
        description: '为区内企业员工开设团体学车班，报名、体检和科目一集中办理，周末和晚上练车，班车到园区接送，十人以上团报优惠。',
        tags: ['驾校', '学车', '驾驶培训', '企业团报'],
        industries: ['P83'],
      },
      {
        slug: 'cap-safe-driving',
        kind: 'capability',
        title: '新能源车型驾驶与安全驾驶陪练',
        description: '为已有驾照的司机提供新能源汽车驾驶习惯、辅助驾驶功能使用和冬季安全驾驶的陪练课程，适合企业班车司机和新手上路。',
        tags: ['陪练', '安全驾驶', '新能源汽车', '驾驶培训'],
        industries: ['P83'],
      },
    ],
  },
  {
    key: DISTRACTORS.plants,
    chain: 'services',
    segment: 'plant-rental',
    founded: 2014,
    company: {
      name: '北京绿萝园艺有限公司',
      industries: ['N78'],
      description:
        '北京绿萝园艺有限公司成立于2014年，在马驹桥有约五千平方米的养护温室，主营办公室绿植租摆、节日花卉布置和园区绿化养护。' +
        '客户包括区内的半导体、生物医药和医疗器械企业：前台、会议室和办公区的绿植每周上门养护一次，枯萎包换。' +
        '有洁净室和无尘车间的企业对进出物品要求严，我们的绿植只摆在办公区和参观走廊，不进洁净区，盆土表面覆盖陶粒，防止扬尘和飞虫。',
      employees: 30,
      park: '马驹桥',
      contacts: [{ name: '程红梅', phone: '139 1017 5582', email: 'chenghongmei@lvluo.example.com' }],
    },
    postings: [
      {
        slug: 'cap-plant-rental',
        kind: 'capability',
        title: '办公室绿植租摆与定期养护',
        description: '按月租摆发财树、绿萝、龟背竹等办公绿植，每周上门浇水、修剪、擦叶，枯萎免费更换；适合企业前台、会议室和洁净室外的参观走廊。',
        tags: ['绿植租摆', '花卉', '办公环境', '养护'],
        industries: ['N78'],
      },
      {
        slug: 'cap-landscaping',
        kind: 'capability',
        title: '厂区绿化养护与活动花卉布置',
        description: '承接厂区草坪和乔灌木的日常养护、季节性花卉布置，以及开业、年会和展厅活动的鲜花布置。',
        tags: ['绿化养护', '花卉布置', '园林'],
        industries: ['N78'],
      },
    ],
  },
  {
    key: DISTRACTORS.repair,
    chain: 'services',
    segment: 'device-repair',
    founded: 2017,
    company: {
      name: '北京快修电子产品维修服务有限公司',
      industries: ['O81'],
      description:
        '北京快修电子产品维修服务有限公司成立于2017年，是一家手机和电脑维修店，在亦庄新城和旧宫有两家门店，主营手机换屏、电池更换、笔记本电脑清灰和数据恢复。' +
        '店里的技术员能做主板芯片级维修：BGA芯片拆焊、植锡、进水主板清洗和补焊，常见故障当天修好。' +
        '区内上班族多，我们提供午休时间上门取送机，也为小型办公室做电脑和打印机的包年维护。',
      employees: 22,
      park: '亦庄新城',
      contacts: [{ name: '吕鹏飞', phone: '158 1032 6670' }],
    },
    postings: [
      {
        slug: 'cap-phone-repair',
        kind: 'capability',
        title: '手机、平板换屏换电池与主板芯片级维修',
        description: '手机和平板换屏、换电池、换尾插；主板BGA芯片拆焊植锡、进水清洗和补焊，笔记本电脑主板维修和数据恢复，常见故障一小时出结果。',
        tags: ['手机维修', '电脑维修', '芯片级维修', '数据恢复'],
        industries: ['O81'],
      },
      {
        slug: 'cap-office-it',
        kind: 'capability',
        title: '小微企业电脑与打印机包年维护',
        description: '为20人以下的办公室提供电脑、打印机和路由器的包年维护，每月上门巡检一次，故障两小时内响应。',
        tags: ['电脑维修', '办公设备', '上门服务'],
        industries: ['O81'],
      },
    ],
  },
];
