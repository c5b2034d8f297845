import type { EnterpriseTag, Park, SweepTemplate, TaihuPoint } from "@prisma/client";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { findProblemsAction, recordIncidentAction, updateIncidentAction } from "@/app/(app)/bottom-line/incidents/actions";
import { createParkAction, editPreventionItemAction, updateParkAction } from "@/app/(app)/bottom-line/parks/actions";
import { countTaggedTargetsAction, createSweepAction, updateSweepAction } from "@/app/(app)/bottom-line/sweeps/actions";
import { recordReadingAction } from "@/app/(app)/bottom-line/taihu/actions";
import { createPointAction, updatePointAction } from "@/app/(app)/bottom-line/taihu/points/actions";
import { db } from "@/lib/db";
import { formatCalendarDate } from "@/lib/domain/calendar";
import { createSweep } from "@/lib/server/sweeps/create-sweep";
import { calendarDay, createProblem, uniqueSuffix } from "../factories";
import { upsertEnterprise } from "../factories/bottom-line";
import { type ActionCase, checkCell, checkInvalid, checkSignedOut, type Target } from "../support/action-cases";
import { type RunAs, WHO, type Who, worldWithSessions } from "../support/action-roles";
import { withCookie } from "../support/cookie-session";
import type { World } from "../support/world";

/**
 * The bottom line's server actions — incidents, Taihu readings and points, parks and their plan
 * items, hazard sweeps — called as each role would from a browser (a real session cookie). Who may,
 * from the permission table and README (pinned here, never read from the code): incidents are
 * recorded and edited by coordinators and field officers, an officer in their own district only;
 * Taihu readings by coordinators and field officers, an officer at their own district's points only;
 * Taihu points by administrators and coordinators; parks, plan items and sweeps by coordinators.
 * Everyone else is refused and nothing is written.
 */
vi.unmock("@/lib/auth/next-auth");
vi.mock("next/headers", async () => (await import("../support/cookie-session")).nextHeaders);
vi.mock("next/cache", async () => (await import("../support/action-cases")).nextCache);
vi.mock("next-intl/server", () => ({
  getLocale: async () => "zh-CN",
  getTranslations: async () => (key: string) => key,
}));

let world: World;
let as: RunAs;
/** Problems to link and search: A in district A (division A leads), B in district B (division B leads), C in district B with agency A as co-unit. */
let problems: { A: string; B: string; C: string };
let pointA: TaihuPoint;
let pointB: TaihuPoint;
let pointNone: TaihuPoint;
/** Firms of the register: one in district A, one in district B. */
let firms: { A: string; B: string };
let park: Park;
let template: SweepTemplate;

const day = (offset: number) => formatCalendarDate(calendarDay(offset));

beforeAll(async () => {
  ({ world, as } = await worldWithSessions());
  const problem = async (letter: string, districtId: string, leadUnitId: string, coUnitIds: string[] = []) =>
    (await createProblem(db, { title: `矩阵检索${world.tag}${letter}`, districtId, leadUnitId, coUnitIds })).id;
  problems = {
    A: await problem("A", world.districtA.id, world.divisionA.id),
    B: await problem("B", world.districtB.id, world.divisionB.id),
    C: await problem("C", world.districtB.id, world.divisionB.id, [world.agencyA.id]),
  };
  const point = (district: string, districtId: string | null) =>
    db.taihuPoint.create({
      data: { code: `MX${district}-${world.tag}`, name: `矩阵点位${district}${world.tag}`, kind: "LAKE_ZONE", districtId },
    });
  pointA = await point("A", world.districtA.id);
  pointB = await point("B", world.districtB.id);
  pointNone = await point("N", null);
  const firm = async (letter: string, districtId: string) =>
    (await upsertEnterprise(db, { name: `矩阵事件企业${letter}${world.tag}`, districtId, tags: ["CHEMICAL"] })).id;
  firms = { A: await firm("A", world.districtA.id), B: await firm("B", world.districtB.id) };
  park = await db.park.create({ data: { name: `矩阵园区${world.tag}`, kind: "CHEMICAL_PARK", districtId: world.districtA.id } });
  template = await db.sweepTemplate.create({
    data: { name: `矩阵清单${world.tag}`, items: { create: [{ position: 1, title: "雨污分流是否到位", guidance: "" }] } },
  });
});

