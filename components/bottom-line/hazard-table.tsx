"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ColourBadge } from "@/components/problems/colour-badge";
import { Badge } from "@/components/ui/badge";
import { FormAlert } from "@/components/ui/form-alert";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/schemas/action-result";
import type { HazardDto } from "@/lib/server/hazards/list-hazards";

const LEVEL_TONE = { GENERAL: "slate", MAJOR: "amber", SEVERE: "red" } as const;

/**
 * The hazards found by sweeps, coloured like problems. Coordinators turn them into ledger problems
 * one by one or several at once (one transaction: all or none).
 */
export function HazardTable({
  items,
  canConvert,
  convert,
}: {
  items: HazardDto[];
  canConvert: boolean;
  convert: (ids: string[]) => Promise<ActionResult>;
}) {
  const t = useTranslations("bottomLine.hazards");
  const level = useTranslations("bottomLine.level");
  const [selected, setSelected] = useState<string[]>([]);
  const { pending, result, run } = useAction();
  const convertible = items.filter((h) => !h.problem);
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const submit = (ids: string[]) =>
    run(
      () => convert(ids),
      () => setSelected([]),
    );

  if (items.length === 0) return <p className="p-4 text-slate-700 text-sm">{t("empty")}</p>;
  return (
    <div>
      {canConvert && convertible.length > 0 && (
        <div className="flex flex-wrap items-center gap-2 border-slate-200 border-b p-3">
          <button
            type="button"
            className="btn-primary"
            disabled={pending || selected.length === 0}
            onClick={() => submit(selected)}
            data-testid="hazards-convert-selected"
          >
            {t("convertSelected", { count: selected.length })}
          </button>
          <span className="text-slate-600 text-sm">{t("convertHint")}</span>
        </div>
      )}
      <div className="px-3 pt-2">
        <FormAlert result={result} />
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="hazard-table">
          <caption className="sr-only">{t("caption", { count: items.length })}</caption>
          <thead className="bg-slate-50 text-left text-slate-700">
            <tr>
              {canConvert && (
                <th scope="col" className="w-10 px-3 py-2">
                  <span className="sr-only">{t("select")}</span>
                </th>
              )}
              <th scope="col" className="px-3 py-2">
                {t("level")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("hazard")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("target")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("district")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("deadline")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("colour")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("problem")}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((h) => (
              <tr key={h.id} className="border-slate-100 border-t align-top" data-testid="hazard-row" data-hazard-id={h.id}>
                {canConvert && (
                  <td className="px-3 py-2">
                    {!h.problem && (
                      <input
                        type="checkbox"
                        className="h-5 w-5"
                        checked={selected.includes(h.id)}
                        onChange={() => toggle(h.id)}
                        aria-label={t("selectOne", { item: h.item, target: h.target })}
                      />
                    )}
                  </td>
                )}
                <td className="px-3 py-2">
                  <Badge tone={LEVEL_TONE[h.level]}>{level(h.level)}</Badge>
                </td>
                <td className="px-3 py-2">
                  <div className="font-medium">{h.item}</div>
                  <div className="text-slate-600">{h.description}</div>
                </td>
                <td className="px-3 py-2">{h.target}</td>
                <td className="px-3 py-2 whitespace-nowrap">{h.district.name}</td>
                <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                  {h.deadline}
                  {h.overdue && <span className="ml-1 font-medium text-red-700">{t("overdue")}</span>}
                </td>
                <td className="px-3 py-2">
                  <ColourBadge colour={h.colour} />
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {h.problem ? (
                    <Link href={`/problems/${h.problem.id}`} className="link" data-testid="hazard-problem-link">
                      {h.problem.code}
                    </Link>
                  ) : canConvert ? (
                    <button
                      type="button"
                      className="btn-secondary"
                      disabled={pending}
                      onClick={() => submit([h.id])}
                      data-testid="hazard-convert"
                    >
                      {t("convertOne")}
                    </button>
                  ) : (
                    <span className="text-slate-500">{t("notYet")}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
