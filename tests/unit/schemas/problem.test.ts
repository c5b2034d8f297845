import { describe, expect, it } from "vitest";
import { Invalid } from "@/lib/errors";
import { PAGE_SIZE_MAX } from "@/lib/schemas/common";
import { parseInput } from "@/lib/schemas/parse";
import { problemCreateSchema, problemListQuerySchema, problemUpdateSchema } from "@/lib/schemas/problem";

const UNIT = "3f1c2a9e-7b4d-4c1a-9e2f-5d6b7a8c9d0e";
const UNIT2 = "4a2d3b0f-8c5e-4d2b-8f30-6e7c8b9d0e1f";
const LEADER = "5b3e4c1a-9d6f-4e3c-a041-7f8d9c0e1f2a";

const good = {
  code: "WX-2026-0042",
  title: "  梁溪河某排口雨天溢流  ",
  description: "中央第三轮督察交办：梁溪河某排口雨天溢流，影响水质。",
  source: "CENTRAL_INSPECTION",
  round: "第三轮",
  category: "WATER",
  districtCode: "320213",
  locationText: "梁溪区某路",
  lat: 31.567,
  lng: 120.289,
  leadOfficialId: LEADER,
  leadUnitId: UNIT,
  coUnitIds: [UNIT2],
  acceptanceUnitId: UNIT2,
  responsiblePerson: "张三",
  responsiblePhone: "0510-8123 4567",
  target: "消除溢流",
  deadlineBand: "SHORT",
  deadline: "2026-12-31",
};

/** The field paths a failed parse reports. */
function failedFields(schema: Parameters<typeof parseInput>[0], input: unknown): Record<string, string[]> {
  try {
    parseInput(schema, input, "en");
  } catch (e) {
    expect(e).toBeInstanceOf(Invalid);
    return (e as Invalid).fields ?? {};
  }
  throw new Error("expected the input to be rejected");
}

describe("problemCreateSchema", () => {
  it("accepts a complete ledger row, trimming text", () => {
    const v = problemCreateSchema.parse(good);
    expect(v.title).toBe("梁溪河某排口雨天溢流");
    expect(v.lat).toBe(31.567);
    expect(v.coUnitIds).toEqual([UNIT2]);
  });

  it("accepts the minimum, with co-units defaulting to none and empty form fields as absent", () => {
    const v = problemCreateSchema.parse({
      title: "t",
      description: "d",
      source: "PETITION",
      category: "AIR",
      districtCode: "320205",
      leadUnitId: UNIT,
      deadlineBand: "ONGOING",
      round: "",
      responsiblePhone: " ",
      leadOfficialId: "",
      lat: "",
      lng: "",
    });
    expect(v.coUnitIds).toEqual([]);
    expect(v.round).toBeUndefined();
    expect(v.responsiblePhone).toBeUndefined();
    expect(v.leadOfficialId).toBeNull();
    expect(v.lat).toBeNull();
    expect(v.lng).toBeNull();
  });

  it("reads coordinates typed into a form as numbers", () => {
    const v = problemCreateSchema.parse({ ...good, lat: "31.5", lng: "120.25" });
    expect([v.lat, v.lng]).toEqual([31.5, 120.25]);
  });

  it.each(["status", "id", "version", "progress", "createdById", "relapse", "closedAt"])(
    "rejects the server-owned field %s by name (no mass assignment)",
    (key) => {
      expect(failedFields(problemCreateSchema, { ...good, [key]: "x" })).toEqual({ [key]: ["Unknown field"] });
    },
  );

  it.each<[string, Record<string, unknown>, string]>([
    ["missing title", { title: undefined }, "title"],
    ["blank title", { title: "   " }, "title"],
    ["201-char title", { title: "问".repeat(201) }, "title"],
    ["numeric title", { title: 42 }, "title"],
    ["5001-char description", { description: "x".repeat(5001) }, "description"],
    ["NUL character in the title", { title: "排口\u0000" }, "title"],
    ["unpaired surrogate in the description", { description: "水\ud800质" }, "description"],
    ["NUL character in the target", { target: "\u0000" }, "target"],
    ["unknown source", { source: "RUMOUR" }, "source"],
    ["lower-case category", { category: "water" }, "category"],
    ["5-digit district", { districtCode: "32021" }, "districtCode"],
    ["numeric district", { districtCode: 320213 }, "districtCode"],
    ["latitude 91", { lat: 91 }, "lat"],
    ["longitude -181", { lng: -181 }, "lng"],
    ["non-numeric latitude", { lat: "north" }, "lat"],
    ["latitude without longitude", { lng: undefined }, "lng"],
    ["longitude without latitude", { lat: undefined }, "lat"],
    ["lead unit not a uuid", { leadUnitId: "division-1" }, "leadUnitId"],
    ["lead official not a uuid", { leadOfficialId: "1" }, "leadOfficialId"],
    ["co-units not a list", { coUnitIds: UNIT2 }, "coUnitIds"],
    ["co-unit not a uuid", { coUnitIds: ["x"] }, "coUnitIds.0"],
    ["repeated co-unit", { coUnitIds: [UNIT2, UNIT2] }, "coUnitIds"],
    ["21 co-units", { coUnitIds: Array.from({ length: 21 }, () => UNIT2) }, "coUnitIds"],
    ["phone with letters", { responsiblePhone: "call me" }, "responsiblePhone"],
    ["code with markup", { code: "<b>1</b>" }, "code"],
    ["41-char code", { code: "A".repeat(41) }, "code"],
    ["unknown band", { deadlineBand: "SOON" }, "deadlineBand"],
    ["30 February", { deadline: "2026-02-30" }, "deadline"],
    ["date with time", { deadline: "2026-12-31T00:00:00Z" }, "deadline"],
    ["numeric date", { deadline: 20261231 }, "deadline"],
    ["bounded band without deadline", { deadline: undefined }, "deadline"],
    ["ONGOING with a deadline", { deadlineBand: "ONGOING" }, "deadline"],
  ])("rejects %s at its field", (_name, patch, path) => {
    const fields = failedFields(problemCreateSchema, { ...good, ...patch });
    expect(Object.keys(fields)).toEqual([path]);
    expect(fields[path]?.[0]).toMatch(/\S/);
  });

  it.each([null, [], 42, "title", true])("rejects a non-object body (%j) at the root", (body) => {
    expect(Object.keys(failedFields(problemCreateSchema, body))).toEqual(["_"]);
  });
});

