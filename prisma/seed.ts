import type {
  DeadlineBand,
  MeasureStatus,
  Prisma,
  PrismaClient,
  ProblemCategory,
  ProblemSource,
  ProblemStatus,
  Role,
  UnitKind,
} from "@prisma/client";
import { hashPassword } from "../lib/auth/password";
import { createDistrict, createProblem, createUnit, createUser, type Db, DEMO_PASSWORD, progressOf } from "../tests/factories";
import { seedDemoBottomLine } from "./seed-bottom-line";
import { seedDemoClosure } from "./seed-closure";
import { seedDemoEvidence } from "./seed-evidence";
import { seedDemoPenalties } from "./seed-penalties";
import { seedDemoPhotoForensics } from "./seed-photo-forensics";
import { seedDemoPublishedLists } from "./seed-published-lists";
import { seedDemoRectification } from "./seed-rectification";
import { seedDemoSections } from "./seed-sections";
import { seedDemoWorkflow } from "./seed-workflow";

/**
 * Demo data for the Wuxi bureau: districts, the unit tree, one user per role and a deterministic
 * ledger of ~190 problems whose dates are relative to `today`. Names of people and companies are
 * fictional.
 */

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const LEDGER_SIZE = 192;

// ---------------------------------------------------------------- reference data

type DistrictDef = {
  code: string;
  name: string;
  nameEn: string;
  /** Name used inside unit names, e.g. 无锡市江阴生态环境局. */
  short: string;
  gov: string;
  govEn: string;
  /** Company-name prefix for fictional enterprises. */
  firm: string;
  towns: readonly string[];
  rivers: readonly string[];
  center: readonly [lat: number, lng: number];
};

/** In administrative-code order, which is also the display order. */
const DISTRICTS: readonly DistrictDef[] = [
  {
    code: "320205",
    name: "锡山区",
    nameEn: "Xishan",
    short: "锡山",
    gov: "锡山区人民政府",
    govEn: "Xishan District People's Government",
    firm: "无锡",
    towns: ["东港镇", "锡北镇", "鹅湖镇", "羊尖镇", "东亭街道", "安镇街道", "厚桥街道"],
    rivers: ["九里河", "伯渎港", "锡北运河"],
    center: [31.6, 120.4],
  },
  {
    code: "320206",
    name: "惠山区",
    nameEn: "Huishan",
    short: "惠山",
    gov: "惠山区人民政府",
    govEn: "Huishan District People's Government",
    firm: "无锡",
    towns: ["洛社镇", "阳山镇", "钱桥街道", "前洲街道", "玉祁街道", "堰桥街道", "长安街道"],
    rivers: ["锡澄运河", "直湖港", "洋溪河"],
    center: [31.68, 120.2],
  },
  {
    code: "320211",
    name: "滨湖区",
    nameEn: "Binhu",
    short: "滨湖",
    gov: "滨湖区人民政府",
    govEn: "Binhu District People's Government",
    firm: "无锡",
    towns: ["马山街道", "胡埭镇", "蠡园街道", "荣巷街道", "蠡湖街道", "河埒街道", "滨湖街道"],
    rivers: ["梁溪河", "曹王泾", "直湖港"],
    center: [31.52, 120.18],
  },
  {
    code: "320213",
    name: "梁溪区",
    nameEn: "Liangxi",
    short: "梁溪",
    gov: "梁溪区人民政府",
    govEn: "Liangxi District People's Government",
    firm: "无锡",
    towns: ["崇安寺街道", "广益街道", "黄巷街道", "扬名街道", "金星街道", "惠山街道", "清名桥街道"],
    rivers: ["京杭运河", "古运河", "北兴塘河"],
    center: [31.58, 120.3],
  },
  {
    code: "320214",
    name: "新吴区",
    nameEn: "Xinwu",
    short: "新吴",
    gov: "新吴区人民政府",
    govEn: "Xinwu District People's Government",
    firm: "无锡",
    towns: ["梅村街道", "鸿山街道", "硕放街道", "旺庄街道", "江溪街道", "新安街道"],
    rivers: ["伯渎港", "望虞河", "九里河"],
    center: [31.52, 120.43],
  },
  {
    code: "320281",
    name: "江阴市",
    nameEn: "Jiangyin",
    short: "江阴",
    gov: "江阴市人民政府",
    govEn: "Jiangyin Municipal People's Government",
    firm: "江阴市",
    towns: [
      "临港街道",
      "澄江街道",
      "申港街道",
      "利港街道",
      "璜土镇",
      "周庄镇",
      "华士镇",
      "新桥镇",
      "徐霞客镇",
      "祝塘镇",
      "月城镇",
      "青阳镇",
    ],
    rivers: ["锡澄运河", "白屈港", "张家港河", "长江"],
    center: [31.84, 120.28],
  },
  {
    code: "320282",
    name: "宜兴市",
    nameEn: "Yixing",
    short: "宜兴",
    gov: "宜兴市人民政府",
    govEn: "Yixing Municipal People's Government",
    firm: "宜兴市",
    towns: ["丁蜀镇", "周铁镇", "和桥镇", "官林镇", "新街街道", "屺亭街道", "高塍镇", "湖㳇镇", "张渚镇", "西渚镇"],
    rivers: ["太滆运河", "漕桥河", "殷村港", "城东港", "大浦港"],
    center: [31.36, 119.82],
  },
  {
    // 经开区 is a functional zone, not an administrative division: 320299 is our own code, not GB/T 2260.
    code: "320299",
    name: "经开区",
    nameEn: "Wuxi Economic Development Zone",
    short: "经开区",
    gov: "经开区管委会",
    govEn: "Wuxi Economic Development Zone Administrative Committee",
    firm: "无锡",
    towns: ["华庄街道", "太湖街道", "雪浪街道"],
    rivers: ["梁塘河", "骂蠡港", "尚贤河"],
    center: [31.48, 120.32],
  },
];

type UnitDef = { code: string; name: string; nameEn: string; kind: UnitKind; parent?: string; district?: string };

const DIVISIONS: readonly UnitDef[] = [
  { code: "DIV-OFFICE", name: "办公室", nameEn: "General Office", kind: "DIVISION" },
  { code: "DIV-GENERAL", name: "综合处（督察办）", nameEn: "General Affairs Division (Inspection Office)", kind: "DIVISION" },
  { code: "DIV-LAW", name: "法规与标准处", nameEn: "Division of Regulations and Standards", kind: "DIVISION" },
  { code: "DIV-AIR", name: "大气环境处", nameEn: "Division of Atmospheric Environment", kind: "DIVISION" },
  { code: "DIV-WATER", name: "水生态环境处", nameEn: "Division of Water Ecology and Environment", kind: "DIVISION" },
  { code: "DIV-SOIL", name: "土壤生态环境处", nameEn: "Division of Soil Ecology and Environment", kind: "DIVISION" },
  { code: "DIV-WASTE", name: "固体废物与化学品处", nameEn: "Division of Solid Waste and Chemicals", kind: "DIVISION" },
  {
    code: "DIV-EIA",
    name: "环境影响评价与排放管理处",
    nameEn: "Division of Environmental Impact Assessment and Emission Management",
    kind: "DIVISION",
  },
  { code: "DIV-ECO", name: "自然生态保护处", nameEn: "Division of Natural Ecology Conservation", kind: "DIVISION" },
  { code: "DIV-ENFORCE", name: "生态环境执法监督处", nameEn: "Division of Enforcement Supervision", kind: "DIVISION" },
  {
    code: "DIV-DISCIPLINE",
    name: "驻局纪检监察组",
    nameEn: "Resident Discipline Inspection and Supervision Team",
    kind: "DIVISION",
  },
].map((u) => ({ ...u, kind: "DIVISION" as const, parent: "BUREAU" }));

const UNITS: readonly UnitDef[] = [
  { code: "BUREAU", name: "无锡市生态环境局", nameEn: "Wuxi Municipal Bureau of Ecology and Environment", kind: "BUREAU" },
  ...DIVISIONS,
  ...DISTRICTS.map(
    (d): UnitDef => ({
      code: `AG-${d.code}`,
      name: `无锡市${d.short}生态环境局`,
      nameEn: `Wuxi ${d.nameEn} Bureau of Ecology and Environment`,
      kind: "AGENCY",
      parent: "BUREAU",
      district: d.code,
    }),
  ),
  {
    code: "AFF-MONITOR",
    name: "无锡市环境监测中心",
    nameEn: "Wuxi Environmental Monitoring Centre",
    kind: "AFFILIATED",
    parent: "BUREAU",
  },
  {
    code: "AFF-ENFORCE",
    name: "无锡市生态环境综合行政执法支队",
    nameEn: "Wuxi Ecology and Environment Comprehensive Law Enforcement Detachment",
    kind: "AFFILIATED",
    parent: "BUREAU",
  },
  ...DISTRICTS.map(
    (d): UnitDef => ({ code: `GOV-${d.code}`, name: d.gov, nameEn: d.govEn, kind: "DISTRICT_GOVERNMENT", district: d.code }),
  ),
];

export type UserDef = { username: string; displayName: string; role: Role; unit: string; district?: string; phone: string };

