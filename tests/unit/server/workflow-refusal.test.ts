import { describe, expect, it } from "vitest";
import { Forbidden, Invalid } from "@/lib/errors";
import { allowedText, refusalError } from "@/lib/server/workflow/refusal";
import { messageText } from "@/lib/server/workflow/workflow-text";

describe("refusalError", () => {
  it.each(["forbidden", "notLeadOfficial", "notLeadDivision"] as const)("%s is a 403 with the reason", (reason) => {
    const e = refusalError(reason, ["ASSIGN"], "en");
    expect(e).toBeInstanceOf(Forbidden);
    expect(e.status).toBe(403);
    expect(e.message).toBe(messageText("en", `workflow.refusal.${reason}`));
  });

  it("a missing reason is a 422 on the comment field (or the field the caller names)", () => {
    const e = refusalError("commentRequired", [], "zh-CN");
    expect(e).toBeInstanceOf(Invalid);
    expect(e.fields).toEqual({ comment: ["退回或重新整改须填写理由"] });
    expect(refusalError("commentRequired", [], "en", { action: "decision", comment: "reason" }).fields).toEqual({
      reason: ["Give a reason when sending work back or reopening it"],
    });
  });

  it.each(["illegalState", "measuresOpen", "noMeasures", "noLeadOfficial", "ongoingNeverCloses", "notAvailable"] as const)(
    "%s is a 422 on the action naming the allowed ones",
    (reason) => {
      const e = refusalError(reason, ["ASSIGN", "APPLY_ACCEPTANCE"], "en");
      expect(e.status).toBe(422);
      expect(e.fields?.action).toEqual([
        messageText("en", `workflow.refusal.${reason}`),
        "Allowed now: ASSIGN (Assign), APPLY_ACCEPTANCE (Apply for acceptance)",
      ]);
    },
  );
});

describe("workflow texts", () => {
  it("say when nothing is allowed, in both languages", () => {
    expect(allowedText([], "en")).toBe("No action is allowed now");
    expect(allowedText([], "zh-CN")).toBe("当前没有可执行的操作");
    expect(allowedText(["ASSIGN"], "zh-CN")).toBe("可执行的操作：ASSIGN (交办)");
  });

  it("fill placeholders and leave unknown ones", () => {
    expect(messageText("en", "workflow.notice.assigned.title", { code: "WX-2026-0001" })).toBe("Problem assigned: WX-2026-0001");
    expect(messageText("en", "workflow.notice.assigned.title")).toBe("Problem assigned: {code}");
  });

  it("every refusal reason, action, colour reason and setting has a text in both languages", () => {
    const keys = [
      ...["illegalState", "forbidden", "notLeadOfficial", "notLeadDivision", "noLeadOfficial", "noMeasures", "measuresOpen"],
      ...["ongoingNeverCloses", "noPendingPlan", "commentRequired", "notAvailable", "planDecisionOnly", "planPending"],
      ...["planNotInState", "planDecided"],
    ].map((k) => `workflow.refusal.${k}`);
    const actions = ["ASSIGN", "APPROVE_PLAN", "RETURN_PLAN", "APPLY_ACCEPTANCE", "FAIL_ACCEPTANCE", "PASS_ACCEPTANCE"]
      .concat(["UPHOLD_OBJECTION", "END_NOTICE", "SIGN_OFF", "RETURN_SIGNOFF", "LOOKBACK_REOPEN"])
      .map((a) => `workflow.actions.${a}`);
    const reasons = ["closed", "overdue", "returnedTwice", "behindPace", "dueSoon"].map((r) => `workflow.colourReason.${r}`);
    const settings = [
      "reportCycleDays",
      "paceMarginPct",
      "dueSoonDays",
      "reminderDaysBefore",
      "redOverdueDays",
      "lateReportGraceDays",
      "evidenceMaxBytes",
      "evidenceMaxPixels",
      "noticeDays",
      "objectionsPerHour",
    ].map((s) => `workflow.settings.${s}`);
    for (const locale of ["en", "zh-CN"] as const) {
      for (const key of [...keys, ...actions, ...reasons, ...settings]) expect(messageText(locale, key), key).not.toBe(key);
    }
  });
});
