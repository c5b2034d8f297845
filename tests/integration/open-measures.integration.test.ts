import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listAtRisk } from "@/lib/server/escalation/list-at-risk";
import { listProblems } from "@/lib/server/problems/list-problems";
import { getMyWork } from "@/lib/server/work/get-my-work";
import { calendarDay, createProblem } from "../factories";
import { createWorld, type World } from "../support/world";

// The colour reason of every listed problem carries its own open (not done) measures, read for the
// listed problems in one grouped query: counts must not leak between problems of one page.

let world: World;
const ids: Record<string, string> = {};

beforeAll(async () => {
  world = await createWorld();
  const a = { districtId: world.districtA.id, leadUnitId: world.divisionA.id, status: "RECTIFYING" as const };
  const red = { ...a, colour: "RED" as const, deadline: calendarDay(-3) };
  ids.twoOpen = (
    await createProblem(db, {
      ...red,
      measures: [{ percent: 100, status: "DONE" }, { percent: 40 }, { percent: 0 }],
    })
  ).id;
  ids.allDone = (
    await createProblem(db, {
      ...red,
      measures: [
        { percent: 100, status: "DONE" },
        { percent: 100, status: "DONE" },
      ],
    })
  ).id;
  ids.none = (await createProblem(db, { ...red })).id;
});

const expected = () => ({ [ids.twoOpen as string]: 2, [ids.allDone as string]: 0, [ids.none as string]: 0 });

describe("open measures in the colour reason of listed problems", () => {
  it("the ledger", async () => {
    const page = await listProblems(world.headA.actor, { leadUnitId: world.divisionA.id, pageSize: "50" });
    const got = Object.fromEntries(page.items.map((p) => [p.id, p.colourReason?.openMeasures]));
    expect(got).toEqual(expected());
  });

  it("the at-risk list", async () => {
    const page = await listAtRisk(world.headA.actor, { pageSize: "50" });
    const got = Object.fromEntries(
      page.items.filter((p) => p.leadUnitId === world.divisionA.id).map((p) => [p.id, p.colourReason.openMeasures]),
    );
    expect(got).toEqual(expected());
  });

  it("My work (a division head's red problems)", async () => {
    const work = await getMyWork(world.headA.actor);
    const got = Object.fromEntries((work.atRisk?.items ?? []).map((i) => [i.problem.id, i.problem.colourReason?.openMeasures]));
    expect(got).toEqual(expected());
  });
});