// ── incidents ──

type IncidentCall = {
  /** The district it happened in (for an edit: where it is now). */
  district: "districtA" | "districtB";
  /** Problems linked (A, B, C above). */
  link?: (keyof typeof problems)[];
  /** The enterprise of the register it names: district A's firm or district B's. */
  firm?: "A" | "B";
  /** An edit moving it to this district. */
  to?: "districtA" | "districtB";
  /** An edit of an incident that names this firm already (a coordinator named it). */
  named?: "A" | "B";
};

const incidentInput = (title: string, call: IncidentCall) => ({
  occurredOn: day(-2),
  title,
  districtCode: world[call.to ?? call.district].code,
  enterpriseId: call.firm ? firms[call.firm] : "",
  type: "WATER",
  level: "GENERAL",
  cause: "暴雨导致污水管网溢流，河道出现黑水。",
  response: "封堵溢流口，调运吸污车抽排，开展下游水质监测。",
  problemIds: (call.link ?? []).map((l) => problems[l]),
});

/** Recording an incident. */
function recording(call: IncidentCall) {
  return async (): Promise<Target> => {
    const title = `矩阵事件${world.tag}-${uniqueSuffix()}`;
    const created = () => db.incident.findFirst({ where: { title } });
    const input = incidentInput(title, call);
    return {
      run: () => recordIncidentAction(input),
      state: () => db.incident.count({ where: { title } }),
      audit: async () => ({ entityType: "Incident", entityId: (await created())?.id, action: "create" }),
      after: async (who) =>
        expect(await created()).toMatchObject({
          districtId: world[call.district].id,
          recordedById: world[who].user.id,
          enterpriseId: input.enterpriseId || null,
          problemIds: input.problemIds,
        }),
      invalid: {
        run: () => recordIncidentAction({ ...input, title: "", districtCode: "12345", type: "FIRE", occurredOn: "2026-02-30" }),
        fields: ["title", "districtCode", "type", "occurredOn"],
      },
    };
  };
}

/** Editing an incident (retitled, and what `call` says). */
function editing(call: IncidentCall) {
  return async (): Promise<Target> => {
    const incident = await db.incident.create({
      data: {
        occurredOn: calendarDay(-5),
        title: `矩阵待改事件${world.tag}-${uniqueSuffix()}`,
        districtId: world[call.district].id,
        type: "AIR",
        level: "GENERAL",
        cause: "企业废气处理设施故障。",
        response: "责令停产检修。",
        recordedById: world.coordinator.user.id,
        enterpriseId: call.named ? firms[call.named] : null,
      },
    });
    const state = () =>
      db.incident.findUniqueOrThrow({
        where: { id: incident.id },
        select: { title: true, version: true, districtId: true, enterpriseId: true, problemIds: true },
      });
    const input = { ...incidentInput(`${incident.title}（已核实）`, call), version: 1 };
    return {
      run: () => updateIncidentAction(incident.id, input),
      state,
      audit: async () => ({ entityType: "Incident", entityId: incident.id, action: "update" }),
      after: async () =>
        expect(await state()).toEqual({
          title: input.title,
          version: 2,
          districtId: world[call.to ?? call.district].id,
          enterpriseId: input.enterpriseId || null,
          problemIds: input.problemIds,
        }),
      invalid: {
        run: () => updateIncidentAction(incident.id, { ...input, title: "", version: "二" }),
        fields: ["title", "version"],
      },
    };
  };
}

// ── Taihu ──

