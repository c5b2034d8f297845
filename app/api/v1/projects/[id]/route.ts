import { apiRoute } from "@/lib/api/handler";
import { getProject } from "@/lib/server/projects/get-project";

export const GET = apiRoute<{ id: string }>(({ actor, params }) => getProject(actor, params.id));
