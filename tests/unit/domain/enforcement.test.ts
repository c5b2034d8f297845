import { describe, expect, it } from "vitest";
import {
  CASE_STATUSES,
  campaignPaceColour,
  canMoveCase,
  caseDateInOrder,
  formatCaseNumber,
  type InspectorFacts,
  inspectionRuleBreaches,
  isCityLevelUnit,
} from "@/lib/domain/enforcement";

const A = "district-a";
const B = "district-b";
const officer = (id: string, district: string | null, over: Partial<InspectorFacts> = {}): InspectorFacts => ({
  id,
  name: `执法员${id}`,
  isEnforcementOfficer: true,
  unitDistrictId: district,
  districtId: district,
  ...over,
});
const agencyB = { kind: "AGENCY", districtId: B };
const detachment = { kind: "AFFILIATED", districtId: null };
const rules = (input: Partial<Parameters<typeof inspectionRuleBreaches>[0]>) =>
  inspectionRuleBreaches({
    mode: "ALL_STAFF",
    enterpriseDistrictId: A,
    inspectors: [officer("1", A), officer("2", A)],
    leadUnit: { kind: "AGENCY", districtId: A },
    clueId: null,
    ...input,
  }).map((b) => b.rule);

describe("inspection mode rules", () => {
  it("on site: two enforcement officers pass, one is refused, a non-officer does not count", () => {
    expect(rules({})).toEqual([]);
    expect(rules({ inspectors: [officer("1", A)] })).toEqual(["ON_SITE_TWO_OFFICERS"]);
    expect(rules({ inspectors: [officer("1", A), officer("2", A, { isEnforcementOfficer: false })] })).toEqual([
      "ON_SITE_TWO_OFFICERS",
    ]);
    expect(rules({ inspectors: [] })).toEqual(["ON_SITE_TWO_OFFICERS"]);
    expect(rules({ mode: "ESCALATED", inspectors: [officer("1", null)], leadUnit: detachment })).toEqual([
      "ON_SITE_TWO_OFFICERS",
    ]);
  });

  it("cross: inspectors of other districts pass; one of the enterprise's district (by unit or by person) is refused and named", () => {
    expect(rules({ mode: "CROSS", inspectors: [officer("1", B), officer("2", B)], leadUnit: agencyB })).toEqual([]);
    const breaches = inspectionRuleBreaches({
      mode: "CROSS",
      enterpriseDistrictId: A,
      inspectors: [officer("1", B), officer("2", A)],
      leadUnit: agencyB,
      clueId: null,
    });
    expect(breaches.map((b) => b.rule)).toEqual(["CROSS_NO_LOCAL_INSPECTOR"]);
    expect(breaches[0]?.message).toContain("执法员2");
    expect(breaches[0]?.field).toBe("inspectorIds");
    expect(
      rules({ mode: "CROSS", inspectors: [officer("1", B), officer("2", B, { districtId: A })], leadUnit: agencyB }),
    ).toEqual(["CROSS_NO_LOCAL_INSPECTOR"]);
    expect(rules({ mode: "CROSS", inspectors: [officer("1", B), officer("2", null)], leadUnit: agencyB })).toEqual([]);
    // The rule is only for CROSS: local inspectors are the norm elsewhere.
    expect(rules({ mode: "ALL_STAFF" })).toEqual([]);
  });

  it("escalated: led by a city-level unit; a district agency or a district government is refused", () => {
    expect(rules({ mode: "ESCALATED", leadUnit: detachment })).toEqual([]);
    expect(rules({ mode: "ESCALATED", leadUnit: { kind: "DIVISION", districtId: null } })).toEqual([]);
    expect(rules({ mode: "ESCALATED", leadUnit: { kind: "AGENCY", districtId: A } })).toEqual(["ESCALATED_CITY_LEVEL"]);
    expect(isCityLevelUnit({ kind: "DISTRICT_GOVERNMENT", districtId: null })).toBe(false);
    expect(rules({ mode: "ALL_STAFF", leadUnit: detachment })).toEqual([]);
  });

  it("off site: cites a clue; needs no second officer", () => {
    expect(rules({ mode: "OFF_SITE", inspectors: [officer("1", A)], clueId: "c" })).toEqual([]);
    expect(rules({ mode: "OFF_SITE", inspectors: [officer("1", A)], clueId: null })).toEqual(["OFF_SITE_CLUE"]);
    expect(rules({ mode: "OFF_SITE", clueId: "" })).toEqual(["OFF_SITE_CLUE"]);
    expect(rules({ mode: "ALL_STAFF", clueId: null })).toEqual([]);
  });

  it("several breaches are all reported", () => {
    expect(rules({ mode: "CROSS", inspectors: [officer("1", A)], leadUnit: agencyB })).toEqual([
      "ON_SITE_TWO_OFFICERS",
      "CROSS_NO_LOCAL_INSPECTOR",
    ]);
  });
});

describe("case states", () => {
  it("moves only one step forward, never back, never past CLOSED", () => {
    for (const [i, from] of CASE_STATUSES.entries()) {
      for (const [j, to] of CASE_STATUSES.entries()) expect(canMoveCase(from, to)).toBe(j === i + 1);
    }
  });
  it("a step's date is not before the previous one", () => {
    expect(caseDateInOrder("2026-03-01", "2026-03-01")).toBe(true);
    expect(caseDateInOrder("2026-03-01", "2026-02-28")).toBe(false);
    expect(caseDateInOrder("2026-03-01", "2026-12-01")).toBe(true);
  });
});

describe("case number", () => {
  it("formats 锡环罚〔2026〕12号 and refuses a sequence below 1", () => {
    expect(formatCaseNumber("锡环罚", 2026, 12)).toBe("锡环罚〔2026〕12号");
    expect(formatCaseNumber("锡环罚", 2027, 1)).toBe("锡环罚〔2027〕1号");
    expect(() => formatCaseNumber("锡环罚", 2026, 0)).toThrow();
    expect(() => formatCaseNumber("锡环罚", 2026, 1.5)).toThrow();
  });
});

describe("campaign pace", () => {
  const period = { startsOn: new Date("2026-05-01T00:00:00Z"), endsOn: new Date("2026-09-30T00:00:00Z") };
  const day = (s: string) => new Date(`${s}T00:00:00Z`);
  it("BLUE when met, RED after the period, YELLOW behind pace beyond the margin, GREEN otherwise", () => {
    expect(campaignPaceColour(10, 10, period, day("2026-06-01"), 10).colour).toBe("BLUE");
    expect(campaignPaceColour(9, 10, period, day("2026-10-01"), 10).colour).toBe("RED");
    // Halfway through the period (~50 % planned): 30 % is behind by more than 10 points.
    expect(campaignPaceColour(3, 10, period, day("2026-07-16"), 10).colour).toBe("YELLOW");
    expect(campaignPaceColour(5, 10, period, day("2026-07-16"), 10).colour).toBe("GREEN");
    expect(campaignPaceColour(0, 10, period, day("2026-05-01"), 10)).toMatchObject({ colour: "GREEN", plannedPercent: 0 });
    expect(campaignPaceColour(0, 0, period, day("2026-10-01"), 10).colour).toBe("BLUE");
  });
});
