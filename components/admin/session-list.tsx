"use client";

import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/schemas/action-result";
import { ActionForm } from "./action-form";

export type SessionRow = {
  id: string;
  kind: "WEB" | "API";
  started: string;
  lastSeen: string;
  ip: string | null;
  device: string | null;
  current: boolean;
};

/** The person's own sessions with a button to end each one but the current. */
export function SessionList({ sessions, end }: { sessions: SessionRow[]; end: (id: string) => Promise<ActionResult> }) {
  const t = useTranslations("account");
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3">
              {t("device")}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t("started")}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t("lastSeen")}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t("address")}
            </th>
            <th scope="col" className="py-2">
              <span className="sr-only">{t("end")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id} className="border-slate-200 border-t align-top" data-testid="session-row">
              <td className="py-2 pr-3">
                {t(`kind${s.kind}`)}
                {s.current ? (
                  <span className="ml-2 rounded bg-blue-100 px-1.5 text-blue-800 text-xs">{t("thisSession")}</span>
                ) : null}
                {s.device ? (
                  <p className="max-w-xs truncate text-slate-500 text-xs" title={s.device}>
                    {s.device}
                  </p>
                ) : null}
              </td>
              <td className="py-2 pr-3 whitespace-nowrap">{s.started}</td>
              <td className="py-2 pr-3 whitespace-nowrap">{s.lastSeen}</td>
              <td className="py-2 pr-3">{s.ip ?? "—"}</td>
              <td className="py-2">
                {s.current ? null : (
                  <ActionForm
                    action={() => end(s.id)}
                    submitLabel={t("end")}
                    pendingLabel={t("end")}
                    submitClassName="btn-secondary"
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
