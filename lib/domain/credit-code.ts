/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a 31-character
 * alphabet (digits and capitals without I, O, S, V, Z); the 18th is a check character computed
 * from the first 17 with weights 3^(i) mod 31.
 *
 * Reading: input is trimmed, full-width characters are folded to ASCII and lower case is upper-cased
 * before checking (people type and paste codes in every form); the stored form is the canonical one.
 */

export const CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeProblem = "EMPTY" | "LENGTH" | "ALPHABET" | "CHECK";

export type CreditCodeResult =
  | { ok: true; code: string }
  | { ok: false; problem: CreditCodeProblem; expectedCheck?: string; position?: number };

/** Canonical form: trimmed, full-width folded, upper case. */
export function normalizeCreditCode(raw: string): string {
  return raw
    .trim()
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
}

/** The check character for the first 17 characters (which must all be in the alphabet). */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error("creditCodeCheckChar needs exactly 17 characters");
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const char = first17.charAt(i);
    const value = CREDIT_CODE_ALPHABET.indexOf(char);
    if (value < 0) throw new Error(`not a credit-code character: ${char}`);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET.charAt(check);
}

export function checkCreditCode(raw: string): CreditCodeResult {
  const code = normalizeCreditCode(raw);
  if (code === "") return { ok: false, problem: "EMPTY" };
  if (code.length !== 18) return { ok: false, problem: "LENGTH" };
  for (let i = 0; i < 18; i++) {
    if (!CREDIT_CODE_ALPHABET.includes(code.charAt(i))) return { ok: false, problem: "ALPHABET", position: i + 1 };
  }
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (code[17] !== expected) return { ok: false, problem: "CHECK", expectedCheck: expected };
  return { ok: true, code };
}

/** The Chinese reason for a refusal, for 422 `fields` and import row errors. */
export function creditCodeMessage(result: Exclude<CreditCodeResult, { ok: true }>): string {
  switch (result.problem) {
    case "EMPTY":
      return "统一社会信用代码不能为空";
    case "LENGTH":
      return "统一社会信用代码应为18位";
    case "ALPHABET":
      return `统一社会信用代码第${result.position}位含有不允许的字符（不得使用 I、O、S、V、Z）`;
    case "CHECK":
      return "统一社会信用代码校验位不正确";
  }
}
