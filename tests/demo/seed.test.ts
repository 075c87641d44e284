import { beforeAll, describe, expect, it } from "vitest";
import { isDatabaseEmpty, seedDemo } from "../../prisma/seed";
import { demoAgreement, type DemoAgreementKey } from "../../prisma/seed/agreements";
import { NEW_STARTER_EMAIL } from "../../prisma/seed/audit";
import { DEMO_YEAR_TOTALS, OSWESTRY_PLAN_NAME, TELFORD_THREAT_TITLE } from "../../prisma/seed/plans";
import { GOOD_PRACTICE_TITLES, TELFORD_AWAITING_LINE } from "../../prisma/seed/profiles";
import { findTelfordCountyLine } from "../../prisma/seed/threats";
import { listGoodPractice } from "~/modules/good-practice/good-practice.server";
import { viewProfile } from "~/modules/profiles/profiles.server";
import { outcomeTotals } from "~/modules/outcomes/outcomes.server";
import { isOverdue } from "~/modules/plans/dates";
import { formatPence } from "~/modules/plans/money";
import { agreementsUsableForSharing } from "~/modules/agreements/access.server";
import { describeAgreement, findReadableAgreement } from "~/modules/agreements/queries.server";
import { listRetentionDue } from "~/modules/audit/retention.server";
import { verifyAuditTrail } from "~/modules/audit/verify.server";
import { accessibleWhere, defineAbilityFor } from "~/modules/authorization/ability.server";
import { headlineParts } from "~/modules/intelligence/headline";
import { SEARCH_EXAMPLE } from "~/modules/intelligence/labels";
import { searchSchema, searchSubmissions } from "~/modules/intelligence/search.server";
import { correlations, submissionForTriage } from "~/modules/intelligence/triage.server";
import { disseminationForSender } from "~/modules/dissemination/disseminations.server";
import { inboxItem } from "~/modules/dissemination/inbox.server";
import { clock } from "~/utils/clock";
import { prisma } from "~/utils/db.server";
import { authFor } from "../intelligence/fixtures";

/**
 * The demo region, seeded once for the file (issue 10, "an honest demo"): every state the demo
 * needs, written by the domain services as its people at past times, so records, histories and the
 * audit trail agree.
 */
let auditCount = 0;
beforeAll(async () => {
  expect(await isDatabaseEmpty(prisma)).toBe(true);
  await seedDemo();
  auditCount = await prisma.auditEvent.count();
  await seedDemo();
}, 600_000);

const emails = {
  sam: "sam.supervisor@westmercia.police.example",
  jo: "jo.supervisor@westmercia.police.example",
  alex: "alex.analyst@westmercia.police.example",
  dana: "dana.dpo@westmercia.police.example",
};

