import { apiRoute } from "@/lib/api/handler";
import { getMe } from "@/lib/server/users/list-users";

export const GET = apiRoute(({ actor }) => getMe(actor), { duringPasswordChange: true });
