import { beforeAll, describe, expect, it } from "vitest";
import { headlineParts, MARK_START } from "~/modules/intelligence/headline";
import { searchSchema, searchSubmissions } from "~/modules/intelligence/search.server";
import { prisma } from "~/utils/db.server";
import { authFor, createSubmission, createWorld, type World } from "./fixtures";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const submitted = (narrative: string, extra: Parameters<typeof createSubmission>[0]["extra"] = {}) =>
  createSubmission({ submitterId: world.submitter.id, organisationId: world.council.id, agreementId: world.agreement.id, narrative, extra: { threatType: "OTHER", ...extra } });

const search = async (userId: string, q: string, cursor = "") => searchSubmissions(await authFor(userId), searchSchema.parse({ q, cursor, justification: "TRIAGE" }));
const ids = (result: { items: { id: string }[] }) => result.items.map((i) => i.id);

describe("text search", () => {
  it("finds a word by its stem and its beginning: cuckoo and cuck find cuckooing", async () => {
    const report = await submitted("Neighbours think the flat is being used for cuckooing by visitors from out of town.");
    expect(ids(await search(world.analyst.id, "cuckoo"))).toContain(report.id);
    expect(ids(await search(world.analyst.id, "cuck"))).toContain(report.id);
    expect(ids(await search(world.analyst.id, "cuckooed"))).toContain(report.id);
    expect(ids(await search(world.analyst.id, "cuckoox"))).not.toContain(report.id);
  });

  it("finds reports of a threat type named in the query, and says so", async () => {
    const typed = await submitted("Visitors have taken over the tenant's home.", { threatType: "CUCKOOING" });
    const result = await search(world.analyst.id, "cuckoo");
    const row = result.items.find((i) => i.id === typed.id);
    expect(row?.typeMatched).toBe(true);
    expect(row?.snippets).toEqual([]);
  });

  it("matches quoted phrases exactly, and leaves out excluded words", async () => {
    const inOrder = await submitted("A marmalade van parked outside every evening.");
    const apart = await submitted("The van was painted marmalade orange.");
    expect(ids(await search(world.analyst.id, "marmalade van")).sort()).toEqual([inOrder.id, apart.id].sort());
    expect(ids(await search(world.analyst.id, '"marmalade van"'))).toEqual([inOrder.id]);
    expect(ids(await search(world.analyst.id, "marmalade -orange"))).toEqual([inOrder.id]);
    expect(ids(await search(world.analyst.id, "marmalade or zeppelinish")).sort()).toEqual([inOrder.id, apart.id].sort());
    // Only stop words: nothing to look for, no results rather than everything.
    expect((await search(world.analyst.id, "the and")).items).toEqual([]);
  });

  it("ranks the most relevant first, not the newest, and pages through the ranking without repeats", async () => {
    const strong = await submitted("Quokkaphone seen again. The quokkaphone number called the quokkaphone dealer.", { submittedAt: new Date(Date.now() - 86_400_000) });
    const weak = await submitted("A long report about many things: the market, the bus station, the park, the shops, and one mention of a quokkaphone in passing among everything else that was seen.");
    const first = await search(world.analyst.id, "quokkaphone");
    expect(first.ranked).toBe(true);
    expect(ids(first)).toEqual([strong.id, weak.id]);

    for (let i = 0; i < 26; i += 1) await submitted(`Wombatline report number ${i}${" wombatline".repeat(i % 3)}.`);
    const page1 = await search(world.analyst.id, "wombatline");
    expect(page1.items).toHaveLength(25);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = await search(world.analyst.id, "wombatline", page1.nextCursor!);
    expect(page2.items).toHaveLength(1);
    expect(new Set([...ids(page1), ...ids(page2)]).size).toBe(26);
    // The reports naming it three times come before those naming it once.
    const mentions = (id: string) => page1.items.findIndex((i) => i.id === id);
    const rows = await prisma.submission.findMany({ where: { id: { in: ids(page1) } }, select: { id: true, narrative: true } });
    const often = rows.filter((r) => (r.narrative!.match(/wombatline/gi) ?? []).length === 3).map((r) => mentions(r.id));
    const once = rows.filter((r) => (r.narrative!.match(/wombatline/gi) ?? []).length === 1).map((r) => mentions(r.id));
    expect(Math.max(...often)).toBeLessThan(Math.min(...once));
  });

  it("shows a highlighted snippet of why each result matched, only from fields the reader may see", async () => {
    const report = await submitted("Residents report a <b>gecko</b> tattooed dealer outside the shop.", {
      analystNotes: "Police-only: gecko is the informant's nickname for a covert source.",
    });
    const partner = await search(world.submitter.id, "gecko");
    const row = partner.items.find((i) => i.id === report.id)!;
    expect(row.snippets.map((s) => s.field)).toEqual(["narrative"]);
    const parts = headlineParts(row.snippets[0]!.text);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(["gecko"]);
    // Markup in the text is never passed on as markup: the extract is plain text.
    expect(parts.map((p) => p.text).join("")).not.toContain("<b>");
    expect(JSON.stringify(partner)).not.toContain("informant");
    // Police notes are not searched or shown either: the extract says why to anyone who sees the row.
    const police = await search(world.analyst.id, "informant");
    expect(ids(police)).not.toContain(report.id);
    const analystRow = (await search(world.analyst.id, "gecko")).items.find((i) => i.id === report.id)!;
    expect(JSON.stringify(analystRow.snippets)).not.toContain("informant");
    expect(analystRow.snippets[0]!.text).toContain(MARK_START);
  });
});
