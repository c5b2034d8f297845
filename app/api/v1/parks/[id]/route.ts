import { apiRoute } from "@/lib/api/handler";
import { getPark } from "@/lib/server/parks/list-parks";

export const GET = apiRoute<{ id: string }>(({ actor, params }) => getPark(actor, params.id));
