import { describe, expect, it } from "vitest";
import { navEntries } from "@/components/shell/app-header";
import { fieldIds } from "@/components/ui/form-field";

describe("a form field's ids", () => {
  it("names the hint and the error after the input", () => {
    const ids = fieldIds("p-title", { hint: true, error: true });
    expect(ids).toMatchObject({ id: "p-title", hintId: "p-title-hint", errorId: "p-title-error" });
    expect(ids.describedBy).toBe("p-title-hint p-title-error");
  });

  it("describes the input only by what is shown", () => {
    expect(fieldIds("x", { hint: true }).describedBy).toBe("x-hint");
    expect(fieldIds("x", { error: true }).describedBy).toBe("x-error");
    expect(fieldIds("x", {}).describedBy).toBeUndefined();
  });
});

describe("the navigation's entries", () => {
  it("keeps single links in order and folds each group into one entry where its first item stands", () => {
    const entries = navEntries([
      { href: "/work", label: "我的待办" },
      { href: "/sections", label: "断面", group: "数据" },
      { href: "/problems", label: "台账" },
      { href: "/account", label: "我的账号", group: "管理" },
      { href: "/targets", label: "目标", group: "数据" },
    ]);
    expect(entries.map((e) => (e.kind === "link" ? e.item.href : `${e.label}:${e.items.map((i) => i.href).join(",")}`))).toEqual([
      "/work",
      "数据:/sections,/targets",
      "/problems",
      "管理:/account",
    ]);
  });
});
