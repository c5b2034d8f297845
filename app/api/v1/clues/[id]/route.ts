import { apiRoute } from "@/lib/api/handler";
import { getClue } from "@/lib/server/clues/get-clue";

export const GET = apiRoute<{ id: string }>(({ actor, params }) => getClue(actor, params.id));
