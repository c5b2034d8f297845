import { apiRoute } from "@/lib/api/handler";
import { getClosure } from "@/lib/server/closure/get-closure";

export const GET = apiRoute<{ id: string }>(({ actor, params }) => getClosure(actor, params.id));
