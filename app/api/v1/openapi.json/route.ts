import { publicApiRoute } from "@/lib/api/handler";
import { buildOpenApiDocument } from "@/lib/api/openapi";

export const GET = publicApiRoute(async () => buildOpenApiDocument());
