import { describe, expect, it } from "vitest";
import { Forbidden, Invalid } from "@/lib/errors";
import { allowedText, kindsText, refusalError } from "@/lib/server/workflow/refusal";
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

  it.each(["illegalState", "measuresOpen", "noMeasures", "noLeadOfficial", "ongoingNeverCloses", "planDecisionOnly"] as const)(
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

  it("a checklist refusal names the lacking kinds; a closure step names its route", () => {
    const kinds = kindsText(["BEFORE_PHOTO", "MONITORING_REPORT"], "en");
    expect(kinds).toBe("BEFORE_PHOTO (Before photo), MONITORING_REPORT (Monitoring report)");
    const e = refusalError("checklistIncomplete", [], "en", undefined, { kinds });
    expect(e.status).toBe(422);
    expect(e.fields?.action?.[0]).toBe(
      "Closure materials are missing or were returned: BEFORE_PHOTO (Before photo), MONITORING_REPORT (Monitoring report)",
    );
    const zh = refusalError("evidenceNotAccepted", [], "zh-CN", undefined, { kinds: kindsText(["AFTER_PHOTO"], "zh-CN") });
    expect(zh.fields?.action?.[0]).toContain("AFTER_PHOTO (");
    expect(zh.fields?.action?.[0]).not.toContain("{kinds}");
    const route = refusalError("closureStep", ["ASSIGN"], "en", undefined, { route: "POST /api/v1/problems/{id}/sign-off" });
    expect(route.fields?.action).toEqual([
      "This step has its own form and record: POST /api/v1/problems/{id}/sign-off",
      "Allowed now: ASSIGN (Assign)",
    ]);
  });
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
      ...["ongoingNeverCloses", "noPendingPlan", "commentRequired", "closureStep", "planDecisionOnly", "planPending"],
      ...["planNotInState", "planDecided", "checklistIncomplete", "evidenceNotAccepted"],
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
      "rankingBottomN",
      "penaltyOverdueDays",
    ].map((s) => `workflow.settings.${s}`);
    for (const locale of ["en", "zh-CN"] as const) {
      for (const key of [...keys, ...actions, ...reasons, ...settings]) expect(messageText(locale, key), key).not.toBe(key);
    }
  });
});
