/**
 * Demo data for the eight-question self-review, Taihu safe summer and incidents — plausible, NOT
 * real monitoring figures or real events (every name carries "（演示）", every row `isDemo`):
 * a closed round of last quarter (all answered) and an open round past its due date, half answered
 * (the water division and two agencies have not submitted, so they show as late); five Taihu points
 * with a season of daily readings this year (two alert episodes) and last year (one); incidents
 * over two years. Deterministic for a given `now`.
 */
import type { Tx } from "../lib/db";
import { addDays, bureauToday, formatCalendarDate, parseCalendarDate } from "../lib/domain/calendar";
import { type AlertLevel, alertLevel, episodesOf, type Thresholds } from "../lib/domain/taihu";

const QUESTIONS = ["GOALS", "PROBLEMS", "PLAN", "MEASURES", "STYLE", "EFFORT", "PACE", "RESULTS"] as const;

const FOUND: Record<(typeof QUESTIONS)[number], string> = {
  GOALS: "年度目标已分解到月，但个别断面目标与省考核口径不一致，需要重新核对。（演示）",
  PROBLEMS: "对辖区涉水企业底数掌握不全，部分排口未纳入台账，问题清单需要补充。（演示）",
  PLAN: "整改方案对时间节点写得较粗，缺少分阶段的量化指标和责任到人。（演示）",
  MEASURES: "部分措施针对性不强，雨污分流改造与断面超标因子对应关系不清。（演示）",
  STYLE: "现场检查有时流于形式，以听汇报代替看现场的情况仍然存在。（演示）",
  EFFORT: "对屡查屡犯企业处罚力度偏轻，按日连续处罚手段运用不够。（演示）",
  PACE: "三个整改项目进度滞后于序时进度，前期手续办理耗时过长。（演示）",
  RESULTS: "整改后断面水质仍有反复，成效尚不稳固，群众满意度有待提高。（演示）",
};
const WILL_DO = "制定专项计划，明确责任人和完成时限，每旬调度一次。（演示）";

/** A unit's demo ratings: mostly 3–4, its weak spots lower. */
function ratingOf(unitIndex: number, q: number, roundIndex: number): number {
  const base = [4, 3, 4, 3, 3, 4, 3, 4][q] as number;
  const dip = (unitIndex * 3 + q + roundIndex) % 5 === 0 ? -2 : (unitIndex + q) % 4 === 0 ? -1 : 0;
  return Math.min(5, Math.max(1, base + dip + (roundIndex === 1 && q % 3 === 0 ? 1 : 0)));
}

