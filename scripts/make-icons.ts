/**
 * Makes the home-screen icons of the web app manifest (public/icons/*.png) from app/icon.svg:
 *   tsx scripts/make-icons.ts
 * The PNGs are committed; run this again only when the icon changes. The maskable icon keeps the
 * mark inside the central 80 % safe zone on the brand colour, so a launcher's circle or squircle
 * crop never cuts it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";

const root = process.cwd();
const svg = readFileSync(path.join(root, "app", "icon.svg"));
const out = (name: string) => path.join(root, "public", "icons", name);
const BRAND = "#1e3a8a";

for (const size of [192, 512]) {
  await sharp(svg, { density: 2400 })
    .resize(size, size)
    .png()
    .toFile(out(`icon-${size}.png`));
}
const inner = Math.round(512 * 0.8);
const mark = await sharp(svg, { density: 2400 }).resize(inner, inner).png().toBuffer();
await sharp({ create: { width: 512, height: 512, channels: 4, background: BRAND } })
  .composite([{ input: mark, gravity: "center" }])
  .png()
  .toFile(out("icon-maskable-512.png"));
console.log("public/icons: icon-192.png, icon-512.png, icon-maskable-512.png");
