import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { errorResponse } from "@/lib/api/handler";
import { authOptions } from "@/lib/auth/next-auth";
import { clientIp } from "@/lib/auth/request-meta";
import { assertNotThrottled, throttleKey } from "@/lib/auth/throttle";

const handler = NextAuth(authOptions);
type Ctx = { params: Promise<{ nextauth: string[] }> };

export const GET = handler;

/** Browser sign-in answers 429 + Retry-After while the account+address is locked, like the API. */
export async function POST(req: NextRequest, ctx: Ctx): Promise<Response> {
  if (req.nextUrl.pathname.endsWith("/callback/credentials")) {
    const form = await req
      .clone()
      .formData()
      .catch(() => null);
    const username = form?.get("username");
    if (typeof username === "string" && username) {
      try {
        await assertNotThrottled(throttleKey(username, clientIp(req.headers)));
      } catch (e) {
        return errorResponse(e, "auth");
      }
    }
  }
  return handler(req, ctx);
}
