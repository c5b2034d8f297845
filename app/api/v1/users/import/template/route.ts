import { apiRoute } from "@/lib/api/handler";
import { xlsxResponse } from "@/lib/api/upload";
import { authorize } from "@/lib/permissions";
import { accountImportCodes, accountTemplate } from "@/lib/server/users/import-users";

export const GET = apiRoute(async ({ actor }) => {
  authorize(actor, "user.manage");
  return xlsxResponse(await accountTemplate(await accountImportCodes(actor)), "accounts-template.xlsx");
});
