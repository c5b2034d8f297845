/** Reference data of the demo: Wuxi's districts (with 经开区 under our own code) and the bureau's unit tree. */
import type { UnitKind } from "@prisma/client";

// ---------------------------------------------------------------- reference data

export type DistrictDef = {
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
export const DISTRICTS: readonly DistrictDef[] = [
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

export type UnitDef = { code: string; name: string; nameEn: string; kind: UnitKind; parent?: string; district?: string };

export const DIVISIONS: readonly UnitDef[] = [
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

export const UNITS: readonly UnitDef[] = [
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
