import { apiRoute, MAX_SIGN_IN_BYTES, publicApiRoute, readJson } from "@/lib/api/handler";
import { clientIp } from "@/lib/auth/request-meta";
import { signIn } from "@/lib/server/auth/sign-in";
import { signOut } from "@/lib/server/auth/sign-out";

export const POST = publicApiRoute(
  async ({ req, locale }) => {
    const result = await signIn(await readJson(req, MAX_SIGN_IN_BYTES), {
      kind: "API",
      ip: clientIp(req.headers),
      userAgent: req.headers.get("user-agent"),
      locale,
    });
    return { token: result.token, expiresAt: result.expiresAt.toISOString() };
  },
  { status: 201 },
);

export const DELETE = apiRoute(
  async ({ actor }) => {
    await signOut(actor);
  },
  { duringPasswordChange: true },
);
