import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed";
import { correlations, submissionForTriage } from "~/modules/intelligence/triage.server";
import { headlineParts } from "~/modules/intelligence/headline";
import { SEARCH_EXAMPLE } from "~/modules/intelligence/labels";
import { searchSchema, searchSubmissions } from "~/modules/intelligence/search.server";
import { prisma } from "~/utils/db.server";
import { authFor } from "./fixtures";

/** The demo region's intelligence: realistic, at every status, with matches to show. */
beforeAll(async () => {
  await seedDemo(prisma);
}, 120_000);

describe("demo intelligence", () => {
  it("seeds a few dozen submissions at every status, with feedback, sanitised versions and threats", async () => {
    const count = await prisma.submission.count();
    expect(count).toBeGreaterThanOrEqual(20);
    const statuses = await prisma.submission.groupBy({ by: ["status"], _count: true });
    expect(statuses.map((s) => s.status).sort()).toEqual(["ACTIONED", "BEING_ASSESSED", "CLOSED", "RECEIVED"]);
    expect(await prisma.feedback.count()).toBeGreaterThan(3);
    expect(await prisma.sanitisedReport.count({ where: { status: "AWAITING_APPROVAL" } })).toBeGreaterThan(0);
    expect(await prisma.threat.count()).toBe(2);
    expect(await prisma.auditEvent.count({ where: { action: "submission.submitted" } })).toBe(count);
  });

  it("is idempotent", async () => {
    const before = await prisma.submission.count();
    await seedDemo(prisma);
    expect(await prisma.submission.count()).toBe(before);
  });

  it("shows the analyst matches on the Dee line, but never the record under the suspended housing agreement", async () => {
    const analyst = await prisma.user.findUniqueOrThrow({ where: { email: "alex.analyst@westmercia.police.example" } });
    const auth = await authFor(analyst.id);
    const first = await prisma.submission.findFirstOrThrow({
      where: { entities: { some: { kind: "PHONE", normalisedValue: "+447700900123" } }, organisation: { name: "Telford & Wrekin Council" } },
      orderBy: { submittedAt: "asc" },
    });
    const submission = await submissionForTriage(auth, first.id);
    const { matches } = await correlations(auth, submission);
    expect(matches.length).toBeGreaterThanOrEqual(3);
    const housing = await prisma.submission.findFirstOrThrow({ where: { organisation: { name: "Severn Vale Housing" } } });
    expect(matches.map((m) => m.id)).not.toContain(housing.id);
    expect(await prisma.submissionEntity.count({ where: { submissionId: housing.id, normalisedValue: "+447700900123" } })).toBe(1);
  });

  it("finds reports with the search hint's own example (a threat type and a quoted phrase)", async () => {
    const analyst = await prisma.user.findUniqueOrThrow({ where: { email: "alex.analyst@westmercia.police.example" } });
    const result = await searchSubmissions(await authFor(analyst.id), searchSchema.parse({ q: SEARCH_EXAMPLE, justification: "TRIAGE" }));
    expect(result.items.filter((i) => i.threatType === "CUCKOOING").length).toBeGreaterThanOrEqual(2);
    const highlighted = (text: string) => headlineParts(text).filter((p) => p.mark).map((p) => p.text).join(" ");
    expect(result.items.filter((i) => i.snippets.some((s) => highlighted(s.text) === "silver Golf")).length).toBeGreaterThanOrEqual(2);
  });
});
