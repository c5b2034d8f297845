"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { FieldError, FormField } from "@/components/ui/form-field";
import { useAction } from "@/components/ui/use-action";
import { PARK_KINDS } from "@/lib/domain/bottom-line";
import { type ActionResult, fieldError } from "@/lib/schemas/action-result";

type Enterprise = {
  id: string;
  name: string;
  creditCode: string;
  districtId: string;
  parkId: string | null;
  parkName: string | null;
};

export type ParkFormValues = { id: string; name: string; kind: string; districtId: string; enterpriseIds: string[] };

const INPUTS = ["name", "kind", "districtId", "enterpriseIds"];
const SHOWN = 200;

/**
 * Registers or edits a park: name, kind, district, and its enterprises picked from the register of
 * that district (a name or credit-code filter narrows the list; one already in another park says so).
 */
export function ParkRegisterForm({
  districts,
  enterprises,
  initial,
  submit,
}: {
  districts: { id: string; name: string }[];
  enterprises: Enterprise[];
  initial?: ParkFormValues;
  submit: (input: unknown) => Promise<ActionResult<{ id: string }>>;
}) {
  const t = useTranslations("bottomLineForms.park");
  const kinds = useTranslations("bottomLine.parkKind");
  const router = useRouter();
  const { pending, result, run } = useAction({ success: t("saved") });
  const err = (k: string) => fieldError(result, k);
  const [districtId, setDistrictId] = useState(initial?.districtId ?? "");
  const [chosen, setChosen] = useState<string[]>(initial?.enterpriseIds ?? []);
  const [filter, setFilter] = useState("");
  const byId = new Map(enterprises.map((e) => [e.id, e]));
  const q = filter.trim().toLowerCase();
  const candidates = enterprises.filter(
    (e) =>
      e.districtId === districtId &&
      !chosen.includes(e.id) &&
      (!q || e.name.toLowerCase().includes(q) || e.creditCode.toLowerCase().includes(q)),
  );
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        run(
          () => submit({ name: f.get("name"), kind: f.get("kind"), districtId: districtId || undefined, enterpriseIds: chosen }),
          (data) => data && router.push(`/bottom-line/parks/${data.id}`),
        );
      }}
    >
      <section className="card grid gap-3 p-4 sm:grid-cols-3">
        <FormField label={t("name")} error={err("name")}>
          {(p) => <input {...p} name="name" className="field-input" maxLength={100} defaultValue={initial?.name} />}
        </FormField>
        <FormField label={t("kind")} error={err("kind")}>
          {(p) => (
            <select {...p} name="kind" className="field-input" defaultValue={initial?.kind ?? ""}>
              <option value="">{t("choose")}</option>
              {PARK_KINDS.map((k) => (
                <option key={k} value={k}>
                  {kinds(k)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t("district")} error={err("districtId")}>
          {(p) => (
            <select {...p} className="field-input" value={districtId} onChange={(e) => setDistrictId(e.target.value)}>
              <option value="">{t("choose")}</option>
              {districts.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </section>
      <fieldset className="card space-y-3 p-4">
        <legend className="px-1 font-semibold">{t("enterprises", { count: chosen.length })}</legend>
        {chosen.length > 0 && (
          <ul className="flex flex-wrap gap-2" aria-label={t("chosen")} data-testid="park-chosen">
            {chosen.map((id) => {
              const e = byId.get(id);
              return (
                <li
                  key={id}
                  className="inline-flex items-center gap-1 rounded-full border border-slate-300 bg-slate-50 py-1 pr-1 pl-3 text-sm"
                >
                  {e?.name ?? id}
                  <button
                    type="button"
                    className="min-h-8 min-w-8 rounded-full hover:bg-slate-200"
                    aria-label={t("removeEnterprise", { name: e?.name ?? id })}
                    onClick={() => setChosen(chosen.filter((x) => x !== id))}
                  >
                    ×
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        {districtId ? (
          <>
            <FormField label={t("filter")} hint={t("filterHint")}>
              {(p) => (
                <input {...p} type="search" className="field-input" value={filter} onChange={(e) => setFilter(e.target.value)} />
              )}
            </FormField>
            {candidates.length === 0 ? (
              <p className="text-slate-600 text-sm">{t("noCandidates")}</p>
            ) : (
              <ul className="max-h-72 space-y-1 overflow-y-auto" aria-label={t("candidates")} data-testid="park-candidates">
                {candidates.slice(0, SHOWN).map((e) => (
                  <li key={e.id}>
                    <button
                      type="button"
                      className="w-full rounded px-2 py-2 text-left text-sm hover:bg-slate-100 focus-visible:bg-slate-100"
                      onClick={() => setChosen([...chosen, e.id])}
                      aria-label={t("addEnterprise", { name: e.name })}
                    >
                      + {e.name} <span className="text-slate-500 text-xs">{e.creditCode}</span>
                      {e.parkName && e.parkId !== initial?.id && (
                        <span className="ml-1 text-amber-800 text-xs">{t("inOtherPark", { park: e.parkName })}</span>
                      )}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {candidates.length > SHOWN && (
              <p className="text-slate-600 text-xs">{t("more", { count: candidates.length - SHOWN })}</p>
            )}
          </>
        ) : (
          <p className="text-slate-600 text-sm">{t("districtFirst")}</p>
        )}
        <FieldError id="enterpriseIds-err" message={err("enterpriseIds")} />
      </fieldset>
      <FormAlert result={result} inputs={INPUTS} />
      <button type="submit" className="btn-primary" disabled={pending} data-testid="park-submit">
        {initial ? t("save") : t("register")}
      </button>
    </form>
  );
}
