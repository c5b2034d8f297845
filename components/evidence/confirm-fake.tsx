"use client";

import { useTranslations } from "next-intl";
import { ReasonDialogButton } from "../findings/reason-dialog";
import { confirmFakeEvidence } from "./evidence-api";

/** 确认为虚假材料: the reviewer's confirmation, with a reason, of one piece of evidence. */
export function ConfirmFakeButton({ evidenceId, label, onDone }: { evidenceId: string; label: string; onDone: () => void }) {
  const t = useTranslations("findings.confirmFake");
  const tf = useTranslations("findings.form");
  return (
    <ReasonDialogButton
      buttonLabel={t("button")}
      accessibleLabel={`${t("button")}：${label}`}
      title={t("title")}
      help={t("help")}
      submitLabel={t("submit")}
      testId="confirm-fake"
      onDone={onDone}
      onSubmit={async (reason) => {
        const answer = await confirmFakeEvidence(evidenceId, reason);
        if (answer.ok) return { ok: true };
        const message =
          answer.status === 0
            ? tf("network")
            : answer.status === 403
              ? tf("forbidden")
              : answer.status === 404
                ? tf("notFound")
                : answer.messages.join("；") || tf("failed");
        return { ok: false, message };
      }}
    />
  );
}
