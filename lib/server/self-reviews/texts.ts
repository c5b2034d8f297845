import "server-only";
import en from "../../../messages/modules/reflect.en.json";
import zhCN from "../../../messages/modules/reflect.zh-CN.json";
import type { Locale } from "../../schemas/parse";
import type { NoticeText } from "../notifications/notify";

const M = { "zh-CN": zhCN, en };

export type ReflectError = keyof typeof zhCN.reflectErrors;
export type ReflectValidation = keyof typeof zhCN.reflectValidation;
export type ReflectNotice = keyof typeof zhCN.reflectNotice;

/** A state error's message (409/422) in the caller's language. */
export function errorText(key: ReflectError, locale: Locale = "zh-CN"): string {
  return M[locale].reflectErrors[key];
}

/** A field message of the reflection module in the caller's language. */
export function fieldText(key: ReflectValidation, locale: Locale = "zh-CN"): string {
  return M[locale].reflectValidation[key];
}

function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A notice's title and body in `locale`. */
export function reflectNotice(locale: Locale, name: ReflectNotice, vars: Record<string, string | number>): NoticeText {
  const t = M[locale].reflectNotice[name];
  return { title: fill(t.title, vars), body: fill(t.body, vars) };
}
