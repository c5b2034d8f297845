/**
 * Demo data of off-site enforcement and source control — plausible, NOT real monitoring figures:
 * demo enterprises (credit codes built with a valid check character and `MB` as their 9th–10th
 * characters, `isDemo`), ~50 outlets with a month of hourly readings in which exceedances, flat
 * lines and gaps are planted on purpose, the clues they raise (some assigned, some dismissed),
 * and 20 construction projects with their "422" checklists and reviews. Deterministic for a
 * given `now`; recorded as one import named as demo data.
 */
import type { EiaReportForm, ProjectStatus, SourceControlVerdict } from "@prisma/client";
import type { Tx } from "../lib/db";
import { detectEpisodes, HOUR_MS, type HourlyReading } from "../lib/domain/clue-detection";
import { SETTINGS_DEFAULTS } from "../lib/domain/settings";
import { SOURCE_CONTROL_ITEMS } from "../lib/domain/source-control";
import { recordEpisodes } from "../lib/server/clues/record-clues";
import { demoCreditCode } from "./seed/demo-credit-codes";

export const DEMO_MONITORING_FILE = "演示数据（非真实监测数据）.csv";

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A demo credit code: 91 (enterprise), the district code, MB, a serial; valid check character. */
export { demoCreditCode };

const FIRMS = [
  "精细化工",
  "印染",
  "电镀",
  "表面处理",
  "纺织",
  "涂装",
  "污水处理",
  "热电",
  "制药",
  "新材料",
  "金属制品",
  "包装印刷",
];
const SUFFIX = ["有限公司", "股份有限公司", "科技有限公司"];
const WATER = [
  { pollutant: "COD", unit: "mg/L", limit: 50, base: 28 },
  { pollutant: "NH3-N", unit: "mg/L", limit: 5, base: 2.1 },
];
const AIR = [
  { pollutant: "SO2", unit: "mg/m³", limit: 35, base: 14 },
  { pollutant: "NOx", unit: "mg/m³", limit: 50, base: 26 },
];

type Plant = { kind: "EXCEEDANCE" | "FLATLINE" | "GAP" | "TAIL_GAP"; at: number; hours: number };

/** Which outlet (index) gets which anomaly: a handful of each, the rest clean. */
const PLANTS: Record<number, Plant> = {
  2: { kind: "EXCEEDANCE", at: 100, hours: 6 },
  5: { kind: "EXCEEDANCE", at: 300, hours: 4 },
  9: { kind: "FLATLINE", at: 200, hours: 40 },
  12: { kind: "GAP", at: 400, hours: 30 },
  15: { kind: "EXCEEDANCE", at: 520, hours: 9 },
  18: { kind: "FLATLINE", at: 610, hours: 26 },
  21: { kind: "GAP", at: 150, hours: 48 },
  26: { kind: "EXCEEDANCE", at: 660, hours: 5 },
  30: { kind: "TAIL_GAP", at: 680, hours: 40 },
  33: { kind: "EXCEEDANCE", at: 45, hours: 12 },
  37: { kind: "FLATLINE", at: 380, hours: 72 },
  41: { kind: "EXCEEDANCE", at: 250, hours: 3 },
  44: { kind: "GAP", at: 560, hours: 25 },
  47: { kind: "EXCEEDANCE", at: 700, hours: 7 },
};

