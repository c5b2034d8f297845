"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import type { ActionResult } from "@/components/workflow/action-result";
import { getCookieActor } from "@/lib/auth/next-auth";
import { isAppError, Unauthorized } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/labels";
import type { Actor } from "@/lib/permissions";
import type { Locale } from "@/lib/schemas/parse";
import { decideExtension } from "@/lib/server/extensions/decide-extension";
import { requestExtension } from "@/lib/server/extensions/request-extension";
import { addMeasure } from "@/lib/server/measures/add-measure";
import { completeMeasure } from "@/lib/server/measures/complete-measure";
import { reorderMeasures } from "@/lib/server/measures/reorder-measures";
import { updateMeasure } from "@/lib/server/measures/update-measure";
import { decidePlan } from "@/lib/server/plans/decide-plan";
import { submitPlan } from "@/lib/server/plans/submit-plan";
import { createProgressReport } from "@/lib/server/reports/create-progress-report";
import { transitionProblem } from "@/lib/server/workflow/transition-problem";

/**
 * The problem page's workflow actions. Each one calls the same use case as the REST API (which
 * authorizes, validates and writes the audit row and notices in one transaction), refreshes the
 * page on success and turns every failure into a value the form shows.
 */
type Ctx = { actor: Actor; locale: Locale; requestId: string };

async function context(): Promise<Ctx> {
  const actor = await getCookieActor();
  if (!actor) throw new Unauthorized();
  const locale = await getLocale();
  return { actor, locale: isLocale(locale) ? locale : "zh-CN", requestId: randomUUID() };
}

function versionOf(current: unknown): number | undefined {
  const v = (current as { version?: unknown } | null)?.version;
  return typeof v === "number" ? v : undefined;
}

async function failure(e: unknown): Promise<ActionResult> {
  const t = await getTranslations("problemWork.errors");
  if (isAppError(e)) {
    switch (e.code) {
      case "VALIDATION_FAILED":
      case "BAD_REQUEST": {
        const { _: general, ...fields } = e.fields ?? {};
        const message = general?.join(" ") ?? (Object.keys(fields).length ? null : t("invalid"));
        return { ok: false, message, fields };
      }
      case "CONFLICT": {
        const version = versionOf(e.extra?.current);
        return { ok: false, message: t("conflict"), fields: {}, ...(version ? { conflict: { version } } : {}) };
      }
      case "FORBIDDEN":
        return { ok: false, message: t("forbidden"), fields: {} };
      case "NOT_FOUND":
        return { ok: false, message: t("notFound"), fields: {} };
      case "UNAUTHORIZED":
        return { ok: false, message: t("signedOut"), fields: {} };
    }
  }
  const ref = randomUUID().slice(0, 8);
  console.error(`[problem-action ${ref}]`, e);
  return { ok: false, message: t("unexpected", { ref }), fields: {} };
}

async function run(problemId: string, work: (ctx: Ctx) => Promise<unknown>): Promise<ActionResult> {
  try {
    await work(await context());
    revalidatePath(`/problems/${problemId}`);
    revalidatePath("/work");
    return { ok: true };
  } catch (e) {
    return failure(e);
  }
}

export async function transitionAction(
  problemId: string,
  input: { action: string; comment?: string; version: number },
): Promise<ActionResult> {
  return run(problemId, (c) => transitionProblem(c.actor, String(problemId), input, c));
}

export async function submitPlanAction(problemId: string, input: { target: string }): Promise<ActionResult> {
  return run(problemId, (c) => submitPlan(c.actor, String(problemId), input, c));
}

export async function decidePlanAction(
  problemId: string,
  planId: string,
  input: { decision: string; reason?: string; version: number },
): Promise<ActionResult> {
  return run(problemId, (c) => decidePlan(c.actor, String(planId), input, c));
}

export async function addMeasureAction(problemId: string, input: Record<string, string>): Promise<ActionResult> {
  return run(problemId, (c) => addMeasure(c.actor, String(problemId), input, c));
}

export async function updateMeasureAction(
  problemId: string,
  measureId: string,
  input: Record<string, string | number>,
): Promise<ActionResult> {
  return run(problemId, (c) => updateMeasure(c.actor, String(measureId), input, c));
}

export async function completeMeasureAction(problemId: string, measureId: string, version: number): Promise<ActionResult> {
  return run(problemId, (c) => completeMeasure(c.actor, String(measureId), { version }, c));
}

export async function reorderMeasuresAction(problemId: string, ids: string[]): Promise<ActionResult> {
  return run(problemId, (c) => reorderMeasures(c.actor, String(problemId), { ids }, c));
}

export async function createReportAction(
  problemId: string,
  input: { text: string; percent: string; measureId: string },
): Promise<ActionResult> {
  return run(problemId, (c) => createProgressReport(c.actor, String(problemId), input, c));
}

export async function requestExtensionAction(
  problemId: string,
  input: { newDeadline: string; reason: string },
): Promise<ActionResult> {
  return run(problemId, (c) => requestExtension(c.actor, String(problemId), input, c));
}

export async function decideExtensionAction(
  problemId: string,
  extensionId: string,
  input: { decision: string; comment?: string; version: number },
): Promise<ActionResult> {
  return run(problemId, (c) => decideExtension(c.actor, String(extensionId), input, c));
}
