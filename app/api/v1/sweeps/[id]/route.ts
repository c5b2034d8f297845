import { apiRoute } from "@/lib/api/handler";
import { getSweep } from "@/lib/server/sweeps/get-sweep";

export const GET = apiRoute<{ id: string }>(({ actor, params }) => getSweep(actor, params.id));
