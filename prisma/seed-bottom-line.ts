/**
 * Demo data of the bottom line — fictional, NOT real enterprises or inspection results: every name
 * carries "（演示）" and every row `isDemo`. A hazard sweep of chemical and heavy-metal firms in
 * progress (some targets checked, hazards of each level, one overdue), 15 chemical enterprises
 * closed in the last years at different closure stages (some re-checked this year), and 4 parks
 * with their three-level prevention plans, assessments and drills. Credit codes carry "MC" in
 * their 9th–10th characters. Deterministic for a given `now`; dates are relative to it.
 */
import type { ClosureStage, EnterpriseTag, HazardLevel, ParkKind, PreventionItemKind, PreventionLevel } from "@prisma/client";
import type { Tx } from "../lib/db";
import { CLOSURE_STAGES } from "../lib/domain/bottom-line";
import { addDays, bureauToday } from "../lib/domain/calendar";
import { bottomLineCreditCode, upsertEnterprise } from "../tests/factories/bottom-line";

const DEMO = "（演示）";

type ParkDef = {
  name: string;
  kind: ParkKind;
  district: string;
  firms: string[];
  tags: EnterpriseTag[];
  /** Plan items: level, kind, name, target, share done (0–1), start and deadline in days from today. */
  items: [PreventionLevel, PreventionItemKind, string, number, number, number, number][];
};

const PARKS: ParkDef[] = [
  {
    name: `江阴临港化工园区${DEMO}`,
    kind: "CHEMICAL_PARK",
    district: "320281",
    firms: ["江阴澄江精细化工有限公司", "江阴长泾树脂材料有限公司", "江阴申港助剂有限公司"],
    tags: ["CHEMICAL", "VOCS_KEY"],
    items: [
      ["ENTERPRISE", "EMERGENCY_POOL", "企业事故应急池扩容", 3000, 1, -300, -20],
      ["ENTERPRISE", "RAIN_SEWAGE_GATE", "企业雨污排口切换闸", 24, 0.75, -200, 60],
      ["PARK", "EMERGENCY_POOL", "园区公共应急池", 20000, 0.4, -240, 120],
      ["PARK", "CLOSURE_VALVE", "园区雨水总排口截断阀", 6, 0.5, -120, 90],
      ["WATER_BODY", "INTERCEPTION_DAM", "锡澄运河支流拦截坝", 3, 0, -90, 30],
      ["ENTERPRISE", "DRILL", "企业级突发环境事件演练", 6, 0.5, -180, 180],
    ],
  },
  {
    name: `宜兴官林化工集中区${DEMO}`,
    kind: "CONCENTRATION_ZONE",
    district: "320282",
    firms: ["宜兴官林新材料有限公司", "宜兴和桥涂料有限公司", "宜兴新建化学品有限公司"],
    tags: ["CHEMICAL"],
    items: [
      ["ENTERPRISE", "EMERGENCY_POOL", "企业应急池防渗改造", 1800, 0.9, -200, 40],
      ["PARK", "RAIN_SEWAGE_GATE", "集中区雨污分流闸", 10, 1, -300, -30],
      ["WATER_BODY", "INTERCEPTION_DAM", "入湖河道应急拦截坝", 2, 0.5, -150, 150],
      ["PARK", "DRILL", "园区级联合演练", 2, 0.5, -100, 200],
    ],
  },
  {
    name: `新吴电镀重金属园区${DEMO}`,
    kind: "HEAVY_METAL_PARK",
    district: "320214",
    firms: ["无锡硕放电镀有限公司", "无锡梅村表面处理有限公司", "无锡鸿山金属精饰有限公司"],
    tags: ["HEAVY_METAL"],
    items: [
      ["ENTERPRISE", "CLOSURE_VALVE", "车间废水总阀自动切断", 12, 0.25, -160, 20],
      ["PARK", "EMERGENCY_POOL", "园区含重金属废水应急池", 5000, 0.6, -200, 160],
      ["WATER_BODY", "INTERCEPTION_DAM", "新吴河道活动坝", 2, 0, -60, 240],
    ],
  },
  {
    name: `惠山堰桥化工集中区${DEMO}`,
    kind: "CONCENTRATION_ZONE",
    district: "320206",
    firms: ["无锡堰桥合成材料有限公司", "无锡钱桥染料化工有限公司", "无锡玉祁化学品有限公司"],
    tags: ["CHEMICAL", "HEAVY_METAL"],
    items: [
      ["ENTERPRISE", "EMERGENCY_POOL", "企业初期雨水池", 1200, 0.3, -250, 50],
      ["PARK", "CLOSURE_VALVE", "集中区清下水截断阀", 4, 1, -200, -10],
      ["WATER_BODY", "DRILL", "水体级应急演练", 1, 0, -30, 120],
    ],
  },
];

