import { beforeAll, describe, expect, it } from "vitest";
import { POST as endNoticeRoute } from "@/app/api/v1/problems/[id]/notice/end/route";
import { POST as dismissRoute } from "@/app/api/v1/problems/[id]/objections/dismiss/route";
import { POST as signOffRoute } from "@/app/api/v1/problems/[id]/sign-off/route";
import { db } from "@/lib/db";
import { decide } from "@/lib/domain/workflow";
import { problemWithMeasuresInclude } from "@/lib/server/problems/problem-dto";
import { applyTransition } from "@/lib/server/workflow/apply-transition";
import { createProblem } from "../factories";
import { call, errorOf } from "../support/api";
import { createWorld, type World } from "../support/world";

/**
 * A 409 carries the current record so the reader can compare; it is in the reader's language like
 * the GET of the same record: unit and district names in English for `Accept-Language: en`, in
 * Chinese for `zh-CN` (the server actions read the person's language the same way, see run-action). Covers the closure steps (stale version at the start) and
 * the workflow write itself (a concurrent step landed between reading and writing).
 */
let world: World;
beforeAll(async () => {
  world = await createWorld();
});

type Current = { id: string; version: number; leadUnitName: string; districtName: string };

async function staleProblem(status: "PUBLIC_NOTICE" | "PENDING_SIGNOFF") {
  const p = await createProblem(db, {
    districtId: world.districtA.id,
    leadUnitId: world.divisionA.id,
    leadOfficialId: world.leader.user.id,
    status,
  });
  await db.problem.update({ where: { id: p.id }, data: { version: { increment: 1 } } });
  return p;
}

const names = async () => {
  const unit = await db.unit.findUniqueOrThrow({ where: { id: world.divisionA.id } });
  const district = await db.district.findUniqueOrThrow({ where: { id: world.districtA.id } });
  return { unit, district };
};

describe("409 records in the reader's language", () => {
  const cases = [
    { route: endNoticeRoute, path: "notice/end", status: "PUBLIC_NOTICE" as const, who: "coordinator" as const, body: {} },
    {
      route: signOffRoute,
      path: "sign-off",
      status: "PENDING_SIGNOFF" as const,
      who: "leader" as const,
      body: { decision: "SIGN" },
    },
    {
      route: dismissRoute,
      path: "objections/dismiss",
      status: "PUBLIC_NOTICE" as const,
      who: "coordinator" as const,
      body: { objectionIds: ["6f1c1d0e-1111-4a4a-8b8b-000000000001"], note: "刷屏" },
    },
  ];
  for (const c of cases) {
    it(`${c.path}: a stale version answers 409 with English names for an English reader, Chinese for a Chinese one`, async () => {
      const { unit, district } = await names();
      expect(unit.nameEn).not.toBe(unit.name);
      const p = await staleProblem(c.status);
      const ask = (lang: "en" | "zh-CN") =>
        call(c.route, "POST", `/problems/${p.id}/${c.path}`, {
          token: world[c.who].token,
          params: { id: p.id },
          json: { ...c.body, version: p.version },
          headers: { "accept-language": lang },
        });
      const en = await ask("en");
      expect(en.status, en.text).toBe(409);
      expect(errorOf(en).current).toMatchObject({
        id: p.id,
        version: p.version + 1,
        leadUnitName: unit.nameEn,
        districtName: district.nameEn,
      } satisfies Partial<Current>);
      const zh = await ask("zh-CN");
      expect(zh.status, zh.text).toBe(409);
      expect(errorOf(zh).current).toMatchObject({ leadUnitName: unit.name, districtName: district.name });
    });
  }

  it("applyTransition: a step that lost the race answers 409 with the record in the given language", async () => {
    const { unit } = await names();
    const created = await createProblem(db, {
      districtId: world.districtA.id,
      leadUnitId: world.divisionA.id,
      leadOfficialId: world.leader.user.id,
      status: "PENDING_SIGNOFF",
    });
    const seen = await db.problem.findUniqueOrThrow({ where: { id: created.id }, include: problemWithMeasuresInclude });
    const decision = decide(seen, "SIGN_OFF", world.leader.actor, { measures: seen.measures, pendingPlan: false });
    expect(decision.ok, JSON.stringify(decision)).toBe(true);
    if (!decision.ok) return;
    // Someone else's step lands after this one read the problem.
    await db.problem.update({ where: { id: seen.id }, data: { version: { increment: 1 } } });
    for (const [locale, expected] of [
      ["en", unit.nameEn],
      ["zh-CN", unit.name],
    ] as const) {
      const lost = db.$transaction((tx) =>
        applyTransition(tx, { problem: seen, decision, actor: world.leader.actor, comment: null, now: new Date(), locale }),
      );
      await expect(lost).rejects.toMatchObject({
        status: 409,
        extra: { current: { id: seen.id, version: seen.version + 1, leadUnitName: expected } },
      });
    }
    expect(await db.problemTransition.count({ where: { problemId: seen.id } })).toBe(0);
  });
});
