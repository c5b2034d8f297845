/**
 * What a workflow server action answers: failures are values the form shows, never thrown errors.
 * Pure types and helpers, shared by the server actions and the client forms.
 */
export type ActionResult =
  | { ok: true }
  | {
      ok: false;
      /** A message for the whole form (refusal, permission, unexpected), in the person's language. */
      message: string | null;
      /** Per-field messages keyed by input name. */
      fields: Record<string, string[]>;
      /**
       * On a stale version: the version of the record as it is now, so the form can retry on it
       * with the person's input kept.
       */
      conflict?: { version: number };
    };

/** The first message for `field`, or undefined. */
export function fieldError(result: ActionResult | null, field: string): string | undefined {
  return result && !result.ok ? result.fields[field]?.join("；") : undefined;
}

/** Messages of fields the form has no input for (e.g. `status`, `action`), shown with the form's own message. */
export function otherErrors(result: ActionResult | null, inputs: readonly string[]): string[] {
  if (!result || result.ok) return [];
  return Object.entries(result.fields)
    .filter(([field]) => !inputs.includes(field))
    .flatMap(([, messages]) => messages);
}
