import { describe, expect, it } from "vitest";
import { z } from "zod";
import { dateInput, foldDateInputs, optionalDateInput } from "./date-input";

const schema = z.object({ startDate: dateInput("Start date"), reviewDate: optionalDateInput("Review date") });
const parse = (form: Record<string, string>) => schema.safeParse(foldDateInputs(form));
const message = (form: Record<string, string>) => {
  const result = parse(form);
  return result.success ? null : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("GOV.UK date input", () => {
  it("reads day, month and year fields as one UK calendar day", () => {
    const parsed = parse({ "startDate-day": "1", "startDate-month": "4", "startDate-year": "2026" });
    expect(parsed).toMatchObject({ success: true, data: { startDate: "2026-04-01" } });
    expect(parsed.data?.reviewDate).toBeUndefined();
    expect(parse({ "startDate-day": "1", "startDate-month": "4", "startDate-year": "2026", "reviewDate-day": "", "reviewDate-month": "", "reviewDate-year": "" }).data?.reviewDate).toBeUndefined();
    expect(parse({ "startDate-day": "29", "startDate-month": "Feb", "startDate-year": "2028" })).toMatchObject({ data: { startDate: "2028-02-29" } });
    expect(parse({ startDate: "2026-05-01" })).toMatchObject({ data: { startDate: "2026-05-01" } });
  });

  it("gives one message per date, in the GOV.UK wording", () => {
    expect(message({})).toEqual(["startDate: Enter the start date"]);
    expect(message({ "startDate-day": "1", "startDate-month": "", "startDate-year": "2026" })).toEqual(["startDate: Start date must include a month"]);
    expect(message({ "startDate-day": "", "startDate-month": "", "startDate-year": "2026" })).toEqual(["startDate: Start date must include a day and month"]);
    expect(message({ "startDate-day": "30", "startDate-month": "2", "startDate-year": "2026" })).toEqual(["startDate: Start date must be a real date"]);
    expect(message({ "startDate-day": "1", "startDate-month": "13", "startDate-year": "26" })).toEqual(["startDate: Start date must be a real date"]);
    expect(message({ startDate: "2026-05-01", "reviewDate-day": "31", "reviewDate-month": "4", "reviewDate-year": "2026" })).toEqual(["reviewDate: Review date must be a real date"]);
  });
});
