/**
 * Source control "422" (源头管控) of a construction project at the EIA stage: the four
 * substitutions (最先进工艺、最高端装备、最干净原料、最优质工况环境), material recovery and reuse, and
 * high-standard, high-efficiency treatment facilities. Each item is MET, NOT_MET or
 * NOT_APPLICABLE; NOT_APPLICABLE must say why. A review passes only when no item is NOT_MET and
 * every item has been answered; the reviewer is never the submitter.
 */
export const SOURCE_CONTROL_ITEMS = [
  "PROCESS",
  "EQUIPMENT",
  "MATERIALS",
  "CONDITIONS",
  "RECOVERY",
  "REUSE",
  "FACILITY_STANDARD",
  "FACILITY_EFFICIENCY",
] as const;
export type SourceControlItemName = (typeof SOURCE_CONTROL_ITEMS)[number];

export const SOURCE_CONTROL_VERDICTS = ["MET", "NOT_MET", "NOT_APPLICABLE"] as const;
export type SourceControlVerdictName = (typeof SOURCE_CONTROL_VERDICTS)[number];

/** Chinese names, for error messages written by the server. */
export const SOURCE_CONTROL_ITEM_LABELS: Record<SourceControlItemName, string> = {
  PROCESS: "最先进工艺",
  EQUIPMENT: "最高端装备",
  MATERIALS: "最干净原料",
  CONDITIONS: "最优质工况环境",
  RECOVERY: "物料回收",
  REUSE: "资源再利用",
  FACILITY_STANDARD: "治理设施高标准",
  FACILITY_EFFICIENCY: "治理设施高效率",
};

export type CheckAnswer = { item: SourceControlItemName; verdict: SourceControlVerdictName; note: string };

/** Field errors of a checklist (keys `items.<ITEM>.note` / `items.<ITEM>`), empty when it is complete and consistent. */
export function checklistErrors(answers: readonly CheckAnswer[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const seen = new Set<string>();
  for (const a of answers) {
    if (seen.has(a.item)) errors[`items.${a.item}`] = [`「${SOURCE_CONTROL_ITEM_LABELS[a.item]}」重复填写`];
    seen.add(a.item);
    if (a.verdict === "NOT_APPLICABLE" && a.note.trim() === "")
      errors[`items.${a.item}.note`] = [`「${SOURCE_CONTROL_ITEM_LABELS[a.item]}」选择“不适用”时须说明理由`];
  }
  for (const item of SOURCE_CONTROL_ITEMS)
    if (!seen.has(item)) errors[`items.${item}`] = [`请填写「${SOURCE_CONTROL_ITEM_LABELS[item]}」`];
  return errors;
}

export type ReviewVerdict =
  | { ok: true }
  | { ok: false; reason: "SELF_REVIEW" }
  | { ok: false; reason: "INCOMPLETE"; missing: SourceControlItemName[] }
  | { ok: false; reason: "NOT_MET"; notMet: SourceControlItemName[] };

/** Whether a review may pass. A refusal is always allowed (except by the submitter). */
export function reviewVerdict(input: {
  pass: boolean;
  reviewerId: string;
  submitterId: string;
  answers: readonly Pick<CheckAnswer, "item" | "verdict">[];
}): ReviewVerdict {
  if (input.reviewerId === input.submitterId) return { ok: false, reason: "SELF_REVIEW" };
  if (!input.pass) return { ok: true };
  const answered = new Set(input.answers.map((a) => a.item));
  const missing = SOURCE_CONTROL_ITEMS.filter((i) => !answered.has(i));
  if (missing.length) return { ok: false, reason: "INCOMPLETE", missing };
  const notMet = SOURCE_CONTROL_ITEMS.filter((i) => input.answers.some((a) => a.item === i && a.verdict === "NOT_MET"));
  if (notMet.length) return { ok: false, reason: "NOT_MET", notMet };
  return { ok: true };
}

/** NOT_MET counts per item, most-failed first (ties in checklist order). */
export function failureRanking(rows: readonly { item: SourceControlItemName; notMet: number }[]) {
  const counts = new Map<SourceControlItemName, number>(SOURCE_CONTROL_ITEMS.map((i) => [i, 0]));
  for (const r of rows) counts.set(r.item, (counts.get(r.item) ?? 0) + r.notMet);
  return SOURCE_CONTROL_ITEMS.map((item, order) => ({ item, notMet: counts.get(item) ?? 0, order }))
    .sort((a, b) => b.notMet - a.notMet || a.order - b.order)
    .map(({ item, notMet }) => ({ item, notMet }));
}
