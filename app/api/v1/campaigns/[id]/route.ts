import { apiRoute } from "@/lib/api/handler";
import { getCampaign } from "@/lib/server/enforcement/campaigns";

/** The campaign with its progress (inspected / target per action and district, coloured by pace). */
export const GET = apiRoute<{ id: string }>(({ actor, params }) => getCampaign(actor, params.id));