/** A reading at `point`; each caller on a day of their own, so every success is a new row. */
function reading(point: () => TaihuPoint) {
  return async (who: Who): Promise<Target> => {
    const p = point();
    const on = day(-1 - WHO.indexOf(who));
    const row = () => db.taihuReading.findFirst({ where: { pointId: p.id, day: calendarDay(-1 - WHO.indexOf(who)) } });
    const input = { pointCode: p.code, day: on, algaeDensity: "1500", bloomArea: "2.5", blackBloom: "否", note: "" };
    return {
      run: () => recordReadingAction(input),
      state: async () => ({
        rows: await db.taihuReading.count({ where: { pointId: p.id } }),
        audit: await db.auditLog.count({ where: { entityType: "TaihuReading", after: { path: ["pointCode"], equals: p.code } } }),
      }),
      audit: async () => ({ entityType: "TaihuReading", entityId: (await row())?.id, action: "create" }),
      after: async () => expect(Number((await row())?.algaeDensity)).toBe(1500),
      invalid: {
        run: () => recordReadingAction({ ...input, algaeDensity: "-3", blackBloomArea: "1.5", day: "2026-13-01" }),
        fields: ["algaeDensity", "blackBloomArea", "day"],
      },
    };
  };
}

// ── what each action may do, and who ──

