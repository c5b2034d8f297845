"use client";

import { useTranslations } from "next-intl";
import { closeRoundAction } from "@/app/(app)/bottom-line/self-reviews/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { useAction } from "@/components/ui/use-action";

export function CloseRoundButton({ roundId, version }: { roundId: string; version: number }) {
  const t = useTranslations("selfReview");
  const { pending, result, run } = useAction();
  return (
    <div className="space-y-2">
      <FormAlert result={result} pending={pending} />
      <button
        type="button"
        className="btn-secondary"
        disabled={pending}
        onClick={() => run(() => closeRoundAction(roundId, version))}
      >
        {t("close")}
      </button>
    </div>
  );
}
