import "server-only";
import type { Tx } from "../../db";
import { Invalid } from "../../errors";
import type { Actor } from "../../permissions";
import type { Locale } from "../../schemas/parse";
import { enterpriseScope } from "../enforcement/scope";
import { fieldText } from "../self-reviews/texts";

/**
 * The enterprise an incident names must be one of the register the recorder may see (field
 * officers: their district's, or one they inspected); one out of scope reads as unknown. An edit
 * that keeps the enterprise already named keeps it, as linked problems the editor cannot see are kept.
 */
export async function checkNamedEnterprise(
  tx: Tx,
  actor: Actor,
  enterpriseId: string | undefined,
  locale: Locale,
  alreadyNamed: string | null = null,
): Promise<void> {
  if (!enterpriseId || enterpriseId === alreadyNamed) return;
  const found = await tx.enterprise.count({ where: { AND: [{ id: enterpriseId }, enterpriseScope(actor)] } });
  if (!found) throw new Invalid({ enterpriseId: [fieldText("unknownEnterprise", locale)] });
}
