import { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { errorResponse, MAX_SIGN_IN_BYTES, readBodyBytes } from "@/lib/api/handler";
import { authOptions } from "@/lib/auth/next-auth";
import { clientIp } from "@/lib/auth/request-meta";
import { assertNotThrottled } from "@/lib/auth/throttle";

const handler = NextAuth(authOptions);
type Ctx = { params: Promise<{ nextauth: string[] }> };

export const GET = handler;

/**
 * Browser sign-in: the form body is read up to 8 KB (counted while streaming, so a 50 MB body is
 * refused at once), then answers 429 + Retry-After while the account is locked, like the API.
 */
export async function POST(req: NextRequest, ctx: Ctx): Promise<Response> {
  let bytes: Uint8Array;
  try {
    bytes = await readBodyBytes(req, MAX_SIGN_IN_BYTES);
  } catch (e) {
    return errorResponse(e, "auth");
  }
  const again = new NextRequest(req.url, { method: req.method, headers: req.headers, body: bytes as BodyInit });
  if (req.nextUrl.pathname.endsWith("/callback/credentials")) {
    const form = await again
      .clone()
      .formData()
      .catch(() => null);
    const username = form?.get("username");
    if (typeof username === "string" && username) {
      try {
        await assertNotThrottled(username, clientIp(req.headers));
      } catch (e) {
        return errorResponse(e, "auth");
      }
    }
  }
  return handler(again, ctx);
}
