"use client";

import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/schemas/action-result";
import { ActionField, ActionForm } from "./action-form";

/** Change one's own password: the current one, the new one twice; the policy is stated above the fields. */
export function PasswordForm({
  action,
  policy,
  afterChange,
}: {
  action: (form: FormData) => Promise<ActionResult>;
  policy: string;
  /** Where to go once changed (the forced change continues to the home page). */
  afterChange?: string;
}) {
  const t = useTranslations("account");
  const run = async (form: FormData) => {
    const r = await action(form);
    if (r.ok && afterChange) window.location.assign(afterChange);
    return r;
  };
  return (
    <ActionForm
      action={run}
      submitLabel={t("change")}
      pendingLabel={t("changing")}
      resetOnSuccess
      testId="password-form"
      done={() => <p className="text-green-800 text-sm">{t("changed")}</p>}
    >
      <p className="text-slate-600 text-sm">{policy}</p>
      <ActionField name="currentPassword" label={t("current")}>
        {(p) => <input {...p} type="password" autoComplete="current-password" required className="field-input" />}
      </ActionField>
      <ActionField name="newPassword" label={t("new")}>
        {(p) => <input {...p} type="password" autoComplete="new-password" required className="field-input" />}
      </ActionField>
      <ActionField name="confirmPassword" label={t("confirm")}>
        {(p) => <input {...p} type="password" autoComplete="new-password" required className="field-input" />}
      </ActionField>
    </ActionForm>
  );
}
