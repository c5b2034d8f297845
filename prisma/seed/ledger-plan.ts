/** The demo ledger as a pure, deterministic plan relative to today (what seedDemo then loads). */
import type { DeadlineBand, MeasureStatus, ProblemCategory, ProblemSource, ProblemStatus } from "@prisma/client";
import { progressOf } from "../../tests/factories";
import { USERS } from "./people";
import { FIRM_A, FIRM_B, landline, personName, Rng } from "./random";
import { DISTRICTS, type DistrictDef } from "./reference-data";
import { CATEGORY_DIVISION, type Ctx, MONITORED, roundAndPrefix, TEMPLATES, type Template } from "./templates";

export const DAY_MS = 86_400_000;
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
export const LEDGER_SIZE = 192;

// ---------------------------------------------------------------- the ledger plan (pure, deterministic)

export const STATUS_COUNTS: Record<ProblemStatus, number> = {
  REGISTERED: 12,
  ASSIGNED: 16,
  RECTIFYING: 60,
  PENDING_ACCEPTANCE: 12,
  PUBLIC_NOTICE: 8,
  PENDING_SIGNOFF: 8,
  CLOSED: 60,
  ONGOING: 16,
};
export const SOURCE_COUNTS: Record<ProblemSource, number> = {
  CENTRAL_INSPECTION: 36,
  CENTRAL_LOOKBACK: 20,
  PROVINCIAL_INSPECTION: 36,
  WARNING_FILM: 14,
  PETITION: 30,
  ENFORCEMENT: 28,
  SELF_CHECK: 20,
  // Hazard-sweep problems come from the sweeps' own demo data, not the generated ledger.
  HAZARD_SWEEP: 0,
  OTHER: 8,
};
export const CATEGORY_COUNTS: Record<ProblemCategory, number> = {
  WATER: 44,
  AIR: 40,
  SOIL: 18,
  SOLID_WASTE: 26,
  NOISE: 14,
  ECOLOGY: 24,
  RISK: 16,
  OTHER: 10,
};
export const DISTRICT_COUNTS: Record<string, number> = {
  "320205": 22,
  "320206": 22,
  "320211": 24,
  "320213": 22,
  "320214": 22,
  "320281": 30,
  "320282": 30,
  "320299": 20,
};
/** Preferred bands of the problems with a deadline; infeasible picks fall back (e.g. IMMEDIATE cannot be far in the future). */
export const BAND_PREFERENCE: Record<Exclude<DeadlineBand, "ONGOING">, number> = { IMMEDIATE: 26, SHORT: 70, MID: 48, LONG: 26 };

/** How many problems of a status are overdue / due within 30 days (~15 % of the open ledger overdue). */
export const TIMING_PLAN: Partial<Record<ProblemStatus, { overdue: number; dueSoon: number }>> = {
  REGISTERED: { overdue: 0, dueSoon: 1 },
  ASSIGNED: { overdue: 2, dueSoon: 2 },
  RECTIFYING: { overdue: 13, dueSoon: 6 },
  PENDING_ACCEPTANCE: { overdue: 2, dueSoon: 1 },
  PUBLIC_NOTICE: { overdue: 0, dueSoon: 1 },
  PENDING_SIGNOFF: { overdue: 1, dueSoon: 0 },
};
export const RECTIFYING_ONGOING_BAND = 6;
export const RELAPSES = 4;

/** Band durations in days (deadline − registration). */
export const BAND_DAYS: Record<Exclude<DeadlineBand, "ONGOING">, readonly [number, number]> = {
  IMMEDIATE: [7, 30],
  SHORT: [60, 365],
  MID: [366, 1095],
  LONG: [1096, 1826],
};

/** Registration day window per status, in days relative to today. */
export const CREATED_WINDOW: Record<ProblemStatus, readonly [number, number]> = {
  REGISTERED: [-40, -8],
  ASSIGNED: [-120, -8],
  RECTIFYING: [-1095, -20],
  PENDING_ACCEPTANCE: [-1095, -30],
  PUBLIC_NOTICE: [-1095, -30],
  PENDING_SIGNOFF: [-1095, -30],
  CLOSED: [-1095, -30],
  ONGOING: [-1095, -8],
};

