import { apiRoute } from "@/lib/api/handler";
import { getEvidence } from "@/lib/server/evidence/list-evidence";

export const GET = apiRoute<{ id: string }>(({ actor, params }) => getEvidence(actor, params.id));
