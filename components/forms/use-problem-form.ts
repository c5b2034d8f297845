"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { useToast } from "@/components/ui/toast";
import type { ProblemDto } from "@/lib/schemas/problem";
import { CO_UNITS_SENT, FORM_FIELDS, type FormField, type ProblemFormValues, type SaveResult } from "./problem-form-data";
import { changedFields, EMPTY, valuesOf } from "./problem-form-values";

/**
 * The state and saving of the problem form. Edits send only the changed fields plus the version
 * they were based on; a stale version comes back as a conflict with the current record, and the
 * person's input is kept so nothing typed is lost. A success says so and opens the problem.
 */
export function useProblemForm({
  mode,
  problem,
  editable,
  action,
}: {
  mode: "create" | "edit";
  problem?: ProblemDto;
  editable: "all" | readonly string[];
  action: (form: FormData) => Promise<SaveResult>;
}) {
  const t = useTranslations("form");
  const router = useRouter();
  const toast = useToast();
  const feedback = useTranslations("feedback");
  const initial = problem ? valuesOf(problem) : EMPTY;
  const [values, setValues] = useState<ProblemFormValues>(initial);
  const [base, setBase] = useState<ProblemFormValues>(initial);
  const [version, setVersion] = useState<number | undefined>(problem?.version);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ latest: ProblemDto; mine: FormField[] } | null>(null);
  const [pending, startTransition] = useTransition();
  const alertRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLElement>(null);
  const canEdit = (field: FormField) => editable === "all" || editable.includes(field);
  const errorCount = Object.keys(errors).length;

  // Move the screen reader and keyboard to what needs attention after a save attempt.
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
    else if (errorCount || message) alertRef.current?.focus();
  }, [conflict, errorCount, message]);

  const set = (field: Exclude<FormField, "coUnitIds">, value: string) =>
    setValues((v) => ({ ...v, [field]: value, ...(field === "deadlineBand" && value === "ONGOING" ? { deadline: "" } : {}) }));

  function save(vals: ProblemFormValues, from: ProblemFormValues, ver: number | undefined) {
    const form = new FormData();
    let fields: FormField[] = FORM_FIELDS.filter(canEdit);
    if (mode === "edit") {
      fields = changedFields(vals, from).filter(canEdit);
      if (fields.length === 0) {
        setErrors({});
        setMessage(t("nothingChanged"));
        return;
      }
      // Coordinates are one fact; the use case takes them as a pair.
      if (fields.includes("lat") || fields.includes("lng")) fields = [...new Set([...fields, "lat", "lng"] as FormField[])];
      form.set("version", String(ver));
    }
    for (const field of fields) {
      if (field === "coUnitIds") {
        form.set(CO_UNITS_SENT, "1");
        for (const id of vals.coUnitIds) form.append("coUnitIds", id);
      } else {
        form.set(field, vals[field]);
      }
    }
    startTransition(async () => {
      const result = await action(form);
      if (result.ok) {
        toast.show(feedback(mode === "create" ? "created" : "saved"));
        router.push(`/problems/${result.data?.id ?? ""}`);
        return;
      }
      setErrors(result.fields);
      if (result.conflict?.current) {
        setMessage(null);
        setConflict({ latest: result.conflict.current, mine: changedFields(vals, from) });
      } else {
        setConflict(null);
        setMessage(result.message);
      }
    });
  }

  /** Takes the other person's version as the new starting point, keeps this person's changes on top, and saves. */
  function rebaseAndSave() {
    if (!conflict) return;
    const latest = valuesOf(conflict.latest);
    const merged: ProblemFormValues = { ...latest, coUnitIds: [...latest.coUnitIds] };
    for (const field of conflict.mine) {
      if (field === "coUnitIds") merged.coUnitIds = [...values.coUnitIds];
      else merged[field] = values[field];
    }
    setValues(merged);
    setBase(latest);
    setVersion(conflict.latest.version);
    setConflict(null);
    save(merged, latest, conflict.latest.version);
  }

  return {
    values,
    setValues,
    set,
    base,
    errors,
    errorCount,
    message,
    conflict,
    pending,
    canEdit,
    submit: () => save(values, base, version),
    rebaseAndSave,
    alertRef,
    conflictRef,
  };
}
