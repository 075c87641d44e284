import { describe, expect, it } from "vitest";
import { safeRedirect } from "./redirect";

describe("safeRedirect", () => {
  it.each(["/", "/agreements", "/intelligence/123?tab=history", "/a#b"])("keeps the local path %s", (path) => {
    expect(safeRedirect(path)).toBe(path);
  });

  it.each([
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example",
    "javascript:alert(1)",
    "/%2F%2Fevil.example",
    "%2F%2Fevil.example",
    "/%5Cevil.example",
    "/%252F%252Fevil.example",
    "/\tevil",
    "/\t/evil.example",
    "/\n/evil.example",
    " //evil.example",
    "",
    "evil.example",
  ])("refuses %j", (target) => {
    expect(safeRedirect(target)).toBe("/");
  });

  it("refuses non-strings", () => {
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(["/x"])).toBe("/");
  });
});
