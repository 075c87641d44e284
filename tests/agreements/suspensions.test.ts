import { beforeAll, describe, expect, it } from "vitest";
import {
  AgreementStepRefused,
  createDraft,
  reinstateAgreement,
  signVersion,
  submitForSignature,
  suspendAgreement,
} from "~/modules/agreements/lifecycle.server";
import { agreementInForceWhere } from "~/modules/agreements/in-force";
import { findReadableAgreement, availableSteps } from "~/modules/agreements/queries.server";
import * as reinstateRoute from "~/routes/agreements.$id.reinstate";
import * as page from "~/routes/agreements.$id._index";
import { prisma } from "~/utils/db.server";
import { makeRequest, run } from "../helpers/remix";
import { createOrganisation, createUser, signedInCookie } from "../helpers/factories";
import { actorFor, agreementTerms } from "../helpers/agreements";

/**
 * Issue 8, defect 7: a suspension belongs to the organisation that imposed it. Only that
 * organisation lifts it; when several parties suspended, the agreement is active again only when
 * all of them have lifted theirs. Each step has a reason and is audited.
 */

let police: Awaited<ReturnType<typeof createOrganisation>>;
let council: Awaited<ReturnType<typeof createOrganisation>>;
let policeSupervisor: Awaited<ReturnType<typeof createUser>>;
let policeDpo: Awaited<ReturnType<typeof createUser>>;
let councilDpo: Awaited<ReturnType<typeof createUser>>;
let councilSecondDpo: Awaited<ReturnType<typeof createUser>>;
let councilManager: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  police = await createOrganisation({ name: "Suspension Police", type: "POLICE_FORCE" });
  council = await createOrganisation({ name: "Suspension Council", type: "LOCAL_AUTHORITY" });
  policeSupervisor = await createUser({ organisationId: police.id, roles: ["INTELLIGENCE_SUPERVISOR"], signatory: true });
  policeDpo = await createUser({ organisationId: police.id, roles: ["DATA_PROTECTION_OFFICER"] });
  councilDpo = await createUser({ organisationId: council.id, roles: ["DATA_PROTECTION_OFFICER"] });
  councilSecondDpo = await createUser({ organisationId: council.id, roles: ["DATA_PROTECTION_OFFICER"] });
  councilManager = await createUser({ organisationId: council.id, roles: ["PARTNER_MANAGER"], signatory: true });
});

async function activeAgreement() {
  const { id } = await createDraft(actorFor(councilManager), {
    terms: agreementTerms(),
    parties: [
      { organisationId: council.id, role: "JOINT_CONTROLLER", leadName: "Mark", leadEmail: "mark@council.test" },
      { organisationId: police.id, role: "CONTROLLER", leadName: "Sam", leadEmail: "sam@police.test" },
    ],
  });
  await submitForSignature(actorFor(councilManager), id);
  await signVersion(actorFor(councilManager), id, 1);
  await signVersion(actorFor(policeSupervisor), id, 1);
  return id;
}

async function refusal(promise: Promise<unknown>): Promise<AgreementStepRefused> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AgreementStepRefused);
  return error as AgreementStepRefused;
}

const statusOf = async (id: string) => (await prisma.agreement.findUniqueOrThrow({ where: { id } })).status;
const inForce = (id: string) => prisma.agreement.count({ where: { id, ...agreementInForceWhere(new Date()) } });
const actions = async (id: string) =>
  (await prisma.auditEvent.findMany({ where: { agreementId: id }, orderBy: { id: "asc" } })).map((e) => e.action);

