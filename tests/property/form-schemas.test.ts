import fc from "fast-check";
import type { z } from "zod";
import { describe, expect, it } from "vitest";
import * as agreementForms from "~/modules/agreements/forms";
import { periodSchema } from "~/modules/audit/period";
import * as intelligenceForms from "~/modules/intelligence/forms";
import { organisationFormSchema } from "~/modules/organisations/organisation-form";
import { editUserFormSchema, newUserFormSchema, userListFiltersSchema } from "~/modules/users/user-form";

/**
 * Every form and filter schema answers any posted body with success or field errors, never an
 * exception (which a route would turn into a 500). Bodies are what a browser or an attacker can
 * send: any field names from the schema, any strings, repeated fields.
 */
function isSchema(value: unknown): value is z.ZodType {
  return typeof value === "object" && value !== null && typeof (value as { safeParse?: unknown }).safeParse === "function";
}

const schemas: Record<string, z.ZodType> = {
  periodSchema,
  organisationFormSchema,
  editUserFormSchema,
  newUserFormSchema,
  userListFiltersSchema,
};
for (const [name, value] of [...Object.entries(agreementForms), ...Object.entries(intelligenceForms)]) {
  if (isSchema(value)) schemas[name] = value;
}

/** Field names the schema knows (for objects), plus a few it does not. */
function fieldNames(schema: z.ZodType): string[] {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  return [...Object.keys(shape ?? {}), "intent", "id", "__proto__", "constructor"];
}

const text = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: "binary", maxLength: 30 }), fc.constantFrom("", " ", "\u0000", "9999999999999999999", "-1", "2026-02-30", "true", "OFFICIAL"));

describe("form and filter schemas", () => {
  it("covers the forms (a new schema file is listed here)", () => {
    expect(Object.keys(schemas).length).toBeGreaterThanOrEqual(20);
  });

  for (const [name, schema] of Object.entries(schemas)) {
    it(`${name} never throws, whatever is posted`, () => {
      const names = fieldNames(schema);
      const body = fc.dictionary(fc.constantFrom(...names), fc.oneof(text, fc.array(text, { maxLength: 3 })), { maxKeys: names.length });
      fc.assert(
        fc.property(body, (input) => {
          const result = schema.safeParse(input);
          expect(typeof result.success).toBe("boolean");
        }),
        { numRuns: 300 },
      );
    });
  }
});
