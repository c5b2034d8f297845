/**
 * The route label a request is counted under in the metrics: the path with record ids folded
 * (`/api/v1/problems/6f1…/plans` → `/api/v1/problems/:id/plans`), so the number of series stays
 * bounded whatever paths clients send.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A problem code like `WX-2026-0042` or any segment carrying digits beside letters. */
const CODE_LIKE = /^(?=.*\d)[A-Za-z0-9_.~-]+$/;
const MAX_SEGMENTS = 6;
const MAX_SEGMENT_LENGTH = 40;

export function routeLabel(pathname: string): string {
  const path = pathname.split("?")[0] ?? "/";
  if (path.startsWith("/_next/")) return "/_next/*";
  const segments = path.split("/").filter((s) => s !== "");
  const out: string[] = [];
  for (const raw of segments.slice(0, MAX_SEGMENTS)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      segment = raw;
    }
    if (UUID.test(segment)) out.push(":id");
    else if (/^\d+$/.test(segment)) out.push(":n");
    else if (segment.length > MAX_SEGMENT_LENGTH || !/^[A-Za-z0-9_.~-]+$/.test(segment)) out.push(":x");
    else if (CODE_LIKE.test(segment) && /[A-Za-z]/.test(segment) && /[-_.]/.test(segment)) out.push(":code");
    else out.push(segment);
  }
  if (segments.length > MAX_SEGMENTS) out.push("…");
  return `/${out.join("/")}`;
}
