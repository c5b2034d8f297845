"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useToast } from "@/components/ui/toast";

export type SectionFormValues = {
  id?: string;
  version?: number;
  code: string;
  name: string;
  waterBody: string;
  districtCode: string;
  level: "NATIONAL" | "PROVINCIAL";
  targetClass: number;
  active: boolean;
};

const CLASS_OPTIONS = [
  [1, "Ⅰ"],
  [2, "Ⅱ"],
  [3, "Ⅲ"],
  [4, "Ⅳ"],
  [5, "Ⅴ"],
] as const;

/** Registers or edits a section through the API; a stale edit reloads the current section and says so. */
export function SectionForm({ initial, districts }: { initial: SectionFormValues; districts: { code: string; name: string }[] }) {
  const t = useTranslations("sections");
  const toast = useToast();
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "ok" | "bad"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const editing = initial.id !== undefined;

  const set = <K extends keyof SectionFormValues>(key: K, value: SectionFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    setErrors({});
    const { id, version, ...body } = values;
    try {
      const res = await fetch(editing ? `/api/v1/sections/${id}` : "/api/v1/sections", {
        method: editing ? "PATCH" : "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(editing ? { version, ...body } : body),
      });
      const json = await res.json().catch(() => ({}));
      if (res.ok) {
        setMessage({ tone: "ok", text: t("saved") });
        toast.show(t("saved"));
        if (editing) {
          setValues({ ...values, version: json.version });
          router.refresh();
        } else router.push(`/sections/${json.id}`);
      } else if (res.status === 409 && json.error?.current) {
        const c = json.error.current;
        setValues({
          id: c.id,
          version: c.version,
          code: c.code,
          name: c.name,
          waterBody: c.waterBody,
          districtCode: c.districtCode,
          level: c.level,
          targetClass: c.targetClass,
          active: c.active,
        });
        setMessage({ tone: "bad", text: t("conflict") });
      } else if (res.status === 422 && json.error?.fields) {
        setErrors(json.error.fields);
      } else {
        setMessage({ tone: "bad", text: json.error?.message ?? t("failed", { status: res.status }) });
      }
    } catch {
      setMessage({ tone: "bad", text: t("network") });
    } finally {
      setBusy(false);
    }
  }

  const field = (name: keyof SectionFormValues, label: string, input: React.ReactNode) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`section-${name}`} className="font-medium text-sm">
        {label}
      </label>
      {input}
      {errors[name]?.map((m) => (
        <p key={m} id={`section-${name}-error`} className="text-red-700 text-sm">
          {m}
        </p>
      ))}
    </div>
  );
  const inputClass = "rounded border border-slate-300 px-2 py-1.5";
  const described = (name: string) => (errors[name] ? { "aria-invalid": true, "aria-describedby": `section-${name}-error` } : {});

  return (
    <form onSubmit={submit} className="grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2">
      {field(
        "code",
        t("code"),
        <input
          id="section-code"
          required
          value={values.code}
          onChange={(e) => set("code", e.target.value)}
          className={`${inputClass} font-mono`}
          {...described("code")}
        />,
      )}
      {field(
        "name",
        t("name"),
        <input
          id="section-name"
          required
          value={values.name}
          onChange={(e) => set("name", e.target.value)}
          className={inputClass}
          {...described("name")}
        />,
      )}
      {field(
        "waterBody",
        t("waterBody"),
        <input
          id="section-waterBody"
          required
          value={values.waterBody}
          onChange={(e) => set("waterBody", e.target.value)}
          className={inputClass}
          {...described("waterBody")}
        />,
      )}
      {field(
        "districtCode",
        t("district"),
        <select
          id="section-districtCode"
          value={values.districtCode}
          onChange={(e) => set("districtCode", e.target.value)}
          className={inputClass}
          {...described("districtCode")}
        >
          {districts.map((d) => (
            <option key={d.code} value={d.code}>
              {d.name}
            </option>
          ))}
        </select>,
      )}
      {field(
        "level",
        t("level"),
        <select
          id="section-level"
          value={values.level}
          onChange={(e) => set("level", e.target.value as SectionFormValues["level"])}
          className={inputClass}
          {...described("level")}
        >
          <option value="NATIONAL">{t("levels.NATIONAL")}</option>
          <option value="PROVINCIAL">{t("levels.PROVINCIAL")}</option>
        </select>,
      )}
      {field(
        "targetClass",
        t("targetClass"),
        <select
          id="section-targetClass"
          value={values.targetClass}
          onChange={(e) => set("targetClass", Number(e.target.value))}
          className={inputClass}
          {...described("targetClass")}
        >
          {CLASS_OPTIONS.map(([n, label]) => (
            <option key={n} value={n}>
              {label}
            </option>
          ))}
        </select>,
      )}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={values.active} onChange={(e) => set("active", e.target.checked)} />
        {t("active")}
      </label>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <button type="submit" disabled={busy} className="btn-primary">
          {busy ? t("saving") : t("save")}
        </button>
        {errors._?.map((m) => (
          <span key={m} role="alert" className="text-red-700 text-sm">
            {m}
          </span>
        ))}
        {message && (
          <span
            role={message.tone === "bad" ? "alert" : "status"}
            className={message.tone === "bad" ? "text-red-700 text-sm" : "text-emerald-700 text-sm"}
          >
            {message.text}
          </span>
        )}
      </div>
    </form>
  );
}
