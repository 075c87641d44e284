import { describe, expect, it } from "vitest";
import { expectConsoleError } from "./console";

describe("console.error in tests", () => {
  it("is allowed when the test says it expects it, and can be asserted on", () => {
    const spy = expectConsoleError();
    console.error("expected failure");
    expect(spy).toHaveBeenCalledWith("expected failure");
  });
});
