import { creditCodeCheckChar } from "../../lib/domain/credit-code";

/** A valid demo credit code of the off-site demo enterprises (`MB` in characters 9–10). Pure: the browser tests import it. */
export function demoCreditCode(districtCode: string, serial: number): string {
  const first17 = `91${districtCode}MB${String(serial).padStart(7, "0")}`;
  return first17 + creditCodeCheckChar(first17);
}
