import { apiRoute } from "@/lib/api/handler";
import { getRound } from "@/lib/server/self-reviews/get-round";

export const GET = apiRoute<{ id: string }>(({ actor, params }) => getRound(actor, params.id));
