import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as closureForm } from "@/app/api/v1/problems/[id]/closure-form/route";
import { GET as noticeDocument } from "@/app/api/v1/problems/[id]/notice-document/route";
import { GET as exportLedger } from "@/app/api/v1/problems/export/route";
import { POST as importLedger } from "@/app/api/v1/problems/import/route";
import { GET as briefing } from "@/app/api/v1/reports/briefing/route";
import { db } from "@/lib/db";
import { createProblem } from "../factories";
import { ACTORS, type ActorKey, type Cast, createCast, everyone, readTarget, tokenFor } from "../support/actor-matrix";

/**
 * Role × route for the office documents: who may export (everyone signed in, their own scope),
 * import (the coordinator), read the briefing (the roles that see the whole city) and print a
 * closed problem's records (whoever sees the problem; others 404).
 */
type Handler = (req: NextRequest, ctx: { params: Promise<never> }) => Promise<Response>;

async function status(handler: unknown, method: string, url: string, token: string | null, params = {}, body?: FormData) {
  const headers = new Headers();
  if (token) headers.set("authorization", `Bearer ${token}`);
  const res = await (handler as Handler)(new NextRequest(`http://localhost${url}`, { method, headers, body }), {
    params: Promise.resolve(params) as Promise<never>,
  });
  await res.arrayBuffer();
  return res.status;
}

let cast: Cast;
let closedId: string;
const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

beforeAll(async () => {
  cast = await createCast();
  const { world } = cast;
  const p = await createProblem(db, {
    districtId: world.districtA.id,
    leadUnitId: world.divisionA.id,
    leadOfficialId: world.leader.user.id,
    coUnitIds: [cast.divisionCId],
    status: "CLOSED",
    colour: "BLUE",
  });
  closedId = p.id;
  await db.problemClosure.create({ data: { problemId: p.id, closedAt: new Date(), signedById: world.leader.user.id } });
  await db.publicNotice.create({
    data: {
      problemId: p.id,
      startsOn: new Date(Date.now() - 20 * 86_400_000),
      endsOn: new Date(Date.now() - 10 * 86_400_000),
      phone: "0510-1234567",
      summary: "已完成",
      status: "ENDED",
      createdById: world.coordinator.user.id,
    },
  });
});

const allSee = { ...everyone(200) };
const cityWide = (ok: number): Record<ActorKey, number> => ({
  ...everyone(403),
  admin: ok,
  leadOfficial: ok,
  otherLeader: ok,
  coordinator: ok,
  viewer: ok,
});
const coordinatorOnly = { ...everyone(403), coordinator: 422 };

describe.each(ACTORS)("%s", (actor) => {
  const token = () => tokenFor(cast.people, actor);
  it("exports the ledger (own scope)", async () => {
    expect(await status(exportLedger, "GET", "/api/v1/problems/export?format=csv", token())).toBe(allSee[actor]);
  });
  it("imports a ledger only as the coordinator (an empty file → 422 for them)", async () => {
    const form = new FormData();
    form.set("file", new File([new Uint8Array([1, 2, 3])], "x.csv"));
    expect(await status(importLedger, "POST", "/api/v1/problems/import", token(), {}, form)).toBe(coordinatorOnly[actor]);
  });
  it("reads the monthly briefing only in a city-wide role", async () => {
    expect(await status(briefing, "GET", `/api/v1/reports/briefing?month=${month}`, token())).toBe(cityWide(200)[actor]);
  });
  it("prints the closure form and the notice of a problem it sees", async () => {
    expect(await status(closureForm, "GET", `/api/v1/problems/${closedId}/closure-form`, token(), { id: closedId })).toBe(
      readTarget[actor],
    );
    expect(await status(noticeDocument, "GET", `/api/v1/problems/${closedId}/notice-document`, token(), { id: closedId })).toBe(
      readTarget[actor],
    );
  });
});
