/**
 * Denied attempts: every refusal is recorded by authorization's deny() with one shape of details,
 * a denial on a record reaches the DPOs of its owner and of every party to its agreement, and the
 * audit pages answer a record, person or organisation outside the reader's scope exactly as one
 * that does not exist.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "~/generated/prisma/client";
import type { DenialDetails } from "~/modules/authorization/deny.server";
import { auditScopeFor, auditScopeWhere } from "~/modules/audit/scope.server";
import * as eventRoute from "~/routes/audit.events.$id";
import * as eventsRoute from "~/routes/audit.events._index";
import * as recordsRoute from "~/routes/audit.records";
import * as triageRoute from "~/routes/triage.$id._index";
import { prisma } from "~/utils/db.server";
import { createOrganisation, createUser, signedInCookie } from "../helpers/factories";
import { makeRequest, run, statusOf } from "../helpers/remix";
import { createAuditWorld, type AuditWorld } from "./fixtures";

let world: AuditWorld;
let cookie: (person: { id: string }) => Promise<string>;
beforeAll(async () => {
  world = await createAuditWorld();
  const cache = new Map<string, string>();
  cookie = async (person) => {
    if (!cache.has(person.id)) cache.set(person.id, await signedInCookie(person.id));
    return cache.get(person.id)!;
  };
});

const get = async (handler: Parameters<typeof run>[0], path: string, person: { id: string }, params: Record<string, string> = {}) =>
  run(handler, makeRequest(path, { cookie: await cookie(person) }), params);

async function lastDenialBy(userId: string) {
  return prisma.auditEvent.findFirst({ where: { action: "access.denied", actorUserId: userId }, orderBy: { id: "desc" } });
}

async function inScopeOf(person: AuditWorld["people"]["policeDpo"], where: Prisma.AuditEventWhereInput) {
  const scope = (await auditScopeFor(person))!;
  return prisma.auditEvent.count({ where: { AND: [auditScopeWhere(scope), where] } });
}

/** A loader's answer as the page would receive it, with the typed values (which differ by design) left out. */
function pageOf(outcome: unknown) {
  if (outcome instanceof Response) return { status: outcome.status };
  const { values: _values, ...rest } = outcome as Record<string, unknown>;
  return { status: statusOf(outcome), ...rest };
}

describe("a DPO opening an audit event outside their scope", () => {
  it("gets 404, exactly as for an event that does not exist, and the attempt is recorded", async () => {
    const dpo = world.people.outsiderDpo;
    const outside = await prisma.auditEvent.findFirstOrThrow({ where: { action: "submission.viewed", recordId: world.submission.id } });
    expect(await inScopeOf(dpo, { id: outside.id })).toBe(0);

    const hidden = await get(eventRoute.loader, `/audit/events/${outside.id}`, dpo, { id: outside.id.toString() });
    expect(statusOf(hidden)).toBe(404);
    const denial = await lastDenialBy(dpo.id);
    expect(denial).toMatchObject({ outcome: "DENIED", recordType: "AuditEvent", recordId: outside.id.toString() });
    const details = denial!.details as unknown as DenialDetails;
    expect(details).toMatchObject({ attempted: "audit.event_viewed", reason: "OUTSIDE_AUDIT_SCOPE", status: 404, method: "GET" });

    const missing = await get(eventRoute.loader, "/audit/events/999999999", dpo, { id: "999999999" });
    expect(statusOf(missing)).toBe(404);
    expect(await (missing as Response).text()).toBe(await (hidden as Response).text());
    expect((await lastDenialBy(dpo.id))!.id).toBeGreaterThan(denial!.id);
  });
});

describe("a non-party analyst's denied attempt on a partner's record", () => {
  it("carries the record's owner and agreement, so both parties' DPOs see it and an unrelated DPO does not", async () => {
    const regional = await createOrganisation({ name: `Regional unit ${randomUUID().slice(0, 6)}`, type: "REGIONAL_ORGANISED_CRIME_UNIT" });
    const stranger = await createUser({ organisationId: regional.id, roles: ["POLICE_ANALYST"] });

    const outcome = await get(triageRoute.loader, `/triage/${world.submission.id}`, stranger, { id: world.submission.id });
    expect(statusOf(outcome)).toBe(404);

    const denial = (await lastDenialBy(stranger.id))!;
    expect(denial).toMatchObject({
      outcome: "DENIED",
      recordType: "Submission",
      recordId: world.submission.id,
      recordOrganisationId: world.partner.id,
      agreementId: world.agreement.id,
    });
    expect(denial.details).toEqual({
      attempted: "submission.viewed",
      recordType: "Submission",
      recordId: world.submission.id,
      recordOrganisationId: world.partner.id,
      agreementId: world.agreement.id,
      reason: "RECORD_NOT_VISIBLE",
      status: 404,
      method: null,
      path: null,
    } satisfies DenialDetails);

    // The police DPO (party to the agreement) and the partner DPO (owner and party) both find it.
    expect(await inScopeOf(world.people.policeDpo, { id: denial.id })).toBe(1);
    expect(await inScopeOf(world.people.partnerDpo, { id: denial.id })).toBe(1);
    // A DPO whose organisation has nothing to do with the record does not.
    expect(await inScopeOf(world.people.outsiderDpo, { id: denial.id })).toBe(0);
  });
});

