"use client";

import { useTranslations } from "next-intl";
import { UNIT_KINDS } from "@/lib/domain/enums";
import type { ActionResult } from "@/lib/schemas/action-result";
import { ActionField, ActionForm } from "./action-form";
import type { Option } from "./user-form";

type UnitValues = { name?: string; nameEn?: string; kind?: string; parentId?: string | null; districtId?: string | null };

function UnitFields({
  values = {},
  parents,
  districts,
  kindLabels,
  withCode,
}: {
  values?: UnitValues;
  parents: Option[];
  districts: Option[];
  kindLabels: Record<string, string>;
  withCode: boolean;
}) {
  const t = useTranslations("adminUi");
  return (
    <>
      {withCode ? (
        <ActionField name="code" label={t("code")}>
          {(p) => <input {...p} required className="field-input" />}
        </ActionField>
      ) : null}
      <ActionField name="name" label={t("name")}>
        {(p) => <input {...p} required defaultValue={values.name} className="field-input" />}
      </ActionField>
      <ActionField name="nameEn" label={t("nameEn")}>
        {(p) => <input {...p} defaultValue={values.nameEn} className="field-input" />}
      </ActionField>
      <ActionField name="kind" label={t("kind")}>
        {(p) => (
          <select {...p} defaultValue={values.kind ?? "DIVISION"} className="field-input">
            {UNIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabels[k]}
              </option>
            ))}
          </select>
        )}
      </ActionField>
      <ActionField name="parentId" label={t("parent")}>
        {(p) => (
          <select {...p} defaultValue={values.parentId ?? ""} className="field-input">
            <option value="">{t("noParent")}</option>
            {parents.map((u) => (
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
            <option value="">{t("noDistrict")}</option>
            {districts.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </select>
        )}
      </ActionField>
    </>
  );
}

type Common = { parents: Option[]; districts: Option[]; kindLabels: Record<string, string> };

export function CreateUnitForm({ action, ...common }: Common & { action: (f: FormData) => Promise<ActionResult> }) {
  const t = useTranslations("adminUi");
  return (
    <ActionForm
      action={action}
      submitLabel={t("createUnit")}
      pendingLabel={t("saving")}
      className="grid gap-3 sm:grid-cols-3"
      resetOnSuccess
    >
      <UnitFields {...common} withCode />
    </ActionForm>
  );
}

/** One unit's edit form, its activation switch and its delete button (only a unit nothing points to). */
export function EditUnit({
  values,
  active,
  update,
  setActive,
  remove,
  ...common
}: Common & {
  values: UnitValues;
  active: boolean;
  update: (f: FormData) => Promise<ActionResult>;
  setActive: (f: FormData) => Promise<ActionResult>;
  remove: () => Promise<ActionResult>;
}) {
  const t = useTranslations("adminUi");
  return (
    <div className="space-y-3">
      <ActionForm action={update} submitLabel={t("save")} pendingLabel={t("saving")} className="grid gap-3 sm:grid-cols-3">
        <UnitFields {...common} values={values} withCode={false} />
      </ActionForm>
      <div className="flex flex-wrap gap-3">
        <ActionForm
          action={setActive}
          submitLabel={active ? t("deactivate") : t("reactivate")}
          pendingLabel={t("saving")}
          submitClassName="btn-secondary"
        >
          <input type="hidden" name="active" value={active ? "false" : "true"} />
        </ActionForm>
        <ActionForm
          action={() => remove()}
          submitLabel={t("deleteUnit")}
          pendingLabel={t("saving")}
          submitClassName="btn-danger"
          confirmText={t("deleteConfirm")}
        />
      </div>
    </div>
  );
}

export function AddZoneForm({ action }: { action: (f: FormData) => Promise<ActionResult> }) {
  const t = useTranslations("adminUi");
  return (
    <ActionForm
      action={action}
      submitLabel={t("addZone")}
      pendingLabel={t("saving")}
      className="flex flex-wrap items-end gap-3"
      resetOnSuccess
    >
      <ActionField name="code" label={t("zoneCode")}>
        {(p) => <input {...p} required inputMode="numeric" className="field-input w-32" />}
      </ActionField>
      <ActionField name="name" label={t("zoneName")}>
        {(p) => <input {...p} required className="field-input" />}
      </ActionField>
    </ActionForm>
  );
}
