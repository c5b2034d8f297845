"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ROLES } from "@/lib/domain/enums";
import type { ActionResult } from "@/lib/schemas/action-result";
import { ActionField, ActionForm } from "./action-form";

export type Option = { id: string; label: string };
export type UserFormValues = {
  username?: string;
  displayName?: string;
  role?: string;
  unitId?: string | null;
  districtId?: string | null;
  phone?: string | null;
  email?: string | null;
  version?: number;
};

/** Create or edit an account; a new account's one-time password is shown once after saving. */
export function UserForm({
  action,
  units,
  districts,
  roleLabels,
  values = {},
  mode,
  lockRole = false,
}: {
  action: (form: FormData) => Promise<ActionResult<{ displayName: string; oneTimePassword: string } | undefined>>;
  units: Option[];
  districts: Option[];
  roleLabels: Record<string, string>;
  values?: UserFormValues;
  mode: "create" | "edit";
  lockRole?: boolean;
}) {
  const t = useTranslations("adminUi");
  const [formKey, setFormKey] = useState(0);
  return (
    <ActionForm
      key={formKey}
      action={action}
      submitLabel={mode === "create" ? t("create") : t("save")}
      pendingLabel={mode === "create" ? t("creating") : t("saving")}
      className="grid gap-3 sm:grid-cols-2"
      testId={`user-form-${mode}`}
      done={(data) =>
        data?.oneTimePassword ? (
          <OneTimePassword name={data.displayName} password={data.oneTimePassword} onClose={() => setFormKey((k) => k + 1)} />
        ) : (
          <p className="text-green-800 text-sm">{t("saved")}</p>
        )
      }
    >
      {mode === "edit" ? <input type="hidden" name="version" value={values.version} /> : null}
      {mode === "create" ? (
        <ActionField name="username" label={t("username")}>
          {(p) => <input {...p} required autoCapitalize="none" spellCheck={false} className="field-input" />}
        </ActionField>
      ) : null}
      <ActionField name="displayName" label={t("displayName")}>
        {(p) => <input {...p} required defaultValue={values.displayName} className="field-input" />}
      </ActionField>
      <ActionField name="role" label={t("role")}>
        {(p) => (
          <select {...p} defaultValue={values.role ?? "VIEWER"} disabled={lockRole} className="field-input">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabels[r]}
              </option>
            ))}
          </select>
        )}
      </ActionField>
      <ActionField name="unitId" label={t("unit")}>
        {(p) => (
          <select {...p} defaultValue={values.unitId ?? ""} className="field-input">
            <option value="">{t("none")}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.label}
              </option>
            ))}
          </select>
        )}
      </ActionField>
      <ActionField name="districtId" label={t("district")}>
        {(p) => (
          <select {...p} defaultValue={values.districtId ?? ""} className="field-input">
            <option value="">{t("none")}</option>
            {districts.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </select>
        )}
      </ActionField>
      <ActionField name="phone" label={t("phone")}>
        {(p) => <input {...p} type="tel" defaultValue={values.phone ?? ""} className="field-input" />}
      </ActionField>
      <ActionField name="email" label={t("email")}>
        {(p) => <input {...p} type="email" defaultValue={values.email ?? ""} className="field-input" />}
      </ActionField>
    </ActionForm>
  );
}

/** The one-time password, large and copyable, with who it is for. */
export function OneTimePassword({ name, password, onClose }: { name: string; password: string; onClose?: () => void }) {
  const t = useTranslations("adminUi");
  return (
    <div className="rounded-md border-2 border-amber-400 bg-amber-50 p-3 text-sm sm:col-span-2" data-testid="one-time-password">
      <p className="font-semibold">{t("oneTimeTitle")}</p>
      <p className="my-2 font-mono text-2xl tracking-wider" data-testid="otp-value">
        {password}
      </p>
      <p>{t("oneTimeHint", { name })}</p>
      <div className="mt-2 flex gap-2">
        <button type="button" className="btn-secondary" onClick={() => void navigator.clipboard?.writeText(password)}>
          {t("copy")}
        </button>
        {onClose ? (
          <button type="button" className="btn-secondary" onClick={onClose}>
            OK
          </button>
        ) : null}
      </div>
    </div>
  );
}
