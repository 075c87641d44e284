import { describe, expect, it } from "vitest";
import { pluralise } from "./plural";

describe("pluralise", () => {
  it("writes one thing in the singular and any other count in the plural", () => {
    expect(pluralise(1, "signed checkpoint")).toBe("1 signed checkpoint");
    expect(pluralise(0, "signed checkpoint")).toBe("0 signed checkpoints");
    expect(pluralise(2, "record names", "records name")).toBe("2 records name");
    expect(pluralise(12045, "event")).toBe("12,045 events");
  });
});