/** 15 closed chemical firms: district, name, closed (days ago), closure stages done, remediation skipped, re-checks (days ago, ok). */
const CLOSED: [string, string, number, number, boolean, [number, boolean][]][] = [
  ["320281", "江阴璜土农药厂", 1500, 6, false, [[40, true]]],
  ["320281", "江阴利港染化有限公司", 1200, 4, false, []],
  ["320281", "江阴夏港助剂厂", 700, 2, false, [[400, true]]],
  ["320282", "宜兴周铁化工有限公司", 1400, 6, true, [[90, true]]],
  ["320282", "宜兴徐舍化学品厂", 1000, 5, true, [[20, false]]],
  ["320282", "宜兴杨巷精细化工有限公司", 500, 1, false, []],
  ["320205", "无锡东港颜料厂", 1600, 6, false, [[420, true]]],
  ["320205", "无锡羊尖化工有限公司", 900, 3, false, []],
  ["320206", "无锡洛社涂料化工厂", 1300, 6, false, [[10, true]]],
  ["320206", "无锡阳山树脂厂", 600, 0, false, []],
  ["320211", "无锡胡埭化工有限公司", 1100, 4, false, [[60, false]]],
  ["320213", "无锡南长化学试剂厂", 1700, 6, true, []],
  ["320214", "无锡旺庄化工有限公司", 800, 3, false, [[30, true]]],
  ["320214", "无锡江溪助剂厂", 400, 2, false, []],
  ["320281", "江阴青阳溶剂厂", 300, 1, false, []],
];

const CHECKLIST: [string, string][] = [
  ["事故应急池容积与完好", "对照环评与应急预案核对容积，查看是否被占用、防渗是否完好"],
  ["雨污分流与切换闸阀", "现场试开关雨水排口切换闸，确认处于常闭或可立即关闭"],
  ["危险废物贮存", "查看贮存场所标识、防渗、台账与实际是否一致"],
  ["突发环境事件应急预案", "预案是否在有效期内并已备案，近一年是否演练"],
  ["有毒有害气体预警", "园区及企业边界预警监测设施是否运行、数据是否联网"],
  ["废水排放口", "排口规范化、在线监测运行，有无暗管"],
];

/** Checked targets: index into the sweep's firms, days ago, failed checklist items (index, level, deadline in days from today). */
const CHECKS: [number, number, [number, HazardLevel, number][]][] = [
  [0, 20, [[0, "MAJOR", -5]]],
  [1, 18, []],
  [3, 15, [[2, "GENERAL", 25]]],
  [
    4,
    12,
    [
      [1, "SEVERE", 10],
      [5, "GENERAL", 40],
    ],
  ],
  [6, 10, []],
  [7, 8, [[3, "GENERAL", 60]]],
  [9, 5, [[4, "MAJOR", 30]]],
];

