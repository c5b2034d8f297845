import { describe, expect, it } from "vitest";
import {
  type AppError,
  BadRequest,
  Conflict,
  Forbidden,
  Invalid,
  isAppError,
  NotFound,
  TooManyRequests,
  Unauthorized,
  zodFieldErrors,
} from "@/lib/errors";

describe("zodFieldErrors", () => {
  it("groups messages by dotted path, keeping their order", () => {
    expect(
      zodFieldErrors([
        { path: ["title"], message: "Required" },
        { path: ["coUnitIds", 2], message: "Invalid UUID" },
        { path: ["title"], message: "Too long" },
      ]),
    ).toEqual({ title: ["Required", "Too long"], "coUnitIds.2": ["Invalid UUID"] });
  });

  it("files root-level issues under _", () => {
    expect(zodFieldErrors([{ path: [], message: "Expected object" }])).toEqual({ _: ["Expected object"] });
  });

  it("reports a field literally named __proto__ like any other, and serializes it", () => {
    const fields = zodFieldErrors([{ path: ["__proto__"], message: "Unknown field" }]);
    expect(Object.keys(fields)).toEqual(["__proto__"]);
    expect(JSON.parse(JSON.stringify(fields))).toEqual(JSON.parse('{"__proto__":["Unknown field"]}'));
  });

  it("is empty for no issues", () => {
    expect(zodFieldErrors([])).toEqual({});
  });
});

describe("typed errors", () => {
  it.each<[AppError, number, string]>([
    [new BadRequest(), 400, "BAD_REQUEST"],
    [new Unauthorized(), 401, "UNAUTHORIZED"],
    [new Forbidden(), 403, "FORBIDDEN"],
    [new NotFound(), 404, "NOT_FOUND"],
    [new Conflict("changed"), 409, "CONFLICT"],
    [new Invalid({ title: ["Required"] }), 422, "VALIDATION_FAILED"],
    [new TooManyRequests(30), 429, "TOO_MANY_REQUESTS"],
  ])("%s maps to HTTP %i with code %s", (error, status, code) => {
    expect(isAppError(error)).toBe(true);
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
    expect(error.name).toBe(error.constructor.name);
  });

  it("a conflict carries the current record for the UI to show", () => {
    expect(new Conflict("changed", { version: 3 }).extra).toEqual({ current: { version: 3 } });
    expect(new Conflict("changed").extra).toBeUndefined();
  });

  it("a plain Error is not an expected error", () => {
    expect(isAppError(new Error("boom"))).toBe(false);
    expect(isAppError({ code: "NOT_FOUND", status: 404 })).toBe(false);
  });
});
