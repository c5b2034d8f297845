import { describe, expect, it } from "vitest";
import {
  backoffMs,
  checkFile,
  isUnfinished,
  MAX_AUTO_ATTEMPTS,
  nextToSend,
  nextWakeUp,
  outcomeOf,
  reduceQueue,
  type UploadItem,
  uploadFields,
} from "@/components/evidence/upload-queue";

const MB = 1024 * 1024;

function queued(id: string, over: Partial<UploadItem> = {}): UploadItem {
  return reduceQueue([], {
    type: "ADD",
    item: { id, idempotencyKey: `key-${id}`, name: `${id}.jpg`, size: 10, problemId: "p1", kind: "AFTER_PHOTO", ...over },
  })[0] as UploadItem;
}

describe("checkFile", () => {
  it("refuses empty files, files over the cap and unknown types before sending", () => {
    expect(checkFile({ name: "a.jpg", size: 0, type: "image/jpeg" }, "AFTER_PHOTO", MB)).toBe("EMPTY");
    expect(checkFile({ name: "a.jpg", size: MB + 1, type: "image/jpeg" }, "AFTER_PHOTO", MB)).toBe("TOO_BIG");
    expect(checkFile({ name: "a.jpg", size: MB, type: "image/jpeg" }, "AFTER_PHOTO", MB)).toBeNull();
    expect(checkFile({ name: "page.html", size: 5, type: "text/html" }, "OTHER", MB)).toBe("TYPE");
    expect(checkFile({ name: "x.svg", size: 5, type: "image/svg+xml" }, "BEFORE_PHOTO", MB)).toBe("TYPE");
  });

  it("takes documents for document kinds but only images for photo kinds", () => {
    const pdf = { name: "报告.pdf", size: 5, type: "application/pdf" };
    expect(checkFile(pdf, "MONITORING_REPORT", MB)).toBeNull();
    expect(checkFile(pdf, "BEFORE_PHOTO", MB)).toBe("NOT_IMAGE");
    expect(checkFile({ name: "v.mp4", size: 5, type: "video/mp4" }, "OTHER", MB)).toBeNull();
  });

  it("falls back to the extension when the phone gives no type", () => {
    expect(checkFile({ name: "IMG_0001.JPG", size: 5, type: "" }, "BEFORE_PHOTO", MB)).toBeNull();
    expect(checkFile({ name: "合同.docx", size: 5, type: "" }, "CONTRACT", MB)).toBeNull();
    expect(checkFile({ name: "run.exe", size: 5, type: "" }, "OTHER", MB)).toBe("TYPE");
  });
});

describe("outcomeOf", () => {
  it("retries network failures, timeouts, throttling and server errors; refuses the rest", () => {
    expect(outcomeOf(201)).toBe("DONE");
    expect(outcomeOf(200)).toBe("DONE");
    for (const s of [0, 408, 429, 500, 502, 503]) expect(outcomeOf(s)).toBe("RETRY");
    for (const s of [400, 401, 403, 404, 409, 413, 415, 422]) expect(outcomeOf(s)).toBe("REFUSED");
  });
});

describe("backoffMs", () => {
  it("doubles from one second up to thirty, with at most a quarter of spread", () => {
    expect(backoffMs(1, 0)).toBe(1000);
    expect(backoffMs(2, 0)).toBe(2000);
    expect(backoffMs(3, 0)).toBe(4000);
    expect(backoffMs(20, 0)).toBe(30000);
    expect(backoffMs(1, 1)).toBe(1250);
    expect(backoffMs(20, 1)).toBe(37500);
  });
});

