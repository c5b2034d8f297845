"use server";

import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/request-meta";
import { getDb } from "@/lib/db";
import { Invalid } from "@/lib/errors";
import { adminText } from "@/lib/i18n/admin-text";
import type { ActionResult } from "@/lib/schemas/action-result";
import { runPublicAction } from "@/lib/server/actions/run-action";
import { completeSetup, type SetupResult } from "@/lib/server/setup/first-run";

/** The setup page's form: the same use case as POST /api/v1/setup (it checks the one-time token itself). */
export async function setupAction(form: FormData): Promise<ActionResult<SetupResult>> {
  return runPublicAction({ revalidate: [], tag: "setup", ownRefusalText: true }, async (c) => {
    const password = String(form.get("password") ?? "");
    if (password !== String(form.get("confirm") ?? "")) {
      throw new Invalid({ confirm: [adminText(c.locale, "passwordRules.mismatch")] });
    }
    return completeSetup(
      getDb(),
      {
        token: String(form.get("token") ?? ""),
        username: String(form.get("username") ?? ""),
        displayName: String(form.get("displayName") ?? ""),
        password,
      },
      { locale: c.locale, ip: clientIp(await headers()) },
    );
  });
}
