"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { createPointAction, updatePointAction } from "@/app/(app)/bottom-line/taihu/points/actions";
import { Badge } from "@/components/ui/badge";
import { Dialog } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { FormField } from "@/components/ui/form-field";
import { useAction } from "@/components/ui/use-action";
import { fieldError } from "@/lib/schemas/action-result";
import type { PointDto } from "@/lib/schemas/taihu";

type Option = { value: string; label: string };
type Draft = {
  code: string;
  name: string;
  kind: string;
  location: string;
  districtCode: string;
  dutyLeaderId: string;
  algaeWarn: string;
  algaeAlert: string;
  bloomWarn: string;
  bloomAlert: string;
  active: boolean;
};

const text = (n: number | null) => (n === null ? "" : String(n));

function draftOf(p: PointDto | null): Draft {
  return {
    code: p?.code ?? "",
    name: p?.name ?? "",
    kind: p?.kind ?? "LAKE_ZONE",
    location: p?.location ?? "",
    districtCode: p?.district?.code ?? "",
    dutyLeaderId: p?.dutyLeaderId ?? "",
    algaeWarn: text(p?.algaeWarn ?? null),
    algaeAlert: text(p?.algaeAlert ?? null),
    bloomWarn: text(p?.bloomWarn ?? null),
    bloomAlert: text(p?.bloomAlert ?? null),
    active: p?.active ?? true,
  };
}

/** The add / edit form of one point, in a dialog. */
function PointForm({
  point,
  districts,
  leaders,
  onDone,
}: {
  point: PointDto | null;
  districts: Option[];
  leaders: Option[];
  onDone: () => void;
}) {
  const t = useTranslations("taihuPoints");
  const tk = useTranslations("taihu");
  const { pending, result, run } = useAction({ success: t("saved") });
  const [f, setF] = useState<Draft>(() => draftOf(point));
  const set = (k: keyof Draft) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setF({ ...f, [k]: e.target.type === "checkbox" ? (e.target as HTMLInputElement).checked : e.target.value });
  const err = (k: string) => fieldError(result, k);
  const input = (k: "name" | "location" | "code", label: string, hint?: string) => (
    <FormField id={`point-${k}`} label={label} hint={hint} error={err(k)}>
      {(p) => <input {...p} className="field-input" value={f[k]} onChange={set(k)} autoComplete="off" />}
    </FormField>
  );
  const threshold = (k: "algaeWarn" | "algaeAlert" | "bloomWarn" | "bloomAlert") => (
    <FormField id={`point-${k}`} label={t(k)} error={err(k)}>
      {(p) => <input {...p} className="field-input" inputMode="decimal" value={f[k]} onChange={set(k)} />}
    </FormField>
  );
  const select = (k: "kind" | "districtCode" | "dutyLeaderId", label: string, options: Option[]) => (
    <FormField id={`point-${k}`} label={label} error={err(k)}>
      {(p) => (
        <select {...p} className="field-input" value={f[k]} onChange={set(k)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
  return (
    <form
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const { code, active, ...rest } = f;
        run(
          () =>
            point
              ? updatePointAction(point.id, { ...rest, active, version: point.version })
              : createPointAction({ code, ...rest }),
          onDone,
        );
      }}
    >
      <FormAlert result={result} inputs={Object.keys(f)} pending={pending} />
      <div className="grid gap-3 sm:grid-cols-2">
        {point ? null : input("code", t("code"), t("codeHint"))}
        {input("name", t("name"))}
        {select(
          "kind",
          t("kind"),
          (["LAKE_ZONE", "DRINKING_SOURCE"] as const).map((k) => ({ value: k, label: tk(`kinds.${k}`) })),
        )}
        {select("districtCode", t("district"), [{ value: "", label: t("noDistrict") }, ...districts])}
        <div className="sm:col-span-2">{input("location", t("location"), t("locationHint"))}</div>
        <div className="sm:col-span-2">
          {select("dutyLeaderId", t("dutyLeader"), [{ value: "", label: t("dutyLeaderNone") }, ...leaders])}
        </div>
      </div>
      <fieldset className="space-y-2 rounded border border-slate-200 p-3">
        <legend className="px-1 font-medium text-sm">{t("thresholds")}</legend>
        <p className="text-slate-600 text-xs">{t("thresholdsHint")}</p>
        <div className="grid gap-3 sm:grid-cols-2">
          {threshold("algaeWarn")}
          {threshold("algaeAlert")}
          {threshold("bloomWarn")}
          {threshold("bloomAlert")}
        </div>
      </fieldset>
      {point ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={f.active} onChange={set("active")} />
          {t("activeLabel")}
        </label>
      ) : null}
      <div className="flex gap-2">
        <button type="submit" className="btn-primary" disabled={pending}>
          {t("save")}
        </button>
        <button type="button" className="btn-secondary" onClick={onDone}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

/** Monitoring points with their thresholds: a list, an add button and an edit button per point. */
export function PointManager({ points, districts, leaders }: { points: PointDto[]; districts: Option[]; leaders: Option[] }) {
  const t = useTranslations("taihuPoints");
  const tk = useTranslations("taihu");
  const [editing, setEditing] = useState<PointDto | "new" | null>(null);
  const leaderName = new Map(leaders.map((l) => [l.value, l.label]));
  const range = (warn: number | null, alert: number | null) => `${warn ?? "—"} / ${alert ?? "—"}`;
  return (
    <div className="space-y-3">
      <button type="button" className="btn-primary" onClick={() => setEditing("new")}>
        {t("add")}
      </button>
      {points.length === 0 ? (
        <p className="text-slate-600">{t("none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[48rem] text-sm" data-testid="taihu-points">
            <caption className="sr-only">{t("title")}</caption>
            <thead className="text-left text-slate-600">
              <tr>
                <th scope="col" className="py-2">
                  {t("code")}
                </th>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("location")}</th>
                <th scope="col">{t("district")}</th>
                <th scope="col">{t("dutyLeader")}</th>
                <th scope="col">{tk("algae")}</th>
                <th scope="col">{tk("bloom")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">
                  <span className="sr-only">{t("edit")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.id} className="border-slate-200 border-t align-top">
                  <td className="py-2 font-mono">{p.code}</td>
                  <td>
                    {p.name} <span className="text-slate-500 text-xs">{tk(`kinds.${p.kind}`)}</span>
                  </td>
                  <td>{p.location ?? "—"}</td>
                  <td>{p.district?.name ?? "—"}</td>
                  <td>{p.dutyLeaderId ? (leaderName.get(p.dutyLeaderId) ?? "—") : t("dutyLeaderNone")}</td>
                  <td className="tabular-nums">{range(p.algaeWarn, p.algaeAlert)}</td>
                  <td className="tabular-nums">{range(p.bloomWarn, p.bloomAlert)}</td>
                  <td>{p.active ? <Badge tone="emerald">{t("active")}</Badge> : <Badge tone="slate">{t("inactive")}</Badge>}</td>
                  <td>
                    <button type="button" className="link" onClick={() => setEditing(p)} aria-label={`${t("edit")} ${p.name}`}>
                      {t("edit")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Dialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={editing && editing !== "new" ? t("editTitle", { name: editing.name }) : t("addTitle")}
        testId="point-dialog"
      >
        {editing !== null ? (
          <PointForm
            key={editing === "new" ? "new" : `${editing.id}-${editing.version}`}
            point={editing === "new" ? null : editing}
            districts={districts}
            leaders={leaders}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </Dialog>
    </div>
  );
}
