import { describe, expect, it } from "vitest";
import { chains } from "@/components/evidence/evidence-chains";

type E = { id: string; supersedesId: string | null; supersededById: string | null; uploadedAt: string };
const e = (id: string, at: string, supersedesId: string | null = null, supersededById: string | null = null): E => ({
  id,
  supersedesId,
  supersededById,
  uploadedAt: `2026-11-${at}T08:00:00.000Z`,
});

describe("chains", () => {
  it("puts each correction above the versions it replaced, newest chain first", () => {
    const items = [e("a1", "01", null, "a2"), e("b", "02"), e("a2", "03", "a1", "a3"), e("a3", "05", "a2"), e("c", "04")];
    expect(chains(items).map((c) => [c.current.id, c.older.map((o) => o.id)])).toEqual([
      ["a3", ["a2", "a1"]],
      ["c", []],
      ["b", []],
    ]);
  });

  it("keeps an item whose correction is not in the list, and survives a broken loop", () => {
    expect(chains([e("x", "01", null, "elsewhere")]).map((c) => c.current.id)).toEqual(["x"]);
    const loop = chains([e("p", "02", "q"), e("q", "01", "p", "p")]);
    expect(loop).toHaveLength(1);
    expect(loop[0]?.older.map((o) => o.id)).toEqual(["q"]);
  });
});