export const USERS: readonly UserDef[] = [
  { username: "admin", displayName: "周立新", role: "ADMIN", unit: "DIV-OFFICE", phone: "0510-81821001" },
  // 局长
  { username: "leader", displayName: "顾志远", role: "LEADER", unit: "BUREAU", phone: "0510-81821002" },
  // 副局长 (water, soil, ecology) and 副局长 (air, waste, risk)
  { username: "leader2", displayName: "华明亮", role: "LEADER", unit: "BUREAU", phone: "0510-81821003" },
  { username: "leader3", displayName: "秦晓梅", role: "LEADER", unit: "BUREAU", phone: "0510-81821004" },
  { username: "coordinator", displayName: "沈佳怡", role: "COORDINATOR", unit: "DIV-GENERAL", phone: "0510-81821011" },
  { username: "division", displayName: "陆海峰", role: "DIVISION_HEAD", unit: "DIV-WATER", phone: "0510-81821021" },
  { username: "division-air", displayName: "蒋文涛", role: "DIVISION_HEAD", unit: "DIV-AIR", phone: "0510-81821022" },
  { username: "division-soil", displayName: "缪红英", role: "DIVISION_HEAD", unit: "DIV-SOIL", phone: "0510-81821023" },
  {
    username: "field-jiangyin",
    displayName: "徐卫东",
    role: "FIELD_OFFICER",
    unit: "AG-320281",
    district: "320281",
    phone: "0510-86861031",
  },
  {
    username: "field-yixing",
    displayName: "吴志刚",
    role: "FIELD_OFFICER",
    unit: "AG-320282",
    district: "320282",
    phone: "0510-87981032",
  },
  {
    username: "field-liangxi",
    displayName: "孙晓燕",
    role: "FIELD_OFFICER",
    unit: "AG-320213",
    district: "320213",
    phone: "0510-82701033",
  },
  { username: "viewer", displayName: "过建平", role: "VIEWER", unit: "DIV-DISCIPLINE", phone: "0510-81821041" },
];

// ---------------------------------------------------------------- deterministic randomness

/** mulberry32: tiny, fast, good enough for demo data, and identical on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
  /** A shuffled deck holding each key `count` times. */
  deck<K extends string>(counts: Record<K, number>): K[] {
    const cards: K[] = [];
    for (const [key, n] of Object.entries(counts) as [K, number][]) for (let i = 0; i < n; i++) cards.push(key);
    return this.shuffle(cards);
  }
}

const SURNAMES = [
  "王",
  "李",
  "张",
  "刘",
  "陈",
  "杨",
  "周",
  "吴",
  "徐",
  "孙",
  "朱",
  "胡",
  "高",
  "钱",
  "顾",
  "华",
  "蒋",
  "沈",
  "陆",
  "秦",
  "缪",
  "过",
  "尤",
  "浦",
  "许",
  "邹",
];
const GIVEN = [
  "建华",
  "卫东",
  "晓峰",
  "立新",
  "海燕",
  "志强",
  "文斌",
  "丽萍",
  "国平",
  "建军",
  "晓东",
  "红梅",
  "明",
  "伟",
  "敏",
  "静",
  "磊",
  "勇",
  "俊杰",
  "雪芳",
  "宏伟",
  "亚萍",
  "振宇",
  "佳琪",
  "凯",
  "永康",
  "秀英",
  "新民",
];
const FIRM_A = ["恒", "宏", "永", "华", "金", "新", "振", "通", "瑞", "博", "盛", "裕"];
const FIRM_B = ["达", "盛", "兴", "鑫", "源", "泰", "利", "昌", "丰", "德", "诚", "海"];

const personName = (r: Rng) => r.pick(SURNAMES) + r.pick(GIVEN);
const landline = (r: Rng) => `0510-8${String(r.int(0, 9_999_999)).padStart(7, "0")}`;

// ---------------------------------------------------------------- hand-over wording templates

type Ctx = { d: DistrictDef; town: string; river: string; company: string; year: number; r: Rng };
type Template = {
  /** Restricts the template to these district codes (local specialities such as Taihu or the Yangtze). */
  districts?: readonly string[];
  industry?: string;
  /** Lead division when the bureau leads; defaults to the category's division. */
  division?: string;
  title: (c: Ctx) => string;
  body: (c: Ctx) => string;
  site: (c: Ctx) => string;
  target: string;
  measures: readonly string[];
};

const TAIHU = ["320211", "320282", "320214", "320299"];
const CHEM = ["320281", "320282", "320214", "320206"];

