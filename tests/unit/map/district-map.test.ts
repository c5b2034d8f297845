import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  FUNCTIONAL_ZONES,
  isDrawable,
  type MapDistrict,
  modeValue,
  shadeOf,
  shadeSteps,
  stepLabels,
  unmappedCodes,
  WUXI_BBOX,
} from "@/lib/domain/district-map";
import { DISTRICTS } from "@/prisma/seed";

type Feature = {
  properties: { code: string; name: string; cp?: [number, number] };
  geometry: { type: string; coordinates: unknown };
};
const shapes = JSON.parse(readFileSync(path.join(process.cwd(), "public/maps/wuxi.json"), "utf8")) as { features: Feature[] };
const shapeCodes = new Set(shapes.features.map((f) => f.properties.code));

/** Even-odd ray casting over every ring of a Polygon or MultiPolygon. */
function inside(point: readonly [number, number], f: Feature): boolean {
  const polygons = (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates) as [number, number][][][];
  let hit = false;
  for (const rings of polygons)
    for (const ring of rings)
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i] as [number, number];
        const [xj, yj] = ring[j] as [number, number];
        if (yi > point[1] !== yj > point[1] && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi) hit = !hit;
      }
  return hit;
}

const d = (code: string, open: number, rank: number | null = null): MapDistrict => ({
  code,
  name: code,
  open,
  red: 0,
  overdue: 0,
  total: open,
  rank,
});

describe("the offline boundaries of Wuxi", () => {
  it("have a shape for every district of the demo, and place every functional zone inside its host district", () => {
    const demoCodes = DISTRICTS.map((x) => x.code);
    expect(demoCodes).toHaveLength(8);
    expect(unmappedCodes(demoCodes, shapeCodes)).toEqual([]);
    for (const code of demoCodes) {
      const zone = FUNCTIONAL_ZONES[code];
      if (!zone) {
        expect(shapeCodes.has(code), code).toBe(true);
        continue;
      }
      const host = shapes.features.find((f) => f.properties.code === zone.host);
      expect(host?.properties.name).toBe("滨湖区");
      expect(inside(zone.at, host as Feature)).toBe(true);
    }
  });

  it("name each shape as the demo names its district, with a label point inside it and within the map's frame", () => {
    for (const f of shapes.features) {
      expect(DISTRICTS.find((x) => x.code === f.properties.code)?.name).toBe(f.properties.name);
      const cp = f.properties.cp as [number, number];
      expect(inside(cp, f), f.properties.name).toBe(true);
      expect(isDrawable(cp[1], cp[0], WUXI_BBOX)).toBe(true);
    }
  });

  it("place the demo's district centres inside their own shape (the points drawn from them land where they belong)", () => {
    for (const x of DISTRICTS) {
      const shape = shapes.features.find((f) => f.properties.code === (FUNCTIONAL_ZONES[x.code]?.host ?? x.code));
      expect(inside([x.center[1], x.center[0]], shape as Feature), x.name).toBe(true);
    }
  });
});

describe("shading", () => {
  it("counts: white for none, then four steps up to the largest count", () => {
    const steps = shadeSteps([d("a", 0), d("b", 3), d("c", 8)], "open");
    expect(steps.map((s) => s.from)).toEqual([0, 1, 3, 5, 7]);
    expect(stepLabels(steps)).toEqual(["0", "1–2", "3–4", "5–6", "7+"]);
    expect(shadeOf(0, steps)).toBe(steps[0]?.colour);
    expect(shadeOf(8, steps)).toBe(steps[4]?.colour);
    expect(shadeOf(4, steps)).toBe(steps[2]?.colour);
  });

  it("counts that are all zero get one step, small maxima no empty steps", () => {
    expect(shadeSteps([d("a", 0)], "open")).toHaveLength(1);
    expect(shadeSteps([d("a", 0), d("b", 2)], "open").map((s) => s.from)).toEqual([0, 1, 2]);
  });

  it("ranks: green for the first, red for the last, grey for an unranked district", () => {
    const all = [d("a", 0, 1), d("b", 0, 4), d("c", 0, 8), d("z", 0, null)];
    const steps = shadeSteps(all, "rank");
    expect(steps.map((s) => s.from)).toEqual([1, 3, 5, 7]);
    expect(shadeOf(modeValue(all[0] as MapDistrict, "rank"), steps)).toBe("#15803d");
    expect(shadeOf(modeValue(all[2] as MapDistrict, "rank"), steps)).toBe(steps[3]?.colour);
    expect(shadeOf(modeValue(all[3] as MapDistrict, "rank"), steps)).toBe("#e2e8f0");
  });

  it("a position outside Wuxi's frame (a slipped digit) is not drawn", () => {
    expect(isDrawable(31.5, 120.3, WUXI_BBOX)).toBe(true);
    expect(isDrawable(3.15, 120.3, WUXI_BBOX)).toBe(false);
    expect(isDrawable(31.5, Number.NaN, WUXI_BBOX)).toBe(false);
  });
});