export type Timing = "overdue" | "dueSoon" | "future" | "any";
export const DEADLINE_WINDOW: Record<Timing, readonly [number, number]> = {
  overdue: [-150, -1],
  dueSoon: [0, 30],
  future: [31, 2000],
  any: [-5000, 5000],
};

export type PlannedMeasure = {
  seq: number;
  description: string;
  ownerUnit: string;
  ownerPerson: string;
  milestone: Date;
  status: MeasureStatus;
  percent: number;
};

export type PlannedProblem = {
  code: string;
  title: string;
  description: string;
  source: ProblemSource;
  round: string;
  category: ProblemCategory;
  districtCode: string;
  locationText: string;
  lat: number | null;
  lng: number | null;
  leadOfficial: string;
  leadUnit: string;
  coUnits: string[];
  acceptanceUnit: string;
  responsiblePerson: string;
  responsiblePhone: string;
  target: string;
  deadlineBand: DeadlineBand;
  deadline: Date | null;
  status: ProblemStatus;
  relapse: boolean;
  progress: number;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  measures: PlannedMeasure[];
};

export const dayDate = (day: number) => new Date(day * DAY_MS);
/** An instant on a Shanghai calendar day at the given local hour and minute. */
export const dayInstant = (day: number, hour: number, minute: number) =>
  new Date(day * DAY_MS - SHANGHAI_OFFSET_MS + (hour * 60 + minute) * 60_000);

export function solveDates(
  r: Rng,
  band: Exclude<DeadlineBand, "ONGOING">,
  created: readonly [number, number],
  due: readonly [number, number],
): { createdDay: number; deadlineDay: number } | null {
  const [dMin, dMax] = BAND_DAYS[band];
  const cLo = Math.max(created[0], due[0] - dMax);
  const cHi = Math.min(created[1], due[1] - dMin);
  if (cLo > cHi) return null;
  const c = r.int(cLo, cHi);
  const d = r.int(Math.max(dMin, due[0] - c), Math.min(dMax, due[1] - c));
  return { createdDay: c, deadlineDay: c + d };
}

export function planMeasures(
  r: Rng,
  p: { status: ProblemStatus; relapse: boolean; createdDay: number; deadlineDay: number | null },
  tpl: Template,
  owners: readonly string[],
  todayDay: number,
): PlannedMeasure[] {
  const early = p.status === "REGISTERED" || p.status === "ASSIGNED";
  const working = p.status === "RECTIFYING" || p.status === "ONGOING";
  const n = early ? r.int(0, 2) : r.pick([1, 2, 2, 3, 3, 3, 4, 4, 5]);
  const chosen = r
    .shuffle(tpl.measures.map((_, i) => i))
    .slice(0, n)
    .sort((a, b) => a - b);
  const descriptions = chosen.map((i) => tpl.measures[i] as string);
  if (p.relapse) descriptions.push("针对“回头看”发现的问题反弹，重新制定整改措施并落实长效监管");
  const count = descriptions.length;
  return descriptions.map((description, i) => {
    const seq = i + 1;
    // Milestones spread over the rectification period; long-term problems get one per quarter.
    const milestoneDay =
      p.deadlineDay === null
        ? p.createdDay + 90 * seq
        : p.createdDay +
          Math.max(1, Math.round((p.deadlineDay - p.createdDay) * (seq / count) * (seq === count ? 1 : 0.8 + 0.2 * r.float())));
    let status: MeasureStatus = "NOT_STARTED";
    let percent = 0;
    if (!early && !working) {
      status = "DONE";
      percent = 100;
    } else if (working && p.relapse) {
      status = seq < count ? "DONE" : "IN_PROGRESS";
      percent = seq < count ? 100 : 5 * r.int(4, 12);
    } else if (working && milestoneDay < 0 && r.chance(p.status === "ONGOING" ? 0.5 : 0.75)) {
      status = "DONE";
      percent = 100;
    } else if (working && r.chance(p.status === "ONGOING" ? 0.95 : 0.7)) {
      status = "IN_PROGRESS";
      percent = 5 * r.int(2, 19);
    }
    return {
      seq,
      description,
      ownerUnit: seq === 1 ? (owners[0] as string) : r.pick(owners),
      ownerPerson: personName(r),
      milestone: dayDate(todayDay + milestoneDay),
      status,
      percent,
    };
  });
}

