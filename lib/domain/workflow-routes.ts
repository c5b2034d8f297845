import { PLAN_ACTIONS, WORKFLOW_ACTIONS, type WorkflowAction } from "./workflow";

/**
 * Where each workflow step is taken in the API. Bare transitions go through the problem's
 * transitions route; each closure step through its own record's route; an objection is decided
 * on the objection (`{objectionId}` is left for the client to fill from the closure record).
 */
export const ACTION_ROUTES: Record<Exclude<WorkflowAction, (typeof PLAN_ACTIONS)[number]>, { method: "POST"; path: string }> = {
  ASSIGN: { method: "POST", path: "/api/v1/problems/{id}/transitions" },
  APPLY_ACCEPTANCE: { method: "POST", path: "/api/v1/problems/{id}/transitions" },
  FAIL_ACCEPTANCE: { method: "POST", path: "/api/v1/problems/{id}/acceptance" },
  PASS_ACCEPTANCE: { method: "POST", path: "/api/v1/problems/{id}/acceptance" },
  UPHOLD_OBJECTION: { method: "POST", path: "/api/v1/objections/{objectionId}/decision" },
  END_NOTICE: { method: "POST", path: "/api/v1/problems/{id}/notice/end" },
  SIGN_OFF: { method: "POST", path: "/api/v1/problems/{id}/sign-off" },
  RETURN_SIGNOFF: { method: "POST", path: "/api/v1/problems/{id}/sign-off" },
  LOOKBACK_REOPEN: { method: "POST", path: "/api/v1/problems/{id}/lookback" },
};

/** The steps outside plan decisions (those are taken on the plan: POST /api/v1/plans/{planId}/decision). */
export const ROUTED_ACTIONS = WORKFLOW_ACTIONS.filter(
  (a): a is keyof typeof ACTION_ROUTES => !(PLAN_ACTIONS as readonly string[]).includes(a),
);

export type ActionLink = { action: WorkflowAction; method: "POST"; href: string };

/** The step with the route to call for this problem. */
export function actionLink(action: keyof typeof ACTION_ROUTES, problemId: string): ActionLink {
  const r = ACTION_ROUTES[action];
  return { action, method: r.method, href: r.path.replace("{id}", problemId) };
}
