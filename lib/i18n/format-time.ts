/** A time as people in the bureau read it: Asia/Shanghai, `YYYY-MM-DD HH:mm`. */
export function shanghaiMinute(d: Date | string): string {
  const t = typeof d === "string" ? new Date(d) : d;
  return new Date(t.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
}
