import { publicApiRoute } from "@/lib/api/handler";
import { listPublicNotices } from "@/lib/server/closure/list-public-notices";

export const GET = publicApiRoute(async () => ({ items: await listPublicNotices() }));
