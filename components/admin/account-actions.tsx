"use client";

import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/schemas/action-result";
import { ActionForm } from "./action-form";
import { OneTimePassword } from "./user-form";

/** Reset password, lift the sign-in lock, deactivate or reactivate one account. */
export function AccountActions({
  active,
  locked,
  self,
  reset,
  unlock,
  setActive,
}: {
  active: boolean;
  locked: boolean;
  self: boolean;
  reset: () => Promise<ActionResult<{ displayName: string; oneTimePassword: string }>>;
  unlock: () => Promise<ActionResult>;
  setActive: () => Promise<ActionResult>;
}) {
  const t = useTranslations("adminUi");
  return (
    <div className="flex flex-wrap items-start gap-3">
      <ActionForm
        action={() => reset()}
        submitLabel={t("resetPassword")}
        pendingLabel={t("resetPassword")}
        submitClassName="btn-secondary"
        confirmText={t("resetConfirm")}
        testId="reset-password"
        done={(data) => (data ? <OneTimePassword name={data.displayName} password={data.oneTimePassword} /> : null)}
      />
      {locked ? (
        <ActionForm
          action={() => unlock()}
          submitLabel={t("unlock")}
          pendingLabel={t("unlock")}
          submitClassName="btn-secondary"
          done={() => <p className="text-green-800 text-sm">{t("unlocked")}</p>}
        />
      ) : null}
      {self ? (
        <p className="text-slate-600 text-sm">{t("selfNote")}</p>
      ) : (
        <ActionForm
          action={() => setActive()}
          submitLabel={active ? t("deactivate") : t("reactivate")}
          pendingLabel={active ? t("deactivate") : t("reactivate")}
          submitClassName={active ? "btn-danger" : "btn-secondary"}
          confirmText={active ? t("deactivateConfirm") : undefined}
        />
      )}
    </div>
  );
}
