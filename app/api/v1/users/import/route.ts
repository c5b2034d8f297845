import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { readUploadedFile } from "@/lib/api/upload";
import { authorize } from "@/lib/permissions";
import { importUsers, MAX_ACCOUNT_FILE_BYTES, previewUserImport } from "@/lib/server/users/import-users";

/**
 * multipart/form-data with one XLSX `file` → the new accounts with their one-time passwords; any bad row → 422, nothing created.
 * `?preview=true` only checks the file (200, the accounts as they would be created, without passwords).
 */
export const POST = apiRoute(
  async ({ actor, req, locale, requestId }) => {
    authorize(actor, "user.manage");
    const file = await readUploadedFile(req, MAX_ACCOUNT_FILE_BYTES);
    if (req.nextUrl.searchParams.get("preview") === "true")
      return NextResponse.json(await previewUserImport(actor, file, { locale }));
    return importUsers(actor, file, { locale, requestId });
  },
  { status: 201 },
);