/** Work in progress must stay unfinished: a RECTIFYING / ONGOING problem keeps at least one open measure. */
export function keepOneOpen(r: Rng, measures: PlannedMeasure[]): void {
  const last = measures[measures.length - 1];
  if (last && measures.every((m) => m.status === "DONE")) {
    last.status = "IN_PROGRESS";
    last.percent = 5 * r.int(12, 18);
  }
}

/** The demo ledger for `today`: the same input gives the same ledger (ids aside). */
export function planDemoLedger(today: Date): PlannedProblem[] {
  const r = new Rng(0x5eed_2026);
  const todayDay = Math.floor((today.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS);
  const statuses = r.deck(STATUS_COUNTS);
  const sources = r.deck(SOURCE_COUNTS);
  const categories = r.deck(CATEGORY_COUNTS);
  const districtCodes = r.deck(DISTRICT_COUNTS);
  const bandDeck = r.deck(BAND_PREFERENCE);
  const usedTitles = new Set<string>();
  const seenPerStatus: Partial<Record<ProblemStatus, number>> = {};
  const divisionHeads = new Map(USERS.filter((u) => u.role === "DIVISION_HEAD").map((u) => [u.unit, u]));

  const planned: Omit<PlannedProblem, "code">[] = [];
  for (let i = 0; i < LEDGER_SIZE; i++) {
    const status = statuses[i] as ProblemStatus;
    const source = sources[i] as ProblemSource;
    const category = categories[i] as ProblemCategory;
    const d = DISTRICTS.find((x) => x.code === districtCodes[i]) as DistrictDef;

    // The k-th problem of a status decides its band / timing, so the mix is exact, not left to chance.
    const k = seenPerStatus[status] ?? 0;
    seenPerStatus[status] = k + 1;
    const plan = TIMING_PLAN[status] ?? { overdue: 0, dueSoon: 0 };
    const ongoingBand = status === "ONGOING" || (status === "RECTIFYING" && k < RECTIFYING_ONGOING_BAND);
    const j = status === "RECTIFYING" ? k - RECTIFYING_ONGOING_BAND : k;
    const timing: Timing =
      status === "CLOSED" ? "any" : j < plan.overdue ? "overdue" : j < plan.overdue + plan.dueSoon ? "dueSoon" : "future";
    const relapse =
      status === "RECTIFYING" && !ongoingBand && j >= plan.overdue + plan.dueSoon && j < plan.overdue + plan.dueSoon + RELAPSES;

    let band: DeadlineBand = "ONGOING";
    let createdDay: number;
    let deadlineDay: number | null = null;
    if (ongoingBand) {
      const [lo, hi] = CREATED_WINDOW[status];
      createdDay = r.int(lo, hi);
    } else {
      const preferred =
        (timing === "overdue" || timing === "dueSoon") && r.chance(0.35) ? "IMMEDIATE" : (bandDeck.pop() ?? "SHORT");
      const order = [...new Set([preferred, "SHORT", "MID", "LONG", "IMMEDIATE"] as const)];
      let solved: { createdDay: number; deadlineDay: number } | null = null;
      for (const b of order) {
        solved = solveDates(r, b, CREATED_WINDOW[status], DEADLINE_WINDOW[timing]);
        if (solved) {
          band = b;
          break;
        }
      }
      if (!solved) throw new Error(`no feasible dates for a ${status} problem (${timing})`);
      ({ createdDay, deadlineDay } = solved);
    }
    const createdAt = dayInstant(todayDay + createdDay, r.int(8, 17), r.int(0, 59));
    const year = new Date((todayDay + createdDay) * DAY_MS).getUTCFullYear();

    // Template, place and wording; retry a few times for a title not used yet.
    const candidates = TEMPLATES[category].flatMap((t) =>
      t.districts ? (t.districts.includes(d.code) ? [t, t, t, t] : []) : [t],
    );
    let tpl = candidates[0] as Template;
    let ctx: Ctx = { d, town: "", river: "", company: "", year, r };
    let title = "";
    for (let attempt = 0; attempt < 20; attempt++) {
      tpl = r.pick(candidates);
      const company = `${d.firm}${r.pick(FIRM_A)}${r.pick(FIRM_B)}${tpl.industry ?? "实业"}有限公司`;
      ctx = { d, town: r.pick(d.towns), river: r.pick(d.rivers), company, year, r };
      title = tpl.title(ctx);
      if (!usedTitles.has(title)) break;
    }
    usedTitles.add(title);
    const origin = roundAndPrefix(source, year, r);

    // Who: a division or the district's agency leads; the district government usually co-operates.
    const division = tpl.division ?? CATEGORY_DIVISION[category];
    const agency = `AG-${d.code}`;
    const gov = `GOV-${d.code}`;
    const divisionLeads = r.chance(0.5);
    const leadUnit = divisionLeads ? division : agency;
    const others = divisionLeads ? [gov, agency] : [gov, division];
    const coCount = r.pick([0, 1, 1, 2]);
    const coUnits = coCount === 2 ? others : coCount === 1 ? [r.chance(0.7) ? gov : (others[1] as string)] : [];
    const acceptanceUnit = !divisionLeads ? division : MONITORED.includes(category) ? "AFF-MONITOR" : "DIV-ENFORCE";
    const leadOfficial =
      source === "CENTRAL_INSPECTION" || source === "CENTRAL_LOOKBACK"
        ? r.chance(0.7)
          ? "leader"
          : r.pick(["leader2", "leader3"])
        : ["WATER", "SOIL", "ECOLOGY"].includes(category)
          ? r.chance(0.8)
            ? "leader2"
            : "leader"
          : r.chance(0.8)
            ? "leader3"
            : "leader";
    const head = divisionLeads ? divisionHeads.get(division) : undefined;

    const hasPoint = r.chance(0.7);
    const lat = hasPoint ? clamp(d.center[0] + (r.float() - 0.5) * 0.12, 31.2, 31.95) : null;
    const lng = hasPoint ? clamp(d.center[1] + (r.float() - 0.5) * 0.14, 119.6, 120.6) : null;

    const measures = planMeasures(
      r,
      { status, relapse, createdDay, deadlineDay },
      tpl,
      [...new Set([leadUnit, ...coUnits, agency])],
      todayDay,
    );
    if (status === "RECTIFYING" || status === "ONGOING") keepOneOpen(r, measures);

    let closedAt: Date | null = null;
    let lastDay = status === "REGISTERED" ? createdDay : Math.max(createdDay + 1, Math.min(-1, -r.int(0, 20)));
    if (status === "CLOSED") {
      const late = r.chance(0.12) ? r.int(1, 30) : 0;
      const last = Math.min(-1, (deadlineDay as number) + late);
      const closedDay = Math.min(-1, createdDay + Math.max(3, Math.round((last - createdDay) * (0.45 + 0.55 * r.float()))));
      closedAt = dayInstant(todayDay + closedDay, r.int(9, 17), r.int(0, 59));
      lastDay = closedDay;
    }
    const updatedAt =
      closedAt ?? (lastDay === createdDay ? createdAt : dayInstant(todayDay + lastDay, r.int(8, 18), r.int(0, 59)));

    planned.push({
      title,
      description: origin.prefix + tpl.body(ctx),
      source,
      round: origin.round,
      category,
      districtCode: d.code,
      locationText: `${d.name}${tpl.site(ctx)}`,
      lat: lat === null ? null : round6(lat),
      lng: lng === null ? null : round6(lng),
      leadOfficial,
      leadUnit,
      coUnits,
      acceptanceUnit,
      responsiblePerson: head?.displayName ?? personName(r),
      responsiblePhone: head?.phone ?? landline(r),
      target: tpl.target,
      deadlineBand: band,
      deadline: deadlineDay === null ? null : dayDate(todayDay + deadlineDay),
      status,
      relapse,
      progress: progressOf(measures),
      closedAt,
      createdAt,
      updatedAt,
      measures,
    });
  }

  // Ledger codes follow registration order within each year: WX-2025-0001, WX-2025-0002, …
  planned.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const perYear = new Map<number, number>();
  return planned.map((p) => {
    const year = new Date(p.createdAt.getTime() + SHANGHAI_OFFSET_MS).getUTCFullYear();
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    return { code: `WX-${year}-${String(seq).padStart(4, "0")}`, ...p };
  });
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
