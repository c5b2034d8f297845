import { apiRoute, queryObject, readJson } from "@/lib/api/handler";
import { createProject } from "@/lib/server/projects/create-project";
import { listProjects } from "@/lib/server/projects/list-projects";

export const GET = apiRoute(({ actor, req, locale }) => listProjects(actor, queryObject(req), { locale }));

export const POST = apiRoute(
  async ({ actor, req, locale, requestId }) => createProject(actor, await readJson(req), { locale, requestId }),
  { status: 201 },
);
