"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCookieActor } from "@/lib/auth/next-auth";
import { isAppError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { markAllRead } from "@/lib/server/notifications/mark-all-read";
import { markNotificationRead } from "@/lib/server/notifications/mark-notification-read";

async function signedIn(): Promise<Actor> {
  const actor = await getCookieActor();
  if (!actor) redirect("/login?callbackUrl=%2Fnotifications");
  return actor;
}

/** Marks one notification read; one that is gone (or someone else's) is simply no longer listed. */
async function markRead(actor: Actor, id: string): Promise<string | null> {
  try {
    return (await markNotificationRead(actor, String(id), { requestId: randomUUID() })).link;
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") return null;
    throw e;
  }
}

/** Same-site paths only: a stored link never sends anyone off the app. */
function safeLink(link: string | null): string | null {
  return link?.startsWith("/") && !link.startsWith("//") && !link.startsWith("/\\") ? link : null;
}

export async function markReadAction(id: string): Promise<void> {
  await markRead(await signedIn(), id);
  // The bell in the header counts unread notifications on every page.
  revalidatePath("/", "layout");
}

export async function markAllReadAction(): Promise<void> {
  await markAllRead(await signedIn(), { requestId: randomUUID() });
  revalidatePath("/", "layout");
}

/** Opening a notification reads it and goes where it points. */
export async function openNotificationAction(id: string): Promise<void> {
  const link = safeLink(await markRead(await signedIn(), id));
  revalidatePath("/", "layout");
  redirect(link ?? "/notifications");
}