const TEMPLATES: Record<ProblemCategory, readonly Template[]> = {
  WATER: [
    {
      districts: CHEM,
      industry: "环保水务",
      title: (c) => `${c.d.name}${c.town}某化工园区污水处理厂尾水总氮超标排放，群众反映强烈`,
      body: (c) =>
        `${c.d.name}${c.town}化工集中区污水处理厂（运营单位${c.company}）尾水在线监测数据显示，总氮多次超过《太湖地区城镇污水处理厂及重点工业行业主要水污染物排放限值》（DB32/1072—2018）要求，排口下游${c.river}水体发黑、泛白沫，夏季异味明显。周边群众多次投诉，反映强烈。`,
      site: (c) => `${c.town}化工集中区污水处理厂排口`,
      target: "污水处理厂尾水总氮、总磷稳定达到DB32/1072—2018排放限值，下游河道水质不低于Ⅳ类，群众满意。",
      measures: [
        "开展污水处理厂提标改造，新增反硝化深床滤池深度脱氮工艺",
        "逐一排查园区企业接管水质，对超标接管企业依法立案查处",
        "完善总氮、总磷在线监测设施并与生态环境部门联网",
        "对排口下游河道实施清淤疏浚和生态修复",
        "委托第三方连续三个月跟踪监测，形成整改成效评估报告",
      ],
    },
    {
      districts: TAIHU,
      title: (c) => `太湖蓝藻水华防控不力，${c.d.name}${c.town}沿岸湖湾藻类大面积聚集`,
      body: (c) =>
        `${c.year}年夏季，${c.d.name}${c.town}沿岸湖湾蓝藻大面积聚集，打捞处置能力不足，部分藻泥临时堆放于岸边未及时处置，散发恶臭，影响周边居民生活，对饮用水水源地安全构成威胁。`,
      site: (c) => `${c.town}太湖沿岸湖湾`,
      target: "蓝藻应捞尽捞、藻泥全部规范处置，确保饮用水安全、确保不发生大面积湖泛。",
      measures: [
        "加密蓝藻巡查和卫星遥感监测频次，实行每日调度",
        "增配蓝藻打捞船只，提升藻水分离站处置能力",
        "规范藻泥运输和资源化利用，取缔岸边临时堆放点",
        "实施湖湾生态清淤和水生植被恢复工程",
        "修订蓝藻水华应急预案并组织实战演练",
      ],
    },
    {
      title: (c) => `${c.d.name}${c.town}${c.river}沿线入河排污口排查整治不到位`,
      body: (c) =>
        `${c.river}${c.d.name}${c.town}段沿线存在未登记入河排污口${c.r.int(3, 17)}个，部分排口雨天溢流、晴天偷排，排口下游水质为劣Ⅴ类，入河排污口“查、测、溯、治”工作推进迟缓。`,
      site: (c) => `${c.river}${c.town}段`,
      target: "完成沿线入河排污口“一口一档”和分类整治，消除劣Ⅴ类水体。",
      measures: [
        "对沿线排口开展无人机航测和人工徒步排查，建立“一口一档”",
        "对排口水质开展监测并溯源至排污单位",
        "按“取缔一批、合并一批、规范一批”分类实施整治",
        "设立排口标识牌，纳入日常监管和执法检查",
        "开展整治成效评估，完成销号资料归档",
      ],
    },
    {
      title: (c) => `${c.river}${c.d.name}段国考断面水质不稳定，氨氮、总磷多次超标`,
      body: (c) =>
        `${c.river}${c.d.name}段国考断面近一年有${c.r.int(2, 5)}个月水质未达到年度考核目标，氨氮、总磷为主要超标因子；上游支浜沿线生活污水和农业面源污染问题突出，断面稳定达标形势严峻。`,
      site: (c) => `${c.river}${c.town}国考断面`,
      target: "断面水质稳定达到年度考核目标，全年不出现月度超标。",
      measures: [
        "开展断面上游汇水区污染源排查，建立问题清单",
        "推进支浜截污纳管和管网混接错接改造",
        "实施农业面源污染治理，建设生态拦截沟渠",
        "加密断面水质自动监测预警，实行超标即查",
        "落实断面长责任，开展月度通报和约谈",
      ],
    },
    {
      title: (c) => `${c.d.name}${c.town}城乡结合部河道黑臭反弹，生活污水直排`,
      body: (c) =>
        `${c.d.name}${c.town}城乡结合部部分河道完成黑臭水体整治后出现反弹，沿河出租房、小餐饮生活污水直排入河，河道水体发黑发臭，岸坡垃圾堆积，群众反映强烈。`,
      site: (c) => `${c.town}城乡结合部河道`,
      target: "河道消除黑臭且不反弹，沿河生活污水应收尽收。",
      measures: [
        "排查沿河污水直排点位并实施截污纳管",
        "开展河道清淤和岸坡垃圾清理",
        "建设生态护岸和水生植物净化带",
        "落实河长制日常巡河和保洁长效管护",
        "开展水质跟踪监测，连续达标后申请销号",
      ],
    },
    {
      title: (c) => `${c.d.name}${c.town}老旧小区雨污混接，污水溢流入河`,
      body: (c) =>
        `${c.d.name}${c.town}多个老旧小区阳台污水接入雨水管网，雨污混接问题长期未解决，污水经雨水口溢流进入${c.river}，周边水体氨氮浓度偏高。`,
      site: (c) => `${c.town}老旧小区片区`,
      target: "完成片区雨污分流改造，小区污水全部接管处理。",
      measures: [
        "开展片区管网CCTV检测，摸清混接错接点位",
        "实施阳台立管和小区雨污分流改造",
        "修复破损管网，清淤疏通主干管",
        "建立管网运维长效机制，落实养护单位",
        "改造完成后开展雨水排口水质监测",
      ],
    },
    {
      districts: ["320281", "320282", "320211"],
      title: (c) => `${c.d.name}${c.town}饮用水水源保护区内违规项目未清理到位`,
      body: (c) =>
        `${c.d.name}${c.town}饮用水水源二级保护区内仍存在与供水设施和保护水源无关的建设项目${c.r.int(2, 9)}处，部分项目未配套污水收集处理设施，存在水源污染风险。`,
      site: (c) => `${c.town}饮用水水源保护区`,
      target: "保护区内违规项目全部清理到位，水源地水质稳定达标。",
      measures: [
        "逐一核查保护区内建设项目，建立清理台账",
        "依法关闭拆除违规项目并恢复原状",
        "完善保护区边界标志和隔离防护设施",
        "开展水源地环境状况评估",
        "纳入水源地日常巡查和执法监管",
      ],
    },
  ],
  AIR: [
    {
      districts: ["320282"],
      industry: "陶瓷",
      title: (c) => `宜兴市${c.town}陶瓷企业窑炉废气无组织排放`,
      body: (c) =>
        `宜兴市${c.town}${c.company}等多家陶瓷企业窑炉烟气收集不完善，原料破碎、施釉等工序粉尘无组织排放，厂区周边降尘明显；部分企业脱硫除尘设施运行不正常，群众反映烟尘扰民。`,
      site: (c) => `${c.town}${c.company}`,
      target: "窑炉烟气颗粒物、二氧化硫、氮氧化物稳定达标排放，无组织排放全面管控。",
      measures: [
        "对陶瓷企业开展一企一策排查，建立整治清单",
        "实施窑炉烟气收集和脱硫除尘设施升级改造",
        "原料堆场全封闭，破碎、施釉工序密闭收集",
        "安装烟气在线监测和用电工况监控设备",
        "开展整改后监督性监测，公开企业排放数据",
      ],
    },
    {
      title: (c) => `${c.d.name}${c.town}建筑工地扬尘污染防治措施落实不到位`,
      body: (c) =>
        `${c.d.name}${c.town}多个建筑工地裸土未覆盖、车辆冲洗设施未正常使用、渣土车带泥上路，扬尘在线监测数据多次超标，周边居民反映强烈。`,
      site: (c) => `${c.town}在建商住项目`,
      target: "工地扬尘防控“六个百分之百”全面落实，周边PM10浓度明显下降。",
      measures: [
        "落实工地“六个百分之百”扬尘防控措施",
        "安装扬尘在线监测和视频监控并联网",
        "规范车辆冲洗平台，严禁带泥上路",
        "对违规工地依法处罚并纳入信用管理",
        "建立住建、城管、生态环境联合巡查机制",
      ],
    },
    {
      industry: "新材料",
      title: (c) => `${c.d.name}${c.town}${c.company}VOCs废气收集处理设施运行不正常`,
      body: (c) =>
        `${c.company}涂装、印刷工序VOCs废气收集率低，活性炭吸附装置长期未更换活性炭，处理设施形同虚设，厂界异味明显，周边群众多次投诉。`,
      site: (c) => `${c.town}${c.company}`,
      target: "VOCs废气有效收集、稳定达标排放，厂界无明显异味。",
      measures: [
        "对涉VOCs工序实施密闭化改造，提高废气收集率",
        "将活性炭吸附装置升级为RTO高效治理设施",
        "建立活性炭更换和废活性炭处置台账",
        "安装VOCs在线监测和用电监控设备",
        "开展厂界异味跟踪监测和群众回访",
      ],
    },
    {
      districts: ["320281", "320205"],
      industry: "特钢",
      title: (c) => `${c.d.name}${c.town}钢铁企业超低排放改造进度滞后`,
      body: (c) =>
        `${c.company}烧结、球团工序超低排放改造未按期完成，料场未全封闭，物料运输以汽运为主，无组织排放管控不到位，清洁运输比例偏低。`,
      site: (c) => `${c.town}${c.company}`,
      target: "有组织、无组织排放和清洁运输全面达到钢铁行业超低排放要求。",
      measures: [
        "完成烧结机头烟气脱硫脱硝超低排放改造",
        "实施原料场全封闭改造",
        "提升铁路、管廊等清洁运输比例",
        "建设无组织排放管控治一体化平台",
        "开展超低排放评估监测并公示",
      ],
    },
    {
      districts: ["320205", "320206", "320211", "320213", "320214", "320299"],
      title: (c) => `${c.d.name}${c.town}餐饮油烟扰民，群众反复投诉`,
      body: (c) =>
        `${c.d.name}${c.town}美食街多家餐饮单位未安装或未正常使用油烟净化设施，油烟直排，排气口正对居民楼，群众多次通过12345热线投诉，问题反复出现。`,
      site: (c) => `${c.town}美食街`,
      target: "餐饮油烟达标排放，群众投诉明显下降。",
      measures: [
        "排查餐饮单位油烟净化设施安装运行情况",
        "督促商户安装高效油烟净化器并定期清洗",
        "调整排气口位置，实施油烟高空排放",
        "安装油烟在线监测设备",
        "纳入城管日常巡查，建立投诉快速处置机制",
      ],
    },
    {
      title: (c) => `${c.d.name}${c.town}汽修喷漆作业废气直排`,
      body: (c) =>
        `${c.d.name}${c.town}部分汽修企业在露天或简易棚内进行喷漆作业，未配套废气收集处理设施，漆雾和有机废气直排，周边异味明显。`,
      site: (c) => `${c.town}汽修集中区`,
      target: "汽修喷漆作业全部进入密闭喷烤漆房，废气收集处理达标。",
      measures: [
        "排查辖区汽修企业喷漆作业情况，建立清单",
        "取缔露天喷漆作业，推动建设集中钣喷中心",
        "督促企业配套废气收集和治理设施",
        "推广使用低VOCs含量涂料",
        "开展专项执法检查并曝光典型案例",
      ],
    },
    {
      title: (c) => `${c.d.name}${c.town}渣土运输车辆抛洒滴漏，道路扬尘严重`,
      body: (c) => `${c.d.name}${c.town}部分渣土运输车辆未密闭运输、超载运输，沿途抛洒滴漏，道路积尘严重，车辆经过时扬尘明显。`,
      site: (c) => `${c.town}主干道`,
      target: "渣土车辆全部密闭化运输，道路积尘负荷明显下降。",
      measures: [
        "开展渣土运输车辆密闭化改造核查",
        "在重点路段设置视频抓拍和治超检测",
        "增加道路机扫、洒水和冲洗频次",
        "对违规运输企业依法处罚并暂停准运",
        "开展道路积尘负荷监测",
      ],
    },
    {
      districts: ["320281", "320205", "320206"],
      industry: "印染",
      title: (c) => `${c.d.name}${c.town}印染企业定型机废气处理不到位`,
      body: (c) =>
        `${c.company}等印染企业定型机废气收集处理效率低，油烟、颗粒物和VOCs超标排放，夏季臭氧污染高发时段未落实错峰生产要求。`,
      site: (c) => `${c.town}${c.company}`,
      target: "定型机废气稳定达标排放，落实臭氧污染季节性管控要求。",
      measures: [
        "对定型机废气治理设施开展逐台排查",
        "升级为“喷淋+静电+除雾”组合治理工艺",
        "安装定型机废气在线监测设备",
        "制定夏季臭氧污染错峰生产方案",
        "开展监督性监测并依法处罚超标企业",
      ],
    },
  ],
  SOIL: [
    {
      industry: "化工",
      title: (c) => `${c.d.name}${c.town}关闭搬迁化工企业地块土壤污染风险管控不到位`,
      body: (c) =>
        `${c.d.name}${c.town}原${c.company}关闭搬迁后，遗留地块未按要求开展土壤污染状况调查，地块围挡缺失，部分区域仍有残留物料和污染土壤裸露，存在污染扩散风险。`,
      site: (c) => `${c.town}原${c.company}地块`,
      target: "完成地块土壤污染状况调查和风险评估，落实风险管控措施，杜绝污染扩散。",
      measures: [
        "完善地块围挡和警示标志，清运残留物料",
        "开展土壤污染状况初步调查和详细调查",
        "编制风险评估报告并组织专家评审",
        "落实风险管控或修复措施",
        "开展效果评估并纳入建设用地土壤污染风险管控和修复名录管理",
      ],
    },
    {
      title: (c) => `${c.d.name}${c.town}污染地块未经调查评估即开工建设`,
      body: (c) =>
        `${c.d.name}${c.town}某疑似污染地块在未完成土壤污染状况调查评估的情况下已开工建设住宅项目，违反土壤污染防治法有关规定。`,
      site: (c) => `${c.town}某住宅项目地块`,
      target: "依法停工并完成调查评估，确保地块安全利用。",
      measures: [
        "责令项目立即停工并依法查处",
        "补充开展土壤污染状况调查",
        "依据评估结论实施修复或风险管控",
        "完善自然资源、住建、生态环境部门联动监管",
        "对相关责任人进行约谈问责",
      ],
    },
    {
      title: (c) => `${c.d.name}${c.town}农用地周边涉重金属企业排查整治滞后`,
      body: (c) =>
        `${c.d.name}${c.town}耕地周边仍有${c.r.int(2, 8)}家涉镉等重金属排放企业未完成排查整治，灌溉水和农田土壤重金属监测数据偏高。`,
      site: (c) => `${c.town}农用地片区`,
      target: "完成涉重金属企业排查整治，受污染耕地安全利用率达标。",
      measures: [
        "建立耕地周边涉重金属企业排查清单",
        "对排放超标企业实施停产整治",
        "开展灌溉水和农产品协同监测",
        "落实受污染耕地安全利用措施",
        "建立耕地土壤环境质量长期监测点位",
      ],
    },
    {
      title: (c) => `${c.d.name}${c.town}加油站地下油罐防渗改造未完成`,
      body: (c) =>
        `${c.d.name}${c.town}部分加油站地下油罐未按要求更换为双层罐或设置防渗池，未安装渗漏监测装置，存在土壤和地下水污染隐患。`,
      site: (c) => `${c.town}加油站`,
      target: "地下油罐全部完成防渗改造并安装渗漏在线监测。",
      measures: [
        "排查辖区加油站地下油罐防渗改造情况",
        "督促完成双层罐更换或防渗池建设",
        "安装渗漏在线监测系统",
        "开展土壤和地下水自行监测",
        "对逾期未改造的加油站依法处罚",
      ],
    },
    {
      title: (c) => `${c.d.name}${c.town}垃圾填埋场渗滤液渗漏，地下水存在污染风险`,
      body: (c) => `${c.d.name}${c.town}垃圾填埋场防渗层局部破损，渗滤液收集导排系统运行不正常，周边地下水监测井氨氮浓度超标。`,
      site: (c) => `${c.town}垃圾填埋场`,
      target: "渗滤液全部收集处理，周边地下水水质稳定并逐步改善。",
      measures: [
        "修复填埋场防渗层和渗滤液导排系统",
        "扩容渗滤液处理设施",
        "加密周边地下水监测井监测频次",
        "开展地下水污染状况调查和风险评估",
        "制定封场和生态修复方案",
      ],
    },
  ],
  SOLID_WASTE: [
    {
      industry: "金属制品",
      title: (c) => `${c.d.name}${c.town}${c.company}危险废物非法贮存，未按规定申报转移`,
      body: (c) =>
        `${c.company}将废切削液、废矿物油等危险废物露天堆放于厂区空地，未设置规范贮存场所，未按规定申报危险废物产生和转移情况，存在环境风险。`,
      site: (c) => `${c.town}${c.company}`,
      target: "危险废物全部规范贮存、依法转移处置，管理台账完整。",
      measures: [
        "责令企业立即清理露天堆放的危险废物",
        "按标准建设危险废物贮存库并设置标识",
        "在省固体废物管理信息系统如实申报并转移处置",
        "依法立案查处并追究相关责任",
        "开展同类企业危险废物规范化管理排查",
      ],
    },
    {
      title: (c) => `${c.d.name}${c.town}一般工业固废随意倾倒堆放`,
      body: (c) =>
        `${c.d.name}${c.town}${c.river}沿岸空地被倾倒大量一般工业固废和生活垃圾，面积约${c.r.int(2, 30)}亩，部分已进入河道，影响水体和周边环境。`,
      site: (c) => `${c.river}${c.town}段沿岸`,
      target: "倾倒固废全部清理并合法处置，溯源追责，防止再次倾倒。",
      measures: [
        "对倾倒点位固废开展属性鉴别",
        "清运处置全部固废并恢复场地",
        "溯源排查倾倒责任主体并依法查处",
        "设置视频监控和物理隔离设施",
        "建立网格化巡查机制",
      ],
    },
    {
      title: (c) => `${c.d.name}${c.town}建筑垃圾违规消纳场地未整治`,
      body: (c) => `${c.d.name}${c.town}存在未经审批的建筑垃圾消纳场地，堆体高、无覆盖，雨天淋溶水外排，扬尘和水污染问题突出。`,
      site: (c) => `${c.town}建筑垃圾堆场`,
      target: "违规消纳场地全部关停整治，建筑垃圾规范处置。",
      measures: [
        "关停违规消纳场地并依法处罚",
        "对堆体进行覆盖和稳定化处理",
        "建设淋溶水收集处理设施",
        "推进建筑垃圾资源化利用项目",
        "完善建筑垃圾全过程监管",
      ],
    },
    {
      title: (c) => `${c.d.name}污泥处置能力不足，${c.town}污水处理厂污泥长期堆存`,
      body: (c) =>
        `${c.d.name}${c.town}污水处理厂产生的脱水污泥外运处置不及时，厂内临时堆存量较大，堆场防雨、防渗措施不到位，异味扰民。`,
      site: (c) => `${c.town}污水处理厂`,
      target: "污泥日产日清、全部无害化处置，厂内不再长期堆存。",
      measures: [
        "清运处置厂内积存污泥",
        "签订污泥处置长期协议，落实处置去向",
        "推进污泥干化焚烧项目建设",
        "完善堆场防雨、防渗、除臭措施",
        "建立污泥转移联单管理台账",
      ],
    },
    {
      title: (c) => `${c.d.name}${c.town}废铅蓄电池非法收集拆解`,
      body: (c) => `${c.d.name}${c.town}某无证经营点非法收集、拆解废铅蓄电池，废酸液直接倾倒，周边土壤存在铅污染。`,
      site: (c) => `${c.town}某废品回收点`,
      target: "取缔非法拆解点，完成污染土壤清理，追究违法责任。",
      measures: [
        "取缔非法收集拆解点并移送公安机关",
        "清理现场废电池和含铅废物",
        "开展周边土壤铅污染调查和修复",
        "规范废铅蓄电池收集试点企业管理",
        "开展废铅蓄电池非法收集专项打击",
      ],
    },
    {
      districts: ["320281"],
      title: (c) => `长江岸线江阴市${c.town}段固体废物非法倾倒`,
      body: (c) =>
        `长江江阴${c.town}段岸线发现非法倾倒的建筑垃圾和工业固废，部分位于长江干流岸线一公里范围内，存在汛期冲刷入江风险。`,
      site: (c) => `长江岸线${c.town}段`,
      target: "沿江固体废物全部清理处置，建立长江岸线固废倾倒常态化排查机制。",
      measures: [
        "开展长江岸线固体废物排查，建立点位清单",
        "清理转运全部倾倒固废",
        "追溯倾倒来源并依法查处",
        "修复受损岸线植被",
        "纳入长江岸线常态化巡查",
      ],
    },
  ],
  NOISE: [
    {
      industry: "机械",
      title: (c) => `${c.d.name}${c.town}工业企业夜间生产噪声扰民`,
      body: (c) =>
        `${c.company}靠近居民区，夜间生产时风机、空压机噪声明显，厂界噪声夜间监测值超过《工业企业厂界环境噪声排放标准》限值，居民多次投诉。`,
      site: (c) => `${c.town}${c.company}`,
      target: "厂界噪声稳定达标，居民投诉清零。",
      measures: [
        "开展厂界噪声监测，确定主要噪声源",
        "对风机、空压机加装隔声罩和消声器",
        "调整高噪声工序作业时间",
        "建设隔声屏障",
        "开展回访和复测",
      ],
    },
    {
      title: (c) => `${c.d.name}${c.town}建筑工地夜间违规施工噪声扰民`,
      body: (c) => `${c.d.name}${c.town}某建筑工地未办理夜间施工许可即在夜间进行混凝土浇筑和打桩作业，噪声扰民，群众反映强烈。`,
      site: (c) => `${c.town}某建筑工地`,
      target: "严格夜间施工审批，杜绝违规夜间施工。",
      measures: [
        "依法查处违规夜间施工行为",
        "安装工地噪声在线监测设备",
        "落实低噪声施工工艺和设备",
        "建立夜间施工公示和投诉快速响应机制",
        "开展专项夜查行动",
      ],
    },
    {
      districts: ["320213", "320211", "320214", "320299", "320206", "320205"],
      title: (c) => `${c.d.name}${c.town}商业街区社会生活噪声扰民`,
      body: (c) => `${c.d.name}${c.town}商业街区酒吧、KTV等娱乐场所营业至深夜，音响声和人群喧哗声扰民，周边居民多次投诉。`,
      site: (c) => `${c.town}商业街区`,
      target: "娱乐场所噪声达标，居民投诉明显下降。",
      measures: [
        "开展商业街区噪声监测",
        "督促娱乐场所实施隔声降噪改造",
        "联合公安、城管开展夜间巡查",
        "制定商户噪声管理公约",
        "建立群众投诉快速处置机制",
      ],
    },
    {
      districts: ["320213", "320214", "320211", "320206", "320205", "320299"],
      title: (c) => `${c.d.name}${c.town}高架道路交通噪声超标，沿线居民反映强烈`,
      body: (c) => `${c.d.name}${c.town}高架道路沿线敏感建筑交通噪声夜间超标，部分路段未设置声屏障，沿线居民反映强烈。`,
      site: (c) => `${c.town}高架沿线`,
      target: "沿线敏感点噪声明显下降，声屏障等降噪设施建成投用。",
      measures: [
        "开展沿线敏感点交通噪声监测",
        "建设全封闭或半封闭声屏障",
        "铺设低噪声路面",
        "加强夜间货车限行和限速管理",
        "开展降噪效果评估",
      ],
    },
  ],
  ECOLOGY: [
    {
      districts: ["320281"],
      title: (c) => `长江岸线江阴市${c.town}段非法码头、堆场清理及生态修复`,
      body: (c) =>
        `长江江阴${c.town}段岸线仍存在${c.r.int(2, 6)}处未经许可的码头、堆场，占用岸线约${c.r.int(3, 20) * 100}米，拆除后生态修复进展缓慢，岸线裸露。`,
      site: (c) => `长江岸线${c.town}段`,
      target: "非法码头、堆场全部拆除，岸线复绿，生态功能恢复。",
      measures: [
        "完成非法码头、堆场拆除和设备清运",
        "开展岸线地形整治和土壤改良",
        "实施岸线复绿和湿地恢复工程",
        "设置岸线管护标志和视频监控",
        "开展生态修复成效评估",
      ],
    },
    {
      title: (c) => `${c.d.name}${c.town}生态保护红线内违规建设项目未清理`,
      body: (c) =>
        `${c.d.name}${c.town}生态空间管控区域内存在违规建设的厂房、农家乐等项目${c.r.int(2, 10)}处，侵占生态空间，未按要求清理整治。`,
      site: (c) => `${c.town}生态空间管控区域`,
      target: "违规项目全部清理整治，生态空间面积不减少、功能不降低。",
      measures: [
        "开展生态空间管控区域遥感核查",
        "依法拆除违规建设项目",
        "实施场地生态修复",
        "完善生态空间管控区域边界标识",
        "建立常态化监管和问责机制",
      ],
    },
    {
      districts: TAIHU,
      title: (c) => `太湖一级保护区${c.d.name}${c.town}段违规养殖、违章建筑清理不到位`,
      body: (c) => `太湖一级保护区${c.d.name}${c.town}段仍存在违规养殖池塘和违章建筑，养殖尾水未经处理直排入湖，影响太湖水质。`,
      site: (c) => `${c.town}太湖一级保护区`,
      target: "违规养殖和违章建筑全部清理，养殖尾水不再直排入湖。",
      measures: [
        "开展太湖一级保护区违规养殖和违章建筑排查",
        "依法退养并拆除违章建筑",
        "建设养殖尾水生态净化设施",
        "实施退养区湿地恢复",
        "纳入太湖岸线日常巡查",
      ],
    },
    {
      districts: ["320282", "320211", "320206", "320205"],
      title: (c) => `${c.d.name}${c.town}废弃矿山宕口生态修复滞后`,
      body: (c) => `${c.d.name}${c.town}废弃矿山宕口${c.r.int(2, 7)}处未实施生态修复，山体裸露，存在地质灾害隐患和扬尘问题。`,
      site: (c) => `${c.town}废弃矿山宕口`,
      target: "完成宕口生态修复，消除地质灾害隐患，植被覆盖率达标。",
      measures: [
        "编制废弃矿山生态修复方案",
        "实施削坡减载和危岩清理",
        "开展覆土复绿和植被恢复",
        "建设截排水设施",
        "开展修复成效验收和后期管护",
      ],
    },
    {
      title: (c) => `${c.d.name}${c.town}湿地公园违规开发，湿地面积减少`,
      body: (c) => `${c.d.name}${c.town}湿地公园内违规建设经营性设施，部分湿地被填埋硬化，湿地面积较批复减少。`,
      site: (c) => `${c.town}湿地公园`,
      target: "拆除违规设施，恢复湿地面积和生态功能。",
      measures: [
        "核查湿地公园违规建设项目",
        "拆除违规经营性设施",
        "恢复被填埋硬化的湿地",
        "完善湿地保护管理制度",
        "开展湿地生态监测",
      ],
    },
    {
      title: (c) => `${c.d.name}${c.town}${c.river}岸线违规占用，生态缓冲带建设滞后`,
      body: (c) => `${c.river}${c.d.name}${c.town}段岸线被违规堆场和临时建筑占用，河湖生态缓冲带建设进度明显滞后于计划。`,
      site: (c) => `${c.river}${c.town}段`,
      target: "清理违规占用岸线，建成河湖生态缓冲带。",
      measures: [
        "清理岸线违规堆场和临时建筑",
        "编制生态缓冲带建设实施方案",
        "实施生态缓冲带植被建设",
        "建立岸线长效管护机制",
        "开展缓冲带建设成效评估",
      ],
    },
  ],
  RISK: [
    {
      districts: CHEM,
      title: (c) => `${c.d.name}${c.town}化工园区三级防控体系不完善，应急事故池容量不足`,
      body: (c) =>
        `${c.d.name}${c.town}化工园区“企业—园区—水体”三级防控体系不完善，园区应急事故池容量不足，雨水排口未设置应急闸门，部分企业未开展应急演练。`,
      site: (c) => `${c.town}化工园区`,
      target: "建成完善的三级防控体系，应急事故池容量满足要求，应急闸门可正常启闭。",
      measures: [
        "核算园区应急事故池所需容量并实施扩容",
        "在园区雨水排口设置应急闸门并开展启闭测试",
        "督促企业完善围堰、事故应急池等一级防控设施",
        "修订园区突发环境事件应急预案",
        "组织园区—企业联合应急演练",
      ],
    },
    {
      industry: "化工",
      title: (c) => `${c.d.name}${c.town}涉危化品企业突发环境事件应急预案未备案、未演练`,
      body: (c) => `${c.company}等涉危化品企业突发环境事件应急预案未按规定备案，应急物资储备不足，近两年未组织应急演练。`,
      site: (c) => `${c.town}${c.company}`,
      target: "应急预案全部备案，应急物资配备到位，按期组织演练。",
      measures: [
        "督促企业编制并备案应急预案",
        "开展环境风险评估",
        "补充配备应急物资和设备",
        "组织应急演练并评估",
        "将应急管理纳入日常执法检查",
      ],
    },
    {
      title: (c) => `${c.d.name}${c.town}饮用水水源地突发环境事件风险防控不到位`,
      body: (c) =>
        `${c.d.name}${c.town}饮用水水源地上游跨河桥梁未设置径流收集和应急防护设施，危化品运输车辆通行，存在突发环境事件风险。`,
      site: (c) => `${c.town}饮用水水源地`,
      target: "完善水源地风险防控设施，应急处置能力满足要求。",
      measures: [
        "建设桥面径流收集和应急池",
        "设置危化品运输车辆限行和监控设施",
        "修订水源地突发环境事件应急预案",
        "建设水源地预警监测站",
        "组织水源地应急演练",
      ],
    },
    {
      industry: "化工",
      title: (c) => `${c.d.name}${c.town}已关闭化工企业遗留物料未清理，存在环境风险`,
      body: (c) => `${c.d.name}${c.town}原${c.company}关闭后厂区遗留化工原料和废液桶，部分储罐仍有残液，无人看管，存在泄漏风险。`,
      site: (c) => `${c.town}原${c.company}厂区`,
      target: "遗留物料全部安全清理处置，消除环境风险。",
      measures: [
        "对遗留物料开展清点和鉴别",
        "委托有资质单位安全转移处置",
        "清洗拆除储罐和管线",
        "开展场地环境调查",
        "建立已关闭化工企业回头看台账",
      ],
    },
    {
      industry: "电镀",
      title: (c) => `${c.d.name}${c.town}涉重金属企业环境风险隐患排查整治不到位`,
      body: (c) => `${c.company}电镀车间地面防腐防渗破损，含重金属废水管线明管化改造未完成，存在渗漏风险。`,
      site: (c) => `${c.town}${c.company}`,
      target: "完成防腐防渗和管线改造，消除重金属污染风险隐患。",
      measures: [
        "修复车间地面防腐防渗层",
        "实施含重金属废水管线明管化改造",
        "完善初期雨水收集设施",
        "开展土壤和地下水隐患排查",
        "落实重金属污染物排放总量控制",
      ],
    },
  ],
  OTHER: [
    {
      industry: "科技",
      division: "DIV-ENFORCE",
      title: (c) => `${c.d.name}${c.town}${c.company}自行监测数据弄虚作假`,
      body: (c) => `${c.company}通过篡改在线监测设备参数、稀释采样等方式干扰自动监测，自行监测数据严重失真。`,
      site: (c) => `${c.town}${c.company}`,
      target: "依法查处弄虚作假行为，监测数据真实准确。",
      measures: [
        "依法立案查处并移送公安机关",
        "更换在线监测设备并重新验收",
        "开展同类企业数据质量专项检查",
        "将企业纳入环境信用评价重点监管",
        "完善第三方运维机构监管",
      ],
    },
    {
      industry: "智能制造",
      division: "DIV-EIA",
      title: (c) => `${c.d.name}${c.town}建设项目未批先建、未验先投`,
      body: (c) => `${c.company}扩建项目未依法报批环境影响评价文件即开工建设，配套环保设施未经验收即投入生产。`,
      site: (c) => `${c.town}${c.company}`,
      target: "依法查处违法行为，补办环评手续，环保设施验收合格。",
      measures: [
        "责令停止建设和生产并依法处罚",
        "督促补办环境影响评价手续",
        "完成配套环保设施竣工验收",
        "开展建设项目“三同时”专项检查",
        "对审批监管环节开展倒查",
      ],
    },
    {
      industry: "纺织",
      division: "DIV-EIA",
      title: (c) => `${c.d.name}${c.town}排污单位未按证排污，执行报告未按时提交`,
      body: (c) => `${c.company}未按排污许可证规定开展自行监测，年度执行报告未按时提交，台账记录不完整。`,
      site: (c) => `${c.town}${c.company}`,
      target: "落实排污许可“一证式”管理要求，证后监管闭环。",
      measures: [
        "依法处罚未按证排污行为",
        "督促补交执行报告并完善台账",
        "开展排污许可证后执法检查",
        "组织排污单位许可证管理培训",
        "建立证后监管长效机制",
      ],
    },
    {
      industry: "化工",
      division: "DIV-LAW",
      title: (c) => `${c.d.name}${c.town}重点排污单位环境信息公开不到位`,
      body: (c) => `${c.company}等重点排污单位未按规定公开排污信息和自行监测数据，群众知情渠道不畅。`,
      site: (c) => `${c.town}${c.company}`,
      target: "重点排污单位依法全面公开环境信息。",
      measures: [
        "督促企业在信息平台依法公开环境信息",
        "在厂区门口设置电子显示屏公开排放数据",
        "对未依法公开的企业依法处罚",
        "开展环境信息依法披露检查",
        "建立公众监督反馈渠道",
      ],
    },
    {
      industry: "新材料",
      division: "DIV-LAW",
      title: (c) => `${c.d.name}${c.town}生态环境损害赔偿磋商结果未落实`,
      body: (c) => `${c.company}生态环境损害赔偿磋商协议约定的修复工程未按期实施，赔偿资金未足额缴纳。`,
      site: (c) => `${c.town}${c.company}`,
      target: "磋商协议全部履行到位，受损生态环境得到修复。",
      measures: [
        "督促赔偿义务人缴纳赔偿资金",
        "实施生态环境修复工程",
        "开展修复效果评估",
        "对不履行协议的依法申请司法确认和强制执行",
        "完善损害赔偿案件跟踪机制",
      ],
    },
  ],
};

