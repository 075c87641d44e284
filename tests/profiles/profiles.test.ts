import { beforeAll, describe, expect, it } from "vitest";
import { EMPTY_FIGURES, type ProfileFigures } from "~/modules/profiles/figures";
import { saveDraft, startProfile, submitDraft } from "~/modules/profiles/profiles.server";
import * as profileRoute from "~/routes/profiles.$id";
import { prisma } from "~/utils/db.server";
import { newFormToken } from "~/utils/form-token.server";
import { createOrganisation, createUser, signedInCookie } from "../helpers/factories";
import { makeRequest, run, statusOf } from "../helpers/remix";
import { authFor, createAgreement, createWorld, type World } from "../intelligence/fixtures";

/**
 * SOC local profiles (issue 9): a supervisor who did not write a version publishes it; partners under
 * an agreement in force with the force read the published version only; the police keep every older
 * version and can see what changed between two as a line-by-line difference.
 */
let world: World;
let profileId: string;
let lapsedPartnerId: string;

const FIRST = ["Two county lines supply the area from the West Midlands.", "Exploitation of children is the main harm.", "Cuckooing is rising."].join("\n");
const SECOND = ["Two county lines supply the area from the West Midlands.", "Exploitation of children is the main harm.", "Cuckooing has fallen since the closure orders."].join("\n");
const UNPUBLISHED = "A third line is emerging: not yet approved.";

type ProfilePage = Awaited<ReturnType<typeof profileRoute.loader>>;

async function pageAs(userId: string, query = ""): Promise<ProfilePage | Response> {
  const outcome = await run(profileRoute.loader, makeRequest(`/profiles/${profileId}${query}`, { cookie: await signedInCookie(userId) }), { id: profileId });
  return outcome as ProfilePage | Response;
}

function page(outcome: ProfilePage | Response): ProfilePage {
  expect(statusOf(outcome)).toBe(200);
  return outcome as ProfilePage;
}

async function draft(userId: string, narrative: string, figures: Partial<ProfileFigures> = {}) {
  const saved = await saveDraft(await authFor(userId), profileId, { narrative, figures: { ...EMPTY_FIGURES, ...figures }, formToken: newFormToken() });
  expect(saved.ok).toBe(true);
  const version = await prisma.localProfileVersion.findFirstOrThrow({ where: { profileId, status: "DRAFT" }, select: { id: true, number: true } });
  await submitDraft(await authFor(userId), profileId, version.id);
  return version;
}

async function decide(userId: string, versionId: string) {
  return run(
    profileRoute.action,
    makeRequest(`/profiles/${profileId}`, { cookie: await signedInCookie(userId), form: { intent: "decide", versionId, decision: "approve" } }),
    { id: profileId },
  );
}

beforeAll(async () => {
  world = await createWorld();
  await prisma.organisation.update({ where: { id: world.force.id }, data: { areas: { connect: { id: world.area.id } } } });
  // A partner whose agreement with the force has ended.
  const lapsed = await createOrganisation({ type: "LOCAL_AUTHORITY" });
  await createAgreement({ organisationIds: [world.force.id, lapsed.id], startOffsetDays: -400, endOffsetDays: -1 });
  lapsedPartnerId = (await createUser({ roles: ["PARTNER_MANAGER"], organisationId: lapsed.id })).id;
  const started = await startProfile(await authFor(world.analyst.id), world.area.id, newFormToken());
  if (!("id" in started)) throw new Error(`Could not start the profile: ${JSON.stringify(started)}`);
  profileId = started.id;
});

describe("SOC local profiles", () => {
  it("publishes a version only with the approval of a supervisor who did not write it", async () => {
    const first = await draft(world.analyst.id, FIRST, { countyLines: 2 });
    // Awaiting approval: nothing is published yet, so partners see no version.
    expect(page(await pageAs(world.submitter.id)).published).toBeNull();
    // The analyst who wrote it cannot approve it.
    expect(statusOf(await decide(world.analyst.id, first.id))).toBe(403);
    expect(statusOf(await decide(world.supervisor.id, first.id))).toBe(302);
    expect(page(await pageAs(world.submitter.id)).published).toMatchObject({ number: 1, narrative: FIRST });

    // A supervisor's own version needs the other supervisor.
    const second = await draft(world.supervisor.id, SECOND, { countyLines: 1 });
    expect(statusOf(await decide(world.supervisor.id, second.id))).toBe(403);
    expect(statusOf(await decide(world.secondSupervisor.id, second.id))).toBe(302);
    const versions = await prisma.localProfileVersion.findMany({ where: { profileId }, orderBy: { number: "asc" }, select: { number: true, status: true, approverId: true } });
    expect(versions).toEqual([
      { number: 1, status: "SUPERSEDED", approverId: world.supervisor.id },
      { number: 2, status: "PUBLISHED", approverId: world.secondSupervisor.id },
    ]);
    expect(await prisma.auditEvent.count({ where: { action: "profile.published", recordId: profileId } })).toBe(2);
  });

  it("lets partners under an agreement in force read the published version only", async () => {
    await draft(world.analyst.id, UNPUBLISHED);
    for (const partner of [world.submitter.id, world.manager.id]) {
      const seen = page(await pageAs(partner));
      expect(seen.published).toMatchObject({ number: 2, narrative: SECOND });
      expect(seen.history).toEqual([]);
      expect(seen.open).toBeNull();
      expect(JSON.stringify(seen)).not.toContain(UNPUBLISHED);
      // No comparison of versions for partners, even when asked for.
      expect(page(await pageAs(partner, "?compare=2")).comparison).toBeNull();
    }
    // Not a party, or a party to an agreement that has ended: as if the profile did not exist.
    expect(statusOf(await pageAs(world.otherSubmitter.id))).toBe(404);
    expect(statusOf(await pageAs(lapsedPartnerId))).toBe(404);
  });

  it("keeps the older versions for the police and shows what changed between two, line by line", async () => {
    const seen = page(await pageAs(world.analyst.id, "?compare=2"));
    expect(seen.history.map((v) => [v.number, v.status])).toEqual([
      [3, "AWAITING_APPROVAL"],
      [2, "PUBLISHED"],
      [1, "SUPERSEDED"],
    ]);
    expect(seen.comparison).toMatchObject({ from: 1, to: 2 });
    expect(seen.comparison!.narrative).toEqual([
      { kind: "same", text: "Two county lines supply the area from the West Midlands." },
      { kind: "same", text: "Exploitation of children is the main harm." },
      { kind: "removed", text: "Cuckooing is rising." },
      { kind: "added", text: "Cuckooing has fallen since the closure orders." },
    ]);
    expect(seen.comparison!.figures.find((f) => f.label === "County lines operating")).toEqual({ label: "County lines operating", before: 2, after: 1 });
    // A version number with nothing before it, or not a number at all: no comparison, or a 400.
    expect(page(await pageAs(world.analyst.id, "?compare=1")).comparison).toBeNull();
    expect(statusOf(await pageAs(world.analyst.id, "?compare=two"))).toBe(400);
  });
});
