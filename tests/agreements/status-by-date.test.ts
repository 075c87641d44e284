import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { agreementStatusByDateJob } from "~/modules/agreements/jobs.server";
import { accessibleWhere, defineAbilityFor } from "~/modules/authorization/ability.server";
import { SCHEDULED_JOBS } from "~/modules/jobs/jobs.server";
import { runJobOnce } from "~/modules/jobs/scheduler.server";
import * as register from "~/routes/agreements._index";
import * as page from "~/routes/agreements.$id._index";
import { clock } from "~/utils/clock";
import { database, prisma } from "~/utils/db.server";
import { createAgreementRow } from "../helpers/agreements";
import { createOrganisation, createUser, signedInCookie } from "../helpers/factories";
import { makeRequest, run, statusOf } from "../helpers/remix";

/**
 * Issue 8, defect 9: a GET has no side effect but its own audit event. Status changes by date
 * (ACTIVE/SUSPENDED → EXPIRED at the end date) are the scheduled job's work, while access is
 * decided from the dates at query time, so nothing depends on the job having run.
 */

const DAY = 24 * 60 * 60 * 1000;
let police: Awaited<ReturnType<typeof createOrganisation>>;
let council: Awaited<ReturnType<typeof createOrganisation>>;
let dpo: Awaited<ReturnType<typeof createUser>>;
let analyst: Awaited<ReturnType<typeof createUser>>;
let submitter: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  police = await createOrganisation({ name: "Dated Police", type: "POLICE_FORCE" });
  council = await createOrganisation({ name: "Dated Council", type: "LOCAL_AUTHORITY" });
  dpo = await createUser({ organisationId: police.id, roles: ["DATA_PROTECTION_OFFICER"] });
  analyst = await createUser({ organisationId: police.id, roles: ["POLICE_ANALYST"] });
  submitter = await createUser({ organisationId: council.id, roles: ["PARTNER_SUBMITTER"] });
});

afterEach(() => clock.reset());

async function lapsedAgreement(status: "ACTIVE" | "SUSPENDED" = "ACTIVE") {
  // Ended yesterday; nobody has stored EXPIRED yet.
  return createAgreementRow({ parties: [{ organisationId: police.id }, { organisationId: council.id }], status, startOffsetDays: -100, endOffsetDays: -1 });
}

async function snapshot() {
  const [agreements, history, events] = await Promise.all([
    prisma.agreement.findMany({ select: { id: true, status: true, updatedAt: true }, orderBy: { id: "asc" } }),
    prisma.agreementStatusChange.count(),
    prisma.auditEvent.findMany({ select: { id: true, action: true }, orderBy: { id: "asc" } }),
  ]);
  return { agreements, history, events };
}

describe("GET is side-effect free apart from its own audit event", () => {
  it("the register writes only its agreement.listed event and changes no agreement, however many have lapsed", async () => {
    const lapsed = [await lapsedAgreement(), await lapsedAgreement("SUSPENDED")];
    const cookie = await signedInCookie(dpo.id);
    const before = await snapshot();
    expect(statusOf(await run(register.loader, makeRequest("/agreements", { cookie })))).toBe(200);
    const after = await snapshot();
    expect(after.agreements).toEqual(before.agreements);
    expect(after.history).toBe(before.history);
    expect(after.events.slice(before.events.length).map((e) => e.action)).toEqual(["agreement.listed"]);
    for (const { id } of lapsed) expect((await prisma.agreement.findUniqueOrThrow({ where: { id } })).status).not.toBe("EXPIRED");
  });

  it("the agreement page of a lapsed agreement shows it as expired, writing only its agreement.viewed event", async () => {
    const { id } = await lapsedAgreement();
    const cookie = await signedInCookie(dpo.id);
    const before = await snapshot();
    const result = (await run(page.loader, makeRequest(`/agreements/${id}`, { cookie }), { id })) as { agreement: { displayStatus: string } };
    expect(result.agreement.displayStatus).toBe("EXPIRED");
    const after = await snapshot();
    expect(after.agreements).toEqual(before.agreements);
    expect(after.history).toBe(before.history);
    expect(after.events.slice(before.events.length).map((e) => e.action)).toEqual(["agreement.viewed"]);
  });
});

describe("the scheduled job stores status by date", () => {
  it("is registered with the scheduler", () => {
    expect(SCHEDULED_JOBS).toContain(agreementStatusByDateJob);
  });

  it("moves a lapsed agreement to EXPIRED with its history and a system audit event, once", async () => {
    const { id } = await lapsedAgreement();
    const running = await createAgreementRow({ parties: [{ organisationId: police.id }, { organisationId: council.id }] });
    expect(await runJobOnce(database(), agreementStatusByDateJob)).toBe(true);
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id } })).status).toBe("EXPIRED");
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id: running.id } })).status).toBe("ACTIVE");
    const history = await prisma.agreementStatusChange.findMany({ where: { agreementId: id, toStatus: "EXPIRED" } });
    expect(history).toMatchObject([{ fromStatus: "ACTIVE", actorId: null }]);
    const events = await prisma.auditEvent.findMany({ where: { agreementId: id, action: "agreement.expired" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.actorUserId).toBeNull();

    // Idempotent: a second run (or another instance's) changes nothing.
    const before = await snapshot();
    await runJobOnce(database(), agreementStatusByDateJob);
    expect(await snapshot()).toEqual(before);
  });

  it("expires at the end date by the clock it is given, not before", async () => {
    const row = await createAgreementRow({ parties: [{ organisationId: police.id }, { organisationId: council.id }], endOffsetDays: 3 });
    await agreementStatusByDateJob.run(new Date(row.endDate.getTime() - 1));
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("ACTIVE");
    await clock.at(new Date(row.endDate.getTime()), () => runJobOnce(database(), agreementStatusByDateJob));
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("EXPIRED");
  });
});

describe("access is decided by date at query time, whether or not the job has run", () => {
  it("a police analyst stops seeing what was shared under an agreement from its end date, with the stored status still ACTIVE", async () => {
    const row = await createAgreementRow({ parties: [{ organisationId: police.id }, { organisationId: council.id }], endOffsetDays: 2 });
    const submission = await prisma.submission.create({
      data: { organisationId: council.id, submitterId: submitter.id, agreementId: row.id, status: "RECEIVED", submittedAt: new Date(), classification: "OFFICIAL" },
    });
    const visibleAt = async (now: Date) =>
      prisma.submission.count({
        where: { AND: [accessibleWhere(defineAbilityFor({ ...analyst, organisationType: "POLICE_FORCE" }, now), "read", "Submission"), { id: submission.id }] },
      });
    expect(await visibleAt(new Date(row.endDate.getTime() - DAY))).toBe(1);
    expect(await visibleAt(new Date(row.endDate.getTime()))).toBe(0);
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("ACTIVE");
  });
});
