import { redirect } from "next/navigation";
import { homePath } from "@/components/evidence/access";
import { getCookieActor } from "@/lib/auth/next-auth";

/**
 * Home is "My work": what needs the signed-in person today; a field office lands on its problems
 * (现场取证) instead. The ledger stays at /problems.
 */
export default async function Home() {
  const actor = await getCookieActor();
  redirect(actor ? homePath(actor) : "/work");
}