export async function seedDemoBottomLine(
  tx: Tx,
  opts: { now?: Date } = {},
): Promise<{ parks: number; firms: number; closed: number; targets: number; hazards: number }> {
  const today = bureauToday(opts.now);
  const day = (offset: number) => addDays(today, offset);
  const districts = new Map((await tx.district.findMany({ select: { id: true, code: true } })).map((d) => [d.code, d.id]));
  const districtId = (code: string) => {
    const id = districts.get(code);
    if (!id) throw new Error(`seedDemoBottomLine: district ${code} missing`);
    return id;
  };
  const coordinator = await tx.user.findFirst({ where: { role: "COORDINATOR" }, select: { id: true } });
  const officers = await tx.user.findMany({ where: { role: "FIELD_OFFICER" }, select: { id: true, districtId: true } });

  // Parks, their firms and their three-level plans.
  const firms: { id: string; districtId: string }[] = [];
  let serial = 1;
  for (const def of PARKS) {
    const park = await tx.park.upsert({
      where: { name: def.name },
      create: { name: def.name, kind: def.kind, districtId: districtId(def.district), isDemo: true },
      update: {},
    });
    for (const name of def.firms) {
      const firm = await upsertEnterprise(tx, {
        creditCode: bottomLineCreditCode(serial++, def.district),
        name: `${name}${DEMO}`,
        districtId: park.districtId,
        address: `${def.name.replace(DEMO, "")}内`,
        industry: def.kind === "HEAVY_METAL_PARK" ? "电镀" : "化学原料和化学制品制造业",
        tags: def.tags,
        status: "OPERATING",
        parkId: park.id,
        isDemo: true,
      });
      firms.push({ id: firm.id, districtId: firm.districtId });
    }
    if ((await tx.preventionItem.count({ where: { parkId: park.id } })) === 0) {
      await tx.preventionItem.createMany({
        data: def.items.map(([level, kind, name, target, share, start, deadline]) => ({
          parkId: park.id,
          level,
          kind,
          name,
          targetQty: target,
          doneQty: Math.round(target * share),
          startOn: day(start),
          deadline: day(deadline),
        })),
      });
      await tx.parkAssessment.create({
        data: {
          parkId: park.id,
          assessedOn: day(-200),
          findings: "演示评估：企业级应急池基本到位，园区级公共应急池容积不足，水体级拦截设施缺失。",
          result: def.kind === "HEAVY_METAL_PARK" ? "INADEQUATE" : "PARTIAL",
          recordedById: coordinator?.id ?? null,
        },
      });
      const drill = await tx.preventionItem.findFirst({ where: { parkId: park.id, kind: "DRILL" } });
      if (drill && drill.doneQty > 0) {
        await tx.parkDrill.createMany({
          data: Array.from({ length: drill.doneQty }, (_, i) => ({
            parkId: park.id,
            itemId: drill.id,
            level: drill.level,
            heldOn: day(-150 + i * 40),
            scenario: i % 2 === 0 ? "储罐泄漏引发消防废水外溢（演示）" : "雨天危化品运输车辆侧翻（演示）",
            participants: 30 + i * 10,
            recordedById: coordinator?.id ?? null,
          })),
        });
      }
    }
  }

  // Closed chemical enterprises at different closure stages.
  let closedSerial = 101;
  for (const [district, name, closedDaysAgo, stagesDone, skipRemediation, rechecks] of CLOSED) {
    const firm = await upsertEnterprise(tx, {
      creditCode: bottomLineCreditCode(closedSerial++, district),
      name: `${name}${DEMO}`,
      districtId: districtId(district),
      address: "原厂址（演示）",
      industry: "化学原料和化学制品制造业",
      tags: ["CHEMICAL"],
      status: "CLOSED",
      closedOn: day(-closedDaysAgo),
      isDemo: true,
    });
    if ((await tx.closureStageRecord.count({ where: { enterpriseId: firm.id } })) > 0) continue;
    const span = Math.max(closedDaysAgo - 30, CLOSURE_STAGES.length);
    await tx.closureStageRecord.createMany({
      data: CLOSURE_STAGES.slice(0, stagesDone).map((stage, i) => {
        const skipped = stage === "REMEDIATED" && skipRemediation;
        return {
          enterpriseId: firm.id,
          stage: stage as ClosureStage,
          completedOn: skipped ? null : day(-closedDaysAgo + Math.floor((span * i) / CLOSURE_STAGES.length)),
          skipped,
          skipReason: skipped ? "场地调查未发现超过风险管控标准的污染，无需修复（演示）" : null,
          note: "演示记录",
          recordedById: coordinator?.id ?? null,
        };
      }),
    });
    await tx.closedEnterpriseRecheck.createMany({
      data: rechecks.map(([daysAgo, ok]) => ({
        enterpriseId: firm.id,
        checkedOn: day(-daysAgo),
        inspector: "演示检查员",
        findings: ok ? "厂区已清空，未见遗留物料和异味（演示）" : "发现遗留桶装物料，已责令清运（演示）",
        ok,
        recordedById: coordinator?.id ?? null,
      })),
    });
  }

  // A sweep in progress over the parks' firms.
  const title = `化工及涉重企业环境隐患排查${DEMO}`;
  let targets = 0;
  let hazards = 0;
  if (!(await tx.sweep.findFirst({ where: { title } }))) {
    const template = await tx.sweepTemplate.upsert({
      where: { name: `化工企业环境安全排查清单${DEMO}` },
      create: {
        name: `化工企业环境安全排查清单${DEMO}`,
        description: "三级防控与危废管理要点（演示）",
        createdById: coordinator?.id ?? null,
        items: { create: CHECKLIST.map(([t, g], i) => ({ position: i + 1, title: t, guidance: g })) },
      },
      update: {},
      include: { items: { orderBy: { position: "asc" } } },
    });
    const sweep = await tx.sweep.create({
      data: {
        title,
        templateId: template.id,
        startsOn: day(-25),
        endsOn: day(35),
        targetTags: ["CHEMICAL", "HEAVY_METAL"],
        createdById: coordinator?.id ?? null,
        isDemo: true,
      },
    });
    const rows = await tx.sweepTarget.createManyAndReturn({
      data: firms.map((f) => ({ sweepId: sweep.id, enterpriseId: f.id, districtId: f.districtId })),
    });
    // In the order of the firms (CHECKS indexes them).
    rows.sort((a, b) => firms.findIndex((f) => f.id === a.enterpriseId) - firms.findIndex((f) => f.id === b.enterpriseId));
    targets = rows.length;
    for (const [index, daysAgo, fails] of CHECKS) {
      const target = rows[index];
      if (!target) continue;
      const officer = officers.find((o) => o.districtId === target.districtId) ?? officers[0];
      const checkedAt = new Date(day(-daysAgo).getTime() + 2 * 3_600_000);
      await tx.sweepTarget.update({ where: { id: target.id }, data: { checkedAt, checkedById: officer?.id ?? null } });
      for (const [i, item] of template.items.entries()) {
        const fail = fails.find(([n]) => n === i);
        const result = await tx.sweepItemResult.create({
          data: {
            targetId: target.id,
            itemId: item.id,
            verdict: fail ? "FAIL" : i === 4 && index % 2 === 1 ? "NOT_APPLICABLE" : "PASS",
            note: fail ? "现场发现问题（演示）" : "",
          },
        });
        if (fail) {
          await tx.hazard.create({
            data: {
              resultId: result.id,
              sweepId: sweep.id,
              targetId: target.id,
              districtId: target.districtId,
              enterpriseId: target.enterpriseId,
              level: fail[1],
              deadline: day(fail[2]),
              description: `${item.title}：现场发现问题（演示）`,
              createdAt: checkedAt,
            },
          });
          hazards++;
        }
      }
    }
  }
  return { parks: PARKS.length, firms: firms.length, closed: CLOSED.length, targets, hazards };
}
