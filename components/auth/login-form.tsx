"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

/** Same literal as THROTTLED_PREFIX in lib/auth/next-auth.ts (server code stays out of the browser bundle). */
const THROTTLED_PREFIX = "THROTTLED:";

type LoginError = { kind: "invalid" } | { kind: "throttled"; minutes: number | null } | { kind: "failed" } | { kind: "required" };

export function LoginForm({
  callbackUrl,
  lockMinutes,
}: {
  callbackUrl: string;
  /** Server action: minutes the account+address stays locked, or null. */
  lockMinutes: (username: string) => Promise<number | null>;
}) {
  const t = useTranslations("login");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<LoginError | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const username = String(form.get("username") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!username || !password) {
      setError({ kind: "required" });
      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", { redirect: false, username, password });
      if (result?.ok && !result.error) {
        // A full load, so the whole page (language included) is rendered for the signed-in person.
        window.location.assign(callbackUrl);
        return;
      }
      const message = result?.error ?? "";
      if (message.startsWith(THROTTLED_PREFIX)) {
        const seconds = Number(message.slice(THROTTLED_PREFIX.length));
        setError({ kind: "throttled", minutes: Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds / 60)) : null });
      } else if (result?.status === 429) {
        setError({ kind: "throttled", minutes: null });
      } else if (result && result.status >= 500) {
        setError({ kind: "failed" });
      } else {
        setError({ kind: "invalid" });
      }
    } catch {
      // A locked account is refused before next-auth answers, in a shape its client cannot read;
      // ask how long the lock lasts, and otherwise treat it as the service being unavailable.
      const minutes = await lockMinutes(username).catch(() => null);
      setError(minutes === null ? { kind: "failed" } : { kind: "throttled", minutes });
    }
    setPending(false);
  }

  const message =
    error === null
      ? null
      : error.kind === "throttled"
        ? error.minutes === null
          ? t("throttledNoTime")
          : t("throttled", { minutes: error.minutes })
        : t(error.kind);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-describedby={message ? "login-error" : undefined}>
      {message ? (
        <p id="login-error" role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-800 text-sm">
          {message}
        </p>
      ) : null}
      <div>
        <label htmlFor="username" className="field-label">
          {t("username")}
        </label>
        <input
          id="username"
          name="username"
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          // biome-ignore lint/a11y/noAutofocus: the login page has one task; the cursor belongs in the first field.
          autoFocus
          className="field-input"
          aria-invalid={error?.kind === "invalid" || error?.kind === "required" ? true : undefined}
        />
      </div>
      <div>
        <label htmlFor="password" className="field-label">
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="field-input"
          aria-invalid={error?.kind === "invalid" || error?.kind === "required" ? true : undefined}
        />
      </div>
      <button type="submit" className="btn-primary w-full" disabled={pending} aria-busy={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