const CASES: ActionCase[] = [
  {
    name: "recordIncidentAction (in district A, its firm, its problem)",
    may: ["coordinator", "officerA"],
    setup: recording({ district: "districtA", firm: "A", link: ["A"] }),
  },
  {
    name: "recordIncidentAction (in district B)",
    may: ["coordinator"],
    scoped: { officerA: { field: "districtCode" } },
    setup: recording({ district: "districtB" }),
  },
  {
    name: "recordIncidentAction (in district A, linking district B's problem)",
    may: ["coordinator"],
    scoped: { officerA: { field: "problemIds" } },
    setup: recording({ district: "districtA", link: ["B"] }),
  },
  {
    name: "recordIncidentAction (in district A, naming district B's firm)",
    may: ["coordinator"],
    scoped: { officerA: { field: "enterpriseId" } },
    setup: recording({ district: "districtA", firm: "B" }),
  },
  {
    name: "updateIncidentAction (district A's incident)",
    may: ["coordinator", "officerA"],
    setup: editing({ district: "districtA", firm: "A", link: ["A", "C"] }),
  },
  {
    name: "updateIncidentAction (district B's incident)",
    may: ["coordinator"],
    scoped: { officerA: "notFound" },
    setup: editing({ district: "districtB" }),
  },
  {
    name: "updateIncidentAction (district A's incident moved to district B)",
    may: ["coordinator"],
    scoped: { officerA: { field: "districtCode" } },
    setup: editing({ district: "districtA", to: "districtB" }),
  },
  {
    name: "updateIncidentAction (district A's incident, linking district B's problem)",
    may: ["coordinator"],
    scoped: { officerA: { field: "problemIds" } },
    setup: editing({ district: "districtA", link: ["B"] }),
  },
  {
    name: "updateIncidentAction (district A's incident, naming district B's firm)",
    may: ["coordinator"],
    scoped: { officerA: { field: "enterpriseId" } },
    setup: editing({ district: "districtA", firm: "B" }),
  },
  {
    name: "updateIncidentAction (district A's incident that names district B's firm already: kept)",
    may: ["coordinator", "officerA"],
    setup: editing({ district: "districtA", named: "B", firm: "B" }),
  },
  {
    name: "recordReadingAction (district A's point)",
    may: ["coordinator", "officerA"],
    setup: reading(() => pointA),
  },
  {
    name: "recordReadingAction (district B's point)",
    may: ["coordinator"],
    scoped: { officerA: "notFound" },
    setup: reading(() => pointB),
  },
  {
    name: "recordReadingAction (a point of no district)",
    may: ["coordinator"],
    scoped: { officerA: "notFound" },
    setup: reading(() => pointNone),
  },
  {
    name: "createPointAction",
    may: ["admin", "coordinator"],
    setup: async () => {
      const code = `MXN-${uniqueSuffix()}`;
      const created = () => db.taihuPoint.findUnique({ where: { code } });
      return {
        run: () =>
          createPointAction({
            code,
            name: `矩阵新点位${code}`,
            kind: "DRINKING_SOURCE",
            location: "贡湖湾取水口",
            districtCode: world.districtA.code,
            algaeWarn: "1000",
            algaeAlert: "5000",
          }),
        state: () => db.taihuPoint.count({ where: { code } }),
        audit: async () => ({ entityType: "TaihuPoint", entityId: (await created())?.id, action: "create" }),
        after: async () => expect(await created()).toMatchObject({ districtId: world.districtA.id, kind: "DRINKING_SOURCE" }),
        invalid: {
          run: () => createPointAction({ code: "坏 编号", name: "", kind: "RIVER", algaeWarn: "5000" }),
          fields: ["code", "name", "kind"],
        },
      };
    },
  },
  {
    name: "updatePointAction",
    may: ["admin", "coordinator"],
    setup: async () => {
      const p = await db.taihuPoint.create({
        data: { code: `MXU-${uniqueSuffix()}`, name: "矩阵待改点位", kind: "LAKE_ZONE", districtId: world.districtB.id },
      });
      const state = () =>
        db.taihuPoint.findUniqueOrThrow({ where: { id: p.id }, select: { name: true, version: true, districtId: true } });
      const input = {
        version: 1,
        name: "矩阵点位（已改）",
        kind: "LAKE_ZONE",
        districtCode: world.districtA.code,
        algaeWarn: "800",
      };
      return {
        run: () => updatePointAction(p.id, input),
        state,
        audit: async () => ({ entityType: "TaihuPoint", entityId: p.id, action: "thresholds.change" }),
        after: async () => expect(await state()).toEqual({ name: input.name, version: 2, districtId: world.districtA.id }),
        invalid: {
          run: () => updatePointAction(p.id, { ...input, name: "", bloomWarn: "3", bloomAlert: "1" }),
          fields: ["name", "bloomAlert"],
        },
      };
    },
  },
  {
    name: "createParkAction",
    may: ["coordinator"],
    setup: async () => {
      const name = `矩阵新园区${uniqueSuffix()}`;
      const firm = await upsertEnterprise(db, {
        name: `矩阵园区企业${name}`,
        districtId: world.districtA.id,
        tags: ["CHEMICAL"],
      });
      const created = () => db.park.findUnique({ where: { name } });
      return {
        run: () => createParkAction({ name, kind: "CHEMICAL_PARK", districtId: world.districtA.id, enterpriseIds: [firm.id] }),
        state: async () => ({
          parks: await db.park.count({ where: { name } }),
          firmPark: (await db.enterprise.findUniqueOrThrow({ where: { id: firm.id } })).parkId,
        }),
        audit: async () => ({ entityType: "Park", entityId: (await created())?.id, action: "create" }),
        after: async () =>
          expect((await db.enterprise.findUniqueOrThrow({ where: { id: firm.id } })).parkId).toBe((await created())?.id),
        invalid: {
          run: () => createParkAction({ name: "", kind: "PARK", districtId: "甲区", enterpriseIds: [] }),
          fields: ["name", "kind", "districtId"],
        },
      };
    },
  },
  {
    name: "updateParkAction",
    may: ["coordinator"],
    setup: async () => {
      const p = await db.park.create({
        data: { name: `矩阵待改园区${uniqueSuffix()}`, kind: "CHEMICAL_PARK", districtId: world.districtA.id },
      });
      const state = () =>
        db.park.findUniqueOrThrow({ where: { id: p.id }, select: { name: true, kind: true, districtId: true } });
      const input = { name: `${p.name}（扩区）`, kind: "CONCENTRATION_ZONE", districtId: world.districtB.id, enterpriseIds: [] };
      return {
        run: () => updateParkAction(p.id, input),
        state: async () => ({ ...(await state()), audit: await db.auditLog.count({ where: { entityId: p.id } }) }),
        audit: async () => ({ entityType: "Park", entityId: p.id, action: "update" }),
        after: async () => expect(await state()).toEqual({ name: input.name, kind: input.kind, districtId: world.districtB.id }),
        invalid: {
          run: () => updateParkAction(p.id, { ...input, name: " ", enterpriseIds: ["x"] }),
          fields: ["name", "enterpriseIds.0"],
        },
      };
    },
  },
  {
    name: "editPreventionItemAction",
    may: ["coordinator"],
    setup: async () => {
      const item = await db.preventionItem.create({
        data: {
          parkId: park.id,
          level: "PARK",
          kind: "EMERGENCY_POOL",
          name: `矩阵应急池${uniqueSuffix()}`,
          targetQty: 500,
          startOn: calendarDay(-30),
          deadline: calendarDay(60),
        },
      });
      const state = () =>
        db.preventionItem.findUniqueOrThrow({
          where: { id: item.id },
          select: { level: true, name: true, targetQty: true, doneQty: true, version: true },
        });
      const input = {
        level: "WATER_BODY",
        kind: "EMERGENCY_POOL",
        name: `${item.name}（扩容）`,
        targetQty: "800",
        doneQty: "200",
        deadline: day(90),
        version: 1,
      };
      return {
        run: () => editPreventionItemAction(park.id, item.id, input),
        state,
        audit: async () => ({ entityType: "PreventionItem", entityId: item.id, action: "update" }),
        after: async () =>
          expect(await state()).toEqual({ level: "WATER_BODY", name: input.name, targetQty: 800, doneQty: 200, version: 2 }),
        invalid: {
          run: () => editPreventionItemAction(park.id, item.id, { ...input, level: "CITY", targetQty: "0", deadline: "" }),
          fields: ["level", "targetQty", "deadline"],
        },
      };
    },
  },
  {
    name: "createSweepAction",
    may: ["coordinator"],
    setup: async () => {
      const title = `矩阵排查${uniqueSuffix()}`;
      const created = () => db.sweep.findFirst({ where: { title } });
      return {
        run: () =>
          createSweepAction({
            title,
            startsOn: day(0),
            endsOn: day(30),
            templateId: template.id,
            targetTags: [],
            parkIds: [park.id],
          }),
        state: () => db.sweep.count({ where: { title } }),
        audit: async () => ({ entityType: "Sweep", entityId: (await created())?.id, action: "create" }),
        after: async () => {
          const s = await created();
          const targets = await db.sweepTarget.findMany({ where: { sweepId: s?.id } });
          expect(targets.map((t) => [t.parkId, t.districtId])).toEqual([[park.id, world.districtA.id]]);
        },
        invalid: {
          run: () => createSweepAction({ title: "", startsOn: day(5), endsOn: day(1), targetTags: [], parkIds: [] }),
          fields: ["title", "endsOn", "targetTags", "templateId"],
        },
      };
    },
  },
  {
    name: "updateSweepAction",
    may: ["coordinator"],
    setup: async () => {
      const s = await createSweep(world.coordinator.actor, {
        title: `矩阵待改排查${uniqueSuffix()}`,
        startsOn: day(0),
        endsOn: day(30),
        templateId: template.id,
        parkIds: [park.id],
      });
      const state = async () => ({
        ...(await db.sweep.findUniqueOrThrow({ where: { id: s.id }, select: { title: true, endsOn: true } })),
        audit: await db.auditLog.count({ where: { entityId: s.id } }),
      });
      const input = {
        title: `${s.title}（延期）`,
        startsOn: day(0),
        endsOn: day(45),
        templateId: template.id,
        parkIds: [park.id],
      };
      return {
        run: () => updateSweepAction(s.id, input),
        state,
        audit: async () => ({ entityType: "Sweep", entityId: s.id, action: "update" }),
        after: async () => expect((await state()).title).toBe(input.title),
        invalid: { run: () => updateSweepAction(s.id, { ...input, title: "", parkIds: ["甲"] }), fields: ["title", "parkIds.0"] },
      };
    },
  },
];

