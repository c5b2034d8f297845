/**
 * What a server action answers: failures are values the form shows, never thrown errors.
 * Pure types and helpers, shared by the server-action runner (lib/server/actions/run-action.ts)
 * and the client forms (which import only this file, never the runner).
 */
export type ActionResult<T = unknown, Current = unknown> =
  | {
      ok: true;
      /** What the use case handed back for the page (e.g. a new record's id, a one-time password). */
      data?: T;
    }
  | {
      ok: false;
      /** A message for the whole form (refusal, permission, unexpected), in the person's language. */
      message: string | null;
      /** Per-field messages keyed by input name. */
      fields: Record<string, string[]>;
      /**
       * On a stale version: the version of the record as it is now (and the record itself), so the
       * form can retry on it with the person's input kept.
       */
      conflict?: { version: number; current?: Current };
    };

/** The first message for `field`, or undefined. */
export function fieldError(result: ActionResult<unknown, unknown> | null, field: string): string | undefined {
  return result && !result.ok ? result.fields[field]?.join("；") : undefined;
}

/** Messages of fields the form has no input for (e.g. `status`, `action`), shown with the form's own message. */
export function otherErrors(result: ActionResult<unknown, unknown> | null, inputs: readonly string[]): string[] {
  if (!result || result.ok) return [];
  return Object.entries(result.fields)
    .filter(([field]) => !inputs.includes(field))
    .flatMap(([, messages]) => messages);
}