describe("problemUpdateSchema", () => {
  it("takes any subset of the fields plus the version seen, coercing a form's version text", () => {
    expect(problemUpdateSchema.parse({ target: "新目标", version: "3" })).toEqual({ target: "新目标", version: 3 });
  });

  it("requires the version", () => {
    expect(Object.keys(failedFields(problemUpdateSchema, { target: "x" }))).toEqual(["version"]);
  });

  it("clears a location when both coordinates are sent as null", () => {
    expect(problemUpdateSchema.parse({ lat: null, lng: null, version: 2 })).toEqual({ lat: null, lng: null, version: 2 });
  });

  it.each([
    [{ lat: 31.5, lng: null }, "lng"],
    [{ lat: null, lng: 120.3 }, "lat"],
    [{ lat: null }, "lat"],
  ])("refuses half a location %j", (coords, field) => {
    expect(Object.keys(failedFields(problemUpdateSchema, { ...coords, version: 2 }))).toEqual([field]);
  });

  it.each([0, -1, 1.5, "abc"])("rejects version %j", (version) => {
    expect(Object.keys(failedFields(problemUpdateSchema, { target: "x", version }))).toEqual(["version"]);
  });

  it.each(["status", "id", "progress", "createdById"])("rejects %s", (key) => {
    expect(failedFields(problemUpdateSchema, { version: 1, [key]: "x" })).toEqual({ [key]: ["Unknown field"] });
  });

  it("still insists that latitude and longitude come together", () => {
    expect(Object.keys(failedFields(problemUpdateSchema, { version: 1, lat: 31 }))).toEqual(["lng"]);
  });

  it("validates each field it is given", () => {
    expect(Object.keys(failedFields(problemUpdateSchema, { version: 1, deadline: "2026-02-30" }))).toEqual(["deadline"]);
    expect(Object.keys(failedFields(problemUpdateSchema, { version: 1, title: "" }))).toEqual(["title"]);
  });
});

