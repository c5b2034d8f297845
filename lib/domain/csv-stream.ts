/**
 * RFC 4180 CSV read piece by piece (quoted fields with "" escapes, commas and newlines inside
 * quotes, CRLF or LF, an optional BOM), so a large file is never held whole in memory.
 * `push` returns the rows completed by a piece of text; `end` the last one.
 */
export class CsvStreamParser {
  private row: string[] = [];
  private field = "";
  private quoted = false;
  private quoteSeen = false;
  private skipLf = false;
  private started = false;
  private fieldStarted = false;

  push(text: string): string[][] {
    const rows: string[][] = [];
    let i = 0;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    for (; i < text.length; i++) {
      const c = text[i] as string;
      if (this.skipLf) {
        this.skipLf = false;
        if (c === "\n") continue;
      }
      if (this.quoted) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (c === '"') {
            this.field += '"';
            continue;
          }
          this.quoted = false;
        } else if (c === '"') {
          this.quoteSeen = true;
          continue;
        } else {
          this.field += c;
          continue;
        }
      }
      if (c === '"' && !this.fieldStarted) {
        this.quoted = true;
        this.fieldStarted = true;
      } else if (c === ",") {
        this.row.push(this.field);
        this.field = "";
        this.fieldStarted = false;
      } else if (c === "\n" || c === "\r") {
        this.row.push(this.field);
        rows.push(this.row);
        this.row = [];
        this.field = "";
        this.fieldStarted = false;
        if (c === "\r") this.skipLf = true;
      } else {
        this.field += c;
        this.fieldStarted = true;
      }
    }
    return rows;
  }

  end(): string[][] {
    if (this.quoteSeen) {
      this.quoteSeen = false;
      this.quoted = false;
    }
    if (this.field === "" && this.row.length === 0 && !this.fieldStarted) return [];
    this.row.push(this.field);
    const last = this.row;
    this.row = [];
    this.field = "";
    this.fieldStarted = false;
    return [last];
  }
}
