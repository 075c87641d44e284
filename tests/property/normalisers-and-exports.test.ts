import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "~/modules/audit/chain";
import {
  formatPostcode,
  identifierCandidates,
  normaliseAddress,
  normaliseHandle,
  normaliseName,
  normaliseOrganisationName,
  normalisePhone,
  normalisePostcode,
  normaliseRegistration,
} from "~/modules/intelligence/normalise";
import { csvRow, toCsv } from "~/utils/csv";

/**
 * Property tests: whatever a partner types, or an export contains, these pure functions neither
 * crash nor drift. fast-check generates the inputs (full Unicode, control characters, look-alike
 * digits) and shrinks any failure to its smallest case.
 */
const anyText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  // Input shaped like identifiers, where the interesting edges are.
  fc.stringMatching(/^[ @+(0)A-Za-z0-9\-.]{0,20}$/),
);

const normalisers = {
  normalisePostcode,
  normalisePhone,
  normaliseHandle,
  normaliseRegistration,
  normaliseOrganisationName,
  normaliseName,
  normaliseAddress,
};

describe("identifier normalisers", () => {
  for (const [name, normalise] of Object.entries(normalisers)) {
    it(`${name} never throws and is idempotent: a key normalises to itself`, () => {
      fc.assert(
        fc.property(anyText, (value) => {
          const key = normalise(value);
          if (key !== null) expect(normalise(key)).toBe(key);
        }),
        { numRuns: 2000 },
      );
    });
  }

  it("a formatted postcode normalises back to the same key", () => {
    fc.assert(
      fc.property(anyText, (value) => {
        const formatted = formatPostcode(value);
        if (formatted !== null) expect(normalisePostcode(formatted)).toBe(normalisePostcode(value));
      }),
      { numRuns: 2000 },
    );
  });

  it("search candidates are never empty keys and never throw", () => {
    fc.assert(
      fc.property(anyText, (value) => {
        for (const candidate of identifierCandidates(value)) expect(candidate.normalisedValue.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});

/** What a spreadsheet may read as a formula: = + - @ tab CR, and their full-width forms (＝ ＋ － ＠). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

describe("CSV exports", () => {
  const cell = fc.oneof(anyText, fc.constantFrom("=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx", "＝1+1", "－2", 'a"b', "a\nb", "a\r\nb"));
  const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 });

  it("every cell reads back exactly, except that formula starts are neutralised with an apostrophe", () => {
    fc.assert(
      fc.property(rows, (table) => {
        const parsed = parse(toCsv(table), { bom: true, relax_column_count: true }) as string[][];
        expect(parsed).toHaveLength(table.length);
        table.forEach((row, r) =>
          row.forEach((value, c) => {
            const read = parsed[r]![c]!;
            if (FORMULA_START.test(value)) expect(read).toBe(`'${value}`);
            else expect(read).toBe(value);
          }),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it("a streamed row is one whole record, however its cells break lines", () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 5 }), (row) => {
        expect(parse(csvRow(row), { relax_column_count: true })).toHaveLength(1);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("audit canonical serialisation", () => {
  it("is the same whatever order an object's keys come in, and reads back as the same value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        const reordered = JSON.parse(JSON.stringify(value), function (this: unknown, _key, v: unknown) {
          if (v && typeof v === "object" && !Array.isArray(v)) return Object.fromEntries(Object.entries(v).reverse());
          return v;
        }) as unknown;
        expect(canonicalJson(reordered)).toBe(text);
        // -0 and 0 serialise alike, as JSON has no -0; compare through JSON itself.
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 2000 },
    );
  });
});
