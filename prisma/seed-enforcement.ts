/**
 * Demo enforcement data — fictional, NOT real enterprises or cases: ~300 enterprises in the eight
 * districts (valid credit codes built with the GB 32100-2015 check character, names marked 演示),
 * two enforcement officers per district agency and two at the city detachment, this year's
 * "六大专项执法行动" campaign running from May to the end of the year, inspections in every mode
 * (OFF_SITE ones only when off-site clues exist to cite), cases with fines in every state, and a
 * few cases linked to the ledger's enforcement problems. Every row is flagged `isDemo`.
 * Deterministic for a given `now`.
 */
import { randomUUID } from "node:crypto";
import type { EnterpriseTag, InspectionMode, InspectionResult, Prisma } from "@prisma/client";
import type { Tx } from "../lib/db";
import { addDays, bureauToday } from "../lib/domain/calendar";
import { ACTION_TYPES, type ActionTypeName, CASE_NUMBER_PREFIX, formatCaseNumber } from "../lib/domain/enforcement";
import { demoPasswordHash, validCreditCode } from "../tests/factories";

const INDUSTRIES: readonly [string, EnterpriseTag[]][] = [
  ["化学原料和化学制品制造", ["CHEMICAL", "VOCS_KEY"]],
  ["印染", ["VOCS_KEY", "NEAR_SECTION"]],
  ["电镀", ["HEAVY_METAL"]],
  ["汽车零部件涂装", ["VOCS_KEY"]],
  ["房屋建筑工程", ["CONSTRUCTION_SITE"]],
  ["包装印刷", ["VOCS_KEY"]],
  ["金属制品", ["HEAVY_METAL", "NEAR_SECTION"]],
  ["食品制造", []],
  ["医药制造", ["CHEMICAL"]],
  ["市政道路工程", ["CONSTRUCTION_SITE", "NEAR_SECTION"]],
];
const WORDS = ["华", "新", "锦", "宏", "恒", "瑞", "嘉", "盛", "泰", "鑫", "源", "达", "通", "丰", "康", "德"];
const TAGS_OF_ACTION: Record<ActionTypeName, EnterpriseTag[]> = {
  VOCS_REDUCTION: ["VOCS_KEY"],
  CONSTRUCTION_SITE: ["CONSTRUCTION_SITE"],
  SECTION_COMPLIANCE: ["NEAR_SECTION"],
  EXITED_ENTERPRISE: ["CHEMICAL"],
  CONSTRUCTION_PROJECT: ["CONSTRUCTION_SITE"],
  KEY_PETITION: [],
};
const FINDINGS: Record<InspectionResult, string[]> = {
  NO_ISSUE: ["废气收集处理设施正常运行，台账记录完整。", "现场未见异常排放，在线监控数据正常。", "危废贮存规范，标识齐全。"],
  FIXED_ON_SITE: ["部分废气收集罩破损，已当场责令修复。", "雨污管网有少量混接，已现场整改。", "工地裸土未覆盖，已当场覆盖到位。"],
  VIOLATION: [
    "VOCs 废气未经收集处理直接排放。",
    "超过排放标准排放水污染物。",
    "未按规定运行污染防治设施。",
    "建筑工地扬尘防治措施未落实。",
  ],
};
const LEGAL_BASIS = [
  "《中华人民共和国大气污染防治法》第一百零八条",
  "《中华人民共和国水污染防治法》第八十三条",
  "《中华人民共和国大气污染防治法》第一百一十五条",
  "《江苏省大气污染防治条例》第八十二条",
];

