import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HandlingConditions, SubmissionDetails } from "~/components/intelligence";
import { MatchedBecause } from "~/components/search-snippets";
import { summariseEntities } from "~/modules/intelligence/entities";

/** Hostile text from partners is shown as text: React escapes it, and nothing renders raw HTML. */
const SCRIPT = `<script>alert("x")</script><img src=x onerror=alert(1)>`;

describe("rendering hostile text", () => {
  it("escapes HTML and script in narrative, location, conditions and identifiers", () => {
    const html = renderToStaticMarkup(
      <>
        <HandlingConditions code="C" conditions={SCRIPT} />
        <SubmissionDetails
          submission={{
            id: "x",
            threatType: "COUNTY_LINES",
            narrative: SCRIPT,
            area: { name: "Telford and Wrekin" },
            locationDescription: SCRIPT,
            postcode: "TF3 4NT",
            observedFrom: "2026-01-01T10:00:00.000Z",
            observedTo: null,
            sourceEvaluation: "RELIABLE",
            intelligenceAssessment: "A",
            handlingCode: "C",
            handlingConditions: SCRIPT,
            classification: "OFFICIAL",
            dataCategories: ["INTELLIGENCE_NARRATIVE"],
            agreement: { reference: "ISA-1", title: "Agreement" },
            entities: summariseEntities([{ id: "e1", kind: "PERSON", displayValue: SCRIPT, normalisedValue: "X", details: { name: SCRIPT } }]),
          }}
        />
      </>,
    );
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("Handling code C: sharing is permitted only under these conditions");
  });
});

describe("search snippets", () => {
  it("renders highlighted words as <mark> elements and the text around them as text, never as HTML", () => {
    const html = renderToStaticMarkup(
      <MatchedBecause threatType="Cuckooing" snippets={[{ field: "narrative", text: `${SCRIPT} seen \u0001cuckooing\u0002 at the flat` }]} />,
    );
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("<mark>cuckooing</mark>");
    expect(html).toContain("<mark>Cuckooing</mark>");
    expect(html).not.toContain("\u0001");
    expect(html).toContain("Narrative: ");
  });
});
