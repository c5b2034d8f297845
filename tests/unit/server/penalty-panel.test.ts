import { describe, expect, it } from "vitest";
import { markProjectedCaps } from "@/lib/server/penalties/get-penalty-panel";
import type { PenaltyProposalDto } from "@/lib/server/penalties/list-penalties";

let n = 0;
function row(over: Partial<PenaltyProposalDto> & { charged?: number }): PenaltyProposalDto {
  const { charged, ...rest } = over;
  n++;
  const status = rest.status ?? "PROPOSED";
  return {
    id: `p${n}`,
    districtCode: "320206",
    districtName: "惠山区",
    trigger: "PROBLEM",
    episodeKey: `PROBLEM:${n}:OVERDUE`,
    year: 2026,
    month: 11,
    amount: 5_000_000,
    figures: {},
    status,
    displayStatus: status,
    statusReason: null,
    version: 1,
    decidedByName: null,
    decidedAt: null,
    rulesEffectiveFrom: "2021-09",
    problem: null,
    decision:
      charged === undefined
        ? null
        : {
            id: `d${n}`,
            number: `锡环惩〔2026〕${n}号`,
            proposedAmount: rest.amount ?? 5_000_000,
            amount: charged,
            capped: charged < (rest.amount ?? 5_000_000),
            excess: (rest.amount ?? 5_000_000) - charged,
            decidedOn: "2026-12-01",
            paymentStatus: "UNPAID",
            paidOn: null,
            version: 1,
            suspensions: [],
          },
    ...rest,
  };
}

const cap = () => 10_000_000;

describe("the panel's projected cap", () => {
  it("marks the proposals the cap of their collection would cut, after the decisions already made", () => {
    const rows = [
      row({ status: "CONFIRMED", charged: 5_000_000 }),
      row({ amount: 3_000_000 }),
      row({ amount: 3_000_000 }),
      row({ amount: 3_000_000, month: 10 }),
      row({ amount: 3_000_000, districtCode: "320211" }),
      row({ amount: 3_000_000, status: "WAIVED" }),
    ];
    expect(markProjectedCaps(rows, cap).map((r) => r.wouldBeCapped)).toEqual([false, false, true, false, false, false]);
  });

  it("exactly at the cap is not capped; the cap is that of the collection's month", () => {
    const rows = [row({ amount: 5_000_000 }), row({ amount: 5_000_000 })];
    expect(markProjectedCaps(rows, cap).map((r) => r.wouldBeCapped)).toEqual([false, false]);
    expect(
      markProjectedCaps(rows, (y, m) => (y === 2026 && m === 11 ? 9_000_000 : 10_000_000)).map((r) => r.wouldBeCapped),
    ).toEqual([false, true]);
  });
});
