import Link from "next/link";
import { useTranslations } from "next-intl";

/** Two links that set the board's time scale (`zoom=year` or none), keeping the filters in the URL. */
export function TimelineZoom({ zoom, params }: { zoom: "fit" | "year"; params: Record<string, string | string[] | undefined> }) {
  const t = useTranslations("timelineZoom");
  const href = (z: "fit" | "year") => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
      if (k === "zoom" || v === undefined) continue;
      for (const one of Array.isArray(v) ? v : [v]) q.append(k, one);
    }
    if (z === "year") q.set("zoom", "year");
    const s = q.toString();
    return s ? `/timeline?${s}` : "/timeline";
  };
  return (
    <nav aria-label={t("label")} className="inline-flex overflow-hidden rounded-md border border-slate-300 text-sm">
      {(["fit", "year"] as const).map((z) => (
        <Link
          key={z}
          href={href(z)}
          aria-current={zoom === z ? "true" : undefined}
          className={`px-3 py-1.5 ${zoom === z ? "bg-slate-800 text-white" : "bg-white text-slate-700 hover:bg-slate-100"}`}
          data-testid={`timeline-zoom-${z}`}
        >
          {t(z)}
        </Link>
      ))}
    </nav>
  );
}