describe("a suspension is lifted only by the organisation that imposed it", () => {
  it("records who suspended, for which organisation, why and when", async () => {
    const id = await activeAgreement();
    await suspendAgreement(actorFor(policeSupervisor), id, "Handling breach reported");
    const suspensions = await prisma.agreementSuspension.findMany({ where: { agreementId: id } });
    expect(suspensions).toMatchObject([
      { organisationId: police.id, suspendedById: policeSupervisor.id, reason: "Handling breach reported", liftedAt: null },
    ]);
    expect(suspensions[0]!.suspendedAt).toBeInstanceOf(Date);
  });

  it("another party's DPO cannot reinstate it (403, nothing changes); the suspending organisation can, with a reason", async () => {
    const id = await activeAgreement();
    await suspendAgreement(actorFor(policeSupervisor), id, "Handling breach reported");

    const refused = await refusal(reinstateAgreement(actorFor(councilDpo), id, "We think it is fine"));
    expect(refused.status).toBe(403);
    expect(refused.message).toMatch(/Suspension Police/);
    expect(await statusOf(id)).toBe("SUSPENDED");
    expect(await inForce(id)).toBe(0);
    expect(await actions(id)).not.toContain("agreement.reinstated");

    // Someone else in the organisation that suspended it may lift it (the organisation's suspension).
    await reinstateAgreement(actorFor(policeDpo), id, "Breach investigated, actions complete");
    expect(await statusOf(id)).toBe("ACTIVE");
    expect(await inForce(id)).toBe(1);
    const [suspension] = await prisma.agreementSuspension.findMany({ where: { agreementId: id } });
    expect(suspension).toMatchObject({ liftedById: policeDpo.id, liftReason: "Breach investigated, actions complete" });
    expect(suspension!.liftedAt).toBeInstanceOf(Date);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { agreementId: id, action: "agreement.reinstated" } });
    expect(event.actorUserId).toBe(policeDpo.id);
    expect(event.details).toMatchObject({ organisationId: police.id, fromStatus: "SUSPENDED", toStatus: "ACTIVE" });
  });

  it("the reinstate step is offered only to the organisation holding a suspension", async () => {
    const id = await activeAgreement();
    await suspendAgreement(actorFor(policeSupervisor), id, "Paused");
    const stepsFor = async (user: typeof councilDpo) => {
      const actor = actorFor(user);
      const agreement = (await findReadableAgreement(actor.ability, id))!;
      return availableSteps(actor.ability, user, agreement, new Date());
    };
    expect(await stepsFor(councilDpo)).not.toContain("reinstate");
    expect(await stepsFor(councilDpo)).toContain("suspend");
    expect(await stepsFor(policeDpo)).toContain("reinstate");
    expect(await stepsFor(policeDpo)).not.toContain("suspend");
  });

  it("when several parties suspended, the agreement stays suspended until every one has lifted its own", async () => {
    const id = await activeAgreement();
    await suspendAgreement(actorFor(policeSupervisor), id, "Police concern");
    await suspendAgreement(actorFor(councilDpo), id, "Council concern too");
    expect((await refusal(suspendAgreement(actorFor(councilSecondDpo), id, "again"))).message).toMatch(/already suspended by Suspension Council/);

    await reinstateAgreement(actorFor(policeSupervisor), id, "Police satisfied");
    expect(await statusOf(id)).toBe("SUSPENDED");
    expect(await inForce(id)).toBe(0);
    expect(await actions(id)).toContain("agreement.suspension_lifted");
    expect(await actions(id)).not.toContain("agreement.reinstated");
    // The police cannot lift the council's suspension.
    expect((await refusal(reinstateAgreement(actorFor(policeDpo), id, "Lift theirs too"))).status).toBe(403);

    await reinstateAgreement(actorFor(councilSecondDpo), id, "Council satisfied");
    expect(await statusOf(id)).toBe("ACTIVE");
    expect(await inForce(id)).toBe(1);
    const open = await prisma.agreementSuspension.count({ where: { agreementId: id, liftedAt: null } });
    expect(open).toBe(0);
    const history = await prisma.agreementStatusChange.findMany({ where: { agreementId: id }, orderBy: { at: "asc" } });
    expect(history.at(-1)).toMatchObject({ fromStatus: "SUSPENDED", toStatus: "ACTIVE", reason: "Council satisfied", actorId: councilSecondDpo.id });
  });

  it("a stale reinstate (the suspension was lifted meanwhile) is re-checked in the transaction and refused", async () => {
    const id = await activeAgreement();
    await suspendAgreement(actorFor(policeSupervisor), id, "Police concern");
    await suspendAgreement(actorFor(councilDpo), id, "Council concern");
    // Both council DPOs open the reinstate page; one lifts the council's suspension first.
    const staleActor = actorFor(councilSecondDpo);
    await reinstateAgreement(actorFor(councilDpo), id, "Council satisfied");
    expect((await refusal(reinstateAgreement(staleActor, id, "Also satisfied"))).status).toBe(403);
    expect(await prisma.agreementSuspension.count({ where: { agreementId: id, liftedAt: { not: null } } })).toBe(1);
    expect(await statusOf(id)).toBe("SUSPENDED");
  });
});

describe("the pages say who suspended and whose suspensions remain", () => {
  it("lifting one of two suspensions says the agreement stays suspended, and the page lists both", async () => {
    const id = await activeAgreement();
    await suspendAgreement(actorFor(policeSupervisor), id, "Police concern");
    await suspendAgreement(actorFor(councilDpo), id, "Council concern");
    const cookie = await signedInCookie(policeDpo.id);
    const lifted = (await run(reinstateRoute.action, makeRequest(`/agreements/${id}/reinstate`, { cookie, form: { reason: "Police satisfied" } }), { id })) as Response;
    expect(lifted.headers.get("Location")).toBe(`/agreements/${id}?done=suspension-lifted`);

    const shown = (await run(page.loader, makeRequest(`/agreements/${id}?done=suspension-lifted`, { cookie }), { id })) as {
      done: string;
      agreement: { displayStatus: string; suspensions: { organisation: string; suspendedBy: string; reason: string; liftedBy: string | null; liftReason: string | null }[] };
    };
    expect(shown.done).toMatch(/stays suspended/);
    expect(shown.agreement.displayStatus).toBe("SUSPENDED");
    expect(shown.agreement.suspensions).toMatchObject([
      { organisation: "Suspension Police", reason: "Police concern", liftedBy: expect.stringContaining("Suspension Police"), liftReason: "Police satisfied" },
      { organisation: "Suspension Council", reason: "Council concern", liftedBy: null },
    ]);
  });
});