export async function seedDemoOffsite(tx: Tx, opts: { now: Date }) {
  const rnd = mulberry32(20261203);
  const districts = await tx.district.findMany({
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { id: true, code: true, name: true },
  });
  const users = await tx.user.findMany({ select: { id: true, username: true, role: true, districtId: true } });
  const byName = new Map(users.map((u) => [u.username, u]));
  const coordinator = byName.get("coordinator") ?? users[0];
  if (!coordinator || districts.length === 0) return { enterprises: 0, readings: 0, clues: 0, projects: 0 };

  // ── enterprises: 60 demo ones, spread over the districts ──
  const enterprises: { id: string; districtId: string; name: string }[] = [];
  for (let i = 0; i < 60; i++) {
    const d = districts[i % districts.length] as (typeof districts)[number];
    const name = `${d.name.replace(/[区市县]$/, "")}${FIRMS[i % FIRMS.length]}${String.fromCharCode(0x7532 + (i % 10))}${SUFFIX[i % SUFFIX.length]}（演示）`;
    const creditCode = demoCreditCode(d.code, 1000 + i);
    const e = await tx.enterprise.upsert({
      where: { creditCode },
      create: {
        creditCode,
        name,
        districtId: d.id,
        industry: FIRMS[i % FIRMS.length] as string,
        tags: i % 3 === 0 ? ["VOCS_KEY"] : i % 3 === 1 ? ["CHEMICAL"] : [],
        isDemo: true,
      },
      update: {},
      select: { id: true, districtId: true, name: true },
    });
    enterprises.push(e);
  }

  // ── a month of hourly readings for 50 outlets, two pollutants each ──
  const end = Math.floor(opts.now.getTime() / HOUR_MS) * HOUR_MS - HOUR_MS;
  const hours = 720;
  const start = end - (hours - 1) * HOUR_MS;
  const found = new Map<number, ReturnType<typeof detectEpisodes>>();
  let readings = 0;
  const thresholds = {
    exceedanceHours: SETTINGS_DEFAULTS.clueExceedanceHours,
    flatlineHours: SETTINGS_DEFAULTS.clueFlatlineHours,
    gapHours: SETTINGS_DEFAULTS.clueGapHours,
  };
  for (let o = 0; o < 50; o++) {
    const e = enterprises[o] as (typeof enterprises)[number];
    const water = o % 2 === 0;
    const outlet = await tx.monitoringOutlet.upsert({
      where: { enterpriseId_code: { enterpriseId: e.id, code: water ? "DW001" : "DA001" } },
      create: { enterpriseId: e.id, code: water ? "DW001" : "DA001" },
      update: {},
    });
    for (const [p, def] of (water ? WATER : AIR).entries()) {
      const series = await tx.monitoringSeries.upsert({
        where: { outletId_pollutant: { outletId: outlet.id, pollutant: def.pollutant } },
        create: { outletId: outlet.id, pollutant: def.pollutant, unit: def.unit },
        update: {},
      });
      const plant = p === 0 ? PLANTS[o] : undefined;
      const rows: HourlyReading[] = [];
      for (let h = 0; h < hours; h++) {
        const inPlant = plant && h >= plant.at && h < plant.at + plant.hours;
        if (inPlant && plant.kind === "GAP") continue;
        if (plant?.kind === "TAIL_GAP" && h >= plant.at) continue;
        const daily = Math.sin(((h % 24) / 24) * Math.PI * 2) * def.base * 0.15;
        let value = def.base + daily + (rnd() - 0.5) * def.base * 0.3;
        if (inPlant && plant.kind === "EXCEEDANCE") value = def.limit * (1.15 + rnd() * 0.6);
        if (inPlant && plant.kind === "FLATLINE") value = def.base;
        rows.push({ hour: start + h * HOUR_MS, value: Math.round(value * 100) / 100, limit: def.limit });
      }
      for (let i = 0; i < rows.length; i += 2000) {
        const part = rows.slice(i, i + 2000);
        await tx.$executeRaw`INSERT INTO "MonitoringReading" ("seriesId", hour, value, "limit")
          SELECT * FROM unnest(${part.map(() => series.id)}::int[], ${part.map((r) => new Date(r.hour).toISOString())}::timestamptz[],
                               ${part.map((r) => r.value)}::float8[], ${part.map((r) => r.limit)}::float8[])
          ON CONFLICT DO NOTHING`;
      }
      readings += rows.length;
      found.set(series.id, detectEpisodes(rows, thresholds, { until: end }));
    }
  }
  const { created } = await recordEpisodes(tx, found, { actorId: coordinator.id });
  await tx.monitoringImport.create({
    data: {
      fileName: DEMO_MONITORING_FILE,
      importedById: coordinator.id,
      rows: readings,
      imported: readings,
      duplicates: 0,
      rejected: 0,
      clues: created,
    },
  });

  // Some clues are being checked, some were dismissed with a reason.
  const clues = await tx.clue.findMany({
    where: { series: { outlet: { enterprise: { isDemo: true } } } },
    orderBy: [{ windowStart: "asc" }],
  });
  const officers = users.filter((u) => u.role === "FIELD_OFFICER");
  for (const [i, c] of clues.entries()) {
    if (i % 3 === 1) {
      const officer = officers.find((u) => u.districtId === c.districtId) ?? users.find((u) => u.role === "DIVISION_HEAD");
      if (!officer) continue;
      await tx.clue.update({
        where: { id: c.id },
        data: { status: "ASSIGNED", assigneeId: officer.id, assignedAt: opts.now, version: 2 },
      });
      await tx.auditLog.create({
        data: {
          actorId: coordinator.id,
          entityType: "Clue",
          entityId: c.id,
          action: "clue.assigned",
          after: { status: "ASSIGNED", assigneeId: officer.id },
        },
      });
    } else if (i % 5 === 4) {
      const reason = c.rule === "GAP" ? "MAINTENANCE_FILED" : "CALIBRATION";
      await tx.clue.update({
        where: { id: c.id },
        data: { status: "DISMISSED", dismissReason: reason, dismissNote: "演示：已核实报备记录", closedAt: opts.now, version: 2 },
      });
      await tx.auditLog.create({
        data: {
          actorId: coordinator.id,
          entityType: "Clue",
          entityId: c.id,
          action: "clue.dismissed",
          after: { status: "DISMISSED", reason },
        },
      });
    }
  }

  // ── 20 construction projects with their checklists and reviews ──
  const reviewer = byName.get("division-air") ?? byName.get("leader") ?? coordinator;
  const STAGES = ["报告编制", "技术评估", "审批前"];
  const PROJECTS = [
    "年产3万吨水性涂料技改项目",
    "印染废水提标改造项目",
    "锂电池隔膜生产线项目",
    "VOCs 深度治理改造项目",
    "电镀园区集中治污项目",
  ];
  let projects = 0;
  for (let i = 0; i < 20; i++) {
    const e = enterprises[40 + (i % 20)] as (typeof enterprises)[number];
    const submitter = officers.find((u) => u.districtId === e.districtId) ?? coordinator;
    const verdicts: SourceControlVerdict[] = SOURCE_CONTROL_ITEMS.map((item, k) => {
      if (item === "MATERIALS" && i % 3 === 0) return "NOT_MET";
      if (item === "FACILITY_EFFICIENCY" && i % 4 === 1) return "NOT_MET";
      if (item === "PROCESS" && i % 7 === 2) return "NOT_MET";
      if (item === "REUSE" && (i + k) % 5 === 0) return "NOT_APPLICABLE";
      return "MET";
    });
    const hasNotMet = verdicts.includes("NOT_MET");
    const status: ProjectStatus = i % 4 === 3 ? "SUBMITTED" : hasNotMet ? "REFUSED" : "PASSED";
    const p = await tx.constructionProject.create({
      data: {
        name: `${e.name.replace(/（演示）$/, "")}${PROJECTS[i % PROJECTS.length]}（演示）`,
        enterpriseId: e.id,
        districtId: e.districtId,
        reportForm: (i % 3 === 0 ? "REPORT_BOOK" : "REPORT_TABLE") as EiaReportForm,
        stage: STAGES[i % STAGES.length] as string,
        status,
        submittedById: submitter.id,
        isDemo: true,
        checks: {
          create: SOURCE_CONTROL_ITEMS.map((item, k) => ({
            item,
            verdict: verdicts[k] as SourceControlVerdict,
            note:
              verdicts[k] === "NOT_APPLICABLE" ? "本项目无可回用物料" : verdicts[k] === "NOT_MET" ? "演示：方案未达到要求" : "",
          })),
        },
      },
    });
    await tx.auditLog.create({
      data: {
        actorId: submitter.id,
        entityType: "ConstructionProject",
        entityId: p.id,
        action: "project.submitted",
        after: { name: p.name },
      },
    });
    if (status !== "SUBMITTED" && reviewer.id !== submitter.id) {
      await tx.projectReview.create({
        data: {
          projectId: p.id,
          reviewerId: reviewer.id,
          passed: status === "PASSED",
          comment: status === "PASSED" ? "符合源头管控要求" : "原料替代或治理效率不满足要求，请完善后重新报送",
        },
      });
      await tx.auditLog.create({
        data: {
          actorId: reviewer.id,
          entityType: "ConstructionProject",
          entityId: p.id,
          action: status === "PASSED" ? "project.passed" : "project.refused",
          after: { status },
        },
      });
    }
    projects++;
  }
  return { enterprises: enterprises.length, readings, clues: created, projects };
}
