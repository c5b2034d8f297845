import { apiRoute } from "@/lib/api/handler";
import { getProblemHistory } from "@/lib/server/problems/get-problem-history";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({ items: await getProblemHistory(actor, params.id) }));
