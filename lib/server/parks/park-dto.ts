import "server-only";
import type { Prisma } from "@prisma/client";
import { itemColour, itemPercent, itemStatus, type LevelRollUp, rollUp } from "../../domain/bottom-line";
import { formatCalendarDate } from "../../domain/calendar";
import type { ColourName } from "../../domain/colour";
import type { Settings } from "../../domain/settings";

export const parkInclude = {
  district: { select: { id: true, name: true, code: true } },
  items: { orderBy: [{ level: "asc" }, { deadline: "asc" }, { name: "asc" }] },
  assessments: { orderBy: [{ assessedOn: "desc" }, { createdAt: "desc" }] },
  drills: { orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }] },
  enterprises: { select: { id: true, name: true, creditCode: true, status: true }, orderBy: { name: "asc" } },
} satisfies Prisma.ParkInclude;

type Row = Prisma.ParkGetPayload<{ include: typeof parkInclude }>;

export type ParkDto = {
  id: string;
  name: string;
  kind: string;
  isDemo: boolean;
  district: { id: string; name: string };
  enterprises: { id: string; name: string; creditCode: string; status: string }[];
  levels: LevelRollUp[];
  all: Omit<LevelRollUp, "level">;
  items: {
    id: string;
    level: string;
    kind: string;
    name: string;
    targetQty: number;
    doneQty: number;
    percent: number;
    status: string;
    colour: ColourName;
    startOn: string;
    deadline: string;
    version: number;
  }[];
  assessments: { id: string; assessedOn: string; findings: string; result: string }[];
  drills: { id: string; level: string; heldOn: string; scenario: string; participants: number; itemId: string | null }[];
};

export function toParkDto(p: Row, today: Date, settings: Pick<Settings, "paceMarginPct" | "dueSoonDays">): ParkDto {
  const r = rollUp(p.items, today, settings);
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    isDemo: p.isDemo,
    district: { id: p.district.id, name: p.district.name },
    enterprises: p.enterprises,
    levels: r.levels,
    all: r.all,
    items: p.items.map((i) => ({
      id: i.id,
      level: i.level,
      kind: i.kind,
      name: i.name,
      targetQty: i.targetQty,
      doneQty: i.doneQty,
      percent: itemPercent(i),
      status: itemStatus(i),
      colour: itemColour(i, today, settings),
      startOn: formatCalendarDate(i.startOn),
      deadline: formatCalendarDate(i.deadline),
      version: i.version,
    })),
    assessments: p.assessments.map((a) => ({
      id: a.id,
      assessedOn: formatCalendarDate(a.assessedOn),
      findings: a.findings,
      result: a.result,
    })),
    drills: p.drills.map((d) => ({
      id: d.id,
      level: d.level,
      heldOn: formatCalendarDate(d.heldOn),
      scenario: d.scenario,
      participants: d.participants,
      itemId: d.itemId,
    })),
  };
}