describe("problemListQuerySchema", () => {
  it("applies defaults to an empty query", () => {
    expect(problemListQuerySchema.parse({})).toEqual({ sort: "urgency", page: 1, pageSize: 20 });
  });

  it("coerces query-string text to numbers and booleans and drops empty filters", () => {
    const q = problemListQuerySchema.parse({
      page: "3",
      pageSize: "50",
      overdue: "false",
      status: "",
      districtCode: "",
      q: "  黑臭水体 ",
      sort: "-progress",
    });
    expect(q).toEqual({ page: 3, pageSize: 50, overdue: false, q: "黑臭水体", sort: "-progress" });
    expect(problemListQuerySchema.parse({ overdue: "true" }).overdue).toBe(true);
  });

  it(`caps pageSize at ${PAGE_SIZE_MAX}`, () => {
    expect(problemListQuerySchema.parse({ pageSize: String(PAGE_SIZE_MAX) }).pageSize).toBe(PAGE_SIZE_MAX);
    expect(Object.keys(failedFields(problemListQuerySchema, { pageSize: "101" }))).toEqual(["pageSize"]);
    expect(Object.keys(failedFields(problemListQuerySchema, { pageSize: "1000" }))).toEqual(["pageSize"]);
  });

  it.each<[Record<string, string>, string]>([
    [{ page: "0" }, "page"],
    [{ page: "-1" }, "page"],
    [{ page: "two" }, "page"],
    [{ pageSize: "0" }, "pageSize"],
    [{ pageSize: "2.5" }, "pageSize"],
    [{ sort: "nonsense" }, "sort"],
    [{ sort: "title; DROP TABLE" }, "sort"],
    [{ overdue: "yes" }, "overdue"],
    [{ status: "DONE" }, "status"],
    [{ districtCode: "abc" }, "districtCode"],
    [{ leadUnitId: "nope" }, "leadUnitId"],
    [{ q: "字".repeat(101) }, "q"],
    [{ q: "a\u0000" }, "q"],
    [{ colour: "PURPLE" }, "colour.0"],
    [{ colour: "RED,BLACK" }, "colour.1"],
  ])("rejects %j at %s", (query, path) => {
    expect(Object.keys(failedFields(problemListQuerySchema, query))).toEqual([path]);
  });
});

describe("the colour filter", () => {
  it("takes one grade or several, comma-separated, in any case, without repeats", () => {
    expect(problemListQuerySchema.parse({ colour: "RED" }).colour).toEqual(["RED"]);
    expect(problemListQuerySchema.parse({ colour: "red, YELLOW,RED" }).colour).toEqual(["RED", "YELLOW"]);
    expect(problemListQuerySchema.parse({ colour: "" }).colour).toBeUndefined();
  });
});

describe("empty and cleared fields", () => {
  it.each(["source", "category", "deadlineBand", "districtCode", "leadUnitId"])(
    "an empty %s on a new problem is reported as required",
    (field) => {
      const fields = failedFields(problemCreateSchema, { ...good, [field]: "" });
      expect(fields[field]).toEqual(["Required"]);
    },
  );

  it("a wrong choice is reported as such, not as required", () => {
    expect(failedFields(problemCreateSchema, { ...good, source: "RUMOUR" }).source).toEqual(["Choose one of the options"]);
  });

  it("a coordinate that is not a number says so", () => {
    expect(failedFields(problemCreateSchema, { ...good, lat: "north" }).lat).toEqual(["Enter a number"]);
  });

  it('an edit empties optional text with "" (stored as null) and leaves unsent fields alone', () => {
    const v = problemUpdateSchema.parse({
      round: "",
      locationText: " ",
      responsiblePerson: "",
      responsiblePhone: "",
      target: "",
      version: 4,
    });
    expect(v).toEqual({
      round: null,
      locationText: null,
      responsiblePerson: null,
      responsiblePhone: null,
      target: null,
      version: 4,
    });
  });

  it("a new problem reads the same empty text as absent", () => {
    const v = problemCreateSchema.parse({ ...good, round: "", target: "" });
    expect(v.round).toBeUndefined();
    expect(v.target).toBeUndefined();
  });

  it("an edit still refuses an empty title", () => {
    expect(Object.keys(failedFields(problemUpdateSchema, { title: " ", version: 2 }))).toEqual(["title"]);
  });
});
