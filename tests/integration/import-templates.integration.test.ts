import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as indicatorImport } from "@/app/api/v1/indicators/import/route";
import { GET as indicatorTemplate } from "@/app/api/v1/indicators/import/template/route";
import { GET as sectionTemplate } from "@/app/api/v1/sections/import/template/route";
import { POST as userImport } from "@/app/api/v1/users/import/route";
import { GET as userTemplate } from "@/app/api/v1/users/import/template/route";
import { db } from "@/lib/db";
import { ACCOUNT_HEADERS_ZH } from "@/lib/domain/account-import";
import { IMPORT_COLUMNS } from "@/lib/domain/indicator-import";
import { SECTION_IMPORT_COLUMNS } from "@/lib/domain/water-sections";
import { createWorld, type World } from "../support/world";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

type Handler = (req: NextRequest, ctx: { params: Promise<never> }) => Promise<Response>;
const ctx = { params: Promise.resolve({}) as Promise<never> };

async function download(handler: Handler, path: string, token: string) {
  const res = await handler(
    new NextRequest(`http://localhost/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } }),
    ctx,
  );
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes };
}

async function workbook(bytes: Uint8Array): Promise<Map<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer as ArrayBuffer);
  const out = new Map<string, string[][]>();
  wb.eachSheet((ws) => {
    const rows: string[][] = [];
    ws.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v))));
    });
    out.set(ws.name, rows);
  });
  return out;
}

async function upload(handler: Handler, path: string, token: string, file: Uint8Array | string, name: string) {
  const form = new FormData();
  form.set("file", new File([file as BlobPart], name));
  const res = await handler(
    new NextRequest(`http://localhost/api/v1${path}`, {
      method: "POST",
      body: form,
      headers: { authorization: `Bearer ${token}`, "accept-language": "zh-CN" },
    }),
    ctx,
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

describe("import templates download as XLSX with the parser's header row and the valid codes", () => {
  it("indicators: header, an example row the import accepts, the registered units and the indicators", async () => {
    const { res, bytes } = await download(indicatorTemplate, "/indicators/import/template", world.coordinator.token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(XLSX_TYPE);
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const book = await workbook(bytes);
    expect(book.get("指标数据")?.[0]).toEqual([...IMPORT_COLUMNS]);
    expect(book.get("指标代码")?.map((r) => r[0])).toContain("GOOD_AIR_RATIO");
    const units = await db.statUnit.count();
    expect(book.get("单位代码")).toHaveLength(units + 1);

    // The template itself, uploaded as it is, passes the check (a preview writes nothing).
    const before = await db.indicatorValue.count();
    const preview = await upload(indicatorImport, "/indicators/import?preview=true", world.coordinator.token, bytes, "t.xlsx");
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ preview: true, rows: 1, errors: [] });
    expect(await db.indicatorValue.count()).toBe(before);
  });

  it("indicators: a viewer may not download the template", async () => {
    const { res } = await download(indicatorTemplate, "/indicators/import/template", world.viewer.token);
    expect(res.status).toBe(403);
  });

  it("sections: the XLSX variant has the parser's columns and the registered sections; the CSV stays the default", async () => {
    const { res, bytes } = await download(sectionTemplate, "/sections/import/template?format=xlsx", world.coordinator.token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(XLSX_TYPE);
    const book = await workbook(bytes);
    expect(book.get("断面监测结果")?.[0]).toEqual([...SECTION_IMPORT_COLUMNS]);
    const active = await db.waterSection.count({ where: { active: true } });
    expect(book.get("断面编码")).toHaveLength(active + 1);
    expect(book.get("水质类别")?.map((r) => r[0])).toContain("劣Ⅴ / 劣V / 6");
    const csv = await download(sectionTemplate, "/sections/import/template", world.coordinator.token);
    expect(csv.res.headers.get("content-type")).toContain("text/csv");
  });

  it("accounts: the Chinese header, the roles, units and districts; a preview creates nothing", async () => {
    const { res, bytes } = await download(userTemplate, "/users/import/template", world.admin.token);
    expect(res.status).toBe(200);
    const book = await workbook(bytes);
    expect(book.get("账号")?.[0]).toEqual([...ACCOUNT_HEADERS_ZH]);
    expect(book.get("角色")?.map((r) => r[1])).toContain("FIELD_OFFICER");
    expect(book.get("属地")?.map((r) => r[0])).toContain(world.districtA.code);

    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("账号");
    sheet.addRow([...ACCOUNT_HEADERS_ZH]);
    const username = `preview.${Date.now()}`;
    sheet.addRow([username, "预览", "只读", "", "", "", ""]);
    const file = new Uint8Array(await wb.xlsx.writeBuffer());
    const preview = await upload(userImport, "/users/import?preview=true", world.admin.token, file, "a.xlsx");
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ preview: true, rows: 1, sample: [{ username, role: "只读" }] });
    expect(await db.user.count({ where: { username } })).toBe(0);
  });
});
