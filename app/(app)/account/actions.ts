"use server";

import { adminText } from "@/lib/i18n/admin-text";
import type { ActionResult } from "@/lib/schemas/action-result";
import { changeMyPassword } from "@/lib/server/account/change-my-password";
import { endMySession } from "@/lib/server/account/my-sessions";
import { runAction } from "@/lib/server/actions/run-action";

export async function changePasswordAction(form: FormData): Promise<ActionResult> {
  return runAction({ revalidate: ["/account"], tag: "account", ownRefusalText: true, duringPasswordChange: true }, async (c) => {
    const newPassword = String(form.get("newPassword") ?? "");
    if (newPassword !== String(form.get("confirmPassword") ?? "")) {
      const { Invalid } = await import("@/lib/errors");
      throw new Invalid({ confirmPassword: [adminText(c.locale, "passwordRules.mismatch")] });
    }
    await changeMyPassword(c.actor, { currentPassword: String(form.get("currentPassword") ?? ""), newPassword }, c);
  });
}

export async function endSessionAction(id: string): Promise<ActionResult> {
  return runAction({ revalidate: ["/account"], tag: "admin", ownRefusalText: true }, async (c) => {
    await endMySession(c.actor, id, c);
  });
}
