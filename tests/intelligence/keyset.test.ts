import { beforeAll, describe, expect, it } from "vitest";
import { walkKeyset } from "~/modules/intelligence/keyset-walk.server";
import { PAGE_SIZE } from "~/modules/intelligence/paging";
import { searchSchema, searchSubmissions } from "~/modules/intelligence/search.server";
import { listThreats } from "~/modules/threats/threats.server";
import { correlations, CORRELATION_LIMIT, submissionForTriage, triageQueue } from "~/modules/intelligence/triage.server";
import { prisma } from "~/utils/db.server";
import { authFor, createSubmission, createWorld, type World } from "./fixtures";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const at = (minutesAgo: number) => new Date(Date.UTC(2026, 0, 10, 12) - minutesAgo * 60_000);

describe("the triage queue's keyset (risk, newest, id)", () => {
  it("pages through every visible open submission once, in order, across ties and hidden rows", async () => {
    const fresh = await createWorld();
    const make = (risk: number | null, minutesAgo: number, agreementId = fresh.agreement.id, status: "RECEIVED" | "BEING_ASSESSED" | "CLOSED" = "RECEIVED") =>
      createSubmission({
        submitterId: fresh.submitter.id,
        organisationId: fresh.council.id,
        agreementId,
        status,
        extra: { riskLevel: risk, submittedAt: at(minutesAgo) },
      });
    const visible = [];
    // Several rows share each (risk, time): only the id orders them, so the cursor must carry it.
    for (let i = 0; i < 60; i += 1) visible.push(await make(i % 3 === 0 ? null : (i % 5) + 1, i % 7, fresh.agreement.id, i % 2 ? "RECEIVED" : "BEING_ASSESSED"));
    // Interleaved rows the analyst must not get: another force's agreement, and closed work.
    for (let i = 0; i < 30; i += 1) await make(i % 5 === 0 ? null : 5, i % 7, fresh.otherAgreement.id);
    for (let i = 0; i < 10; i += 1) await make(5, i, fresh.agreement.id, "CLOSED");

    const rank = (r: number | null) => r ?? 6;
    const expected = [...visible]
      .sort((a, b) => rank(b.riskLevel) - rank(a.riskLevel) || b.submittedAt!.getTime() - a.submittedAt!.getTime() || (a.id < b.id ? 1 : -1))
      .map((s) => s.id);

    const analyst = await authFor(fresh.analyst.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof triageQueue>> = await triageQueue(analyst, {}, cursor);
      expect(page.items.length).toBeLessThanOrEqual(PAGE_SIZE);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen).toEqual(expected);
    expect(pages).toBe(3);
  });
});

describe("walking a keyset in bounded steps", () => {
  const rows = Array.from({ length: 1000 }, (_, i) => ({ id: `r${String(i).padStart(4, "0")}`, visible: i % 100 === 99 }));
  const options = (start: number | null) => ({
    start,
    pageSize: 5,
    maxCandidates: 300,
    candidates: async (after: number | null, limit: number) =>
      rows.slice(after === null ? 0 : after + 1, (after === null ? 0 : after + 1) + limit).map((r, i) => ({ id: r.id, key: (after === null ? 0 : after + 1) + i })),
    load: async (ids: string[]) => rows.filter((r) => r.visible && ids.includes(r.id)),
  });

  it("stops after its budget with what it found and a cursor that carries on, when few rows are visible", async () => {
    const first = await walkKeyset(options(null));
    expect(first.items.map((r) => r.id)).toEqual(["r0099", "r0199", "r0299"]);
    expect(first.next).toBe(299);
    const second = await walkKeyset(options(first.next));
    expect(second.items.map((r) => r.id)).toEqual(["r0399", "r0499", "r0599"]);
    const rest = await walkKeyset({ ...options(second.next), maxCandidates: 10_000 });
    expect(rest.items.map((r) => r.id)).toEqual(["r0699", "r0799", "r0899", "r0999"]);
    expect(rest.next).toBeNull();
  });
});

