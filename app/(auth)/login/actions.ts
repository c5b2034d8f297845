"use server";

import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/request-meta";
import { assertNotThrottled } from "@/lib/auth/throttle";
import { TooManyRequests } from "@/lib/errors";

/**
 * Minutes until this account may try again from this address, or null when it is not locked.
 * The sign-in route refuses a locked account before next-auth runs, so the login form asks here
 * how long to tell the person to wait. Reading the lock reveals nothing the caller's own failed
 * attempts did not already show (unknown and real accounts lock alike).
 */
export async function signInLockMinutes(username: string): Promise<number | null> {
  if (typeof username !== "string" || !username.trim() || username.length > 100) return null;
  try {
    await assertNotThrottled(username, clientIp(await headers()));
    return null;
  } catch (e) {
    if (e instanceof TooManyRequests) return Math.max(1, Math.ceil(e.retryAfterSeconds / 60));
    throw e;
  }
}
