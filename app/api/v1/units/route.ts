import { apiRoute } from "@/lib/api/handler";
import { listUnits } from "@/lib/server/reference/list-units";

export const GET = apiRoute(async ({ actor }) => ({ items: await listUnits(actor) }));