describe("bottom-line server actions: role × action", () => {
  for (const c of CASES) {
    for (const who of WHO) {
      const allowed = c.may.includes(who);
      const how = allowed ? "done, audited" : `refused (${JSON.stringify(c.scoped?.[who] ?? "forbidden")}), nothing written`;
      it(`${c.name} as ${who} → ${how}`, () => checkCell(world, as, c, who));
    }
  }

  it("without a session every bottom-line action refuses and writes nothing", async () => {
    for (const c of CASES) await checkSignedOut(c);
  });

  it.each(CASES.map((c) => [c.name, c] as const))("%s with bad input → the field errors, nothing written", async (_, c) => {
    await checkInvalid(as, c);
  });
});

describe("the incident form's problem search: only problems the person may see", () => {
  /** Who may search (incident.record), and which of the three problems each finds (scope rules, pinned). */
  const FINDS: Partial<Record<Who, (keyof typeof problems)[]>> = {
    coordinator: ["A", "B", "C"],
    officerA: ["A", "C"],
  };
  for (const who of WHO) {
    const finds = FINDS[who];
    it(`findProblemsAction as ${who} → ${finds ? `finds ${finds.join(", ")}` : "refused"}`, async () => {
      const result = await as(who, () => findProblemsAction(`矩阵检索${world.tag}`));
      if (!finds) {
        expect(result).toMatchObject({ ok: false, message: "forbidden" });
        return;
      }
      expect(result.ok, JSON.stringify(result)).toBe(true);
      const ids = result.ok ? (result.data ?? []).map((p) => p.id) : [];
      expect(ids.sort()).toEqual(finds.map((l) => problems[l]).sort());
    });
  }

  it("without a session the search refuses", async () => {
    expect(await withCookie("", () => findProblemsAction(`矩阵检索${world.tag}`))).toMatchObject({
      ok: false,
      message: "signedOut",
    });
  });
});

