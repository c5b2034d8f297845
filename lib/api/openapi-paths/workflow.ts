import { settingsPatchSchema, settingsSchema } from "../../schemas/settings";
import {
  planDecisionSchema,
  planSchema,
  planSubmitSchema,
  transitionInputSchema,
  transitionSchema,
} from "../../schemas/workflow";
import { errors, idParam, json, list, ref } from "./helpers";

/** The workflow: transitions of a problem, its rectification plan versions and their decisions, rule settings. */
export function workflowPaths(): Record<string, unknown> {
  return {
    "/api/v1/problems/{id}/transitions": {
      get: {
        summary: "The problem's workflow steps, newest first",
        parameters: [idParam],
        responses: { "200": { description: "Transitions", content: json(list(ref(transitionSchema))) }, ...errors(401, 404) },
      },
      post: {
        summary:
          "Take a workflow step (ASSIGN: coordinator; APPLY_ACCEPTANCE: head of the lead division or coordinator, every measure done and the closure checklist complete — else 422 naming the missing kinds); " +
          "send the version you saw. Returns the problem with `allowedActions`. A step not possible now answers 422 naming the allowed ones " +
          "in `error.fields.action`; plan approval goes through POST /plans/{id}/decision; each closure step through its own route, which the refusal names",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(transitionInputSchema)) },
        responses: {
          "200": { description: "The problem after the step", content: json({ $ref: "#/components/schemas/Problem" }) },
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
    "/api/v1/problems/{id}/plans": {
      get: {
        summary: "Every version of the problem's rectification plan, newest first",
        parameters: [idParam],
        responses: { "200": { description: "Plans", content: json(list(ref(planSchema))) }, ...errors(401, 404) },
      },
      post: {
        summary:
          "Submit a plan version (head of the lead division or coordinator, while ASSIGNED, RECTIFYING or ONGOING): the target, with the measures as they stand",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(planSubmitSchema)) },
        responses: {
          "201": { description: "Submitted", content: json(ref(planSchema)) },
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
    "/api/v1/plans/{id}/decision": {
      post: {
        summary:
          "The problem's lead official approves the plan (the first approval starts rectification) or returns it with a reason; send the plan version you saw",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(planDecisionSchema)) },
        responses: { "200": { description: "Decided", content: json(ref(planSchema)) }, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    "/api/v1/settings": {
      get: {
        summary: "Rule settings in force (report cycle, pace margin, due-soon and escalation days)",
        responses: { "200": { description: "Settings", content: json(ref(settingsSchema)) }, ...errors(401) },
      },
      patch: {
        summary: "Change any of the rule settings (administrators)",
        requestBody: { required: true, content: json(ref(settingsPatchSchema)) },
        responses: {
          "200": { description: "Settings now in force", content: json(ref(settingsSchema)) },
          ...errors(400, 401, 403, 422),
        },
      },
    },
  };
}
