import { useTranslations } from "next-intl";
import { COLOURS } from "@/lib/domain/colour";
import { COLOUR_HEX } from "./colour-badge";

/** The ledger's colour-grade filter: one checkbox per grade (`colour=RED,YELLOW`), each with its swatch and name. */
export function ColourFilter({ selected }: { selected?: string }) {
  const t = useTranslations("colourExplain");
  const tg = useTranslations("grade");
  const chosen = new Set((selected ?? "").split(",").filter(Boolean));
  return (
    <fieldset className="sm:col-span-2" data-testid="colour-filter">
      <legend className="field-label text-xs">
        {t("filterLegend")} <span className="font-normal text-slate-500">{t("filterHint")}</span>
      </legend>
      <div className="flex flex-wrap gap-x-3 gap-y-1 pt-1">
        {COLOURS.map((c) => (
          <label key={c} className="inline-flex min-h-9 cursor-pointer items-center gap-1.5 text-sm">
            <input type="checkbox" name="colour" value={c} defaultChecked={chosen.has(c)} className="h-4 w-4" />
            <span aria-hidden className="h-2.5 w-2.5 rounded-full" style={{ background: COLOUR_HEX[c] }} />
            {tg(c)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
