/**
 * A problem's progress, derived from its measures (never typed twice).
 *
 * Rule: the weighted mean of the measures' percents, rounded to a whole percent. Each percent is
 * clamped to 0–100 and each weight to ≥ 0; a measure's default weight is 1, so with default
 * weights this is the plain mean. No measures → 0. When every weight is 0 the measures count alike.
 */
export function weightedProgress(measures: readonly { percent: number; weight: number }[]): number {
  if (measures.length === 0) return 0;
  const clampPercent = (p: number) => Math.min(100, Math.max(0, Number.isFinite(p) ? p : 0));
  const clampWeight = (w: number) => (Number.isFinite(w) ? Math.max(0, w) : 0);
  const totalWeight = measures.reduce((acc, m) => acc + clampWeight(m.weight), 0);
  if (totalWeight === 0) {
    return Math.round(measures.reduce((acc, m) => acc + clampPercent(m.percent), 0) / measures.length);
  }
  const sum = measures.reduce((acc, m) => acc + clampPercent(m.percent) * clampWeight(m.weight), 0);
  return Math.round(sum / totalWeight);
}
