import { apiRoute } from "@/lib/api/handler";
import { getProblemHistory } from "@/lib/server/problems/get-problem-history";

export const GET = apiRoute<{ id: string }>(({ actor, params }) => getProblemHistory(actor, params.id));