describe("matches and identifier search: newest first, bounded", () => {
  const nickname = { kind: "PERSON" as const, displayValue: "Tiny", normalisedValue: "NICKNAME:TINY" };

  it(`shows at most ${CORRELATION_LIMIT} matches and says there are more`, async () => {
    const base = await createSubmission({ submitterId: world.submitter.id, organisationId: world.council.id, agreementId: world.agreement.id, entities: [nickname] });
    const others = [];
    for (let i = 0; i < CORRELATION_LIMIT + 2; i += 1) {
      others.push(
        await createSubmission({
          submitterId: world.submitter.id,
          organisationId: world.council.id,
          agreementId: world.agreement.id,
          entities: [nickname],
          extra: { submittedAt: at(i) },
        }),
      );
    }
    const analyst = await authFor(world.analyst.id);
    const { matches, more } = await correlations(analyst, await submissionForTriage(analyst, base.id));
    expect(more).toBe(true);
    expect(matches.map((m) => m.id)).toEqual(others.slice(0, CORRELATION_LIMIT).map((o) => o.id));

    // Exactly the limit: no "more".
    const handle = { kind: "ONLINE_HANDLE" as const, displayValue: "@exactly_twenty", normalisedValue: "exactly_twenty" };
    const group = [];
    for (let i = 0; i <= CORRELATION_LIMIT; i += 1) {
      group.push(await createSubmission({ submitterId: world.submitter.id, organisationId: world.council.id, agreementId: world.agreement.id, entities: [handle] }));
    }
    const exact = await correlations(analyst, await submissionForTriage(analyst, group[0]!.id));
    expect(exact.matches).toHaveLength(CORRELATION_LIMIT);
    expect(exact.more).toBe(false);

    // The identifier search pages the same matches newest first, with a next page.
    const search = await searchSubmissions(analyst, searchSchema.parse({ identifier: "Tiny", justification: "TRIAGE" }));
    expect(search.items.map((i) => i.id)).toEqual([base, ...others].sort((a, b) => b.submittedAt!.getTime() - a.submittedAt!.getTime() || (a.id < b.id ? 1 : -1)).slice(0, 23).map((s) => s.id));
    expect(search.nextCursor).toBeNull();
  });

  it("finds a rare word through the text index and pages a common one newest first", async () => {
    const rare = await createSubmission({ submitterId: world.submitter.id, organisationId: world.council.id, agreementId: world.agreement.id, narrative: "A quokka was seen near the canal" });
    const analyst = await authFor(world.analyst.id);
    const found = await searchSubmissions(analyst, searchSchema.parse({ q: "quokkas", justification: "TRIAGE" }));
    expect(found.items.map((i) => i.id)).toEqual([rare.id]);
    const common = [];
    for (let i = 0; i < 30; i += 1) {
      common.push(
        await createSubmission({
          submitterId: world.submitter.id,
          organisationId: world.council.id,
          agreementId: world.agreement.id,
          narrative: `Moped number ${i} parked by the arcade`,
          extra: { submittedAt: at(100 + i) },
        }),
      );
    }
    const first = await searchSubmissions(analyst, searchSchema.parse({ q: "moped arcade", justification: "TRIAGE" }));
    const second = await searchSubmissions(analyst, searchSchema.parse({ q: "moped arcade", cursor: first.nextCursor ?? "", justification: "TRIAGE" }));
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(common.map((c) => c.id));
    expect(second.nextCursor).toBeNull();
  });
});

describe("the threat list's counts", () => {
  it("counts only the linked submissions the user may see, for the threats on the page", async () => {
    const threat = await prisma.threat.create({
      data: { reference: "THR-TEST-COUNT", title: "Counted", threatType: "COUNTY_LINES", organisationId: world.force.id },
    });
    const link = { threatId: threat.id };
    await createSubmission({ submitterId: world.submitter.id, organisationId: world.council.id, agreementId: world.agreement.id, extra: link });
    await createSubmission({ submitterId: world.submitter.id, organisationId: world.council.id, agreementId: world.agreement.id, extra: link });
    await createSubmission({ submitterId: world.otherSubmitter.id, organisationId: world.otherCouncil.id, agreementId: world.otherAgreement.id, extra: link });
    const threats = (await listThreats(await authFor(world.analyst.id))).items;
    expect(threats.find((t) => t.id === threat.id)?.linkedSubmissions).toBe(2);
  });
});
