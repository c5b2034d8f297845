"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/schemas/action-result";
import { ActionField, ActionForm } from "./action-form";

type Done = { cityName: string; districts: number; units: number };

/** The first administrator's account, with a password under the policy; then on to sign in. */
export function SetupForm({
  token,
  policy,
  action,
}: {
  token: string;
  policy: string;
  action: (f: FormData) => Promise<ActionResult<Done>>;
}) {
  const t = useTranslations("setupPage");
  return (
    <ActionForm
      action={action}
      submitLabel={t("submit")}
      pendingLabel={t("submitting")}
      done={(d) =>
        d ? (
          <div className="space-y-2 text-green-900 text-sm">
            <p>{t("done", { city: d.cityName, districts: d.districts, units: d.units })}</p>
            <Link href="/login" className="btn-primary">
              {t("toLogin")}
            </Link>
          </div>
        ) : null
      }
    >
      <input type="hidden" name="token" value={token} />
      <ActionField name="username" label={t("username")}>
        {(p) => (
          <input {...p} required autoCapitalize="none" spellCheck={false} autoComplete="username" className="field-input" />
        )}
      </ActionField>
      <ActionField name="displayName" label={t("displayName")}>
        {(p) => <input {...p} required className="field-input" />}
      </ActionField>
      <p className="text-slate-600 text-xs">{policy}</p>
      <ActionField name="password" label={t("password")}>
        {(p) => <input {...p} type="password" required autoComplete="new-password" className="field-input" />}
      </ActionField>
      <ActionField name="confirm" label={t("confirm")}>
        {(p) => <input {...p} type="password" required autoComplete="new-password" className="field-input" />}
      </ActionField>
    </ActionForm>
  );
}