describe("reduceQueue", () => {
  it("sends one file at a time, oldest first", () => {
    let q = [queued("a"), queued("b")];
    expect(nextToSend(q, 0)?.id).toBe("a");
    q = reduceQueue(q, { type: "START", id: "a" });
    expect(nextToSend(q, 0)).toBeNull();
    q = reduceQueue(q, { type: "ANSWER", id: "a", status: 201, now: 0, evidenceId: "e1" });
    expect(q[0]).toMatchObject({ state: "DONE", evidenceId: "e1", duplicate: false, progress: 1 });
    expect(nextToSend(q, 0)?.id).toBe("b");
  });

  it("keeps the idempotency key through automatic retries and stalls after three failures", () => {
    let q = [queued("a")];
    const now = 10_000;
    for (let attempt = 1; attempt <= MAX_AUTO_ATTEMPTS; attempt++) {
      q = reduceQueue(q, { type: "START", id: "a" });
      q = reduceQueue(q, { type: "ANSWER", id: "a", status: attempt === 2 ? 503 : 0, now, random: 0 });
      expect(q[0]?.idempotencyKey).toBe("key-a");
      expect(q[0]?.attempts).toBe(attempt);
      if (attempt < MAX_AUTO_ATTEMPTS) {
        expect(q[0]?.state).toBe("QUEUED");
        expect(q[0]?.notBefore).toBe(now + backoffMs(attempt, 0));
        expect(nextToSend(q, now)).toBeNull();
        expect(nextWakeUp(q)).toBe(now + backoffMs(attempt, 0));
        expect(nextToSend(q, now + backoffMs(attempt, 0))?.id).toBe("a");
      }
    }
    expect(q[0]?.state).toBe("STALLED");
    expect(nextToSend(q, Number.MAX_SAFE_INTEGER)).toBeNull();
    expect(isUnfinished(q[0] as UploadItem)).toBe(true);

    q = reduceQueue(q, { type: "RETRY", id: "a" });
    expect(q[0]).toMatchObject({ state: "QUEUED", attempts: 0, notBefore: 0, idempotencyKey: "key-a" });
    q = reduceQueue(q, { type: "START", id: "a" });
    q = reduceQueue(q, { type: "ANSWER", id: "a", status: 200, now, evidenceId: "e1" });
    expect(q[0]).toMatchObject({ state: "DONE", duplicate: true, evidenceId: "e1" });
    expect(isUnfinished(q[0] as UploadItem)).toBe(false);
  });

  it("does not retry a refusal and keeps the server's messages", () => {
    let q = [queued("a")];
    q = reduceQueue(q, { type: "START", id: "a" });
    q = reduceQueue(q, { type: "ANSWER", id: "a", status: 415, now: 0, messages: ["不支持的文件类型"] });
    expect(q[0]).toMatchObject({ state: "REFUSED", lastStatus: 415, messages: ["不支持的文件类型"] });
    expect(nextToSend(q, 0)).toBeNull();
    expect(reduceQueue(q, { type: "RETRY", id: "a" })[0]?.state).toBe("REFUSED");
    expect(reduceQueue(q, { type: "DISMISS", id: "a" })).toEqual([]);
  });

  it("clamps progress and ignores late events for a file no longer sending", () => {
    let q = [queued("a")];
    q = reduceQueue(q, { type: "PROGRESS", id: "a", progress: 0.5 });
    expect(q[0]?.progress).toBe(0);
    q = reduceQueue(q, { type: "START", id: "a" });
    q = reduceQueue(q, { type: "PROGRESS", id: "a", progress: 1.7 });
    expect(q[0]?.progress).toBe(1);
    q = reduceQueue(q, { type: "ANSWER", id: "a", status: 201, now: 0 });
    expect(reduceQueue(q, { type: "ANSWER", id: "a", status: 500, now: 0 })[0]?.state).toBe("DONE");
  });

  it("adds a file once, even when a reload offers it again", () => {
    const q = [queued("a")];
    expect(
      reduceQueue(q, {
        type: "ADD",
        item: { id: "a", idempotencyKey: "other", name: "a.jpg", size: 1, problemId: "p1", kind: "AFTER_PHOTO" },
      }),
    ).toEqual(q);
  });
});

describe("uploadFields", () => {
  it("sends the kind, the links, the device's time and position only when known", () => {
    expect(uploadFields({ problemId: "p", kind: "BEFORE_PHOTO" }, {})).toEqual([["kind", "BEFORE_PHOTO"]]);
    expect(
      uploadFields(
        { problemId: "p", kind: "AFTER_PHOTO", measureId: "m", supersedesId: "s" },
        { capturedAt: "2026-11-28T01:02:03.000Z", lat: 31.5, lng: 120.3 },
      ),
    ).toEqual([
      ["kind", "AFTER_PHOTO"],
      ["measureId", "m"],
      ["supersedesId", "s"],
      ["capturedAt", "2026-11-28T01:02:03.000Z"],
      ["lat", "31.500000"],
      ["lng", "120.300000"],
    ]);
  });
});
