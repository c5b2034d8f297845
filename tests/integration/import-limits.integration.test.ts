import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/v1/indicators/import/route";
import { db } from "@/lib/db";
import { createWorld, type World } from "../support/world";
import { zipBomb } from "../support/zip";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const CHUNK = 64 * 1024;

/** A chunked multipart body of `total` bytes (no Content-Length), counting how much of it was pulled. */
function chunkedBody(total: number) {
  const state = { pulled: 0 };
  const boundary = "----rectify-test";
  const head = new TextEncoder().encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      if (state.pulled === 0) c.enqueue(head);
      if (state.pulled >= total) return c.close();
      state.pulled += CHUNK;
      c.enqueue(new Uint8Array(CHUNK).fill(0x41));
    },
  });
  return { stream, state, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function send(token: string, body: BodyInit, contentType: string) {
  const req = new NextRequest("http://localhost/api/v1/indicators/import", {
    method: "POST",
    body,
    headers: { authorization: `Bearer ${token}`, "content-type": contentType },
    duplex: "half",
  } as ConstructorParameters<typeof NextRequest>[1]);
  const res = await importRoute(req, { params: Promise.resolve({}) as Promise<never> });
  return { status: res.status, text: await res.text() };
}

describe("import body limits", () => {
  it("a viewer's chunked 50 MB import is refused with 403 before its body is read", async () => {
    const big = chunkedBody(50 * 1024 * 1024);
    const r = await send(world.viewer.token, big.stream, big.contentType);
    expect(r.status).toBe(403);
    expect(big.state.pulled).toBeLessThanOrEqual(2 * CHUNK);
  });

  it("a coordinator's chunked 50 MB body stops being read past the limit: 413", async () => {
    const big = chunkedBody(50 * 1024 * 1024);
    const r = await send(world.coordinator.token, big.stream, big.contentType);
    expect(r.status).toBe(413);
    expect(big.state.pulled).toBeLessThan(11 * 1024 * 1024 + 2 * CHUNK);
  });

  it("a 100 KB workbook that unzips to 100 MB is refused before it is parsed, nothing written", async () => {
    const before = await db.indicatorImport.count();
    const form = new FormData();
    form.set("file", new File([zipBomb() as BlobPart], "bomb.xlsx"));
    const req = new NextRequest("http://localhost/api/v1/indicators/import", {
      method: "POST",
      body: form,
      headers: { authorization: `Bearer ${world.coordinator.token}` },
    });
    const res = await importRoute(req, { params: Promise.resolve({}) as Promise<never> });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { reason: string }[] };
    expect(body.errors[0]?.reason).toMatch(/unpacks to 104857600 bytes/);
    expect(await db.indicatorImport.count()).toBe(before);
  });
});