const CATEGORY_DIVISION: Record<ProblemCategory, string> = {
  WATER: "DIV-WATER",
  AIR: "DIV-AIR",
  SOIL: "DIV-SOIL",
  SOLID_WASTE: "DIV-WASTE",
  NOISE: "DIV-AIR",
  ECOLOGY: "DIV-ECO",
  RISK: "DIV-WASTE",
  OTHER: "DIV-ENFORCE",
};

/** Categories where acceptance leans on monitoring data. */
const MONITORED: readonly ProblemCategory[] = ["WATER", "AIR", "SOIL", "NOISE"];

const SOURCE_PREFIX: Record<Exclude<ProblemSource, "OTHER">, string> = {
  CENTRAL_INSPECTION: "中央生态环境保护督察组交办：",
  CENTRAL_LOOKBACK: "中央生态环境保护督察整改“回头看”发现：",
  PROVINCIAL_INSPECTION: "省生态环境保护督察组交办：",
  WARNING_FILM: "警示片披露：",
  PETITION: "群众信访反映：",
  ENFORCEMENT: "执法检查发现：",
  SELF_CHECK: "自查自纠发现：",
  HAZARD_SWEEP: "隐患排查发现：",
};

const OTHER_ORIGINS = [
  { round: "12345热线转办", prefix: "12345热线转办：" },
  { round: "媒体曝光", prefix: "媒体报道反映：" },
  { round: "人大代表建议", prefix: "人大代表建议反映：" },
] as const;

