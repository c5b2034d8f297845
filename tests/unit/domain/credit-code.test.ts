import { describe, expect, it } from "vitest";
import { checkCreditCode, creditCodeCheckChar, creditCodeMessage, normalizeCreditCode } from "@/lib/domain/credit-code";

// The worked example printed with GB 32100-2015 commentaries, and a code built from its parts.
const VALID = "91350100M000100Y43";

describe("unified social credit code (GB 32100-2015)", () => {
  it("accepts a valid code", () => {
    expect(checkCreditCode(VALID)).toEqual({ ok: true, code: VALID });
  });

  it("computes the check character from the first 17", () => {
    expect(creditCodeCheckChar(VALID.slice(0, 17))).toBe("3");
    // A check value of 0 maps to the character 0, not 31.
    const zeroes = "00000000000000000";
    expect(creditCodeCheckChar(zeroes)).toBe("0");
  });

  it("refuses a wrong check character and names the expected one", () => {
    const wrong = `${VALID.slice(0, 17)}4`;
    expect(checkCreditCode(wrong)).toEqual({ ok: false, problem: "CHECK", expectedCheck: "3" });
  });

  it("accepts lower case and full-width input in canonical form", () => {
    expect(checkCreditCode(VALID.toLowerCase())).toEqual({ ok: true, code: VALID });
    expect(normalizeCreditCode(" ９１350100m000100y43 ")).toBe(VALID);
  });

  it("refuses letters outside the alphabet with their position", () => {
    for (const letter of ["I", "O", "S", "V", "Z"]) {
      const code = `91350100${letter}000100Y43`;
      expect(checkCreditCode(code)).toEqual({ ok: false, problem: "ALPHABET", position: 9 });
    }
    expect(checkCreditCode("91350100M000100Y4-")).toMatchObject({ problem: "ALPHABET", position: 18 });
  });

  it("refuses the wrong length and empty input", () => {
    expect(checkCreditCode(VALID.slice(0, 17))).toEqual({ ok: false, problem: "LENGTH" });
    expect(checkCreditCode(`${VALID}0`)).toEqual({ ok: false, problem: "LENGTH" });
    expect(checkCreditCode("  ")).toEqual({ ok: false, problem: "EMPTY" });
  });

  it("explains every refusal in Chinese", () => {
    expect(creditCodeMessage({ ok: false, problem: "CHECK", expectedCheck: "3" })).toBe("统一社会信用代码校验位不正确");
    expect(creditCodeMessage({ ok: false, problem: "ALPHABET", position: 9 })).toContain("第9位");
    expect(creditCodeMessage({ ok: false, problem: "LENGTH" })).toContain("18位");
    expect(creditCodeMessage({ ok: false, problem: "EMPTY" })).toContain("不能为空");
  });

  it("every single-character change of a valid code is caught", () => {
    for (let i = 0; i < 17; i++) {
      for (const c of "0123456789ABCDEFGHJKLMNPQRTUWXY") {
        if (c === VALID[i]) continue;
        const changed = VALID.slice(0, i) + c + VALID.slice(i + 1);
        expect(checkCreditCode(changed).ok).toBe(false);
      }
    }
  });
});
