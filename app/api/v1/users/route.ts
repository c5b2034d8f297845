import { apiRoute, queryObject, readJson } from "@/lib/api/handler";
import { createUser } from "@/lib/server/users/create-user";
import { listUsers, searchUsers } from "@/lib/server/users/list-users";

/** People (to pick from); administrators may also search with `q`, `active`, `unitId` and get the full account. */
export const GET = apiRoute(async ({ actor, req, locale }) => {
  const query = queryObject(req);
  const admin = "q" in query || "active" in query || "unitId" in query;
  return { items: admin ? await searchUsers(actor, query, { locale }) : await listUsers(actor, query, { locale }) };
});

export const POST = apiRoute(
  async ({ actor, req, locale, requestId }) => createUser(actor, await readJson(req), { locale, requestId }),
  { status: 201 },
);
