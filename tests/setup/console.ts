/**
 * A test fails if it writes to console.error without saying it expects to (as the Epic Stack does):
 * an unexpected error message is a bug the test would otherwise let through. A test that expects
 * one calls `expectConsoleError()` first and may assert on the returned spy.
 */
import { afterEach, beforeEach, expect, vi, type MockInstance } from "vitest";

let spy: MockInstance<typeof console.error> | null = null;
let expected = false;

beforeEach(() => {
  expected = false;
  const original = console.error.bind(console);
  spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    if (!expected) original(...args);
  });
});

afterEach(() => {
  const calls = spy?.mock.calls ?? [];
  spy?.mockRestore();
  spy = null;
  if (!expected && calls.length > 0) {
    expect.fail(
      `console.error was called ${calls.length} time(s) unexpectedly (first: ${String(calls[0]?.[0]).slice(0, 300)}). ` +
        "Call expectConsoleError() in the test if this is expected.",
    );
  }
});

/** Declares that this test expects console.error; returns the spy (the messages are not printed). */
export function expectConsoleError(): MockInstance<typeof console.error> {
  if (!spy) throw new Error("expectConsoleError() must be called inside a test");
  expected = true;
  return spy;
}
