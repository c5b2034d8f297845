"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { getCookieActor } from "@/lib/auth/next-auth";
import { isAppError, Unauthorized } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/labels";
import type { Actor } from "@/lib/permissions";
import type { Locale } from "@/lib/schemas/parse";
import { decideObjection } from "@/lib/server/closure/decide-objection";
import { endNotice } from "@/lib/server/closure/end-notice";
import { recordAcceptance } from "@/lib/server/closure/record-acceptance";
import { reopenProblem } from "@/lib/server/closure/reopen-problem";
import { signOffProblem } from "@/lib/server/closure/sign-off-problem";
import type { ActionResult } from "../workflow/action-result";

/**
 * The problem page's closure steps. Each calls the same use case as the REST API (authorization,
 * validation, one transaction with its audit rows and notices), refreshes the page on success and
 * turns every failure into a value the form shows.
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
        return { ok: false, message: e.message || t("forbidden"), fields: {} };
      case "NOT_FOUND":
        return { ok: false, message: t("notFound"), fields: {} };
      case "UNAUTHORIZED":
        return { ok: false, message: t("signedOut"), fields: {} };
    }
  }
  const ref = randomUUID().slice(0, 8);
  console.error(`[closure-action ${ref}]`, e);
  return { ok: false, message: t("unexpected", { ref }), fields: {} };
}

async function run(problemId: string, work: (ctx: Ctx) => Promise<unknown>): Promise<ActionResult> {
  try {
    await work(await context());
    revalidatePath(`/problems/${problemId}`);
    revalidatePath("/work");
    revalidatePath("/notices");
    return { ok: true };
  } catch (e) {
    return failure(e);
  }
}

export async function recordAcceptanceAction(problemId: string, input: Record<string, unknown>): Promise<ActionResult> {
  return run(problemId, (c) => recordAcceptance(c.actor, String(problemId), input, c));
}

export async function endNoticeAction(problemId: string, input: { version: number }): Promise<ActionResult> {
  return run(problemId, (c) => endNotice(c.actor, String(problemId), input, c));
}

export async function decideObjectionAction(
  problemId: string,
  objectionId: string,
  input: { decision: string; note: string; version: number },
): Promise<ActionResult> {
  return run(problemId, (c) => decideObjection(c.actor, String(objectionId), input, c));
}

export async function signOffAction(
  problemId: string,
  input: { decision: string; comment?: string; version: number },
): Promise<ActionResult> {
  return run(problemId, (c) => signOffProblem(c.actor, String(problemId), input, c));
}

export async function lookbackAction(problemId: string, input: { reason: string; version: number }): Promise<ActionResult> {
  return run(problemId, (c) => reopenProblem(c.actor, String(problemId), input, c));
}
