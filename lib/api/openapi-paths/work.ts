import { timelineQuerySchema, timelineSchema } from "../../schemas/timeline";
import { myWorkSchema } from "../../schemas/work";
import { errors, json, queryParameters, ref } from "./helpers";

/** "My work" and the timeline board (挂图作战). */
export function workPaths(): Record<string, unknown> {
  return {
    "/api/v1/work": {
      get: {
        summary:
          "My work: what needs the caller today by role (plans to approve, extensions to decide, measures due, missing reports, problems at risk, problems to assign or accept)",
        responses: { "200": { description: "My work", content: json(ref(myWorkSchema)) }, ...errors(401, 403) },
      },
    },
    "/api/v1/timeline": {
      get: {
        summary:
          "Timeline board: open problems (or those of `status`) within your scope with their measures on a time axis, at most 200, most pressing deadline first",
        parameters: queryParameters(timelineQuerySchema),
        responses: { "200": { description: "Timeline", content: json(ref(timelineSchema)) }, ...errors(401, 422) },
      },
    },
  };
}
