import { describe, expect, it } from "vitest";
import { JUSTIFICATION_MESSAGES, JUSTIFICATION_NOTE_MAX, justificationSchema } from "./justification";

describe("justification", () => {
  const required = justificationSchema({ required: true, choices: ["TRIAGE", "INVESTIGATION"] });

  it("requires a reason when configured to", () => {
    const result = required.safeParse({});
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path: ["justification"], message: JUSTIFICATION_MESSAGES.missing });
  });

  it("accepts a listed reason and drops an empty note", () => {
    expect(required.parse({ justification: "TRIAGE", justificationNote: "  " })).toEqual({ justification: "TRIAGE", justificationNote: null });
  });

  it("refuses a reason not offered on this page", () => {
    expect(required.safeParse({ justification: "SAFEGUARDING" }).success).toBe(false);
    expect(required.safeParse({ justification: "<script>" }).success).toBe(false);
  });

  it("requires free text for Other, strips control characters and limits length", () => {
    expect(required.safeParse({ justification: "OTHER", justificationNote: "" }).error!.issues[0]).toMatchObject({
      path: ["justificationNote"],
      message: JUSTIFICATION_MESSAGES.explain,
    });
    expect(required.parse({ justification: "OTHER", justificationNote: "Op\u0000 Castle\u0007 ref 12" })).toEqual({
      justification: "OTHER",
      justificationNote: "Op Castle ref 12",
    });
    expect(required.safeParse({ justification: "OTHER", justificationNote: "x".repeat(JUSTIFICATION_NOTE_MAX + 1) }).success).toBe(false);
  });

  it("lets the reason be left out when the requirement is switched off (Data (Use and Access) Act 2025)", () => {
    const optional = justificationSchema({ required: false });
    expect(optional.parse({ justification: "" })).toEqual({ justification: null, justificationNote: null });
    expect(optional.safeParse({ justification: "OTHER" }).success).toBe(false);
  });
});
