"use client";

import { useTranslations } from "next-intl";
import { type ImportAnswer, ImportFlow } from "@/components/import/import-flow";
import { ACCOUNT_COLUMNS } from "@/lib/domain/account-import";

type Created = { username: string; displayName: string; oneTimePassword: string };

/** Upload the filled template: checked first (every row's errors, or the accounts as they will be created), then created on confirmation with their one-time passwords. */
export function ImportForm() {
  const t = useTranslations("adminUi");
  const tk = useTranslations("importKit");
  return (
    <ImportFlow
      inputId="account-file"
      fileLabel={t("file")}
      accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      previewUrl="/api/v1/users/import?preview=true"
      commitUrl="/api/v1/users/import"
      columnLabels={Object.fromEntries(ACCOUNT_COLUMNS.map((c) => [c, tk(`accountColumns.${c}`)]))}
      previewText={(a) => tk("accountPreview", { rows: a.rows ?? 0 })}
      doneText={(a: ImportAnswer & { created?: Created[] }) => (
        <div className="text-sm text-slate-900">
          <p className="font-semibold">{t("imported", { count: a.created?.length ?? 0 })}</p>
          <table className="mt-2 text-left">
            <tbody>
              {(a.created ?? []).map((c) => (
                <tr key={c.username}>
                  <td className="pr-4">{c.username}</td>
                  <td className="pr-4">{c.displayName}</td>
                  <td className="font-mono">{c.oneTimePassword}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    />
  );
}
