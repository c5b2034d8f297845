import { getTranslations } from "next-intl/server";
import { type Actor, can } from "@/lib/permissions";
import type { ProblemDto } from "@/lib/schemas/problem";
import { readSettings } from "@/lib/server/settings/get-settings";
import { DocumentPicker, PhotoButtons } from "./capture";
import { EvidenceGallery } from "./evidence-gallery";
import { UploadProvider } from "./upload-provider";
import { UploadQueue } from "./upload-queue-view";

/** Whether evidence may still be added to a problem in this state (a closed problem's proof is final). */
export function acceptsEvidence(problem: Pick<ProblemDto, "status">): boolean {
  return problem.status !== "CLOSED";
}

/**
 * 佐证材料 on the problem page: the gallery by kind with review, integrity and versions, and the
 * uploader for those who may add evidence.
 */
export async function EvidencePanel({ actor, problem }: { actor: Actor; problem: ProblemDto }) {
  const t = await getTranslations("evidenceUi.panel");
  const mayUpload = can(actor, "evidence.upload") && acceptsEvidence(problem);
  const gallery = <EvidenceGallery problemId={problem.id} />;
  return (
    <section aria-labelledby="s-evidence" className="card p-4" data-testid="evidence-panel">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="s-evidence" className="font-semibold text-base text-slate-900">
          {t("title")}
        </h2>
        <p className="text-slate-600 text-xs">{t("hint")}</p>
      </div>
      {mayUpload ? (
        <UploadProvider
          problemId={problem.id}
          maxBytes={(await readSettings(actor)).evidenceMaxBytes}
          measures={(problem.measures ?? []).map((m) => ({ id: m.id, seq: m.seq, description: m.description }))}
        >
          <div className="grid gap-4 lg:grid-cols-3">
            <div className="lg:col-span-2">{gallery}</div>
            <div className="space-y-3">
              <PhotoButtons />
              <DocumentPicker />
              <UploadQueue />
            </div>
          </div>
        </UploadProvider>
      ) : (
        gallery
      )}
    </section>
  );
}