function roundAndPrefix(source: ProblemSource, year: number, r: Rng): { round: string; prefix: string } {
  switch (source) {
    case "CENTRAL_INSPECTION":
      return {
        round: year <= 2024 ? "第二轮中央生态环境保护督察" : "第三轮中央生态环境保护督察",
        prefix: SOURCE_PREFIX[source],
      };
    case "CENTRAL_LOOKBACK":
      return { round: "第二轮中央生态环境保护督察整改“回头看”", prefix: SOURCE_PREFIX[source] };
    case "PROVINCIAL_INSPECTION":
      return { round: `${year}年省级督察第${r.int(1, 4)}批`, prefix: SOURCE_PREFIX[source] };
    case "WARNING_FILM":
      return {
        round: r.chance(0.5) ? `${year}年长江经济带生态环境警示片` : `${year}年江苏省生态环境警示片`,
        prefix: SOURCE_PREFIX[source],
      };
    case "PETITION":
      return { round: "信访转办", prefix: SOURCE_PREFIX[source] };
    case "ENFORCEMENT":
      return { round: `${year}年六大专项执法行动`, prefix: SOURCE_PREFIX[source] };
    case "SELF_CHECK":
      return { round: `${year}年突出生态环境问题自查自纠`, prefix: SOURCE_PREFIX[source] };
    case "HAZARD_SWEEP":
      return { round: `${year}年环境安全隐患排查`, prefix: SOURCE_PREFIX[source] };
    case "OTHER":
      return r.pick(OTHER_ORIGINS);
  }
}

