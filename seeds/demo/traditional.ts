/**
 * Hong Kong- and Taiwan-funded companies of the zone. Their registered names are simplified (mainland
 * registration), but they write their profiles and postings in traditional characters, as such companies
 * often do — which is exactly the input the matcher's traditional→simplified folding exists for.
 */
import type { HandwrittenCompany } from './handwritten.js';

/** Brands used here ([characters, pinyin]); the composer must not hand them out again. */
export const TRADITIONAL_BRANDS: readonly (readonly [string, string])[] = [
  ['鸿准', 'hongzhun'], ['源丰', 'yuanfeng'], ['冠华', 'guanhua'], ['晶汇', 'jinghui'], ['达川', 'dachuan'],
  ['佳禾', 'jiahe'], ['港通', 'gangtong'], ['宜德', 'yide'], ['钜昇', 'jusheng'], ['瑞港', 'ruigang'], ['宏冠', 'hongguan'],
];

export const TRADITIONAL_COMPANIES: readonly HandwrittenCompany[] = [
  {
    key: 'pcb-hongzhun',
    chain: 'ict',
    segment: 'pcb',
    founded: 2001,
    company: {
      name: '鸿准精密电路（北京）有限公司',
      industries: ['C3982'],
      description:
        '鴻准精密電路（北京）有限公司為台灣鴻准電子股份有限公司於2001年在北京經濟技術開發區投資設立的子公司，廠區位於路東區，' +
        '主要生產高多層板、HDI板及軟硬結合板，月產能約12萬平方米。公司導入LDI雷射直接成像、VCP垂直連續電鍍及全自動AOI等設備，' +
        '產品廣泛應用於通訊設備、伺服器及車用電子。我們重視製程品質與環境保護，廢水回收率達六成以上，並通過IATF 16949、UL及ISO 14001等認證。' +
        '近年積極開拓大陸本地整機客戶，歡迎區內EMS廠與整機廠洽談合作。',
      employees: 1300,
      certifications: ['ISO 9001', 'IATF 16949', 'ISO 14001', 'UL'],
      park: '路东区',
      website: 'https://www.hongzhun.example.com',
      contacts: [{ name: '林志強', phone: '010-67872210', email: 'linzhiqiang@hongzhun.example.com' }],
    },
    postings: [
      {
        slug: 'cap-hdi',
        kind: 'capability',
        title: '高多層板、HDI板量產（最高32層）',
        description: '可量產4至32層高多層板及1至3階HDI板，支援盲埋孔、背鑽與阻抗控制，樣板最快72小時交貨，量產交期約10天。',
        tags: ['PCB', 'HDI', '線路板', '高多層板', '阻抗控制'],
        industries: ['C3982'],
        quantity: { amount: 120000, unit: '平方米/月' },
      },
      {
        slug: 'need-laminate',
        kind: 'need',
        title: '高速覆銅板在地供應',
        description: '伺服器及通訊板訂單增加，需要高速、低損耗覆銅板及半固化片，月用量約3萬張，希望與國內板材廠建立在地供應。',
        tags: ['覆銅板', '板材', '原材料'],
        industries: ['C3985'],
        validForDays: 120,
      },
      {
        slug: 'need-customers',
        kind: 'need',
        title: '尋找區內整機及EMS客戶',
        description: '產能利用率約七成，希望承接區內伺服器、通訊及車用電子客戶的PCB訂單，可提供樣板優惠與駐廠工程支援。',
        tags: ['客戶開拓', 'PCB', 'EMS', '整機'],
        industries: ['C3982', 'C3911', 'C3921'],
        validForDays: 150,
      },
    ],
  },
  {
    key: 'connector-yuanfeng',
    chain: 'ict',
    segment: 'components',
    founded: 2004,
    company: {
      name: '源丰连接器（北京）有限公司',
      industries: ['C3989'],
      description:
        '源豐連接器（北京）有限公司由香港源豐集團於2004年投資設立，位於亦莊路南區，專業生產板對板連接器、線對板連接器及汽車用防水連接器，年出貨量逾8億隻。' +
        '工廠配備高速沖壓機、精密注塑機及全自動組裝線，關鍵工序自動化率達九成。產品主要供應通訊、工業控制及新能源汽車客戶，' +
        '亦可按客戶圖紙開發非標產品，模具開發周期約四星期。公司已取得IATF 16949及UL認證，設有獨立的可靠性實驗室。',
      employees: 900,
      certifications: ['ISO 9001', 'IATF 16949', 'UL', 'ISO 14001'],
      park: '路南区',
      website: 'https://www.yuanfeng.example.com',
      contacts: [
        { name: '陳嘉怡', phone: '+852 2345 6789', email: 'chenjiayi@yuanfeng.example.com' },
        { name: '黃國棟', phone: '010-67856633' },
      ],
    },
    postings: [
      {
        slug: 'cap-connectors',
        kind: 'capability',
        title: '板對板及車用防水連接器供貨',
        description: '提供0.5mm至2.54mm間距板對板、線對板連接器，以及IP67車用防水連接器，可提供樣品及替代對照表，交期約三至五星期。',
        tags: ['連接器', '車規級', '國產替代', '板對板'],
        industries: ['C3989'],
        quantity: { amount: 6000, unit: '萬隻/月' },
      },
      {
        slug: 'cap-custom',
        kind: 'capability',
        title: '非標連接器客製開發',
        description: '按客戶圖紙或樣品開發非標連接器，自有模具廠，模具約四星期，小批量亦可承接。',
        tags: ['連接器', '客製開發', '模具'],
        industries: ['C3989'],
      },
      {
        slug: 'need-automation',
        kind: 'need',
        title: '自動化組裝及視覺檢測設備',
        description: '計劃將端子插針、組裝及外觀檢測工序自動化，需要自動組裝機及CCD視覺檢測設備約十二套，歡迎區內自動化廠商提供方案。',
        tags: ['自動化', '視覺檢測', '組裝設備'],
        industries: ['C3563', 'C4011', 'C3499'],
        validForDays: 120,
      },
    ],
  },
  {
    key: 'display-guanhua',
    chain: 'ict',
    segment: 'display',
    founded: 2007,
    company: {
      name: '冠华光电科技（北京）有限公司',
      industries: ['C3974'],
      description:
        '冠華光電科技（北京）有限公司是台資顯示模組廠，2007年落戶北京亦莊核心區，產品涵蓋車載中控屏、工控顯示器與醫療顯示模組，尺寸由7吋到21.5吋，' +
        '並提供光學全貼合與觸控整合服務。公司擁有COG/FOG邦定線6條、無塵車間約八千平方米，年產能約300萬片。' +
        '台灣總部負責面板採購與光學設計，北京廠專注製造與在地客戶服務，可配合客戶做寬溫、高亮與防眩光等客製化。',
      employees: 750,
      certifications: ['ISO 9001', 'ISO 14001', 'IATF 16949', 'ISO 13485'],
      park: '核心区',
      contacts: [{ name: '張雅婷', phone: '010-67801134', email: 'zhangyating@guanhua.example.com' }],
    },
    postings: [
      {
        slug: 'cap-modules',
        kind: 'capability',
        title: '車載及醫療顯示模組客製化',
        description: '7至21.5吋顯示模組，支援高亮、寬溫、防眩光與光學全貼合，樣品約四星期，可提供醫療級長期供貨承諾。',
        tags: ['顯示模組', '車載顯示', '醫療顯示', '全貼合'],
        industries: ['C3974'],
        quantity: { amount: 25, unit: '萬片/月' },
      },
      {
        slug: 'need-driver-ic',
        kind: 'need',
        title: '國產顯示驅動IC導入',
        description: '為降低成本與交期風險，希望導入國產顯示驅動IC及TCON，年用量約500萬顆，歡迎設計公司提供樣片。',
        tags: ['驅動IC', '國產替代', '芯片'],
        industries: ['I6520', 'C3973'],
        validForDays: 150,
      },
    ],
  },
  {
    key: 'ic-jinghui',
    chain: 'ict',
    segment: 'ic-design',
    founded: 2015,
    company: {
      name: '晶汇微电子（北京）有限公司',
      industries: ['I6520'],
      description:
        '晶匯微電子（北京）有限公司是台灣晶匯科技於2015年在亦莊設立的研發與應用中心，專注電源管理IC、馬達驅動IC及電池管理（BMS）類比前端晶片設計，' +
        '產品已通過AEC-Q100車規驗證。北京團隊約80人，負責大陸客戶的應用方案、FAE技術支援及部分晶片設計，晶圓則委託台灣及大陸晶圓廠代工。' +
        '我們希望與區內的整機廠、EMS及電池企業合作，提供在地化的參考設計與快速技術支援。',
      employees: 80,
      certifications: ['ISO 9001', 'IATF 16949'],
      park: '集成电路产业园',
      website: 'https://www.jinghui.example.com',
      contacts: [{ name: '吳俊傑', phone: '010-56731182', email: 'wujunjie@jinghui.example.com' }],
    },
    postings: [
      {
        slug: 'cap-pmic',
        kind: 'capability',
        title: '電源管理IC與車規BMS類比前端晶片',
        description: '提供DC-DC、LDO、馬達驅動及BMS類比前端晶片，通過AEC-Q100驗證，附參考設計與評估板，FAE可駐廠協助除錯。',
        tags: ['電源管理', '芯片', '車規級', 'BMS', 'FAE'],
        industries: ['I6520'],
        quantity: { amount: 200, unit: '萬顆/月' },
      },
      {
        slug: 'need-customers',
        kind: 'need',
        title: '尋找電池PACK及整機客戶導入BMS晶片',
        description: '希望與區內電池PACK廠、伺服器及車載電子企業合作導入BMS類比前端與電源管理晶片，可提供免費樣片及聯合調試。',
        tags: ['客戶開拓', 'BMS', '方案導入'],
        industries: ['C3841', 'C3911', 'C3962'],
        validForDays: 180,
      },
    ],
  },
  {
    key: 'automation-dachuan',
    chain: 'robotics',
    segment: 'integrator',
    founded: 2010,
    company: {
      name: '达川自动化设备（北京）有限公司',
      industries: ['C3499', 'C3563'],
      description:
        '達川自動化設備（北京）有限公司為台灣達川機械於2010年在北京設立的製造與服務據點，位於光機電一體化產業基地，' +
        '主要產品包括異形插件機、自動鎖螺絲機、PCB分板機及電子組裝自動化工作站，在華北地區累計裝機逾兩千台。' +
        '公司擁有機構、電控與視覺工程師約四十名，可依客戶產品快速調整治具與程式，並提供全年無休的維修服務。',
      employees: 110,
      certifications: ['ISO 9001', 'CE'],
      park: '光机电一体化产业基地',
      contacts: [{ name: '蔡明軒', phone: '010-87219905', email: 'caimingxuan@dachuan.example.com' }],
    },
    postings: [
      {
        slug: 'cap-insertion',
        kind: 'capability',
        title: '電子組裝自動化設備：異形插件機、鎖螺絲機、分板機',
        description:
          '異形插件機可處理電解電容、連接器、變壓器等零件，搭配視覺定位，可直接接入SMT後段產線；另提供自動鎖螺絲機與雷射／銑刀分板機，' +
          '適合EMS工廠插件及組裝工序自動化。',
        tags: ['自動化', '插件機', '分板機', '鎖螺絲機', 'EMS', '產線改造'],
        industries: ['C3499', 'C3563'],
        quantity: { amount: 150, unit: '台/年' },
      },
      {
        slug: 'cap-service',
        kind: 'capability',
        title: '設備維修與產線改造服務',
        description: '為區內電子廠提供插件、分板及組裝設備的維修保養與產線改造，北京市內四小時到場。',
        tags: ['設備維修', '產線改造', '售後服務'],
        industries: ['C3499'],
      },
      {
        slug: 'need-servo',
        kind: 'need',
        title: '伺服馬達及運動控制卡在地採購',
        description: '插件機及分板機需要伺服馬達與運動控制卡，年用量約800軸，希望改用國產品牌並由在地廠商提供技術支援。',
        tags: ['伺服', '運動控制', '國產化'],
        industries: ['C3813', 'C4011'],
        validForDays: 120,
      },
    ],
  },
  {
    key: 'meddevice-jiahe',
    chain: 'biotech',
    segment: 'med-consumables',
    founded: 2012,
    company: {
      name: '佳禾医疗器材（北京）有限公司',
      industries: ['C3584', 'C2770'],
      description:
        '佳禾醫療器材（北京）有限公司係台灣佳禾醫材集團於2012年在北京亦莊生物醫藥產業園設立之生產基地，主要生產中心靜脈導管、輸液器及醫用敷料，' +
        '產品已取得NMPA及CE認證。工廠設有十萬級潔淨車間及環氧乙烷滅菌櫃，年產導管類產品約兩千萬支。' +
        '公司依ISO 13485建立品質系統，並可為品牌客戶提供OEM代工。',
      employees: 420,
      certifications: ['ISO 13485', 'ISO 9001', 'CE'],
      park: '生物医药产业园',
      contacts: [{ name: '許秀蘭', phone: '010-80732216', email: 'xuxiulan@jiahe.example.com' }],
    },
    postings: [
      {
        slug: 'cap-catheter',
        kind: 'capability',
        title: '中心靜脈導管及輸液器供貨',
        description: '中心靜脈導管、輸液器及延長管，已取得NMPA註冊證及CE認證，可供應醫院與經銷商，附滅菌及檢驗報告。',
        tags: ['醫用耗材', '導管', '輸液器', '無菌'],
        industries: ['C3584', 'C2770'],
      },
      {
        slug: 'cap-oem',
        kind: 'capability',
        title: '醫用耗材OEM代工',
        description: '潔淨車間及滅菌產能可承接品牌客戶的導管與敷料OEM代工，支援小批量與客製包裝。',
        tags: ['OEM', '代工', '醫用耗材'],
        industries: ['C2770'],
      },
      {
        slug: 'need-testing',
        kind: 'need',
        title: '滅菌驗證及生物相容性檢測',
        description: '新品註冊需要環氧乙烷滅菌驗證及生物相容性評價，希望委託區內具CNAS資質的實驗室，並縮短檢測周期。',
        tags: ['滅菌驗證', '生物相容性', '檢測', 'CNAS'],
        industries: ['M7452', 'M7340'],
        certificationsRequired: ['CNAS'],
        validForDays: 90,
      },
    ],
  },
  {
    key: 'logistics-gangtong',
    chain: 'services',
    segment: 'logistics',
    founded: 2006,
    company: {
      name: '港通国际物流（北京）有限公司',
      industries: ['G5821', 'G5920'],
      description:
        '港通國際物流（北京）有限公司隸屬香港港通物流集團，2006年於北京經濟技術開發區成立，倉庫位於馬駒橋物流園，面積約三萬平方米，' +
        '設有保稅倉、防靜電恆溫倉及危險品專區。公司提供進出口報關、空運海運訂艙、跨境電商及VMI倉儲配送服務，' +
        '熟悉電子元器件、半導體設備及醫療器材等高價值貨物的運輸。北京至香港、深圳每日有定班卡車，區內客戶可享當日提貨服務。',
      employees: 350,
      certifications: ['ISO 9001', 'AEO高级认证'],
      park: '马驹桥物流园',
      website: 'https://www.gangtong.example.com',
      contacts: [{ name: '梁振華', phone: '+852 3188 2046', email: 'liangzhenhua@gangtong.example.com' }],
    },
    postings: [
      {
        slug: 'cap-crossborder',
        kind: 'capability',
        title: '進出口報關及跨境物流',
        description: '代理進出口報關、空運海運訂艙及保稅倉儲，熟悉電子元器件與半導體設備類貨物，北京至香港每日定班車。',
        tags: ['報關', '跨境物流', '保稅', '國際運輸'],
        industries: ['G5821', 'G5920'],
      },
      {
        slug: 'cap-vmi',
        kind: 'capability',
        title: 'VMI倉儲及入廠配送',
        description: '在馬駒橋設有防靜電恆溫VMI倉，支援WMS對接、批次管理及按工單配送上線，適合EMS及整機工廠。',
        tags: ['VMI', '倉儲', '入廠物流', '配送'],
        industries: ['G5920', 'G5437'],
      },
      {
        slug: 'need-trucks',
        kind: 'need',
        title: '新能源物流車採購',
        description: '車隊更新需要新能源輕型廂式貨車約三十台，希望區內車企提供試駕及融資方案。',
        tags: ['新能源貨車', '車輛採購'],
        industries: ['C3612', 'C3630'],
        validForDays: 90,
      },
    ],
  },
  {
    key: 'testing-yide',
    chain: 'services',
    segment: 'testing-electrical',
    founded: 2013,
    company: {
      name: '宜德检测技术（北京）有限公司',
      industries: ['M7452'],
      description:
        '宜德檢測技術（北京）有限公司是台灣宜德檢驗科技於2013年在亦莊設立的實驗室，具備CNAS認可及CMA資質，' +
        '主要提供車用電子與工業產品的可靠性試驗、失效分析及材料分析服務，設有三綜合振動台、冷熱衝擊箱、掃描電子顯微鏡（SEM）及X光斷層掃描（CT）等設備。' +
        '我們的工程師熟悉AEC-Q與IATF 16949客戶要求，可協助客戶釐清失效原因並提出改善建議。',
      employees: 130,
      certifications: ['CNAS', 'CMA', 'ISO/IEC 17025'],
      park: '核心区',
      contacts: [{ name: '謝婷婷', phone: '010-67828841', email: 'xietingting@yide.example.com' }],
    },
    postings: [
      {
        slug: 'cap-reliability',
        kind: 'capability',
        title: '車用電子可靠性試驗與失效分析',
        description: '提供溫度循環、冷熱衝擊、振動及鹽霧等可靠性試驗，以及SEM、CT失效分析，出具CNAS/CMA報告。',
        tags: ['可靠性試驗', '失效分析', '車規級', 'AEC-Q', 'CNAS'],
        industries: ['M7452'],
      },
      {
        slug: 'need-engineers',
        kind: 'need',
        title: '招募可靠性及失效分析工程師',
        description: '業務擴充需招募可靠性工程師及失效分析工程師共五名，具車用電子經驗者優先，可協助辦理北京工作居住證。',
        tags: ['招聘', '工程師', '人才'],
        industries: ['L7262'],
        validForDays: 60,
      },
    ],
  },
  {
    key: 'cnc-jusheng',
    chain: 'robotics',
    segment: 'cnc-machine',
    founded: 2009,
    company: {
      name: '钜昇精机（北京）有限公司',
      industries: ['C3421'],
      description:
        '鉅昇精機（北京）有限公司為台灣鉅昇精密機械在大陸設立的組裝及服務中心，2009年落戶光機電一體化產業基地，' +
        '主要產品為立式加工中心、五軸聯動加工中心及高速鑽攻機，主軸轉速最高兩萬四千轉，定位精度±3μm。' +
        '北京廠負責整機組裝、精度檢測與華北地區售後，並設有應用中心，可為客戶進行試切與工藝評估。',
      employees: 180,
      certifications: ['ISO 9001', 'CE'],
      park: '光机电一体化产业基地',
      contacts: [{ name: '鄭冬梅', phone: '010-87263307', email: 'zhengdongmei@jusheng.example.com' }],
    },
    postings: [
      {
        slug: 'cap-machines',
        kind: 'capability',
        title: '立式加工中心及五軸加工中心供貨',
        description: '立式加工中心、五軸聯動加工中心及高速鑽攻機，可選配國產或進口數控系統，含安裝調試與操作培訓。',
        tags: ['數控機床', '加工中心', '五軸'],
        industries: ['C3421'],
        quantity: { amount: 300, unit: '台/年' },
      },
      {
        slug: 'cap-trial',
        kind: 'capability',
        title: '試切與工藝評估服務',
        description: '應用中心可為客戶免費試切樣件，評估節拍、刀具與夾具方案。',
        tags: ['試切', '工藝方案', '技術服務'],
        industries: ['C3421'],
      },
      {
        slug: 'need-castings',
        kind: 'need',
        title: '床身及立柱鑄件在地採購',
        description: '為縮短交期，計劃在華北採購HT300床身及立柱鑄件，年用量約一千五百噸，需經時效處理。',
        tags: ['鑄件', '床身', '採購'],
        industries: ['C3391'],
        validForDays: 120,
      },
    ],
  },
  {
    key: 'bio-ruigang',
    chain: 'biotech',
    segment: 'bio-materials',
    founded: 2018,
    company: {
      name: '瑞港生物科技（北京）有限公司',
      industries: ['C2761', 'C2661'],
      description:
        '瑞港生物科技（北京）有限公司由香港瑞港生命科學於2018年在北京亦莊生物醫藥產業園投資設立，主要研發及生產CHO細胞無血清培養基、補料培養基及細胞凍存液，' +
        '產品已用於多家生物藥企業的臨床及商業化項目。公司設有乾粉培養基生產線及液體培養基灌裝線，可提供DMF文件、變更通知及細胞培養工藝支援，' +
        '交期約兩星期，較進口產品縮短一半以上。',
      employees: 120,
      certifications: ['ISO 9001', 'ISO 13485'],
      park: '生物医药产业园',
      website: 'https://www.ruigang.example.com',
      contacts: [{ name: '何欣怡', phone: '+852 2811 7730', email: 'hexinyi@ruigang.example.com' }],
    },
    postings: [
      {
        slug: 'cap-media',
        kind: 'capability',
        title: 'CHO無血清培養基及補料培養基',
        description: '化學成分明確的CHO無血清培養基及補料培養基，可免費試用，提供DMF文件及工藝放大支援，區內客戶次日送達。',
        tags: ['培養基', '國產替代', '細胞培養', 'DMF'],
        industries: ['C2761', 'C2661'],
      },
      {
        slug: 'need-cold-chain',
        kind: 'need',
        title: '2–8℃冷鏈配送（京津冀及華東）',
        description: '液體培養基需全程2–8℃冷鏈配送至京津冀及華東客戶，每月約四十票，要求GSP資質及溫度數據即時上傳。',
        tags: ['冷鏈', '溫控運輸', 'GSP'],
        industries: ['G5432', 'G5930'],
        certificationsRequired: ['GSP'],
        validForDays: 120,
      },
    ],
  },
  {
    key: 'harness-hongguan',
    chain: 'vehicles',
    segment: 'harness',
    founded: 2011,
    company: {
      name: '宏冠汽车电子（北京）有限公司',
      industries: ['C3670', 'C3831'],
      description:
        '宏冠汽車電子（北京）有限公司為台資汽車線束廠，2011年成立於亦莊路南區，主要為新能源汽車及商用車提供整車低壓線束、高壓線束總成及電池包採樣線束，' +
        '年產能約二十萬套。工廠導入全自動裁線壓接機、端子拉力測試及百分之百導通測試，並依IATF 16949管理。' +
        '公司距離區內主要整車廠不到十公里，可配合JIT順序供貨。',
      employees: 1100,
      certifications: ['IATF 16949', 'ISO 9001', 'ISO 14001'],
      park: '路南区',
      contacts: [{ name: '劉建國', phone: '010-67861209', email: 'liujianguo@hongguan.example.com' }],
    },
    postings: [
      {
        slug: 'cap-harness',
        kind: 'capability',
        title: '高壓線束總成及整車線束',
        description: '整車低壓線束、高壓線束總成及電池包採樣線束，可參與主機廠同步開發，提供PPAP文件並JIT順序供貨。',
        tags: ['線束', '高壓線束', 'JIT', 'IATF 16949'],
        industries: ['C3670', 'C3831'],
        quantity: { amount: 20, unit: '萬套/年' },
      },
      {
        slug: 'need-terminals',
        kind: 'need',
        title: '車規級端子及連接器國產供應',
        description: '新專案需要車規級端子、護套及高壓連接器，年用量約兩千萬隻，希望國內供應商送樣驗證。',
        tags: ['端子', '連接器', '車規級', '國產替代'],
        industries: ['C3989', 'C3670'],
        validForDays: 150,
      },
    ],
  },
];
