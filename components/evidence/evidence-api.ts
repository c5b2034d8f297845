/**
 * The browser's calls to the evidence API (same origin, the session cookie authenticates). Every
 * call answers a value, never throws: the status (0 when there was no answer) and the JSON body.
 */
import type { EvidenceDto, EvidenceVerifyDto } from "@/lib/schemas/evidence";
import type { ConfirmFakeResultDto } from "@/lib/schemas/findings";

export type ApiAnswer<T> = { ok: true; status: number; data: T } | { ok: false; status: number; messages: string[] };

async function call<T>(url: string, init: RequestInit = {}): Promise<ApiAnswer<T>> {
  try {
    const res = await fetch(url, {
      ...init,
      credentials: "same-origin",
      cache: "no-store",
      headers: {
        Accept: "application/json",
        "Accept-Language": document.documentElement.lang || "zh-CN",
        ...(init.body ? { "Content-Type": "application/json" } : {}),
        ...init.headers,
      },
    });
    const body = (await res.json().catch(() => null)) as unknown;
    if (res.ok) return { ok: true, status: res.status, data: body as T };
    const error = (body as { error?: { message?: unknown; fields?: Record<string, unknown> } } | null)?.error;
    const fields = Object.values(error?.fields ?? {}).flatMap((v) => (Array.isArray(v) ? v.map(String) : []));
    const messages = fields.length ? fields : typeof error?.message === "string" ? [error.message] : [];
    return { ok: false, status: res.status, messages };
  } catch {
    return { ok: false, status: 0, messages: [] };
  }
}

export function listEvidence(problemId: string) {
  return call<{ items: EvidenceDto[] }>(`/api/v1/problems/${encodeURIComponent(problemId)}/evidence`);
}

export function reviewEvidence(
  id: string,
  input: { decision: "ACCEPTED" | "RETURNED"; reasonCode?: string; reason?: string; version: number },
) {
  return call<EvidenceDto>(`/api/v1/evidence/${encodeURIComponent(id)}/review`, {
    method: "POST",
    body: JSON.stringify(input),
  });
}

export function verifyEvidence(id: string) {
  return call<EvidenceVerifyDto>(`/api/v1/evidence/${encodeURIComponent(id)}/verify`, { method: "POST" });
}

export function confirmFakeEvidence(id: string, reason: string) {
  return call<ConfirmFakeResultDto>(`/api/v1/evidence/${encodeURIComponent(id)}/confirm-fake`, {
    method: "POST",
    body: JSON.stringify({ reason }),
  });
}
