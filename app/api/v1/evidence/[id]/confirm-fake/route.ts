import { apiRoute, readJson } from "@/lib/api/handler";
import { confirmFakeEvidence } from "@/lib/server/findings/confirm-fake-evidence";

export const POST = apiRoute<{ id: string }>(
  async ({ actor, req, params, locale, requestId }) =>
    confirmFakeEvidence(actor, params.id, await readJson(req), { locale, requestId }),
  { status: 201 },
);
