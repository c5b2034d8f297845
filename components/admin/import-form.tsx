"use client";

import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/schemas/action-result";
import { ActionField, ActionForm, OtherErrors } from "./action-form";

type Created = { created: { username: string; displayName: string; oneTimePassword: string }[] };

/** Upload the filled template; all rows' errors are listed, or every new account with its one-time password. */
export function ImportForm({ action }: { action: (f: FormData) => Promise<ActionResult<Created>> }) {
  const t = useTranslations("adminUi");
  return (
    <ActionForm
      action={action}
      submitLabel={t("importButton")}
      pendingLabel={t("importing")}
      testId="import-form"
      done={(d) =>
        d ? (
          <div className="rounded-md border-2 border-amber-400 bg-amber-50 p-3 text-sm">
            <p className="font-semibold">{t("imported", { count: d.created.length })}</p>
            <table className="mt-2 text-left">
              <tbody>
                {d.created.map((c) => (
                  <tr key={c.username}>
                    <td className="pr-4">{c.username}</td>
                    <td className="pr-4">{c.displayName}</td>
                    <td className="font-mono">{c.oneTimePassword}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null
      }
    >
      <ActionField name="file" label={t("file")}>
        {(p) => (
          <input
            {...p}
            type="file"
            required
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="field-input"
          />
        )}
      </ActionField>
      <OtherErrors known={["file"]} />
    </ActionForm>
  );
}
