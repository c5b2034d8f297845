import type { ColourName } from "@/lib/domain/colour";

const TONE: Record<ColourName, string> = {
  BLUE: "bg-sky-100 text-sky-900 ring-sky-300",
  GREEN: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  YELLOW: "bg-amber-100 text-amber-900 ring-amber-300",
  RED: "bg-red-100 text-red-900 ring-red-300",
};

/** A campaign target's progress, coloured by pace like a problem's grade (the colour also said in words). */
export function PaceBar({ colour, percent, label }: { colour: ColourName; percent: number; label: string }) {
  return (
    <span className={`inline-flex items-center gap-2 rounded px-1.5 py-0.5 text-xs ring-1 ${TONE[colour]}`} title={label}>
      <span className="relative inline-block h-1.5 w-16 overflow-hidden rounded bg-white/70" aria-hidden="true">
        <span className="absolute inset-y-0 left-0 bg-current" style={{ width: `${percent}%` }} />
      </span>
      <span>
        {percent}% · {label}
      </span>
    </span>
  );
}
