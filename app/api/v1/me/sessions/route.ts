import { apiRoute } from "@/lib/api/handler";
import { listMySessions } from "@/lib/server/account/my-sessions";

export const GET = apiRoute(async ({ actor }) => ({ items: await listMySessions(actor) }));
