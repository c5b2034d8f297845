import { apiRoute, readJson } from "@/lib/api/handler";
import { reviewProject } from "@/lib/server/projects/review-project";

export const POST = apiRoute<{ id: string }>(async ({ actor, req, params, locale, requestId }) =>
  reviewProject(actor, params.id, await readJson(req), { locale, requestId }),
);
