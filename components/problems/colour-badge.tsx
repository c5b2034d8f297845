import { useTranslations } from "next-intl";
import type { ColourName } from "@/lib/domain/colour";

/** Swatch colours of the grades, shared by the badges and the timeline board. */
export const COLOUR_HEX: Record<ColourName, string> = {
  BLUE: "#1d4ed8",
  GREEN: "#15803d",
  YELLOW: "#b45309",
  RED: "#dc2626",
};

const BADGE: Record<ColourName, string> = {
  BLUE: "bg-blue-50 text-blue-800 ring-blue-300",
  GREEN: "bg-green-50 text-green-800 ring-green-300",
  YELLOW: "bg-amber-100 text-amber-900 ring-amber-400",
  RED: "bg-red-600 text-white ring-red-700",
};

/** The colour grade (已销号 / 正常推进 / 滞后预警 / 严重滞后) as a dot and its name, never colour alone. */
export function ColourBadge({ colour, className = "" }: { colour: ColourName; className?: string }) {
  const t = useTranslations("grade");
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded px-1.5 py-0.5 font-medium text-xs ring-1 ring-inset ${BADGE[colour]} ${className}`}
      data-testid="colour-badge"
      data-colour={colour}
    >
      <span aria-hidden className="h-2 w-2 rounded-full" style={{ background: colour === "RED" ? "#fff" : COLOUR_HEX[colour] }} />
      {t(colour)}
    </span>
  );
}
