import type { ColourName } from "@/lib/domain/colour";
import type { ProblemStatusName } from "@/lib/domain/enums";
import { OverdueBadge, StatusBadge } from "./badges";
import { ColourBadge } from "./colour-badge";

/** The top line of a problem card: its code, then overdue days, colour and status. */
export function CardHeading({
  problem,
}: {
  problem: { code: string; overdue: boolean; overdueDays: number; colour: ColourName; status: ProblemStatusName };
}) {
  return (
    <div className="flex items-start justify-between gap-2">
      <span className="font-mono text-slate-500 text-xs">{problem.code}</span>
      <span className="flex flex-wrap justify-end gap-1">
        {problem.overdue ? <OverdueBadge days={problem.overdueDays} /> : null}
        <ColourBadge colour={problem.colour} />
        <StatusBadge status={problem.status} />
      </span>
    </div>
  );
}
