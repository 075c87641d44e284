import { describe, expect, it } from "vitest";
import { expectConsoleError } from "./console";

describe("console.error in tests", () => {
  it("is allowed when the test says it expects it, and can be asserted on", () => {
    const spy = expectConsoleError();
    console.error("expected failure");
    expect(spy).toHaveBeenCalledWith("expected failure");
  });
});

describe("an unexpected console.error", () => {
  // The afterEach hook of tests/setup/console.ts fails this test; `fails` turns that into a pass.
  it.fails("fails the test that wrote it", () => {
    console.error("unexpected failure (this message is part of the test)");
  });
});
