import type { District, Role, Unit, User } from "@prisma/client";
import { actorFromToken } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { createDistrict, createUnit, createUser, DEMO_PASSWORD, uniqueSuffix } from "../factories";
import { signInToken } from "./api";

export type Person = { user: User; token: string; actor: Actor };

/** Everyone the scope rules distinguish, in two districts and two divisions of one test file's own. */
export type World = {
  tag: string;
  districtA: District;
  districtB: District;
  divisionA: Unit;
  divisionB: Unit;
  agencyA: Unit;
  agencyB: Unit;
  admin: Person;
  leader: Person;
  coordinator: Person;
  headA: Person;
  headB: Person;
  officerA: Person;
  officerB: Person;
  viewer: Person;
};

export async function signedIn(user: User, password = DEMO_PASSWORD): Promise<Person> {
  const token = await signInToken(user.username, password);
  const actor = await actorFromToken(token);
  if (!actor) throw new Error(`token of ${user.username} does not resolve`);
  return { user, token, actor };
}

export async function createPerson(
  role: Role,
  overrides: { unitId?: string | null; districtId?: string | null; username?: string } = {},
): Promise<Person> {
  const user = await createUser(db, {
    role,
    username: overrides.username ?? `${role.toLowerCase()}-${uniqueSuffix()}`,
    ...overrides,
  });
  return signedIn(user);
}

export async function createWorld(): Promise<World> {
  const tag = uniqueSuffix();
  const districtA = await createDistrict(db);
  const districtB = await createDistrict(db);
  const divisionA = await createUnit(db, { kind: "DIVISION", name: `水处${tag}` });
  const divisionB = await createUnit(db, { kind: "DIVISION", name: `大气处${tag}` });
  const agencyA = await createUnit(db, { kind: "AGENCY", districtId: districtA.id, name: `分局A${tag}` });
  const agencyB = await createUnit(db, { kind: "AGENCY", districtId: districtB.id, name: `分局B${tag}` });
  const [admin, leader, coordinator, headA, headB, officerA, officerB, viewer] = await Promise.all([
    createPerson("ADMIN"),
    createPerson("LEADER"),
    createPerson("COORDINATOR"),
    createPerson("DIVISION_HEAD", { unitId: divisionA.id }),
    createPerson("DIVISION_HEAD", { unitId: divisionB.id }),
    createPerson("FIELD_OFFICER", { unitId: agencyA.id, districtId: districtA.id }),
    createPerson("FIELD_OFFICER", { unitId: agencyB.id, districtId: districtB.id }),
    createPerson("VIEWER"),
  ]);
  return {
    tag,
    districtA,
    districtB,
    divisionA,
    divisionB,
    agencyA,
    agencyB,
    admin,
    leader,
    coordinator,
    headA,
    headB,
    officerA,
    officerB,
    viewer,
  };
}

/** A minimal valid POST /problems body for `world`'s district A and division A. */
export function problemInput(world: World, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: `测试登记问题${world.tag}`,
    description: "群众反映某河道黑臭，原交办内容照录。",
    source: "PETITION",
    category: "WATER",
    districtCode: world.districtA.code,
    leadUnitId: world.divisionA.id,
    deadlineBand: "SHORT",
    deadline: "2027-06-30",
    ...overrides,
  };
}
