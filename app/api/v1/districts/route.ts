import { apiRoute } from "@/lib/api/handler";
import { listDistricts } from "@/lib/server/reference/list-districts";

export const GET = apiRoute(async ({ actor }) => ({ items: await listDistricts(actor) }));
