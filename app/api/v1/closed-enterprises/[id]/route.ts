import { apiRoute } from "@/lib/api/handler";
import { getClosedEnterprise } from "@/lib/server/closed-enterprises/get-closed-enterprise";

export const GET = apiRoute<{ id: string }>(({ actor, params }) => getClosedEnterprise(actor, params.id));
