export type BadgeTone = "slate" | "sky" | "blue" | "amber" | "violet" | "indigo" | "emerald" | "teal" | "red" | "orange";

const TONES: Record<BadgeTone, string> = {
  slate: "bg-slate-100 text-slate-700 ring-slate-300",
  sky: "bg-sky-50 text-sky-800 ring-sky-300",
  blue: "bg-blue-50 text-blue-800 ring-blue-300",
  amber: "bg-amber-50 text-amber-900 ring-amber-300",
  violet: "bg-violet-50 text-violet-800 ring-violet-300",
  indigo: "bg-indigo-50 text-indigo-800 ring-indigo-300",
  emerald: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  teal: "bg-teal-50 text-teal-800 ring-teal-300",
  red: "bg-red-600 text-white ring-red-700",
  orange: "bg-orange-50 text-orange-800 ring-orange-300",
};

export function Badge({ tone, children, className = "" }: { tone: BadgeTone; children: React.ReactNode; className?: string }) {
  return (
    <span
      className={`inline-flex items-center whitespace-nowrap rounded px-1.5 py-0.5 font-medium text-xs ring-1 ring-inset ${TONES[tone]} ${className}`}
    >
      {children}
    </span>
  );
}
