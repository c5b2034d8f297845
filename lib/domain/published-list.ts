/**
 * A published best/worst list typed from the province's document, as printed: one line per
 * printed place, in printed order. Pure.
 *
 *   宜兴市                    rank = its place in the list (1 + the names before it)
 *   9 江阴市 / 第9名 江阴市     the printed rank
 *   9 溧阳市、句容市、丰县      one line, several names: a tie group (并列) sharing the rank
 *   并列 句容市 / 句容市（并列） ties with the line above (same rank)
 *
 * Names are matched to divisions elsewhere; here only the shape is checked.
 */

export type ParsedEntry = { line: number; name: string; printedRank: number };
export type LineError = { line: number; reason: string };

const RANK = /^(?:第\s*)?(\d{1,3})\s*(?:名|位)?[\s.、．:：,，)）]*(?=\D|$)/;
const TIE = /[(（]?并列[)）]?/g;
const SEPARATORS = /[、，,;；\s]+/;

/** Parses the pasted text; every bad line is reported (Chinese), and entries only when there is none. */
export function parsePrintedList(text: string): { entries: ParsedEntry[]; errors: LineError[] } {
  const entries: ParsedEntry[] = [];
  const errors: LineError[] = [];
  let previousRank = 0;
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    let rest = raw.trim();
    if (!rest) return;
    let explicit: number | null = null;
    const rank = RANK.exec(rest);
    if (rank) {
      explicit = Number(rank[1]);
      rest = rest.slice(rank[0].length);
    }
    const tie = TIE.test(rest);
    TIE.lastIndex = 0;
    rest = rest.replace(TIE, " ").trim();
    const names = rest.split(SEPARATORS).filter(Boolean);
    if (!names.length) {
      errors.push({ line, reason: `第${line}行：没有单位名称` });
      return;
    }
    if (explicit !== null && explicit < 1) {
      errors.push({ line, reason: `第${line}行：名次须从 1 开始` });
      return;
    }
    let printedRank: number;
    if (explicit !== null) printedRank = explicit;
    else if (tie && names.length === 1) {
      if (!entries.length) {
        errors.push({ line, reason: `第${line}行：第一行不能与上一行并列` });
        return;
      }
      printedRank = previousRank;
    } else printedRank = entries.length + 1;
    for (const name of names) entries.push({ line, name, printedRank });
    previousRank = printedRank;
  });
  if (!entries.length && !errors.length) errors.push({ line: 1, reason: "名单为空：每行一个名次" });
  errors.push(...checkTieGroups(entries).map((e) => ({ line: e.line, reason: e.reason })));
  return errors.length ? { entries: [], errors } : { entries, errors };
}

/** A tie group must stand together: a rank that reappears after another rank is a typing slip. */
export function checkTieGroups(entries: readonly { printedRank: number; line?: number }[]): LineError[] {
  const errors: LineError[] = [];
  const closed = new Set<number>();
  let current: number | null = null;
  entries.forEach((e, i) => {
    if (e.printedRank !== current) {
      if (current !== null) closed.add(current);
      if (closed.has(e.printedRank)) {
        const line = e.line ?? i + 1;
        errors.push({ line, reason: `第${line}行：第${e.printedRank}名已在前面出现，并列的单位须写在一起` });
      }
      current = e.printedRank;
    }
  });
  return errors;
}
