/** What an administration server action answers: data on success, messages per field on failure. Shared by server and client. */
export type AdminResult<T = unknown> =
  | { ok: true; data?: T }
  | { ok: false; message: string | null; fields: Record<string, string[]> };