describe("the demo region", () => {
  it("seeding twice adds nothing, and the audit trail verifies", async () => {
    expect(await prisma.auditEvent.count()).toBe(auditCount);
    const result = await verifyAuditTrail();
    expect(result.intact).toBe(true);
    expect(result.eventsChecked).toBe(auditCount);
  });

  it("has agreements in every state the demo needs, readable by the lifecycle's own queries", async () => {
    const sam = await prisma.user.findUniqueOrThrow({ where: { email: emails.sam }, include: { organisation: true } });
    const ability = defineAbilityFor({ ...sam, organisationType: sam.organisation.type });
    const now = clock.now();
    const describeDemo = async (key: DemoAgreementKey) => {
      const { id } = await demoAgreement(prisma, key);
      return describeAgreement((await findReadableAgreement(ability, id))!, now);
    };
    const telford = await describeDemo("telford");
    expect(telford.displayStatus).toBe("ACTIVE");
    expect(telford.versions.map((v) => [v.versionNumber, v.state])).toEqual([
      [1, "SUPERSEDED"],
      [2, "IN_FORCE"],
    ]);
    expect(telford.reviews).toHaveLength(1);
    expect((await describeDemo("housingExpired")).displayStatus).toBe("EXPIRED");
    expect((await describeDemo("housingSuspended")).displayStatus).toBe("SUSPENDED");
    const awaiting = await describeDemo("nhsAwaitingSignature");
    expect(awaiting.displayStatus).toBe("AWAITING_SIGNATURES");
    // The trust has a signatory who can sign it (no dead end).
    expect(awaiting.versions[0]!.signatures.map((s) => [s.organisation, s.signedBy])).toEqual([
      ["Shrewsbury and Telford Hospital NHS Trust", null],
      ["West Mercia Police", "Sam Price"],
    ]);
    expect(await prisma.user.count({ where: { isAgreementSignatory: true, organisation: { name: "Shrewsbury and Telford Hospital NHS Trust" } } })).toBe(1);

    const usable = await agreementsUsableForSharing(sam, now);
    const areas = await Promise.all((["herefordshire", "shropshire", "telford", "worcestershire"] as const).map((key) => demoAgreement(prisma, key)));
    expect(usable.map((a) => a.reference).sort()).toEqual(areas.map((a) => a.reference).sort());
  });

  it("dates each record as its history and audit trail do: an agreement's drafting, signatures and status changes", async () => {
    const telford = await demoAgreement(prisma, "telford");
    const history = await prisma.agreementStatusChange.findMany({ where: { agreementId: telford.id }, orderBy: { at: "asc" } });
    const events = await prisma.auditEvent.findMany({ where: { agreementId: telford.id, recordType: "Agreement", action: { not: "agreement.viewed" } }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }] });
    const row = await prisma.agreement.findUniqueOrThrow({ where: { id: telford.id } });
    // Drafted months ago, by the council's manager, with the event at the same moment.
    expect(row.createdAt.getTime()).toBeLessThan(clock.now().getTime() - 300 * 86_400_000);
    expect(events[0]).toMatchObject({ action: "agreement.created", actorEmail: "mark.manager@telford.gov.example", occurredAt: row.createdAt });
    // Every status change has an event at its own time (not all at one minute).
    for (const change of history) expect(events.some((e) => e.occurredAt.getTime() === change.at.getTime())).toBe(true);
    expect(new Set(events.map((e) => e.occurredAt.toISOString().slice(0, 16))).size).toBeGreaterThan(5);
  });

  it("says who sent each submission, when, in its record and in its audit event", async () => {
    const submissions = await prisma.submission.findMany({ where: { status: { not: "DRAFT" } }, include: { submitter: true } });
    expect(submissions.length).toBeGreaterThanOrEqual(20);
    for (const s of submissions) {
      const sent = await prisma.auditEvent.findFirstOrThrow({ where: { action: "submission.submitted", recordId: s.id } });
      expect(sent.actorEmail).toBe(s.submitter.email);
      expect(sent.occurredAt).toEqual(s.submittedAt);
    }
    // Regrades, feedback and decisions have their events too.
    const feedback = await prisma.feedback.findMany({ include: { author: true } });
    expect(feedback.length).toBeGreaterThan(3);
    for (const f of feedback) {
      expect(await prisma.auditEvent.count({ where: { action: "submission.feedback_sent", recordId: f.submissionId, occurredAt: f.createdAt, actorEmail: f.author.email } })).toBe(1);
    }
    expect(await prisma.auditEvent.count({ where: { action: "submission.regraded" } })).toBeGreaterThan(5);
  });

  it("seeds every status, with feedback, sanitised versions and threats", async () => {
    const statuses = await prisma.submission.groupBy({ by: ["status"], _count: true });
    expect(statuses.map((s) => s.status).sort()).toEqual(["ACTIONED", "BEING_ASSESSED", "CLOSED", "RECEIVED"]);
    expect(await prisma.sanitisedReport.count({ where: { status: "AWAITING_APPROVAL" } })).toBeGreaterThan(0);
    expect(await prisma.threat.count()).toBeGreaterThanOrEqual(2);
  });

  it("leaves the second supervisor something to approve that the first supervisor wrote (four eyes, no dead end)", async () => {
    const sam = await prisma.user.findUniqueOrThrow({ where: { email: emails.sam } });
    const jo = await prisma.user.findUniqueOrThrow({ where: { email: emails.jo } });
    const own = await prisma.sanitisedReport.findFirstOrThrow({ where: { authorId: sam.id, status: "AWAITING_APPROVAL" } });
    const approvable = async (userId: string) =>
      prisma.sanitisedReport.count({ where: { AND: [accessibleWhere((await authFor(userId)).ability, "approve", "SanitisedReport"), { id: own.id }] } });
    expect(await approvable(jo.id)).toBe(1);
    expect(await approvable(sam.id)).toBe(0);
  });

  it("shows the analyst matches on the Dee line, but never the record under the suspended housing agreement", async () => {
    const analyst = await prisma.user.findUniqueOrThrow({ where: { email: emails.alex } });
    const auth = await authFor(analyst.id);
    const first = await prisma.submission.findFirstOrThrow({
      where: { entities: { some: { kind: "PHONE", normalisedValue: "+447700900123" } }, organisation: { name: "Telford & Wrekin Council" } },
      orderBy: { submittedAt: "asc" },
    });
    const { matches } = await correlations(auth, await submissionForTriage(auth, first.id));
    expect(matches.length).toBeGreaterThanOrEqual(3);
    const suspended = await demoAgreement(prisma, "housingSuspended");
    const housing = await prisma.submission.findFirstOrThrow({ where: { agreementId: suspended.id } });
    expect(matches.map((m) => m.id)).not.toContain(housing.id);
  });

  it("keeps intelligence shared under the expired agreement, due for a retention decision and hidden from the police", async () => {
    const expired = await demoAgreement(prisma, "housingExpired");
    const shared = await prisma.submission.findMany({ where: { agreementId: expired.id } });
    expect(shared.length).toBeGreaterThan(0);
    const alex = await authFor((await prisma.user.findUniqueOrThrow({ where: { email: emails.alex } })).id);
    expect(alex.ability.can("read", "Submission")).toBe(true);
    const visible = await prisma.submission.count({ where: { id: { in: shared.map((s) => s.id) }, agreement: { status: "ACTIVE" } } });
    expect(visible).toBe(0);
    const dana = await prisma.user.findUniqueOrThrow({ where: { email: emails.dana }, include: { organisation: true } });
    const due = await listRetentionDue(defineAbilityFor({ ...dana, organisationType: dana.organisation.type }), clock.now());
    expect(due.submissions.map((r) => r.id)).toEqual(expect.arrayContaining(shared.map((s) => s.id)));
  });

  it("gives the DPO unusual access to find: out-of-hours views, denied attempts and a privilege change", async () => {
    const views = await prisma.auditEvent.findMany({ where: { action: "submission.viewed", actorEmail: emails.alex } });
    expect(views.some((v) => v.occurredAt.getUTCHours() < 6)).toBe(true);
    expect(await prisma.auditEvent.count({ where: { action: "access.denied", actorEmail: "priya.submitter@telford.gov.example" } })).toBe(3);
    expect(await prisma.auditEvent.count({ where: { action: { in: ["privilege.grant_requested", "privilege.grant_approved"] } } })).toBe(2);
    expect((await prisma.user.findUniqueOrThrow({ where: { email: NEW_STARTER_EMAIL } })).roles).toEqual(["POLICE_ANALYST"]);
  });

  it("finds reports with the search hint's own example (a threat type and a quoted phrase)", async () => {
    const analyst = await prisma.user.findUniqueOrThrow({ where: { email: emails.alex } });
    const result = await searchSubmissions(await authFor(analyst.id), searchSchema.parse({ q: SEARCH_EXAMPLE, justification: "TRIAGE" }));
    expect(result.items.filter((i) => i.threatType === "CUCKOOING").length).toBeGreaterThanOrEqual(2);
    const highlighted = (text: string) => headlineParts(text).filter((p) => p.mark).map((p) => p.text).join(" ");
    expect(result.items.filter((i) => i.snippets.some((s) => highlighted(s.text) === "silver Golf")).length).toBeGreaterThanOrEqual(2);
  });

  it("tells the Telford county line's story: active, high priority, rising, with its entities and intelligence", async () => {
    const found = await findTelfordCountyLine(prisma);
    const line = await prisma.threat.findUniqueOrThrow({
      where: { id: found!.id },
      include: { assessments: { orderBy: { assessedAt: "asc" } }, entities: true, submissions: { select: { id: true } } },
    });
    expect(line).toMatchObject({ kind: "COUNTY_LINE", status: "ACTIVE", priority: "HIGH" });
    expect(line.assessments.map((a) => a.score)).toEqual([24, 35, 55]);
    expect(line.entities.map((e) => e.kind).sort()).toEqual(["ADDRESS", "PERSON", "PERSON", "PHONE", "VEHICLE"]);
    expect(line.entities.find((e) => e.part === "VICTIM")?.vulnerabilityFlags).toContain("CUCKOOED");
    expect(line.submissions.length).toBeGreaterThanOrEqual(3);
    // Every scoring happened in the past and is in the audit trail at its own time.
    const scored = await prisma.auditEvent.findMany({ where: { recordId: line.id, action: "threat.scored" }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }] });
    expect(scored.map((e) => e.occurredAt)).toEqual(line.assessments.map((a) => a.assessedAt));
    expect(await prisma.threat.groupBy({ by: ["status"], _count: true })).toHaveLength(4);
  });

  it("sends a threat briefing on the Telford county line to Telford with four eyes, acknowledged by Telford's manager, a request answered", async () => {
    const dissemination = await prisma.dissemination.findFirstOrThrow({
      include: { threat: true, author: true, approver: true, recipients: { include: { organisation: true } }, requests: true },
    });
    expect(await prisma.dissemination.count()).toBe(1);
    expect(dissemination.kind).toBe("THREAT_BRIEFING");
    expect(dissemination.threat?.title).toMatch(/Telford/);
    expect(dissemination.status).toBe("APPROVED");
    expect(dissemination.author.email).toBe(emails.alex);
    expect(dissemination.approver?.email).toBe(emails.sam);
    expect(dissemination.recipients.map((r) => r.organisation.name)).toEqual(["Telford & Wrekin Council"]);
    expect(dissemination.requests.map((r) => r.status)).toEqual(["ANSWERED"]);

    const mark = await prisma.user.findUniqueOrThrow({ where: { email: "mark.manager@telford.gov.example" } });
    const seen = await inboxItem(await authFor(mark.id), dissemination.id);
    expect(seen.acknowledgedBy).toBe(mark.name);
    expect(seen.requests[0]?.response).toMatch(/Grange Court/);
    const alex = await prisma.user.findUniqueOrThrow({ where: { email: emails.alex } });
    const sender = await disseminationForSender(await authFor(alex.id), dissemination.id);
    expect(sender.recipients[0]).toMatchObject({ acknowledgedBy: mark.name, inForce: true });
    // The history happened in order, in the past, in the audit trail.
    const events = await prisma.auditEvent.findMany({ where: { recordId: dissemination.id, action: { startsWith: "dissemination." } }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }] });
    expect(events.map((e) => e.action).slice(0, 4)).toEqual(["dissemination.created", "dissemination.approved", "dissemination.sent", "dissemination.viewed"]);
    expect(events[0]!.occurredAt.getTime()).toBeLessThan(clock.now().getTime() - 5 * 24 * 60 * 60 * 1000);
  });
  it("has outcomes that add up exactly to the force's published year, spread over twelve months and the four areas", async () => {
    const totals = await outcomeTotals({});
    const of = (kind: string) => totals.find((t) => t.kind === kind)!;
    expect(of("ARREST").quantity).toBe(DEMO_YEAR_TOTALS.arrests);
    expect(DEMO_YEAR_TOTALS.arrests).toBe(484);
    expect(formatPence(of("DRUGS_SEIZED").valuePence)).toBe("£987,450");
    expect(formatPence(of("CASH_SEIZED").valuePence)).toBe("£296,300");
    expect(of("WEAPONS_RECOVERED").quantity).toBe(167);
    expect(of("PEOPLE_SAFEGUARDED").quantity).toBe(164);

    const byArea = await prisma.outcome.groupBy({ by: ["areaId"], where: { kind: "ARREST" }, _sum: { quantity: true } });
    expect(byArea).toHaveLength(4);
    for (const area of byArea) expect(area._sum.quantity).toBeGreaterThan(50);
    const dates = await prisma.outcome.aggregate({ _min: { occurredOn: true }, _max: { occurredOn: true } });
    const span = dates._max.occurredOn!.getTime() - dates._min.occurredOn!.getTime();
    expect(span).toBeGreaterThan(300 * 86_400_000);
    expect(dates._min.occurredOn!.getTime()).toBeGreaterThan(clock.now().getTime() - 366 * 86_400_000);
    expect(await prisma.auditEvent.count({ where: { action: "outcome.recorded" } })).toBe(await prisma.outcome.count());
  });

  it("gives the Telford county line a 4P plan with a Prevent action for Telford and an overdue action", async () => {
    const threat = await prisma.threat.findFirstOrThrow({ where: { title: TELFORD_THREAT_TITLE } });
    const actions = await prisma.planAction.findMany({ where: { threatId: threat.id }, include: { ownerOrganisation: true } });
    expect(actions.some((a) => a.strand === "PREVENT" && a.ownerOrganisation.name === "Telford & Wrekin Council")).toBe(true);
    expect(actions.some((a) => a.ownerOrganisation.name === "West Mercia Police")).toBe(true);
    expect(actions.filter((a) => isOverdue(a, clock.now()))).toHaveLength(1);
  });

  it("publishes a SOC local profile per area with an older version to compare, Telford's next awaiting approval, and good practice on the Telford line", async () => {
    const profiles = await prisma.localProfile.findMany({
      include: { area: true, versions: { orderBy: { number: "asc" } } },
      orderBy: { area: { code: "asc" } },
    });
    expect(profiles.map((p) => p.area.code)).toEqual(["HEREFORDSHIRE", "SHROPSHIRE", "TELFORD_WREKIN", "WORCESTERSHIRE"]);
    const alex = await prisma.user.findUniqueOrThrow({ where: { email: emails.alex } });
    const supervisors = await prisma.user.findMany({ where: { email: { in: [emails.sam, emails.jo] } } });
    for (const profile of profiles) {
      expect(profile.versions.slice(0, 2).map((v) => v.status)).toEqual(["SUPERSEDED", "PUBLISHED"]);
      // Four eyes: each was written by the analyst and published by a supervisor.
      for (const v of profile.versions.slice(0, 2)) {
        expect(v.authorId).toBe(alex.id);
        expect(supervisors.map((u) => u.id)).toContain(v.approverId);
      }
    }
    const telford = profiles.find((p) => p.area.code === "TELFORD_WREKIN")!;
    expect(telford.versions[2]).toMatchObject({ number: 3, status: "AWAITING_APPROVAL" });
    expect(profiles.filter((p) => p.versions.some((v) => v.status === "AWAITING_APPROVAL"))).toHaveLength(1);
    // Written in the past, as the audit trail has it.
    const drafted = await prisma.auditEvent.findMany({ where: { recordId: telford.id, action: "profile.draft_saved" }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }] });
    expect(drafted.map((e) => e.occurredAt)).toEqual(telford.versions.map((v) => v.createdAt));

    // The analyst compares the versions; Telford's manager reads the published one only.
    const compared = await viewProfile(await authFor(alex.id), telford.id, 2);
    expect(compared.comparison?.narrative.some((part) => part.kind === "added")).toBe(true);
    expect(compared.comparison?.narrative.some((part) => part.kind === "removed")).toBe(true);
    const mark = await prisma.user.findUniqueOrThrow({ where: { email: "mark.manager@telford.gov.example" } });
    const partnerView = await viewProfile(await authFor(mark.id), telford.id, undefined);
    expect(partnerView.published?.number).toBe(2);
    expect(JSON.stringify(partnerView)).not.toContain(TELFORD_AWAITING_LINE);
    // The second supervisor can decide it: no dead end.
    const jo = await prisma.user.findUniqueOrThrow({ where: { email: emails.jo } });
    expect((await viewProfile(await authFor(jo.id), telford.id, undefined)).open).toMatchObject({ number: 3, canDecide: true });

    // Good practice linked to the Telford line's threat, Prevent action and an outcome, read by Telford's manager.
    const line = await findTelfordCountyLine(prisma);
    const sam = supervisors.find((u) => u.email === emails.sam)!;
    const entries = await prisma.goodPractice.findMany({ include: { action: true, outcome: true } });
    expect(entries.find((e) => e.title === GOOD_PRACTICE_TITLES.threat)).toMatchObject({ threatId: line!.id, authorId: alex.id });
    expect(entries.find((e) => e.title === GOOD_PRACTICE_TITLES.action)).toMatchObject({ action: { threatId: line!.id, strand: "PREVENT" }, authorId: mark.id });
    expect(entries.find((e) => e.title === GOOD_PRACTICE_TITLES.outcome)).toMatchObject({ outcome: { threatId: line!.id }, authorId: sam.id });
    for (const entry of entries) {
      const recorded = await prisma.auditEvent.findFirstOrThrow({ where: { recordId: entry.id, action: "good_practice.recorded" } });
      expect(recorded.occurredAt).toEqual(entry.createdAt);
      expect(entry.createdAt.getTime()).toBeLessThan(clock.now().getTime() - 24 * 60 * 60 * 1000);
    }
    const listed = await listGoodPractice(await authFor(mark.id), {}, { direction: "after", cursor: null });
    expect(listed.items.map((i) => i.title).sort()).toEqual(Object.values(GOOD_PRACTICE_TITLES).sort());
  });

  it("has Oswestry in the Hold phase with Shropshire Council involved and milestones", async () => {
    const plan = await prisma.areaPlan.findFirstOrThrow({ where: { name: OSWESTRY_PLAN_NAME }, include: { partners: true, milestones: true, area: true } });
    expect(plan.phase).toBe("HOLD");
    expect(plan.area.code).toBe("SHROPSHIRE");
    expect(plan.partners.map((p) => p.name)).toEqual(["Shropshire Council"]);
    expect(plan.milestones.length).toBeGreaterThanOrEqual(3);
    expect(plan.milestones.some((m) => m.achievedAt)).toBe(true);
  });

});
