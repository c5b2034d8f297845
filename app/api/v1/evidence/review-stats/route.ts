import { apiRoute, queryObject } from "@/lib/api/handler";
import { getReviewStats } from "@/lib/server/evidence/review-stats";

export const GET = apiRoute(({ actor, req, locale }) => getReviewStats(actor, queryObject(req), { locale }));
