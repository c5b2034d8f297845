import { apiRoute } from "@/lib/api/handler";
import { deletePublishedList } from "@/lib/server/published-lists/delete-published-list";
import { getPublishedList } from "@/lib/server/published-lists/list-published-lists";

export const GET = apiRoute<{ id: string }>(({ actor, params }) => getPublishedList(actor, params.id));

export const DELETE = apiRoute<{ id: string }>(({ actor, params, requestId }) =>
  deletePublishedList(actor, params.id, { requestId }),
);
