"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { OBJECTION_LIMITS } from "@/lib/schemas/closure";

type Fields = { name: string; contact: string; text: string };
type Errors = Partial<Record<keyof Fields | "form", string>>;
type State = { kind: "idle" } | { kind: "sending" } | { kind: "sent" };

/**
 * The public objection form of one notice: name (optional), contact and the objection. Checked
 * here first (required, length), then by the server, whose field messages are shown the same way.
 * A hidden trap field catches robots; a sender over the hourly limit is told how long to wait.
 */
export function ObjectionForm({ noticeId, code }: { noticeId: string; code: string }) {
  const t = useTranslations("notices.form");
  const locale = useLocale();
  const id = useId();
  const [fields, setFields] = useState<Fields>({ name: "", contact: "", text: "" });
  const [errors, setErrors] = useState<Errors>({});
  const [state, setState] = useState<State>({ kind: "idle" });
  const trap = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLParagraphElement>(null);

  const set = (k: keyof Fields) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setFields((f) => ({ ...f, [k]: e.target.value }));

  function check(): Errors {
    const out: Errors = {};
    if (!fields.contact.trim()) out.contact = t("required");
    else if (fields.contact.trim().length > OBJECTION_LIMITS.contact)
      out.contact = t("tooLong", { max: OBJECTION_LIMITS.contact });
    if (!fields.text.trim()) out.text = t("required");
    else if (fields.text.trim().length > OBJECTION_LIMITS.text) out.text = t("tooLong", { max: OBJECTION_LIMITS.text });
    if (fields.name.trim().length > OBJECTION_LIMITS.name) out.name = t("tooLong", { max: OBJECTION_LIMITS.name });
    return out;
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (state.kind === "sending") return;
    const found = check();
    setErrors(found);
    if (Object.keys(found).length) return;
    setState({ kind: "sending" });
    try {
      const res = await fetch(`/api/v1/public/notices/${noticeId}/objections`, {
        method: "POST",
        headers: { "content-type": "application/json", "accept-language": locale },
        body: JSON.stringify({
          name: fields.name.trim() || undefined,
          contact: fields.contact.trim(),
          text: fields.text.trim(),
          website: trap.current?.value ?? "",
        }),
      });
      if (res.status === 201) {
        setState({ kind: "sent" });
        return;
      }
      setState({ kind: "idle" });
      if (res.status === 429) {
        const seconds = Number(res.headers.get("retry-after") ?? "3600");
        setErrors({ form: t("tooMany", { minutes: Math.max(1, Math.ceil(seconds / 60)) }) });
      } else {
        const body = (await res.json().catch(() => null)) as {
          error?: { fields?: Record<string, string[]>; message?: string };
        } | null;
        const f = body?.error?.fields ?? {};
        const next: Errors = {};
        for (const k of ["name", "contact", "text"] as const) if (f[k]?.length) next[k] = f[k]?.join(" ");
        const other = Object.entries(f)
          .filter(([k]) => !["name", "contact", "text"].includes(k))
          .flatMap(([, v]) => v);
        if (other.length || !Object.keys(next).length) next.form = other.join(" ") || t("failed");
        setErrors(next);
      }
    } catch {
      setState({ kind: "idle" });
      setErrors({ form: t("network") });
    }
    alertRef.current?.focus();
  }

  if (state.kind === "sent") {
    return (
      <p
        role="status"
        className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-emerald-900 text-sm"
        data-testid="objection-sent"
      >
        {t("sent", { code })}
      </p>
    );
  }

  const sending = state.kind === "sending";
  const err = (k: keyof Fields) => errors[k];
  const aria = (k: keyof Fields, hint?: boolean) => ({
    id: `${id}-${k}`,
    "aria-invalid": err(k) ? (true as const) : undefined,
    "aria-describedby":
      [hint ? `${id}-${k}-hint` : null, err(k) ? `${id}-${k}-error` : null].filter(Boolean).join(" ") || undefined,
  });
  return (
    <form onSubmit={submit} noValidate aria-busy={sending} className="space-y-3" data-testid="objection-form">
      {errors.form ? (
        <p
          ref={alertRef}
          tabIndex={-1}
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900 text-sm"
        >
          {errors.form}
        </p>
      ) : null}
      <div>
        <label htmlFor={`${id}-name`} className="field-label">
          {t("name")}
        </label>
        <input
          {...aria("name")}
          autoComplete="name"
          maxLength={OBJECTION_LIMITS.name}
          value={fields.name}
          onChange={set("name")}
          className="field-input"
        />
        {err("name") ? (
          <p id={`${id}-name-error`} className="field-error">
            {err("name")}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor={`${id}-contact`} className="field-label">
          {t("contact")}
        </label>
        <input
          {...aria("contact", true)}
          autoComplete="tel"
          required
          maxLength={OBJECTION_LIMITS.contact}
          value={fields.contact}
          onChange={set("contact")}
          className="field-input"
        />
        <p id={`${id}-contact-hint`} className="mt-1 text-slate-600 text-xs">
          {t("contactHint")}
        </p>
        {err("contact") ? (
          <p id={`${id}-contact-error`} className="field-error">
            {err("contact")}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor={`${id}-text`} className="field-label">
          {t("text")}
        </label>
        <textarea
          {...aria("text", true)}
          required
          rows={4}
          maxLength={OBJECTION_LIMITS.text}
          value={fields.text}
          onChange={set("text")}
          className="field-input"
        />
        <p id={`${id}-text-hint`} className="mt-1 text-slate-600 text-xs">
          {t("textHint", { count: fields.text.length, max: OBJECTION_LIMITS.text })}
        </p>
        {err("text") ? (
          <p id={`${id}-text-error`} className="field-error">
            {err("text")}
          </p>
        ) : null}
      </div>
      <div className="absolute -left-[10000px] h-px w-px overflow-hidden" aria-hidden="true">
        <label htmlFor={`${id}-website`}>{t("leaveEmpty")}</label>
        <input ref={trap} id={`${id}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={sending}>
        {sending ? t("sending") : t("submit")}
      </button>
    </form>
  );
}
