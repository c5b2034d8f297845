/**
 * Follows a JPEG's marker segments as its bytes stream in, without decoding: finds the frame
 * header (SOF: width and height) wherever it sits — after large APP segments too — and whether
 * the image really ends (EOI after the last scan). Bytes after EOI are ignored (some cameras
 * append data there).
 */
export class JpegScanner {
  width: number | null = null;
  height: number | null = null;
  /** The end-of-image marker was reached. */
  ended = false;
  /** The bytes do not follow the JPEG structure. */
  broken = false;

  private state: "soi0" | "soi1" | "marker" | "markerType" | "len0" | "len1" | "payload" | "entropy" | "entropyFF" | "done" =
    "soi0";
  private lenHigh = 0;
  private remaining = 0;
  private afterPayload: "marker" | "entropy" = "marker";
  private sof: number[] | null = null;

  push(chunk: Uint8Array): void {
    let i = 0;
    const n = chunk.length;
    while (i < n && this.state !== "done" && !this.broken) {
      const b = chunk[i] as number;
      switch (this.state) {
        case "soi0":
          if (b !== 0xff) this.broken = true;
          this.state = "soi1";
          i++;
          break;
        case "soi1":
          if (b !== 0xd8) this.broken = true;
          this.state = "marker";
          i++;
          break;
        case "marker":
          if (b !== 0xff) {
            this.broken = true;
            break;
          }
          this.state = "markerType";
          i++;
          break;
        case "markerType":
          i++;
          if (b === 0xff) break; // fill bytes
          this.onMarker(b);
          break;
        case "len0":
          this.lenHigh = b;
          this.state = "len1";
          i++;
          break;
        case "len1": {
          const length = (this.lenHigh << 8) | b;
          i++;
          if (length < 2) {
            this.broken = true;
            break;
          }
          this.remaining = length - 2;
          this.state = this.remaining > 0 ? "payload" : this.afterPayload;
          break;
        }
        case "payload": {
          const take = Math.min(this.remaining, n - i);
          if (this.sof && this.sof.length < 5) {
            for (let k = 0; k < take && this.sof.length < 5; k++) this.sof.push(chunk[i + k] as number);
            if (this.sof.length === 5 && this.width === null) {
              this.height = ((this.sof[1] as number) << 8) | (this.sof[2] as number);
              this.width = ((this.sof[3] as number) << 8) | (this.sof[4] as number);
            }
          }
          this.remaining -= take;
          i += take;
          if (this.remaining === 0) this.state = this.afterPayload;
          break;
        }
        case "entropy": {
          const at = chunk.indexOf(0xff, i);
          if (at < 0) {
            i = n;
            break;
          }
          i = at + 1;
          this.state = "entropyFF";
          break;
        }
        case "entropyFF":
          i++;
          if (b === 0x00 || (b >= 0xd0 && b <= 0xd7)) this.state = "entropy";
          else if (b !== 0xff) this.onMarker(b);
          break;
      }
    }
  }

  private onMarker(type: number): void {
    this.sof = null;
    if (type === 0xd9) {
      this.ended = true;
      this.state = "done";
      return;
    }
    if ((type >= 0xd0 && type <= 0xd7) || type === 0x01) {
      this.state = "marker";
      return;
    }
    if (type === 0xd8) {
      this.broken = true;
      return;
    }
    const isSof = type >= 0xc0 && type <= 0xcf && type !== 0xc4 && type !== 0xc8 && type !== 0xcc;
    if (isSof) this.sof = [];
    this.afterPayload = type === 0xda ? "entropy" : "marker";
    this.state = "len0";
  }
}
