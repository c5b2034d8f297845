import { apiRoute } from "@/lib/api/handler";
import { getClosureChecklist } from "@/lib/server/closure/get-closure-checklist";

export const GET = apiRoute<{ id: string }>(({ actor, params }) => getClosureChecklist(actor, params.id));
