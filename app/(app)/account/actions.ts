"use server";

import type { AdminResult } from "@/components/admin/admin-result";
import { adminText } from "@/lib/i18n/admin-text";
import { changeMyPassword } from "@/lib/server/account/change-my-password";
import { endMySession } from "@/lib/server/account/my-sessions";
import { runAdmin } from "../admin/run";

export async function changePasswordAction(form: FormData): Promise<AdminResult> {
  return runAdmin(
    ["/account"],
    async (c) => {
      const newPassword = String(form.get("newPassword") ?? "");
      if (newPassword !== String(form.get("confirmPassword") ?? "")) {
        const { Invalid } = await import("@/lib/errors");
        throw new Invalid({ confirmPassword: [adminText(c.locale, "passwordRules.mismatch")] });
      }
      await changeMyPassword(c.actor, { currentPassword: String(form.get("currentPassword") ?? ""), newPassword }, c);
    },
    { duringPasswordChange: true },
  );
}

export async function endSessionAction(id: string): Promise<AdminResult> {
  return runAdmin(["/account"], async (c) => {
    await endMySession(c.actor, id, c);
  });
}
