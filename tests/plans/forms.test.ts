import { describe, expect, it } from "vitest";
import { newActionSchema, outcomeSchema } from "~/modules/plans/forms.server";
import { parseFormData } from "~/utils/forms.server";

/** The plan forms as the routes read them: parseFormData folds each date input's three fields first. */
function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

describe("plan forms read through parseFormData", () => {
  it("reads an action's due date typed in the three fields", () => {
    const result = parseFormData(
      form({ formToken: crypto.randomUUID(), strand: "PREVENT", title: "Awareness sessions", ownerOrganisationId: crypto.randomUUID(), "dueDate-day": "1", "dueDate-month": "2", "dueDate-year": "2027" }),
      newActionSchema,
    );
    expect(result.success && result.data.dueDate.toISOString()).toBe("2027-02-01T00:00:00.000Z");
  });

  it("still asks for a due date left empty", () => {
    const result = parseFormData(form({ formToken: crypto.randomUUID(), strand: "PREVENT", title: "Awareness sessions", ownerOrganisationId: crypto.randomUUID() }), newActionSchema);
    expect(!result.success && result.errors.dueDate).toBe("Enter the due date");
  });

  it("reads an outcome's date", () => {
    const outcome = parseFormData(form({ formToken: crypto.randomUUID(), kind: "ARREST", quantity: "1", areaId: crypto.randomUUID(), "occurredOn-day": "14", "occurredOn-month": "7", "occurredOn-year": "2026" }), outcomeSchema);
    expect(outcome.success && outcome.data.occurredOn.toISOString()).toBe("2026-07-13T23:00:00.000Z");
  });
});
