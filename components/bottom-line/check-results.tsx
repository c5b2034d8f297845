import { useTranslations } from "next-intl";
import { SweepPhotos } from "./sweep-photos";

type Result = {
  itemId: string;
  verdict: string;
  note: string;
  files: {
    id: string;
    originalName: string;
    mime: string;
    hasThumb: boolean;
    capturedAt: string | null;
    latitude: number | null;
    longitude: number | null;
    uploadedAt: string;
  }[];
};

const VERDICT_TONE: Record<string, string> = {
  PASS: "bg-green-100 text-green-900",
  FAIL: "bg-red-100 text-red-900",
  NOT_APPLICABLE: "bg-slate-100 text-slate-800",
};

/** A checked target's verdict on each checklist item, its note and its photos (with the viewer). */
export function CheckResults({
  items,
  results,
  place,
}: {
  items: { id: string; title: string }[];
  results: Result[];
  place: string;
}) {
  const t = useTranslations("bottomLine.verdict");
  const byItem = new Map(results.map((r) => [r.itemId, r]));
  return (
    <ol className="space-y-3" data-testid="check-results">
      {items.map((item) => {
        const r = byItem.get(item.id);
        if (!r) return null;
        return (
          <li key={item.id} className="border-slate-100 border-t pt-2 first:border-t-0 first:pt-0">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{item.title}</span>
              <span className={`rounded px-2 py-0.5 text-xs ${VERDICT_TONE[r.verdict] ?? ""}`}>{t(r.verdict)}</span>
            </div>
            {r.note && <p className="text-slate-700 text-sm">{r.note}</p>}
            <div className="mt-1">
              <SweepPhotos place={place} photos={r.files.map((f) => ({ ...f, itemTitle: item.title }))} />
            </div>
          </li>
        );
      })}
    </ol>
  );
}