describe("a denial seen by the DPO of the organisation that attempted it", () => {
  it("does not tell them whose the record is or which agreement it is under", async () => {
    const dpo = world.people.outsiderDpo;
    const page = pageOf(
      await get(eventsRoute.loader, `/audit/events?person=${encodeURIComponent(world.people.outsiderSubmitter.email)}&outcome=DENIED`, dpo),
    ) as unknown as { page: { events: { recordId: string | null; recordOrganisationId: string | null; agreementId: string | null; details: unknown }[] } };
    const attempt = page.page.events.find((e) => e.recordId === world.submission.id)!;
    expect(attempt).toMatchObject({ recordOrganisationId: null, agreementId: null, details: { recordOrganisationId: null, agreementId: null } });
    const detail = await get(eventRoute.loader, "/audit/events/x", dpo, { id: (await prisma.auditEvent.findFirstOrThrow({ where: { actorUserId: world.people.outsiderSubmitter.id, outcome: "DENIED" } })).id.toString() });
    expect(JSON.stringify(detail)).not.toContain(world.agreement.id);
    expect(JSON.stringify(detail)).not.toContain(world.partner.id);
    // Nor can they find it by naming the agreement.
    const byAgreement = pageOf(await get(eventsRoute.loader, `/audit/events?agreement=${world.agreement.id}`, dpo)) as unknown as { page: { events: unknown[] } };
    expect(byAgreement.page.events).toEqual([]);
  });
});

describe("the record-history page", () => {
  it("answers a submission outside the DPO's scope exactly as a reference that does not exist, and records the attempt", async () => {
    const dpo = world.people.outsiderDpo;
    const reference = world.submission.reference!;
    const hidden = await get(recordsRoute.loader, `/audit/records?recordType=Submission&record=${reference}`, dpo);
    const missing = await get(recordsRoute.loader, "/audit/records?recordType=Submission&record=INT-1999-999999", dpo);
    expect(pageOf(hidden)).toEqual(pageOf(missing));
    expect(pageOf(hidden)).toMatchObject({ status: 200, result: null, errors: { record: "No record of that type has this reference or ID" } });

    const denial = (await prisma.auditEvent.findFirst({
      where: { action: "access.denied", actorUserId: dpo.id, recordId: world.submission.id },
      orderBy: { id: "desc" },
    }))!;
    expect(denial).toMatchObject({ recordType: "Submission", recordOrganisationId: world.partner.id, agreementId: world.agreement.id });
    expect((denial.details as unknown as DenialDetails).reason).toBe("OUTSIDE_AUDIT_SCOPE");
    // Still shown to a DPO of a party.
    const shown = await get(recordsRoute.loader, `/audit/records?recordType=Submission&record=${reference}`, world.people.policeDpo);
    expect(pageOf(shown)).toMatchObject({ errors: null, result: { label: reference } });
  });

  it("answers a user's email and an organisation's name outside the scope as ones that do not exist", async () => {
    const dpo = world.people.outsiderDpo;
    const compare = async (recordType: string, outside: string, unknown: string) => {
      const hidden = await get(recordsRoute.loader, `/audit/records?recordType=${recordType}&record=${encodeURIComponent(outside)}`, dpo);
      const missing = await get(recordsRoute.loader, `/audit/records?recordType=${recordType}&record=${encodeURIComponent(unknown)}`, dpo);
      expect(pageOf(hidden)).toEqual(pageOf(missing));
      expect(pageOf(hidden)).toMatchObject({ result: null });
    };
    await compare("User", world.people.analyst.email, `nobody-${randomUUID()}@example.org`);
    await compare("Organisation", world.police.name, `No such organisation ${randomUUID()}`);
    await compare("Agreement", world.agreement.reference, "ISA-NOPE-000");
    // Their own organisation's people and the organisation itself are there.
    const own = await get(recordsRoute.loader, `/audit/records?recordType=User&record=${encodeURIComponent(world.people.outsiderSubmitter.email)}`, dpo);
    expect(pageOf(own)).toMatchObject({ result: { label: world.people.outsiderSubmitter.email } });
  });
});

describe("the audit search page", () => {
  it("offers only organisations within the reader's scope, and answers an outside one as an unknown one", async () => {
    const dpo = world.people.outsiderDpo;
    const page = pageOf(await get(eventsRoute.loader, "/audit/events", dpo)) as unknown as { organisations: { id: string; name: string }[] };
    const offered = page.organisations.map((o) => o.id);
    expect(offered).toContain(world.outsider.id);
    expect(offered).not.toContain(world.police.id);
    expect(offered).not.toContain(world.partner.id);

    const hidden = await get(eventsRoute.loader, `/audit/events?organisation=${world.police.id}`, dpo);
    const missing = await get(eventsRoute.loader, `/audit/events?organisation=${randomUUID()}`, dpo);
    expect(pageOf(hidden)).toEqual(pageOf(missing));
  });

  it("answers a person outside the reader's scope as a person who does not exist", async () => {
    const dpo = world.people.outsiderDpo;
    const hidden = await get(eventsRoute.loader, `/audit/events?person=${encodeURIComponent(world.people.analyst.email)}`, dpo);
    const missing = await get(eventsRoute.loader, `/audit/events?person=${encodeURIComponent(`nobody-${randomUUID()}@example.org`)}`, dpo);
    expect(pageOf(hidden)).toEqual(pageOf(missing));
    expect(pageOf(hidden)).toMatchObject({ page: { events: [] } });
  });
});
