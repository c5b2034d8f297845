import { db } from "@/lib/db";
import { createUnit } from "../factories";
import { createPerson, createWorld, type Person, type World } from "./world";

/**
 * The callers of the route × caller matrices: the problems under test belong to division A in
 * district A, with `leadOfficial` as their lead official and division C co-operating; "own" people
 * are of division A / district A, "other" ones of B, and headCo heads the co-operating division
 * (sees the problem, may not act for the lead division).
 */
export const ACTORS = [
  "anonymous",
  "invalidToken",
  "admin",
  "leadOfficial",
  "otherLeader",
  "coordinator",
  "headOwn",
  "headCo",
  "headOther",
  "officerOwn",
  "officerOther",
  "viewer",
] as const;
export type ActorKey = (typeof ACTORS)[number];
export type Signed = Exclude<ActorKey, "anonymous" | "invalidToken">;

export type Cast = { world: World; people: Record<Signed, Person>; divisionCId: string };

/** A world of its own plus the co-operating division, its head and a second leader. */
export async function createCast(): Promise<Cast> {
  const world = await createWorld();
  const divisionCId = (await createUnit(db, { kind: "DIVISION" })).id;
  const [otherLeader, headCo] = await Promise.all([
    createPerson("LEADER"),
    createPerson("DIVISION_HEAD", { unitId: divisionCId }),
  ]);
  return {
    world,
    divisionCId,
    people: {
      admin: world.admin,
      leadOfficial: world.leader,
      otherLeader,
      coordinator: world.coordinator,
      headOwn: world.headA,
      headCo,
      headOther: world.headB,
      officerOwn: world.officerA,
      officerOther: world.officerB,
      viewer: world.viewer,
    },
  };
}

/** The bearer token a caller sends: none, a made-up one, or the person's own. */
export function tokenFor(people: Record<Signed, Person>, actor: ActorKey): string | null {
  if (actor === "anonymous") return null;
  if (actor === "invalidToken") return "not-a-real-token-0000000000000000000000000";
  return people[actor].token;
}

/** Every signed-in caller gets `status`; the anonymous and the made-up token 401. */
export const everyone = (status: number): Record<ActorKey, number> => ({
  anonymous: 401,
  invalidToken: 401,
  admin: status,
  leadOfficial: status,
  otherLeader: status,
  coordinator: status,
  headOwn: status,
  headCo: status,
  headOther: status,
  officerOwn: status,
  officerOther: status,
  viewer: status,
});

/** Reading the problem: everyone in scope; the other division's head and the other district's officer do not see it. */
export const readTarget = { ...everyone(200), headOther: 404, officerOther: 404 };

/** The callers of the smaller matrices, people of a plain world: A is "own", B "other". */
export const WORLD_ACTORS = [
  "anonymous",
  "admin",
  "leader",
  "coordinator",
  "headOwn",
  "headOther",
  "officerOwn",
  "officerOther",
  "viewer",
] as const;
export type WorldActor = (typeof WORLD_ACTORS)[number];

/** The person behind a world caller. */
export function worldPerson(world: World, actor: Exclude<WorldActor, "anonymous">): Person {
  return {
    admin: world.admin,
    leader: world.leader,
    coordinator: world.coordinator,
    headOwn: world.headA,
    headOther: world.headB,
    officerOwn: world.officerA,
    officerOther: world.officerB,
    viewer: world.viewer,
  }[actor];
}

/** The bearer token a world caller sends (none when anonymous). */
export function worldToken(world: World, actor: WorldActor): string | null {
  return actor === "anonymous" ? null : worldPerson(world, actor).token;
}