// ---------------------------------------------------------------- the ledger plan (pure, deterministic)

const STATUS_COUNTS: Record<ProblemStatus, number> = {
  REGISTERED: 12,
  ASSIGNED: 16,
  RECTIFYING: 60,
  PENDING_ACCEPTANCE: 12,
  PUBLIC_NOTICE: 8,
  PENDING_SIGNOFF: 8,
  CLOSED: 60,
  ONGOING: 16,
};
const SOURCE_COUNTS: Record<ProblemSource, number> = {
  CENTRAL_INSPECTION: 36,
  CENTRAL_LOOKBACK: 20,
  PROVINCIAL_INSPECTION: 36,
  WARNING_FILM: 14,
  PETITION: 30,
  ENFORCEMENT: 28,
  SELF_CHECK: 20,
  // Hazard-sweep problems come from the sweeps' own demo data, not the generated ledger.
  HAZARD_SWEEP: 0,
  OTHER: 8,
};
const CATEGORY_COUNTS: Record<ProblemCategory, number> = {
  WATER: 44,
  AIR: 40,
  SOIL: 18,
  SOLID_WASTE: 26,
  NOISE: 14,
  ECOLOGY: 24,
  RISK: 16,
  OTHER: 10,
};
const DISTRICT_COUNTS: Record<string, number> = {
  "320205": 22,
  "320206": 22,
  "320211": 24,
  "320213": 22,
  "320214": 22,
  "320281": 30,
  "320282": 30,
  "320299": 20,
};
/** Preferred bands of the problems with a deadline; infeasible picks fall back (e.g. IMMEDIATE cannot be far in the future). */
const BAND_PREFERENCE: Record<Exclude<DeadlineBand, "ONGOING">, number> = { IMMEDIATE: 26, SHORT: 70, MID: 48, LONG: 26 };

/** How many problems of a status are overdue / due within 30 days (~15 % of the open ledger overdue). */
const TIMING_PLAN: Partial<Record<ProblemStatus, { overdue: number; dueSoon: number }>> = {
  REGISTERED: { overdue: 0, dueSoon: 1 },
  ASSIGNED: { overdue: 2, dueSoon: 2 },
  RECTIFYING: { overdue: 13, dueSoon: 6 },
  PENDING_ACCEPTANCE: { overdue: 2, dueSoon: 1 },
  PUBLIC_NOTICE: { overdue: 0, dueSoon: 1 },
  PENDING_SIGNOFF: { overdue: 1, dueSoon: 0 },
};
const RECTIFYING_ONGOING_BAND = 6;
const RELAPSES = 4;

/** Band durations in days (deadline − registration). */
const BAND_DAYS: Record<Exclude<DeadlineBand, "ONGOING">, readonly [number, number]> = {
  IMMEDIATE: [7, 30],
  SHORT: [60, 365],
  MID: [366, 1095],
  LONG: [1096, 1826],
};

/** Registration day window per status, in days relative to today. */
const CREATED_WINDOW: Record<ProblemStatus, readonly [number, number]> = {
  REGISTERED: [-40, -8],
  ASSIGNED: [-120, -8],
  RECTIFYING: [-1095, -20],
  PENDING_ACCEPTANCE: [-1095, -30],
  PUBLIC_NOTICE: [-1095, -30],
  PENDING_SIGNOFF: [-1095, -30],
  CLOSED: [-1095, -30],
  ONGOING: [-1095, -8],
};

type Timing = "overdue" | "dueSoon" | "future" | "any";
const DEADLINE_WINDOW: Record<Timing, readonly [number, number]> = {
  overdue: [-150, -1],
  dueSoon: [0, 30],
  future: [31, 2000],
  any: [-5000, 5000],
};

export type PlannedMeasure = {
  seq: number;
  description: string;
  ownerUnit: string;
  ownerPerson: string;
  milestone: Date;
  status: MeasureStatus;
  percent: number;
};

