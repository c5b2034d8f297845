import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const RULE_TONE: Record<string, BadgeTone> = { EXCEEDANCE: "orange", FLATLINE: "violet", GAP: "slate" };
const STATUS_TONE: Record<string, BadgeTone> = { OPEN: "amber", ASSIGNED: "sky", CLOSED: "emerald", DISMISSED: "slate" };

export function RuleBadge({ rule }: { rule: string }) {
  const t = useTranslations("offsiteEnums.rule");
  return <Badge tone={RULE_TONE[rule] ?? "slate"}>{t(rule as "GAP")}</Badge>;
}

export function ClueStatusBadge({ status }: { status: string }) {
  const t = useTranslations("offsiteEnums.clueStatus");
  return <Badge tone={STATUS_TONE[status] ?? "slate"}>{t(status as "OPEN")}</Badge>;
}
