/**
 * The battle map's rules (挂图作战), pure: which drawn shape a district's figures belong to, how a
 * district is shaded for the chosen measure, and which problems become points. The shapes are the
 * administrative divisions of the offline boundary file (public/maps/wuxi.json); a functional zone
 * that is no division (Wuxi's 经开区, our code 320299) has no boundary of its own and is drawn as a
 * marked area inside its host district.
 */

export const MAP_MODES = ["open", "red", "overdue", "rank"] as const;
export type MapMode = (typeof MAP_MODES)[number];

/** Functional zones → the division whose shape holds them, and where their marker sits ([lng, lat]). */
export const FUNCTIONAL_ZONES: Readonly<Record<string, { host: string; at: readonly [number, number] }>> = {
  // 经开区 (太湖新城: 华庄、太湖、雪浪街道) was carved out of 滨湖区 and lies inside its boundary.
  "320299": { host: "320211", at: [120.33, 31.49] },
};

export type MapDistrict = {
  code: string;
  name: string;
  open: number;
  red: number;
  overdue: number;
  total: number;
  /** Rank of the selected indicator among the city's districts (1 = best), null when not ranked. */
  rank: number | null;
};

/** A shade step: the fill colour and the inclusive lower bound of the values it covers. */
export type ShadeStep = { from: number; colour: string };

const COUNT_SHADES = ["#f1f5f9", "#fde68a", "#fdba74", "#f87171", "#b91c1c"] as const;
const RANK_SHADES = ["#15803d", "#4ade80", "#fde68a", "#fb923c", "#dc2626"] as const;
const NO_VALUE = "#e2e8f0";

/** The figure a district shows for a mode; null when it has none (an unranked district). */
export function modeValue(d: MapDistrict, mode: MapMode): number | null {
  return mode === "rank" ? d.rank : d[mode];
}

/**
 * Steps for a mode over the districts shown: counts go from white (0) through four equal steps up
 * to the largest count; ranks from green (1st) to red (last), five steps over the ranked count.
 */
export function shadeSteps(districts: readonly MapDistrict[], mode: MapMode): ShadeStep[] {
  const values = districts.map((d) => modeValue(d, mode)).filter((v): v is number => v !== null);
  const max = values.length ? Math.max(...values) : 0;
  if (mode === "rank") {
    const size = Math.max(1, Math.ceil(max / RANK_SHADES.length));
    return RANK_SHADES.map((colour, i) => ({ from: 1 + i * size, colour })).filter((s, i) => i === 0 || s.from <= max);
  }
  const steps: ShadeStep[] = [{ from: 0, colour: COUNT_SHADES[0] }];
  if (max === 0) return steps;
  const size = Math.max(1, Math.ceil(max / 4));
  for (let i = 0; i < 4 && 1 + i * size <= max; i++) steps.push({ from: 1 + i * size, colour: COUNT_SHADES[i + 1] as string });
  return steps;
}

/** The colour of one value under the steps (the last step whose lower bound it reaches). */
export function shadeOf(value: number | null, steps: readonly ShadeStep[]): string {
  if (value === null) return NO_VALUE;
  let colour = steps[0]?.colour ?? NO_VALUE;
  for (const s of steps) if (value >= s.from) colour = s.colour;
  return colour;
}

/** Steps as legend labels: "0", "1–3", "10+"… (the last one is open-ended). */
export function stepLabels(steps: readonly ShadeStep[]): string[] {
  return steps.map((s, i) => {
    const next = steps[i + 1];
    if (!next) return i === 0 && s.from === 0 ? "0" : `${s.from}+`;
    return next.from - 1 === s.from ? String(s.from) : `${s.from}–${next.from - 1}`;
  });
}

/** Districts whose figures have no boundary of their own and are not a known zone (shown only in the table). */
export function unmappedCodes(codes: readonly string[], shapeCodes: ReadonlySet<string>): string[] {
  return codes.filter((c) => !shapeCodes.has(c) && !FUNCTIONAL_ZONES[c]);
}

/** Whether a recorded position may be drawn: inside the map's frame (a slip of a digit lands far outside it). */
export function isDrawable(lat: number, lng: number, bbox: readonly [number, number, number, number]): boolean {
  const [minLng, minLat, maxLng, maxLat] = bbox;
  return Number.isFinite(lat) && Number.isFinite(lng) && lng >= minLng && lng <= maxLng && lat >= minLat && lat <= maxLat;
}

/** Wuxi's frame with a small margin ([minLng, minLat, maxLng, maxLat]), from public/maps/wuxi.json. */
export const WUXI_BBOX = [119.5, 31.0, 120.65, 32.05] as const;
