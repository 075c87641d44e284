import { describe, expect, it } from "vitest";
import fc from "fast-check";
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

/**
 * Whatever comes in, what comes out is a path on this site: one leading "/", not "//" or "/\",
 * no scheme or host, and a browser on any page of any origin resolves it to that same origin.
 */
describe("safeRedirect, for arbitrary input", () => {
  const BASE = "https://portal.example";
  // Pieces that make redirects escape: slashes, dot segments, their encodings, schemes, controls.
  const slash = fc.constantFrom("/", "//", "\\", "%2f", "%2F", "%5c", "%252f", "\uff0f");
  const dots = fc.constantFrom(".", "..", "%2e", "%2E", "%2e%2e", ".%2e", "%252e");
  const other = fc.constantFrom("%00", "?", "#", "@", ":", "http:", "javascript:", "evil.example", "x", "\t", "\n", " ", "\u3002");
  const piece = fc.oneof(slash, dots, other, fc.string({ maxLength: 4 }), fc.string({ unit: "binary", maxLength: 3 }));
  const pieces = fc.array(piece, { maxLength: 10 }).map((parts) => parts.join(""));
  const target = fc.oneof(fc.string(), fc.webUrl(), pieces, pieces.map((rest) => `/${rest}`));

  it("always returns a same-site path", () => {
    fc.assert(
      fc.property(target, (input) => {
        const out = safeRedirect(input);
        expect(out.startsWith("/")).toBe(true);
        expect(out.startsWith("//")).toBe(false);
        expect(out.startsWith("/\\")).toBe(false);
        // eslint-disable-next-line no-control-regex
        expect(out).not.toMatch(/[\u0000-\u001f\u007f\\]/);
        expect(new URL(out, `${BASE}/some/page`).origin).toBe(BASE);
        // Redirecting to it again (it is itself a target) changes nothing.
        expect(safeRedirect(out)).toBe(out);
      }),
      { numRuns: 5000 },
    );
  });

  it("keeps a plain local path exactly", () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (segments) => {
        const path = `/${segments.join("/")}`;
        expect(safeRedirect(path)).toBe(path);
      }),
    );
  });
});
