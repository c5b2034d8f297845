import { describe, expect, it } from "vitest";
import { dismissToast, extendToasts, liveToasts, MAX_TOASTS, pushToast, TOAST_MS } from "@/components/ui/toast-queue";

describe("the toast queue", () => {
  it("adds a message as a success that leaves after the default time", () => {
    const q = pushToast([], { id: 1, message: "已保存" }, 1000);
    expect(q).toEqual([{ id: 1, message: "已保存", tone: "success", until: 1000 + TOAST_MS }]);
  });

  it("keeps at most three, dropping the oldest first", () => {
    let q = pushToast([], { id: 1, message: "a" }, 0);
    q = pushToast(q, { id: 2, message: "b" }, 0);
    q = pushToast(q, { id: 3, message: "c" }, 0);
    q = pushToast(q, { id: 4, message: "d" }, 0);
    expect(MAX_TOASTS).toBe(3);
    expect(q.map((t) => t.message)).toEqual(["b", "c", "d"]);
  });

  it("shows the same message once: a second 已保存 replaces the first and starts its time again", () => {
    let q = pushToast([], { id: 1, message: "已保存" }, 0);
    q = pushToast(q, { id: 2, message: "已提交" }, 100);
    q = pushToast(q, { id: 3, message: "已保存" }, 200);
    expect(q.map((t) => [t.id, t.message])).toEqual([
      [2, "已提交"],
      [3, "已保存"],
    ]);
    expect(q[1]?.until).toBe(200 + TOAST_MS);
  });

  it("keeps the same words in another tone apart (a failure is not swallowed by a success)", () => {
    let q = pushToast([], { id: 1, message: "x" }, 0);
    q = pushToast(q, { id: 2, message: "x", tone: "error" }, 0);
    expect(q).toHaveLength(2);
  });

  it("lets messages leave when their time is up, but not while held", () => {
    const q = pushToast(pushToast([], { id: 1, message: "a" }, 0, 100), { id: 2, message: "b" }, 50, 100);
    expect(liveToasts(q, 99).map((t) => t.id)).toEqual([1, 2]);
    expect(liveToasts(q, 100).map((t) => t.id)).toEqual([2]);
    expect(liveToasts(q, 150)).toEqual([]);
    expect(liveToasts(q, 10_000, true).map((t) => t.id)).toEqual([1, 2]);
  });

  it("after a hold, every message stays that much longer", () => {
    const q = extendToasts(pushToast([], { id: 1, message: "a" }, 0, 100), 500);
    expect(q[0]?.until).toBe(600);
    expect(liveToasts(q, 599)).toHaveLength(1);
  });

  it("dismisses one message by id", () => {
    const q = pushToast(pushToast([], { id: 1, message: "a" }, 0), { id: 2, message: "b" }, 0);
    expect(dismissToast(q, 1).map((t) => t.id)).toEqual([2]);
    expect(dismissToast(q, 9)).toHaveLength(2);
  });
});
