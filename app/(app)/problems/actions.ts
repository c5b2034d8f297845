"use server";

import { getTranslations } from "next-intl/server";
import { problemInputFromForm, type SaveResult } from "@/components/forms/problem-form-data";
import { Invalid } from "@/lib/errors";
import { runAction } from "@/lib/server/actions/run-action";
import { createProblem } from "@/lib/server/problems/create-problem";
import { updateProblem } from "@/lib/server/problems/update-problem";

/** The problem form's actions: the same use cases as POST/PATCH /api/v1/problems. */
const options = { revalidate: [["/problems", "layout"]] as const, tag: "problem-form", topLevelFields: true };

export async function createProblemAction(form: FormData): Promise<SaveResult> {
  return runAction(options, async (c) => {
    const created = await createProblem(c.actor, problemInputFromForm(form, "create").input, c);
    return { id: created.id };
  }) as Promise<SaveResult>;
}

export async function updateProblemAction(id: string, form: FormData): Promise<SaveResult> {
  return runAction(options, async (c) => {
    const parsed = problemInputFromForm(form, "update");
    if (parsed.cleared.length) {
      const t = await getTranslations("form");
      throw new Invalid(Object.fromEntries(parsed.cleared.map((f) => [f, [t("cannotClear")]])));
    }
    const updated = await updateProblem(c.actor, String(id), parsed.input, c);
    return { id: updated.id };
  }) as Promise<SaveResult>;
}