export type PlannedProblem = {
  code: string;
  title: string;
  description: string;
  source: ProblemSource;
  round: string;
  category: ProblemCategory;
  districtCode: string;
  locationText: string;
  lat: number | null;
  lng: number | null;
  leadOfficial: string;
  leadUnit: string;
  coUnits: string[];
  acceptanceUnit: string;
  responsiblePerson: string;
  responsiblePhone: string;
  target: string;
  deadlineBand: DeadlineBand;
  deadline: Date | null;
  status: ProblemStatus;
  relapse: boolean;
  progress: number;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  measures: PlannedMeasure[];
};

const dayDate = (day: number) => new Date(day * DAY_MS);
/** An instant on a Shanghai calendar day at the given local hour and minute. */
const dayInstant = (day: number, hour: number, minute: number) =>
  new Date(day * DAY_MS - SHANGHAI_OFFSET_MS + (hour * 60 + minute) * 60_000);

function solveDates(
  r: Rng,
  band: Exclude<DeadlineBand, "ONGOING">,
  created: readonly [number, number],
  due: readonly [number, number],
): { createdDay: number; deadlineDay: number } | null {
  const [dMin, dMax] = BAND_DAYS[band];
  const cLo = Math.max(created[0], due[0] - dMax);
  const cHi = Math.min(created[1], due[1] - dMin);
  if (cLo > cHi) return null;
  const c = r.int(cLo, cHi);
  const d = r.int(Math.max(dMin, due[0] - c), Math.min(dMax, due[1] - c));
  return { createdDay: c, deadlineDay: c + d };
}

function planMeasures(
  r: Rng,
  p: { status: ProblemStatus; relapse: boolean; createdDay: number; deadlineDay: number | null },
  tpl: Template,
  owners: readonly string[],
  todayDay: number,
): PlannedMeasure[] {
  const early = p.status === "REGISTERED" || p.status === "ASSIGNED";
  const working = p.status === "RECTIFYING" || p.status === "ONGOING";
  const n = early ? r.int(0, 2) : r.pick([1, 2, 2, 3, 3, 3, 4, 4, 5]);
  const chosen = r
    .shuffle(tpl.measures.map((_, i) => i))
    .slice(0, n)
    .sort((a, b) => a - b);
  const descriptions = chosen.map((i) => tpl.measures[i] as string);
  if (p.relapse) descriptions.push("针对“回头看”发现的问题反弹，重新制定整改措施并落实长效监管");
  const count = descriptions.length;
  return descriptions.map((description, i) => {
    const seq = i + 1;
    // Milestones spread over the rectification period; long-term problems get one per quarter.
    const milestoneDay =
      p.deadlineDay === null
        ? p.createdDay + 90 * seq
        : p.createdDay +
          Math.max(1, Math.round((p.deadlineDay - p.createdDay) * (seq / count) * (seq === count ? 1 : 0.8 + 0.2 * r.float())));
    let status: MeasureStatus = "NOT_STARTED";
    let percent = 0;
    if (!early && !working) {
      status = "DONE";
      percent = 100;
    } else if (working && p.relapse) {
      status = seq < count ? "DONE" : "IN_PROGRESS";
      percent = seq < count ? 100 : 5 * r.int(4, 12);
    } else if (working && milestoneDay < 0 && r.chance(p.status === "ONGOING" ? 0.5 : 0.75)) {
      status = "DONE";
      percent = 100;
    } else if (working && r.chance(p.status === "ONGOING" ? 0.95 : 0.7)) {
      status = "IN_PROGRESS";
      percent = 5 * r.int(2, 19);
    }
    return {
      seq,
      description,
      ownerUnit: seq === 1 ? (owners[0] as string) : r.pick(owners),
      ownerPerson: personName(r),
      milestone: dayDate(todayDay + milestoneDay),
      status,
      percent,
    };
  });
}

/** Work in progress must stay unfinished: a RECTIFYING / ONGOING problem keeps at least one open measure. */
function keepOneOpen(r: Rng, measures: PlannedMeasure[]): void {
  const last = measures[measures.length - 1];
  if (last && measures.every((m) => m.status === "DONE")) {
    last.status = "IN_PROGRESS";
    last.percent = 5 * r.int(12, 18);
  }
}