/** A small deterministic generator (the seed must not depend on Math.random). */
function generator(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function seedDemoEnforcement(tx: Tx, opts: { now?: Date } = {}) {
  const today = bureauToday(opts.now);
  const year = today.getUTCFullYear();
  const rand = generator(20_260_601);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

  const districts = await tx.district.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
  const agencies = await tx.unit.findMany({ where: { kind: "AGENCY" }, select: { id: true, districtId: true, name: true } });
  const detachment = await tx.unit.findUnique({ where: { code: "AFF-ENFORCE" }, select: { id: true } });
  const coordinator = await tx.user.findFirst({ where: { role: "COORDINATOR" }, select: { id: true } });
  if (!detachment || !coordinator) throw new Error("seedDemoEnforcement: the units and users must be seeded first");

  // Enforcement officers: the district agencies' own field officers plus two demo officers each, two at the detachment.
  const passwordHash = await demoPasswordHash();
  const officerRows: Prisma.UserCreateManyInput[] = [];
  const surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "朱", "马", "胡", "郭"];
  let n = 0;
  for (const a of agencies) {
    const d = districts.find((x) => x.id === a.districtId);
    if (!d) continue;
    for (const k of [1, 2]) {
      officerRows.push({
        username: `zf-${d.code}-${k}`,
        displayName: `${surnames[n % surnames.length]}执法${d.name.slice(0, 2)}${k}`,
        role: "FIELD_OFFICER",
        unitId: a.id,
        districtId: d.id,
        passwordHash,
        phone: `0510-8299${String(1000 + n).slice(-4)}`,
      });
      n++;
    }
  }
  for (const k of [1, 2]) {
    officerRows.push({
      username: `zf-city-${k}`,
      displayName: `${surnames[(n + k) % surnames.length]}支队执法${k}`,
      role: "FIELD_OFFICER",
      unitId: detachment.id,
      passwordHash,
      phone: `0510-8298000${k}`,
    });
  }
  await tx.user.createMany({ data: officerRows });
  const officers = await tx.user.findMany({
    where: { role: "FIELD_OFFICER", active: true },
    select: { id: true, unitId: true, districtId: true },
  });
  const officersOf = (districtId: string) => officers.filter((o) => o.districtId === districtId);
  const cityOfficers = officers.filter((o) => o.unitId === detachment.id);

  // ~300 enterprises, 38 per district, one in nine closed (退出企业).
  const enterpriseRows: Prisma.EnterpriseCreateManyInput[] = [];
  for (const [di, d] of districts.entries()) {
    for (let i = 0; i < 38; i++) {
      const [industry, tags] = INDUSTRIES[(i + di) % INDUSTRIES.length] as (typeof INDUSTRIES)[number];
      const closed = i % 9 === 8;
      const name = `${d.name.replace(/[市区]$/, "")}${pick(WORDS)}${pick(WORDS)}${industry.slice(0, 2)}演示企业${String(i + 1).padStart(2, "0")}有限公司`;
      enterpriseRows.push({
        creditCode: validCreditCode(d.code, di * 1000 + i + 7_777_777),
        name,
        districtId: d.id,
        address: `${d.name}演示路${i + 1}号`,
        lat: (31.3 + rand() * 0.6).toFixed(6),
        lng: (119.9 + rand() * 0.7).toFixed(6),
        industry,
        tags,
        status: closed ? "CLOSED" : i % 13 === 5 ? "STOPPED" : "OPERATING",
        closedOn: closed ? new Date(Date.UTC(year - 1 - (i % 3), (i * 5) % 12, 15)) : null,
        isDemo: true,
      });
    }
  }
  await tx.enterprise.createMany({ data: enterpriseRows });
  const enterprises = await tx.enterprise.findMany({
    where: { isDemo: true },
    select: { id: true, districtId: true, tags: true, status: true },
  });

  // This year's campaign, running from May 1st to December 31st.
  const startsOn = new Date(Date.UTC(year, 4, 1));
  const endsOn = new Date(Date.UTC(year, 11, 31));
  const campaign = await tx.campaign.create({
    data: { name: `${year}年六大专项执法行动（演示）`, year, startsOn, endsOn, isDemo: true, createdById: coordinator.id },
  });
  const actionIds = new Map<ActionTypeName, string>();
  for (const type of ACTION_TYPES) {
    const action = await tx.campaignAction.create({ data: { campaignId: campaign.id, type, targetTags: TAGS_OF_ACTION[type] } });
    actionIds.set(type, action.id);
    const targetsOf = (districtId: string) =>
      enterprises.filter(
        (e) =>
          e.districtId === districtId &&
          (type === "EXITED_ENTERPRISE" ? e.status === "CLOSED" : e.status !== "CLOSED") &&
          (TAGS_OF_ACTION[type].length === 0 || e.tags.some((t) => TAGS_OF_ACTION[type].includes(t))),
      ).length;
    await tx.campaignTarget.createMany({
      data: districts.map((d) => ({
        actionId: action.id,
        districtId: d.id,
        targetCount: Math.min(targetsOf(d.id), type === "KEY_PETITION" ? 4 : 12),
      })),
    });
  }

  // Inspections from May to today: mostly all-staff; cross, escalated; off-site when clues exist.
  const firstDay = startsOn;
  const span = Math.max(1, Math.round((today.getTime() - firstDay.getTime()) / 86_400_000));
  const inspections: {
    id: string;
    enterpriseId: string;
    districtId: string;
    inspectedOn: Date;
    result: InspectionResult;
    mode: InspectionMode;
  }[] = [];
  const clueRows = await cluesToCite(tx);
  const inspectionRows: Prisma.InspectionCreateManyInput[] = [];
  const inspectorRows: Prisma.InspectionInspectorCreateManyInput[] = [];
  let count = 0;
  for (const e of enterprises) {
    if (rand() > 0.45) continue;
    const type = pick(ACTION_TYPES.filter((t) => t !== "KEY_PETITION" || rand() < 0.3));
    const modeRoll = rand();
    const mode: InspectionMode = modeRoll < 0.68 ? "ALL_STAFF" : modeRoll < 0.86 ? "CROSS" : "ESCALATED";
    const home = districts.find((d) => d.id === e.districtId);
    if (!home) continue;
    let inspectors: string[];
    let leadUnitId: string;
    if (mode === "CROSS") {
      const other = pick(districts.filter((d) => d.id !== e.districtId && officersOf(d.id).length >= 2));
      inspectors = officersOf(other.id)
        .slice(0, 2)
        .map((o) => o.id);
      leadUnitId = agencies.find((a) => a.districtId === other.id)?.id ?? detachment.id;
    } else if (mode === "ESCALATED") {
      inspectors = cityOfficers.slice(0, 2).map((o) => o.id);
      leadUnitId = detachment.id;
    } else {
      const local = officersOf(e.districtId);
      if (local.length < 2) continue;
      const first = Math.floor(rand() * (local.length - 1));
      inspectors = local.slice(first, first + 2).map((o) => o.id);
      leadUnitId = agencies.find((a) => a.districtId === e.districtId)?.id ?? detachment.id;
    }
    const resultRoll = rand();
    const result: InspectionResult = resultRoll < 0.55 ? "NO_ISSUE" : resultRoll < 0.78 ? "FIXED_ON_SITE" : "VIOLATION";
    const inspectedOn = addDays(firstDay, Math.floor(rand() * span));
    const id = randomUUID();
    inspectionRows.push({
      id,
      enterpriseId: e.id,
      actionId: e.status === "CLOSED" ? actionIds.get("EXITED_ENTERPRISE") : actionIds.get(type),
      inspectedOn,
      mode,
      leadUnitId,
      findings: `（演示）${pick(FINDINGS[result])}`,
      result,
      isDemo: true,
      createdById: inspectors[0] ?? null,
    });
    inspectorRows.push(...inspectors.map((userId) => ({ inspectionId: id, userId })));
    inspections.push({ id, enterpriseId: e.id, districtId: e.districtId, inspectedOn, result, mode });
    count++;
  }
  for (const clue of clueRows) {
    const e = enterprises.find((x) => x.id === clue.enterpriseId);
    const local = e ? officersOf(e.districtId) : [];
    if (!e || !local[0]) continue;
    const inspectedOn = addDays(today, -3 - (count % 20));
    const result: InspectionResult = count % 2 ? "VIOLATION" : "NO_ISSUE";
    const id = randomUUID();
    inspectionRows.push({
      id,
      enterpriseId: e.id,
      inspectedOn,
      mode: "OFF_SITE",
      leadUnitId: local[0].unitId ?? detachment.id,
      findings: `（演示）据在线监控线索核查：${pick(FINDINGS[result])}`,
      result,
      clueId: clue.id,
      isDemo: true,
      createdById: local[0].id,
    });
    inspectorRows.push({ inspectionId: id, userId: local[0].id });
    inspections.push({ id, enterpriseId: e.id, districtId: e.districtId, inspectedOn, result, mode: "OFF_SITE" });
    count++;
  }

  await tx.inspection.createMany({ data: inspectionRows });
  await tx.inspectionInspector.createMany({ data: inspectorRows });
  // An OFF_SITE inspection closes the clue it cites, as the inspection form does.
  for (const row of inspectionRows) {
    if (row.mode !== "OFF_SITE" || !row.clueId) continue;
    await tx.clue.update({
      where: { id: row.clueId },
      data: { status: "CLOSED", inspectionId: row.id, closedAt: row.inspectedOn as Date },
    });
  }

  // A case per violation, numbered in inspection order, in every state; fines 2万–50万 yuan.
  const violations = inspections
    .filter((i) => i.result === "VIOLATION")
    .sort((a, b) => a.inspectedOn.getTime() - b.inspectedOn.getTime());
  const enforcementProblems = await tx.problem.findMany({
    where: { source: "ENFORCEMENT", enterpriseId: null },
    select: { id: true, districtId: true },
    orderBy: { code: "asc" },
  });
  const STATES = ["FILED", "NOTIFIED", "DECIDED", "EXECUTED", "CLOSED"] as const;
  let seq = 0;
  let linked = 0;
  const caseRows: Prisma.EnforcementCaseCreateManyInput[] = [];
  for (const v of violations) {
    const filedOn = addDays(v.inspectedOn, 1 + ((seq + 1) % 5));
    if (filedOn > today) continue;
    seq++;
    const elapsed = Math.round((today.getTime() - filedOn.getTime()) / 86_400_000);
    const stage = Math.min(STATES.length - 1, Math.floor(elapsed / 25));
    const at = (k: number) => (stage >= k ? addDays(filedOn, k * 20) : null);
    const problem = enforcementProblems.findIndex((p) => p.districtId === v.districtId);
    const problemId = problem >= 0 && linked < 12 ? enforcementProblems.splice(problem, 1)[0]?.id : undefined;
    caseRows.push({
      number: formatCaseNumber(CASE_NUMBER_PREFIX, year, seq),
      year,
      seq,
      inspectionId: v.id,
      enterpriseId: v.enterpriseId,
      violation: `（演示）${FINDINGS.VIOLATION[seq % FINDINGS.VIOLATION.length]}`,
      legalBasis: LEGAL_BASIS[seq % LEGAL_BASIS.length] as string,
      fineYuan: 20_000 + ((seq * 37_000) % 480_000),
      measures: seq % 4 === 0 ? ["PRODUCTION_LIMIT"] : seq % 7 === 0 ? ["SEAL_UP"] : [],
      status: STATES[stage],
      filedOn,
      notifiedOn: at(1),
      decidedOn: at(2),
      executedOn: at(3),
      closedOn: at(4),
      isDemo: true,
      createdById: coordinator.id,
      ...(problemId && { problemId }),
    });
    if (problemId) {
      linked++;
      await tx.problem.update({ where: { id: problemId }, data: { enterpriseId: v.enterpriseId } });
    }
  }
  await tx.enforcementCase.createMany({ data: caseRows });
  return {
    enterprises: enterpriseRows.length,
    officers: officerRows.length,
    inspections: inspections.length,
    cases: seq,
    linked,
  };
}

/**
 * Off-site clues an OFF_SITE demo inspection can cite, when the off-site module's table exists
 * (read by SQL so this file does not depend on that module); none otherwise.
 */
async function cluesToCite(tx: Tx): Promise<{ id: string; enterpriseId: string }[]> {
  const exists = await tx.$queryRaw<{ t: string | null }[]>`SELECT to_regclass('"Clue"')::text AS t`;
  if (!exists[0]?.t) return [];
  return tx.$queryRaw<{ id: string; enterpriseId: string }[]>`
    SELECT c.id::text, o."enterpriseId"::text AS "enterpriseId"
      FROM "Clue" c JOIN "MonitoringSeries" s ON s.id = c."seriesId" JOIN "MonitoringOutlet" o ON o.id = s."outletId"
     WHERE c.status IN ('OPEN', 'ASSIGNED') ORDER BY c.id LIMIT 12`;
}