describe("the sweep form's count of tagged firms: the coordinator's, counting operating and stopped firms", () => {
  const TAGS: EnterpriseTag[] = ["NEAR_SECTION", "VOCS_KEY"];
  /** The rule as README states it, in SQL of its own: firms of the register with any of the tags, operating or stopped. */
  const expected = async () =>
    Number(
      (
        await db.$queryRaw<{ n: bigint }[]>`
          SELECT count(*) AS n FROM "Enterprise"
          WHERE tags && ARRAY['NEAR_SECTION', 'VOCS_KEY']::"EnterpriseTag"[] AND status IN ('OPERATING', 'STOPPED')`
      )[0]?.n ?? 0,
    );

  beforeAll(async () => {
    const firm = (name: string, status: "OPERATING" | "STOPPED" | "CLOSED", tags: EnterpriseTag[]) =>
      upsertEnterprise(db, {
        name: `${name}${world.tag}`,
        districtId: world.districtB.id,
        tags,
        status,
        closedOn: status === "CLOSED" ? calendarDay(-400) : null,
      });
    await firm("矩阵临断面企业", "OPERATING", ["NEAR_SECTION"]);
    await firm("矩阵停产VOCs企业", "STOPPED", ["VOCS_KEY", "CHEMICAL"]);
    await firm("矩阵已关闭企业", "CLOSED", ["NEAR_SECTION"]);
  });

  for (const who of WHO) {
    const may = who === "coordinator";
    it(`countTaggedTargetsAction as ${who} → ${may ? "the count" : "refused"}`, async () => {
      const result = await as(who, () => countTaggedTargetsAction(TAGS));
      if (may) expect(result).toEqual({ ok: true, data: await expected() });
      else expect(result).toMatchObject({ ok: false, message: "forbidden" });
    });
  }

  it("a firm added with a tag counts once; a closed one never; no tags count none; an unknown tag is a field error", async () => {
    const before = await as("coordinator", () => countTaggedTargetsAction(TAGS));
    await upsertEnterprise(db, {
      name: `矩阵新增企业${world.tag}`,
      districtId: world.districtA.id,
      tags: ["VOCS_KEY", "NEAR_SECTION"],
    });
    await upsertEnterprise(db, {
      name: `矩阵新关闭企业${world.tag}`,
      districtId: world.districtA.id,
      tags: ["VOCS_KEY"],
      status: "CLOSED",
      closedOn: calendarDay(-30),
    });
    const after = await as("coordinator", () => countTaggedTargetsAction(TAGS));
    expect(before.ok && after.ok && (after.data as number) - (before.data as number)).toBe(1);
    expect(await as("coordinator", () => countTaggedTargetsAction([]))).toEqual({ ok: true, data: 0 });
    const bad = await as("coordinator", () => countTaggedTargetsAction(["RIVER" as EnterpriseTag]));
    expect(bad.ok).toBe(false);
    expect(bad.ok ? [] : Object.keys(bad.fields)).toEqual(["targetTags.0"]);
  });

  it("without a session the count refuses", async () => {
    expect(await withCookie("", () => countTaggedTargetsAction(TAGS))).toMatchObject({ ok: false, message: "signedOut" });
  });
});