/** The demo ledger for `today`: the same input gives the same ledger (ids aside). */
export function planDemoLedger(today: Date): PlannedProblem[] {
  const r = new Rng(0x5eed_2026);
  const todayDay = Math.floor((today.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS);
  const statuses = r.deck(STATUS_COUNTS);
  const sources = r.deck(SOURCE_COUNTS);
  const categories = r.deck(CATEGORY_COUNTS);
  const districtCodes = r.deck(DISTRICT_COUNTS);
  const bandDeck = r.deck(BAND_PREFERENCE);
  const usedTitles = new Set<string>();
  const seenPerStatus: Partial<Record<ProblemStatus, number>> = {};
  const divisionHeads = new Map(USERS.filter((u) => u.role === "DIVISION_HEAD").map((u) => [u.unit, u]));

  const planned: Omit<PlannedProblem, "code">[] = [];
  for (let i = 0; i < LEDGER_SIZE; i++) {
    const status = statuses[i] as ProblemStatus;
    const source = sources[i] as ProblemSource;
    const category = categories[i] as ProblemCategory;
    const d = DISTRICTS.find((x) => x.code === districtCodes[i]) as DistrictDef;

    // The k-th problem of a status decides its band / timing, so the mix is exact, not left to chance.
    const k = seenPerStatus[status] ?? 0;
    seenPerStatus[status] = k + 1;
    const plan = TIMING_PLAN[status] ?? { overdue: 0, dueSoon: 0 };
    const ongoingBand = status === "ONGOING" || (status === "RECTIFYING" && k < RECTIFYING_ONGOING_BAND);
    const j = status === "RECTIFYING" ? k - RECTIFYING_ONGOING_BAND : k;
    const timing: Timing =
      status === "CLOSED" ? "any" : j < plan.overdue ? "overdue" : j < plan.overdue + plan.dueSoon ? "dueSoon" : "future";
    const relapse =
      status === "RECTIFYING" && !ongoingBand && j >= plan.overdue + plan.dueSoon && j < plan.overdue + plan.dueSoon + RELAPSES;

    let band: DeadlineBand = "ONGOING";
    let createdDay: number;
    let deadlineDay: number | null = null;
    if (ongoingBand) {
      const [lo, hi] = CREATED_WINDOW[status];
      createdDay = r.int(lo, hi);
    } else {
      const preferred =
        (timing === "overdue" || timing === "dueSoon") && r.chance(0.35) ? "IMMEDIATE" : (bandDeck.pop() ?? "SHORT");
      const order = [...new Set([preferred, "SHORT", "MID", "LONG", "IMMEDIATE"] as const)];
      let solved: { createdDay: number; deadlineDay: number } | null = null;
      for (const b of order) {
        solved = solveDates(r, b, CREATED_WINDOW[status], DEADLINE_WINDOW[timing]);
        if (solved) {
          band = b;
          break;
        }
      }
      if (!solved) throw new Error(`no feasible dates for a ${status} problem (${timing})`);
      ({ createdDay, deadlineDay } = solved);
    }
    const createdAt = dayInstant(todayDay + createdDay, r.int(8, 17), r.int(0, 59));
    const year = new Date((todayDay + createdDay) * DAY_MS).getUTCFullYear();

    // Template, place and wording; retry a few times for a title not used yet.
    const candidates = TEMPLATES[category].flatMap((t) =>
      t.districts ? (t.districts.includes(d.code) ? [t, t, t, t] : []) : [t],
    );
    let tpl = candidates[0] as Template;
    let ctx: Ctx = { d, town: "", river: "", company: "", year, r };
    let title = "";
    for (let attempt = 0; attempt < 20; attempt++) {
      tpl = r.pick(candidates);
      const company = `${d.firm}${r.pick(FIRM_A)}${r.pick(FIRM_B)}${tpl.industry ?? "实业"}有限公司`;
      ctx = { d, town: r.pick(d.towns), river: r.pick(d.rivers), company, year, r };
      title = tpl.title(ctx);
      if (!usedTitles.has(title)) break;
    }
    usedTitles.add(title);
    const origin = roundAndPrefix(source, year, r);

    // Who: a division or the district's agency leads; the district government usually co-operates.
    const division = tpl.division ?? CATEGORY_DIVISION[category];
    const agency = `AG-${d.code}`;
    const gov = `GOV-${d.code}`;
    const divisionLeads = r.chance(0.5);
    const leadUnit = divisionLeads ? division : agency;
    const others = divisionLeads ? [gov, agency] : [gov, division];
    const coCount = r.pick([0, 1, 1, 2]);
    const coUnits = coCount === 2 ? others : coCount === 1 ? [r.chance(0.7) ? gov : (others[1] as string)] : [];
    const acceptanceUnit = !divisionLeads ? division : MONITORED.includes(category) ? "AFF-MONITOR" : "DIV-ENFORCE";
    const leadOfficial =
      source === "CENTRAL_INSPECTION" || source === "CENTRAL_LOOKBACK"
        ? r.chance(0.7)
          ? "leader"
          : r.pick(["leader2", "leader3"])
        : ["WATER", "SOIL", "ECOLOGY"].includes(category)
          ? r.chance(0.8)
            ? "leader2"
            : "leader"
          : r.chance(0.8)
            ? "leader3"
            : "leader";
    const head = divisionLeads ? divisionHeads.get(division) : undefined;

    const hasPoint = r.chance(0.7);
    const lat = hasPoint ? clamp(d.center[0] + (r.float() - 0.5) * 0.12, 31.2, 31.95) : null;
    const lng = hasPoint ? clamp(d.center[1] + (r.float() - 0.5) * 0.14, 119.6, 120.6) : null;

    const measures = planMeasures(
      r,
      { status, relapse, createdDay, deadlineDay },
      tpl,
      [...new Set([leadUnit, ...coUnits, agency])],
      todayDay,
    );
    if (status === "RECTIFYING" || status === "ONGOING") keepOneOpen(r, measures);

    let closedAt: Date | null = null;
    let lastDay = status === "REGISTERED" ? createdDay : Math.max(createdDay + 1, Math.min(-1, -r.int(0, 20)));
    if (status === "CLOSED") {
      const late = r.chance(0.12) ? r.int(1, 30) : 0;
      const last = Math.min(-1, (deadlineDay as number) + late);
      const closedDay = Math.min(-1, createdDay + Math.max(3, Math.round((last - createdDay) * (0.45 + 0.55 * r.float()))));
      closedAt = dayInstant(todayDay + closedDay, r.int(9, 17), r.int(0, 59));
      lastDay = closedDay;
    }
    const updatedAt =
      closedAt ?? (lastDay === createdDay ? createdAt : dayInstant(todayDay + lastDay, r.int(8, 18), r.int(0, 59)));

    planned.push({
      title,
      description: origin.prefix + tpl.body(ctx),
      source,
      round: origin.round,
      category,
      districtCode: d.code,
      locationText: `${d.name}${tpl.site(ctx)}`,
      lat: lat === null ? null : round6(lat),
      lng: lng === null ? null : round6(lng),
      leadOfficial,
      leadUnit,
      coUnits,
      acceptanceUnit,
      responsiblePerson: head?.displayName ?? personName(r),
      responsiblePhone: head?.phone ?? landline(r),
      target: tpl.target,
      deadlineBand: band,
      deadline: deadlineDay === null ? null : dayDate(todayDay + deadlineDay),
      status,
      relapse,
      progress: progressOf(measures),
      closedAt,
      createdAt,
      updatedAt,
      measures,
    });
  }

  // Ledger codes follow registration order within each year: WX-2025-0001, WX-2025-0002, …
  planned.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const perYear = new Map<number, number>();
  return planned.map((p) => {
    const year = new Date(p.createdAt.getTime() + SHANGHAI_OFFSET_MS).getUTCFullYear();
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    return { code: `WX-${year}-${String(seq).padStart(4, "0")}`, ...p };
  });
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

// ---------------------------------------------------------------- loading

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return (await db.district.findFirst({ select: { id: true } })) === null;
}

/**
 * Loads the demo data into an empty database in one transaction: it refuses when districts exist,
 * and a concurrent second run fails on the unique district codes and rolls back, so nothing is
 * ever duplicated.
 */
export async function seedDemo(
  db: PrismaClient,
  opts: { today?: Date; log?: (s: string) => void } = {},
): Promise<{ problems: number; users: number }> {
  const today = opts.today ?? new Date();
  const log = opts.log ?? (() => {});
  const ledger = planDemoLedger(today);
  // One hash for every demo account: argon2id costs ~50 ms per call.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  return db.$transaction(
    async (tx) => {
      if (!(await isDatabaseEmpty(tx))) throw new Error("seedDemo: the database already has data; refusing to seed.");

      const districtIds = new Map<string, string>();
      for (const [i, d] of DISTRICTS.entries()) {
        const row = await createDistrict(tx, { code: d.code, name: d.name, nameEn: d.nameEn, sortOrder: i });
        districtIds.set(d.code, row.id);
      }
      const unitIds = new Map<string, string>();
      for (const [i, u] of UNITS.entries()) {
        const row = await createUnit(tx, {
          code: u.code,
          name: u.name,
          nameEn: u.nameEn,
          kind: u.kind,
          parentId: u.parent ? unitIds.get(u.parent) : null,
          districtId: u.district ? districtIds.get(u.district) : null,
          sortOrder: i,
        });
        unitIds.set(u.code, row.id);
      }
      log(`${districtIds.size} districts, ${unitIds.size} units`);

      const userIds = new Map<string, string>();
      for (const u of USERS) {
        const row = await createUser(tx, {
          username: u.username,
          passwordHash,
          displayName: u.displayName,
          role: u.role,
          unitId: unitIds.get(u.unit),
          districtId: u.district ? districtIds.get(u.district) : null,
          phone: u.phone,
          email: `${u.username}@wuxi-eeb.example`,
        });
        userIds.set(u.username, row.id);
      }
      log(`${userIds.size} users (password ${DEMO_PASSWORD})`);

      const coordinatorId = userIds.get("coordinator") as string;
      const id = (map: Map<string, string>, key: string) => {
        const v = map.get(key);
        if (!v) throw new Error(`seed: unknown reference ${key}`);
        return v;
      };
      const audit: {
        actorId: string;
        entityType: string;
        entityId: string;
        action: string;
        after: Prisma.InputJsonObject;
        at: Date;
      }[] = [];
      for (const p of ledger) {
        const coUnitIds = p.coUnits.map((c) => id(unitIds, c));
        const row = await createProblem(tx, {
          code: p.code,
          title: p.title,
          description: p.description,
          source: p.source,
          round: p.round,
          category: p.category,
          districtId: id(districtIds, p.districtCode),
          locationText: p.locationText,
          lat: p.lat,
          lng: p.lng,
          leadOfficialId: id(userIds, p.leadOfficial),
          leadUnitId: id(unitIds, p.leadUnit),
          acceptanceUnitId: id(unitIds, p.acceptanceUnit),
          responsiblePerson: p.responsiblePerson,
          responsiblePhone: p.responsiblePhone,
          target: p.target,
          deadlineBand: p.deadlineBand,
          deadline: p.deadline,
          status: p.status,
          relapse: p.relapse,
          closedAt: p.closedAt,
          createdById: coordinatorId,
          createdAt: p.createdAt,
          updatedAt: p.updatedAt,
          coUnitIds,
          measures: p.measures.map((m) => ({
            seq: m.seq,
            description: m.description,
            ownerUnitId: id(unitIds, m.ownerUnit),
            ownerPerson: m.ownerPerson,
            milestone: m.milestone,
            status: m.status,
            percent: m.percent,
            createdAt: p.createdAt,
            updatedAt: p.updatedAt,
          })),
        });
        // Same shape as the app's own audit snapshot, as the row stood when it was registered.
        audit.push({
          actorId: coordinatorId,
          entityType: "Problem",
          entityId: row.id,
          action: "create",
          at: p.createdAt,
          after: {
            code: p.code,
            title: p.title,
            description: p.description,
            source: p.source,
            round: p.round,
            category: p.category,
            districtCode: p.districtCode,
            locationText: p.locationText,
            lat: p.lat,
            lng: p.lng,
            status: "REGISTERED",
            deadlineBand: p.deadlineBand,
            deadline: p.deadline ? p.deadline.toISOString().slice(0, 10) : null,
            leadOfficialId: row.leadOfficialId,
            leadUnitId: row.leadUnitId,
            coUnitIds: [...coUnitIds].sort(),
            acceptanceUnitId: row.acceptanceUnitId,
            responsiblePerson: p.responsiblePerson,
            responsiblePhone: p.responsiblePhone,
            target: p.target,
            progress: 0,
            relapse: false,
            version: 1,
          },
        });
      }
      await tx.auditLog.createMany({ data: audit });
      log(`${ledger.length} problems, ${ledger.reduce((n, p) => n + p.measures.length, 0)} measures, ${audit.length} audit rows`);
      const workflow = await seedDemoWorkflow(tx, ledger, {
        userIds,
        divisionHeads: new Map(USERS.filter((u) => u.role === "DIVISION_HEAD").map((u) => [u.unit, u.username])),
        today,
      });
      log(`${workflow.plans} plan versions, ${workflow.transitions} workflow steps`);
      const rectification = await seedDemoRectification(tx, { now: today });
      log(`${rectification.reports} progress reports, ${rectification.extensions} extensions`);
      const closure = await seedDemoClosure(tx, { now: today });
      log(`${closure.acceptances} acceptances, ${closure.notices} public notices, ${closure.closures} closures`);
      const evidence = await seedDemoEvidence(tx, { now: today });
      log(`${evidence.evidence} pieces of evidence (${evidence.reviews} reviewed)`);
      const lists = await seedDemoPublishedLists(tx, { now: today, importedById: coordinatorId });
      log(`${lists.lists} published lists (labelled as demo, not real provincial notices)`);
      const penalties = await seedDemoPenalties(tx, { now: today });
      log(`${penalties.ruleVersions} penalty rule version, ${penalties.findings} demo finding of perfunctory rectification`);
      const forensics = await seedDemoPhotoForensics(tx, { now: today });
      log(`${forensics.hashed} photos hashed, ${forensics.suspect} with signals of false rectification`);
      const water = await seedDemoSections(tx, { now: today });
      log(`${water.sections} demo water sections, ${water.results} monthly results, ${water.targets} annual targets (demo data)`);
      const bottom = await seedDemoBottomLine(tx, { now: today });
      log(
        `${bottom.parks} demo parks, ${bottom.closed} closed chemical firms, a sweep of ${bottom.targets} targets with ${bottom.hazards} hazards (demo data)`,
      );
      return { problems: ledger.length, users: userIds.size };
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
}
