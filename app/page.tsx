import { redirect } from "next/navigation";

/** Home is "My work": what needs the signed-in person today. The ledger stays at /problems. */
export default function Home() {
  redirect("/work");
}