async function seedRounds(tx: Tx, today: Date): Promise<{ rounds: number; sheets: number }> {
  const units = await tx.unit.findMany({
    where: {
      code: { in: ["DIV-WATER", "DIV-AIR", "DIV-SOIL", "DIV-WASTE", "AG-320281", "AG-320282", "AG-320213", "AG-320211"] },
    },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  const coordinator = await tx.user.findFirst({ where: { username: "coordinator" }, select: { id: true } });
  const leader = await tx.user.findFirst({ where: { username: "leader" }, select: { id: true } });
  const rounds = [
    { title: "第三季度八个方面反思（演示）", period: "上一季度（演示）", dueOn: addDays(today, -70), status: "CLOSED" as const },
    { title: "第四季度八个方面反思（演示）", period: "本季度（演示）", dueOn: addDays(today, -2), status: "OPEN" as const },
  ];
  let sheets = 0;
  for (const [ri, r] of rounds.entries()) {
    const round = await tx.selfReviewRound.create({
      data: {
        title: r.title,
        period: r.period,
        dueOn: r.dueOn,
        status: r.status,
        isDemo: true,
        createdById: coordinator?.id ?? null,
        closedAt: r.status === "CLOSED" ? addDays(r.dueOn, 10) : null,
      },
    });
    for (const [ui, unit] of units.entries()) {
      // The open round is half answered: the water division (the demo unit that answers in the
      // browser test) and two agencies have nothing submitted; one division has a draft.
      const code = unit.code;
      const status =
        r.status === "CLOSED"
          ? "SUBMITTED"
          : ["DIV-WATER", "AG-320282", "AG-320213"].includes(code)
            ? "NOT_STARTED"
            : code === "DIV-WASTE"
              ? "DRAFT"
              : "SUBMITTED";
      const sheet = await tx.selfReviewSheet.create({
        data: {
          roundId: round.id,
          unitId: unit.id,
          status,
          submittedAt: status === "SUBMITTED" ? addDays(r.dueOn, -1) : null,
          leaderComment: status === "SUBMITTED" && ui === 0 ? "反思较为深刻，请把措施落到具体项目上。（演示）" : null,
          commentedById: status === "SUBMITTED" && ui === 0 ? (leader?.id ?? null) : null,
          commentedAt: status === "SUBMITTED" && ui === 0 ? r.dueOn : null,
        },
      });
      sheets += 1;
      if (status === "NOT_STARTED") continue;
      const answered = status === "DRAFT" ? QUESTIONS.slice(0, 3) : QUESTIONS;
      await tx.selfReviewAnswer.createMany({
        data: answered.map((q, qi) => {
          const rating = ratingOf(ui, qi, ri);
          return { sheetId: sheet.id, question: q, rating, found: FOUND[q], willDo: rating <= 3 ? WILL_DO : "" };
        }),
      });
    }
  }
  return { rounds: rounds.length, sheets };
}

type DemoPoint = {
  code: string;
  name: string;
  kind: "LAKE_ZONE" | "DRINKING_SOURCE";
  district: string;
  /** Where the point is, as a monitoring station would name it. */
  location: string;
  base: number;
  episodes: [string, number, number][];
};

/** Episodes as [MM-DD start, days, peak algae] of this season; last season has its own below. */
const POINTS: DemoPoint[] = [
  {
    code: "DEMO-TH-GH",
    name: "贡湖湾（演示）",
    kind: "LAKE_ZONE",
    district: "320211",
    location: "贡湖湾湖心 · 浮标站（演示）",
    base: 1400,
    episodes: [["07-10", 5, 9200]],
  },
  {
    code: "DEMO-TH-ML",
    name: "梅梁湖（演示）",
    kind: "LAKE_ZONE",
    district: "320211",
    location: "梅梁湖拖山附近水域（演示）",
    base: 1700,
    episodes: [["08-20", 4, 4600]],
  },
  {
    code: "DEMO-TH-ZS",
    name: "竺山湖（演示）",
    kind: "LAKE_ZONE",
    district: "320282",
    location: "竺山湖湖心（演示）",
    base: 1200,
    episodes: [],
  },
  {
    code: "DEMO-TH-XD",
    name: "锡东水厂水源地（演示）",
    kind: "DRINKING_SOURCE",
    district: "320205",
    location: "贡湖 · 锡东水厂取水口（演示）",
    base: 600,
    episodes: [],
  },
  {
    code: "DEMO-TH-NQ",
    name: "南泉水源地（演示）",
    kind: "DRINKING_SOURCE",
    district: "320211",
    location: "贡湖 · 南泉水厂取水口（演示）",
    base: 800,
    episodes: [],
  },
];
const LAST_SEASON_EPISODES: Record<string, [string, number, number][]> = {
  "DEMO-TH-GH": [["07-22", 3, 3800]],
  "DEMO-TH-ML": [],
  "DEMO-TH-ZS": [],
  "DEMO-TH-XD": [],
  "DEMO-TH-NQ": [],
};
const THRESHOLDS = { algaeWarn: 3000, algaeAlert: 8000, bloomWarn: 50, bloomAlert: 150 };

function seasonReadings(p: DemoPoint, year: number, episodes: [string, number, number][], lastDay: string) {
  const out: { day: string; algae: number; bloom: number }[] = [];
  for (let d = parseCalendarDate(`${year}-04-01`) as Date; formatCalendarDate(d) <= `${year}-10-31`; d = addDays(d, 1)) {
    const day = formatCalendarDate(d);
    if (day > lastDay) break;
    const month = d.getUTCMonth() + 1;
    // Summer swell (highest in July–August) with a steady daily wobble, always below the warning line.
    const swell = month >= 6 && month <= 9 ? 1.5 : 1;
    const wobble = ((d.getUTCDate() * 37 + p.code.length * 11) % 23) / 23;
    let algae = Math.round(p.base * swell * (0.8 + 0.4 * wobble));
    for (const [start, days, peak] of episodes) {
      const s = parseCalendarDate(`${year}-${start}`) as Date;
      const i = Math.round((d.getTime() - s.getTime()) / 86_400_000);
      if (i >= 0 && i < days) algae = Math.round(peak * (1 - Math.abs(i - (days - 1) / 2) / days));
    }
    algae = Math.min(algae, Math.max(...episodes.map((e) => e[2]), 2900));
    const bloom = p.kind === "LAKE_ZONE" ? Math.round((algae / 200) * 100) / 100 : 0;
    out.push({ day, algae, bloom });
  }
  return out;
}

async function seedTaihu(tx: Tx, today: Date): Promise<{ points: number; readings: number; episodes: number }> {
  const yesterday = formatCalendarDate(addDays(today, -1));
  const year = today.getUTCMonth() + 1 >= 4 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  const districts = new Map((await tx.district.findMany({ select: { id: true, code: true } })).map((d) => [d.code, d.id]));
  let readings = 0;
  let episodes = 0;
  for (const [i, p] of POINTS.entries()) {
    const point = await tx.taihuPoint.create({
      data: {
        code: p.code,
        name: p.name,
        kind: p.kind,
        districtId: districts.get(p.district) ?? null,
        location: p.location,
        sortOrder: i,
        isDemo: true,
        ...THRESHOLDS,
      },
    });
    const rows = [
      ...seasonReadings(p, year - 1, LAST_SEASON_EPISODES[p.code] ?? [], yesterday),
      ...seasonReadings(p, year, p.episodes, yesterday),
    ];
    await tx.taihuReading.createMany({
      data: rows.map((r) => ({
        pointId: point.id,
        day: parseCalendarDate(r.day) as Date,
        algaeDensity: r.algae,
        bloomArea: p.kind === "LAKE_ZONE" ? r.bloom : null,
        blackBloom: false,
        sourceStatus: p.kind === "DRINKING_SOURCE" ? ("NORMAL" as const) : null,
        isDemo: true,
      })),
    });
    readings += rows.length;
    const t: Thresholds = THRESHOLDS;
    const levels = rows.map((r) => ({
      day: r.day,
      level: alertLevel(
        { algaeDensity: r.algae, bloomArea: p.kind === "LAKE_ZONE" ? r.bloom : null, blackBloom: false, sourceStatus: null },
        t,
      ) as AlertLevel,
    }));
    // The episodes as the alert job would store them; they are over, so nobody is notified.
    for (const ep of episodesOf(levels)) {
      await tx.taihuEpisode.create({
        data: {
          pointId: point.id,
          startedOn: parseCalendarDate(ep.startedOn) as Date,
          endedOn: ep.endedOn ? parseCalendarDate(ep.endedOn) : null,
          peakLevel: ep.peakLevel,
        },
      });
      episodes += 1;
    }
  }
  return { points: POINTS.length, readings, episodes };
}

const INCIDENTS: [
  number,
  string,
  string,
  "WATER" | "AIR" | "SOIL" | "CHEMICAL_LEAK" | "SOLID_WASTE" | "OTHER",
  "GENERAL" | "LARGER",
  string,
  string,
][] = [
  // [month, district, title, type, level, cause, response]
  [1, "320281", "某化工企业储罐泄漏（演示）", "CHEMICAL_LEAK", "GENERAL", "储罐阀门老化破裂", "关闭阀门、围堵收集，监测周边水体"],
  [3, "320206", "河道死鱼事件（演示）", "WATER", "GENERAL", "企业偷排高浓度废水", "截断排口、立案查处、清理水面"],
  [5, "320282", "危废仓库火灾（演示）", "SOLID_WASTE", "LARGER", "危废混存引发自燃", "消防扑救、转移危废、监测空气"],
  [6, "320214", "园区异味扩散（演示）", "AIR", "GENERAL", "废气处理设施故障", "企业停产检修、加密监测"],
  [7, "320211", "运输车辆侧翻泄漏（演示）", "CHEMICAL_LEAK", "GENERAL", "交通事故", "覆土吸附、转运污染土壤"],
  [8, "320205", "污水管网破损外溢（演示）", "WATER", "GENERAL", "管网老化", "抢修管网、投加药剂"],
  [9, "320281", "码头油污入江（演示）", "WATER", "LARGER", "船舶加油作业不规范", "布设围油栏、回收油污"],
  [11, "320213", "工地偷倒建筑泥浆（演示）", "SOLID_WASTE", "GENERAL", "施工单位管理不到位", "责令清理、立案处罚"],
];

async function seedIncidents(tx: Tx, today: Date): Promise<number> {
  const districts = new Map((await tx.district.findMany({ select: { id: true, code: true } })).map((d) => [d.code, d.id]));
  const year = today.getUTCFullYear();
  const todayText = formatCalendarDate(today);
  const data = [];
  // Last year all eight; this year fewer (the run of incidents being stopped), only up to today.
  for (const [y, list] of [
    [year - 1, INCIDENTS],
    [year, INCIDENTS.filter((_, i) => i % 2 === 0)],
  ] as const) {
    for (const [i, [month, district, title, type, level, cause, response]] of list.entries()) {
      const day = `${y}-${String(month).padStart(2, "0")}-${String(5 + ((i * 7) % 20)).padStart(2, "0")}`;
      if (day > todayText) continue;
      const districtId = districts.get(district);
      if (!districtId) continue;
      data.push({ occurredOn: parseCalendarDate(day) as Date, title, districtId, type, level, cause, response, isDemo: true });
    }
  }
  await tx.incident.createMany({ data });
  return data.length;
}

export async function seedDemoReflection(tx: Tx, opts: { now: Date }) {
  const today = bureauToday(opts.now);
  const rounds = await seedRounds(tx, today);
  const taihu = await seedTaihu(tx, today);
  const incidents = await seedIncidents(tx, today);
  return { ...rounds, ...taihu, incidents };
}
