"use server";

import type { ActionResult } from "@/lib/schemas/action-result";
import { runAction } from "@/lib/server/actions/run-action";
import { updateClosureChecklistSetting } from "@/lib/server/closure/update-closure-checklist-setting";
import { updateSettings } from "@/lib/server/settings/update-settings";
import { createDistrict, createUnit, deleteUnit, updateUnit } from "@/lib/server/units/manage-units";
import { createUser } from "@/lib/server/users/create-user";
import { resetPassword } from "@/lib/server/users/reset-password";
import { unlockUser } from "@/lib/server/users/unlock-user";
import { updateUser } from "@/lib/server/users/update-user";

/** Form fields as a plain object; empty inputs stay "" (the schemas treat "" as "not given" or "cleared"). */
function fields(form: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.filter((n) => form.has(n)).map((n) => [n, String(form.get(n) ?? "")]));
}

const USER_FIELDS = ["username", "displayName", "role", "unitId", "districtId", "phone", "email"] as const;

export async function createUserAction(
  form: FormData,
): Promise<ActionResult<{ username: string; displayName: string; oneTimePassword: string }>> {
  return runAction({ revalidate: ["/admin/users"], tag: "admin", ownRefusalText: true }, async (c) => {
    const r = await createUser(c.actor, fields(form, USER_FIELDS), c);
    return { username: r.user.username, displayName: r.user.displayName, oneTimePassword: r.oneTimePassword };
  });
}

export async function updateUserAction(id: string, form: FormData): Promise<ActionResult<undefined>> {
  return runAction({ revalidate: ["/admin/users", `/admin/users/${id}`], tag: "admin", ownRefusalText: true }, async (c) => {
    const input: Record<string, unknown> = fields(form, ["displayName", "role", "unitId", "districtId", "phone", "email"]);
    input.version = Number(form.get("version"));
    await updateUser(c.actor, id, input, c);
    return undefined;
  });
}

export async function setActiveAction(id: string, version: number, active: boolean): Promise<ActionResult> {
  return runAction({ revalidate: ["/admin/users", `/admin/users/${id}`], tag: "admin", ownRefusalText: true }, async (c) => {
    await updateUser(c.actor, id, { active, version }, c);
  });
}

export async function resetPasswordAction(id: string): Promise<ActionResult<{ displayName: string; oneTimePassword: string }>> {
  return runAction({ revalidate: ["/admin/users", `/admin/users/${id}`], tag: "admin", ownRefusalText: true }, async (c) => {
    const r = await resetPassword(c.actor, id, c);
    return { displayName: r.user.displayName, oneTimePassword: r.oneTimePassword };
  });
}

export async function unlockUserAction(id: string): Promise<ActionResult> {
  return runAction({ revalidate: ["/admin/users", `/admin/users/${id}`], tag: "admin", ownRefusalText: true }, async (c) => {
    await unlockUser(c.actor, id, c);
  });
}

const UNIT_FIELDS = ["code", "name", "nameEn", "kind", "parentId", "districtId"] as const;

export async function createUnitAction(form: FormData): Promise<ActionResult> {
  return runAction({ revalidate: ["/admin/units"], tag: "admin", ownRefusalText: true }, async (c) => {
    await createUnit(c.actor, fields(form, UNIT_FIELDS), c);
  });
}

export async function updateUnitAction(id: string, form: FormData): Promise<ActionResult> {
  return runAction({ revalidate: ["/admin/units"], tag: "admin", ownRefusalText: true }, async (c) => {
    const input: Record<string, unknown> = fields(form, ["name", "nameEn", "kind", "parentId", "districtId"]);
    if (form.has("active")) input.active = form.get("active") === "true";
    await updateUnit(c.actor, id, input, c);
  });
}

export async function deleteUnitAction(id: string): Promise<ActionResult> {
  return runAction({ revalidate: ["/admin/units"], tag: "admin", ownRefusalText: true }, async (c) => {
    await deleteUnit(c.actor, id, c);
  });
}

export async function createDistrictAction(form: FormData): Promise<ActionResult> {
  return runAction({ revalidate: ["/admin/units"], tag: "admin", ownRefusalText: true }, async (c) => {
    await createDistrict(c.actor, fields(form, ["code", "name", "nameEn"]), c);
  });
}

/** Every numeric setting of the form; a field left as it was is still sent (the audit row keeps only real changes). */
export async function saveSettingsAction(form: FormData): Promise<ActionResult> {
  return runAction({ revalidate: ["/admin/settings"], tag: "admin", ownRefusalText: true }, async (c) => {
    const input: Record<string, unknown> = {};
    for (const [k, v] of form.entries()) {
      const text = String(v).trim();
      input[k] = /^-?\d+$/.test(text) ? Number(text) : text;
    }
    await updateSettings(c.actor, input, c);
  });
}

/** The checklist form: one checkbox per category and evidence kind, named `CATEGORY:KIND`. */
export async function saveChecklistAction(categories: readonly string[], form: FormData): Promise<ActionResult> {
  return runAction({ revalidate: ["/admin/settings"], tag: "admin", ownRefusalText: true }, async (c) => {
    const input: Record<string, string[]> = Object.fromEntries(categories.map((cat) => [cat, []]));
    for (const key of form.keys()) {
      const [cat, kind] = key.split(":");
      if (cat && kind && input[cat]) input[cat].push(kind);
    }
    await updateClosureChecklistSetting(c.actor, input, c);
  });
}
