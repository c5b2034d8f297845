"use client";

import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormField } from "@/components/ui/form-field";
import { useAction } from "@/components/ui/use-action";
import { type ActionResult, fieldError } from "@/lib/schemas/action-result";

export type BulkObjection = {
  id: string;
  /** Short tag of the sender's address (same tag = same address); null when unknown. */
  sender: string | null;
  text: string;
  createdAt: string;
  /** createdAt as the bureau reads it (Asia/Shanghai, "YYYY-MM-DD HH:mm"). */
  createdAtLabel: string;
};

/** "YYYY-MM-DDTHH:mm" from a datetime-local input, read as Shanghai time. */
function shanghaiInstant(local: string): number | null {
  if (!local) return null;
  const t = Date.parse(`${local.length === 16 ? `${local}:00` : local}+08:00`);
  return Number.isNaN(t) ? null : t;
}

/**
 * The coordinator's bulk handling of spam during a public notice: the pending objections of the
 * open notice, filtered by sender, time and text; checkboxes (and "select all shown"); one reason;
 * a confirmation; then every selected objection is dismissed in one transaction.
 */
export function ObjectionBulkDismiss({
  objections,
  version,
  dismiss,
}: {
  objections: BulkObjection[];
  version: number;
  dismiss: (input: { objectionIds: string[]; note: string; version: number }) => Promise<ActionResult>;
}) {
  const t = useTranslations("objectionBulk");
  const [sender, setSender] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [text, setText] = useState("");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [note, setNote] = useState("");
  const [confirming, setConfirming] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const { pending, result, run, reset } = useAction();

  const senders = useMemo(() => {
    const counts = new Map<string, number>();
    for (const o of objections) if (o.sender) counts.set(o.sender, (counts.get(o.sender) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1]);
  }, [objections]);

  const shown = useMemo(() => {
    const lo = shanghaiInstant(from);
    const hi = shanghaiInstant(to);
    const needle = text.trim().toLowerCase();
    return objections.filter((o) => {
      const at = Date.parse(o.createdAt);
      if (sender && o.sender !== sender) return false;
      if (lo !== null && at < lo) return false;
      if (hi !== null && at > hi + 59_999) return false;
      return !needle || o.text.toLowerCase().includes(needle);
    });
  }, [objections, sender, from, to, text]);

  // What is selected and still pending (a refresh after someone else's handling drops the rest).
  const pendingIds = useMemo(() => new Set(objections.map((o) => o.id)), [objections]);
  const chosen = [...selected].filter((id) => pendingIds.has(id));
  const allShown = shown.length > 0 && shown.every((o) => selected.has(o.id));

  const noteError = fieldError(result, "note");
  useEffect(() => {
    if (noteError) {
      setConfirming(false);
      noteRef.current?.focus();
    }
  }, [noteError]);

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const toggleAll = (on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      for (const o of shown) {
        if (on) next.add(o.id);
        else next.delete(o.id);
      }
      return next;
    });

  const send = () =>
    run(
      () => dismiss({ objectionIds: chosen, note, version }),
      () => {
        setConfirming(false);
        setSelected(new Set());
        setNote("");
      },
      t("done", { count: chosen.length }),
    );

  return (
    <section
      aria-labelledby="objection-bulk-title"
      className="mt-3 rounded-md border border-slate-200 p-3"
      data-testid="objection-bulk"
    >
      <h4 id="objection-bulk-title" className="font-medium text-slate-900 text-sm">
        {t("title")}
      </h4>
      <p className="mt-1 text-slate-600 text-xs">{t("explain")}</p>
      <fieldset className="mt-2 grid gap-2 sm:grid-cols-2">
        <legend className="sr-only">{t("filters")}</legend>
        <FormField label={t("sender")}>
          {(aria) => (
            <select {...aria} className="field-input" value={sender} onChange={(e) => setSender(e.target.value)}>
              <option value="">{t("anySender")}</option>
              {senders.map(([tag, count]) => (
                <option key={tag} value={tag}>
                  {t("senderOption", { tag, count })}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t("text")}>
          {(aria) => (
            <input {...aria} type="search" className="field-input" value={text} onChange={(e) => setText(e.target.value)} />
          )}
        </FormField>
        <FormField label={t("from")}>
          {(aria) => (
            <input
              {...aria}
              type="datetime-local"
              className="field-input"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t("to")}>
          {(aria) => (
            <input {...aria} type="datetime-local" className="field-input" value={to} onChange={(e) => setTo(e.target.value)} />
          )}
        </FormField>
      </fieldset>

      {objections.length === 0 ? (
        <p className="mt-2 text-slate-600 text-sm">{t("nonePending")}</p>
      ) : (
        <>
          <label className="mt-3 flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={allShown}
              disabled={shown.length === 0}
              onChange={(e) => toggleAll(e.target.checked)}
              aria-label={t("selectAll")}
            />
            <span>{t("selectAllCount", { shown: shown.length, total: objections.length })}</span>
          </label>
          <ul className="mt-2 max-h-80 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200">
            {shown.map((o) => (
              <li key={o.id} data-testid="objection-bulk-row">
                <label className="flex items-start gap-2 px-2 py-2 text-sm">
                  <input
                    type="checkbox"
                    className="mt-1"
                    checked={selected.has(o.id)}
                    onChange={(e) => toggle(o.id, e.target.checked)}
                  />
                  <span className="min-w-0 flex-1">
                    <span className="flex flex-wrap gap-2 text-slate-500 text-xs tabular-nums">
                      <time dateTime={o.createdAt}>{o.createdAtLabel}</time>
                      {o.sender ? <span>{t("senderTag", { tag: o.sender })}</span> : null}
                    </span>
                    <span className="block whitespace-pre-wrap break-words text-slate-900">{o.text}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {shown.length === 0 ? <p className="mt-2 text-slate-600 text-sm">{t("noneShown")}</p> : null}
        </>
      )}

      <FormField className="mt-3" label={t("note")} error={noteError}>
        {(aria) => (
          <textarea
            {...aria}
            ref={noteRef}
            name="note"
            rows={2}
            maxLength={2000}
            className="field-input"
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </FormField>
      <div className="mt-2 flex justify-end">
        <button
          type="button"
          className="btn-danger"
          disabled={chosen.length === 0 || pending}
          onClick={() => {
            reset();
            setConfirming(true);
          }}
        >
          {t("submit", { count: chosen.length })}
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={send}
        title={t("confirmTitle")}
        confirmLabel={t("confirm")}
        cancelLabel={t("cancel")}
        pending={pending}
        destructive
        // A missing reason is shown under its field (the dialog closes), not repeated in the dialog.
        result={noteError ? null : result}
        testId="objection-bulk-confirm"
      >
        {t("confirmText", { count: chosen.length })}
      </ConfirmDialog>
    </section>
  );
}
