import { apiRoute } from "@/lib/api/handler";
import { getMyWork } from "@/lib/server/work/get-my-work";

export const GET = apiRoute(({ actor, locale }) => getMyWork(actor, { locale }));
