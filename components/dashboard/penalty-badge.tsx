import { Badge } from "@/components/ui/badge";

/** The district table's 惩戒 badge: a penalty decision confirmed this year; the title says so on hover. */
export function PenaltyBadge({ label, title }: { label: string; title: string }) {
  return (
    <span title={title} data-testid="penalty-badge">
      <Badge tone="red">{label}</Badge>
    </span>
  );
}
