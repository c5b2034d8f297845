import { writeFile } from "node:fs/promises";
import { S3ServiceException } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { isStorageFullError, parseStoreBudget, remainingBudget } from "@/lib/domain/store-budget";

describe("parseStoreBudget (EVIDENCE_MAX_STORE_BYTES)", () => {
  it.each([
    [undefined, null],
    ["", null],
    ["0", null],
    ["1048576", 1_048_576],
    ["500G", 500 * 1024 ** 3],
    ["2t", 2 * 1024 ** 4],
    ["750MiB", 750 * 1024 ** 2],
    ["64 KB", 64 * 1024],
  ])("%s → %s", (raw, bytes) => {
    expect(parseStoreBudget(raw)).toBe(bytes);
  });

  it.each(["-5", "1.5G", "ten", "5P", "0x10", "9999999999T"])("refuses %s, naming the setting", (raw) => {
    expect(() => parseStoreBudget(raw)).toThrow(/EVIDENCE_MAX_STORE_BYTES/);
  });

  it("leaves what the budget has not used, never less than nothing", () => {
    expect(remainingBudget(null, 5)).toBeNull();
    expect(remainingBudget(100, 30)).toBe(70);
    expect(remainingBudget(100, 130)).toBe(0);
  });
});

describe("isStorageFullError", () => {
  it("recognizes the kernel's ENOSPC (a write to /dev/full)", async () => {
    const e = await writeFile("/dev/full", "x").then(
      () => null,
      (err: unknown) => err,
    );
    expect((e as NodeJS.ErrnoException).code).toBe("ENOSPC");
    expect(isStorageFullError(e)).toBe(true);
  });

  it("recognizes a disk quota (EDQUOT) and a wrapped cause", () => {
    expect(isStorageFullError(Object.assign(new Error("quota"), { code: "EDQUOT" }))).toBe(true);
    expect(isStorageFullError(new Error("upload failed", { cause: Object.assign(new Error("x"), { code: "ENOSPC" }) }))).toBe(
      true,
    );
  });

  it.each([
    ["EntityTooLarge", 400],
    ["XMinioStorageFull", 507],
    ["XMinioAdminBucketQuotaExceeded", 400],
    ["InsufficientStorage", 507],
    ["SomethingElse", 507],
  ])("recognizes the S3 answer %s (HTTP %s)", (name, status) => {
    const e = new S3ServiceException({ name, $fault: "server", $metadata: { httpStatusCode: status }, message: name });
    expect(isStorageFullError(e)).toBe(true);
  });

  it("leaves every other failure alone", () => {
    expect(isStorageFullError(Object.assign(new Error("gone"), { code: "ENOENT" }))).toBe(false);
    expect(isStorageFullError(Object.assign(new Error("denied"), { code: "EACCES" }))).toBe(false);
    expect(
      isStorageFullError(new S3ServiceException({ name: "AccessDenied", $fault: "client", $metadata: { httpStatusCode: 403 } })),
    ).toBe(false);
    expect(isStorageFullError(new Error("boom"))).toBe(false);
    expect(isStorageFullError(null)).toBe(false);
    expect(isStorageFullError("ENOSPC")).toBe(false);
  });
});
