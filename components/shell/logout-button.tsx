"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

export function LogoutButton({ className = "" }: { className?: string }) {
  const t = useTranslations("nav");
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className={`btn-secondary min-h-9 px-3 py-1.5 ${className}`}
      disabled={pending}
      onClick={() => {
        setPending(true);
        // next-auth's sign-out event revokes the session row, so the old cookie stops working at once.
        void signOut({ callbackUrl: "/login" });
      }}
    >
      {pending ? t("loggingOut") : t("logout")}
    </button>
  );
}
