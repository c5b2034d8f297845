import "server-only";
import en from "../../../messages/en.json";
import zhCN from "../../../messages/zh-CN.json";
import type { Locale } from "../../schemas/parse";
import type { NoticeText } from "./notify";

const NOTICES = { "zh-CN": zhCN.notifications.notice, en: en.notifications.notice };
const OPEN_LINK = { "zh-CN": zhCN.notifications.openLink, en: en.notifications.openLink };

export type NoticeName = keyof (typeof NOTICES)["en"];

function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A scheduled notice's title and body in `locale`, from the `notifications.notice` messages. */
export function noticeText(locale: Locale, name: NoticeName, vars: Record<string, string | number>): NoticeText {
  const t = NOTICES[locale][name];
  return { title: fill(t.title, vars), body: fill(t.body, vars) };
}

/** "Details: <url>" in `locale`, appended to e-mail and webhook copies. */
export function openLinkText(locale: Locale, url: string): string {
  return fill(OPEN_LINK[locale], { url });
}
