"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { problemInputFromForm, type SaveResult } from "@/components/forms/problem-form-data";
import { getCookieActor } from "@/lib/auth/next-auth";
import { type FieldErrors, isAppError, Unauthorized } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/labels";
import type { Locale } from "@/lib/schemas/parse";
import type { ProblemDto } from "@/lib/schemas/problem";
import { createProblem } from "@/lib/server/problems/create-problem";
import { updateProblem } from "@/lib/server/problems/update-problem";

async function requestLocale(): Promise<Locale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : "zh-CN";
}

/** `coUnitIds.2` → `coUnitIds`: the form shows one message per input. */
function byFormField(fields: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, messages] of Object.entries(fields)) {
    const field = key.split(".")[0] ?? key;
    out[field] = [...new Set([...(out[field] ?? []), ...messages])];
  }
  return out;
}

/** Every failure becomes a value the form can show; nothing raw reaches the browser. */
async function failure(e: unknown): Promise<SaveResult> {
  const t = await getTranslations("form");
  if (isAppError(e)) {
    switch (e.code) {
      case "VALIDATION_FAILED": {
        const fields = byFormField(e.fields ?? {});
        const { _: general, ...perField } = fields;
        return { ok: false, fields: perField, message: general?.join(" ") ?? null };
      }
      case "CONFLICT":
        return { ok: false, fields: {}, message: t("conflictTitle"), conflict: e.extra?.current as ProblemDto };
      case "FORBIDDEN":
        return { ok: false, fields: {}, message: t("forbidden") };
      case "NOT_FOUND":
        return { ok: false, fields: {}, message: t("notFound") };
      case "UNAUTHORIZED":
        return { ok: false, fields: {}, message: t("signedOut") };
    }
  }
  const ref = randomUUID().slice(0, 8);
  console.error(`[problem-form ${ref}]`, e);
  return { ok: false, fields: {}, message: t("unexpected", { ref }) };
}

export async function createProblemAction(form: FormData): Promise<SaveResult> {
  try {
    const parsed = problemInputFromForm(form, "create");
    const actor = await getCookieActor();
    if (!actor) throw new Unauthorized();
    const created = await createProblem(actor, parsed.input, { locale: await requestLocale() });
    revalidatePath("/problems", "layout");
    return { ok: true, id: created.id };
  } catch (e) {
    return failure(e);
  }
}

export async function updateProblemAction(id: string, form: FormData): Promise<SaveResult> {
  try {
    const parsed = problemInputFromForm(form, "update");
    if (parsed.cleared.length) {
      const t = await getTranslations("form");
      return { ok: false, fields: Object.fromEntries(parsed.cleared.map((f) => [f, [t("cannotClear")]])), message: null };
    }
    const actor = await getCookieActor();
    if (!actor) throw new Unauthorized();
    const updated = await updateProblem(actor, String(id), parsed.input, { locale: await requestLocale() });
    revalidatePath("/problems", "layout");
    return { ok: true, id: updated.id };
  } catch (e) {
    return failure(e);
  }
}
