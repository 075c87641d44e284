/**
 * An audit trail a DPO can read without looking anything up: records by reference and title,
 * people by name, email and organisation, actions in plain English, on screen and in the CSV.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { RecordName, Who } from "~/components/audit";
import { AUDIT_ACTIONS, auditActionLabel } from "~/modules/audit/actions";
import { audit } from "~/modules/audit/audit.server";
import { recordLabels } from "~/modules/audit/record-labels.server";
import { agreementAccessReport, eventsByIds, privilegeChanges } from "~/modules/audit/reports.server";
import { auditScopeFor } from "~/modules/audit/scope.server";
import { auditFiltersSchema, exportAuditCsv } from "~/modules/audit/search.server";
import * as agreementsRoute from "~/routes/audit.agreements";
import * as eventsRoute from "~/routes/audit.events._index";
import { signedInCookie } from "../helpers/factories";
import { makeRequest, run } from "../helpers/remix";
import { createAuditWorld, type AuditWorld } from "./fixtures";
import { contextFor } from "./helpers";

let world: AuditWorld;
beforeAll(async () => {
  world = await createAuditWorld();
});

type Person = AuditWorld["people"][keyof AuditWorld["people"]];
const scopeOf = async (person: Person) => (await auditScopeFor(person))!;
type EventsData = Exclude<Awaited<ReturnType<typeof eventsRoute.loader>>, Response>;
const eventsPage = async (person: Person, query: string) =>
  (await run(eventsRoute.loader, makeRequest(`/audit/events?${query}`, { cookie: await signedInCookie(person.id) }))) as EventsData;

describe("action labels", () => {
  it("names every action in plain English from the one label map", () => {
    expect(auditActionLabel("agreement.signed")).toBe("Signed agreement");
    for (const action of AUDIT_ACTIONS) {
      const label = auditActionLabel(action);
      expect(label, action).not.toContain(".");
      expect(label, action).not.toMatch(/\(\w+\)$/);
      expect(label, action).not.toContain("_");
      // Not the fallback ("Agreement: signed"): every action has a label of its own.
      expect(label, action).not.toMatch(/^[A-Z][a-z ]+: [a-z ]+$/);
    }
  });
});

describe("records by reference and title", () => {
  it("shows the events page's records by reference and title, and who as name, email and organisation", async () => {
    const data = await eventsPage(world.people.partnerDpo, `recordType=Submission&recordId=${world.submission.id}`);
    expect(data.labels!.records[`Submission:${world.submission.id}`]).toEqual({ reference: world.submission.reference, title: "County lines" });
    const labels = data.labels!;
    const viewed = data.page!.events.find((e) => e.action === "submission.viewed")!;
    // The table's cells (EventsTable, without its router links).
    const html = renderToStaticMarkup(
      <>
        <RecordName recordType={viewed.recordType!} recordId={viewed.recordId!} labels={labels} />
        {auditActionLabel(viewed.action)}
        <Who name={labels.people[viewed.actorUserId!]} email={viewed.actorEmail} organisation={labels.organisations[viewed.actorOrganisationId!]} />
      </>,
    );
    expect(html).toContain(world.submission.reference!);
    expect(html).toContain("County lines");
    expect(html).toContain("Viewed a submission");
    const analyst = world.people.analyst;
    expect(html).toContain(`<span class="app-who__name govuk-!-display-block govuk-!-font-weight-bold">${analyst.name}</span>`);
    expect(html).toContain(`<span class="app-who__email govuk-!-display-block app-break-anywhere">${analyst.email}</span>`);
    expect(html).toContain(`>${world.police.name}</span>`);
  });

  it("names only records within the reader's scope: outside it, like a record that does not exist", async () => {
    const inside = await recordLabels(await scopeOf(world.people.partnerDpo), [{ recordType: "Agreement", recordId: world.agreement.id }]);
    expect(inside[`Agreement:${world.agreement.id}`]).toEqual({ reference: world.agreement.reference, title: "Test sharing agreement" });
    const outside = await recordLabels(await scopeOf(world.people.outsiderDpo), [
      { recordType: "Submission", recordId: world.submission.id },
      { recordType: "Agreement", recordId: world.agreement.id },
    ]);
    expect(outside).toEqual({});
  });

  it("finds events by a record's reference, and says when no record has it", async () => {
    const found = await eventsPage(world.people.partnerDpo, `reference=${world.submission.reference!.toLowerCase()}`);
    expect(found.errors).toBeNull();
    expect(found.page!.events.map((e) => e.action)).toContain("submission.viewed");
    expect(found.page!.events.every((e) => e.recordId === world.submission.id || e.recordType !== "Submission")).toBe(true);
    const unknown = await eventsPage(world.people.partnerDpo, "reference=INT-2099-999999");
    expect(unknown.errors).toEqual({ reference: "No record with the reference INT-2099-999999 was found" });
    expect(unknown.page).toBeNull();
    // Outside the reader's scope: the same answer as a reference nobody has.
    const outsider = await eventsPage(world.people.outsiderDpo, `reference=${world.submission.reference}`);
    expect(outsider.errors).toEqual({ reference: `No record with the reference ${world.submission.reference} was found` });
    const malformed = await eventsPage(world.people.partnerDpo, "reference=robert'); drop");
    expect(malformed.errors?.reference).toMatch(/Enter a reference like/);
  });

  it("exports plain labels, names and references in the CSV", async () => {
    const scope = await scopeOf(world.people.partnerDpo);
    const result = await exportAuditCsv(scope, auditFiltersSchema.parse({ reference: world.submission.reference }), contextFor(world.people.partnerDpo));
    if (!result.ok) throw new Error("export refused");
    const lines = (await new Response(result.body).text()).trim().split("\r\n");
    expect(lines[0]).toMatch(/^id,occurredAt \(UTC\),what,action,outcome,actorName,actorEmail,actorOrganisation,actorRoles,recordType,recordReference,recordTitle,recordId,/);
    const viewed = lines.find((l) => l.includes(",submission.viewed,"))!;
    expect(viewed).toContain(`Viewed a submission,submission.viewed,ALLOWED,${world.people.analyst.name},${world.people.analyst.email},${world.police.name}`);
    expect(viewed).toContain(`Intelligence submission,${world.submission.reference},County lines,${world.submission.id}`);
  });
});

describe("reports", () => {
  it("names the records accessed under an agreement, on the report and its page", async () => {
    const period = { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 86_400_000) };
    const rows = await agreementAccessReport(await scopeOf(world.people.partnerDpo), world.agreement.id, period);
    const viewed = rows.find((r) => r.action === "submission.viewed")!;
    expect(viewed.actorName).toBe(world.people.analyst.name);
    expect(viewed.named).toEqual([{ id: world.submission.id, reference: world.submission.reference, title: "County lines" }]);
    const data = (await run(
      agreementsRoute.loader,
      makeRequest(`/audit/agreements?agreement=${world.agreement.id}`, { cookie: await signedInCookie(world.people.partnerDpo.id) }),
    )) as Exclude<Awaited<ReturnType<typeof agreementsRoute.loader>>, Response>;
    const police = data.report!.organisations.find((o) => o.name === world.police.name)!;
    expect(police.rows.find((r) => r.action === "submission.viewed")!.named[0]!.reference).toBe(world.submission.reference);
  });

  it("lists privilege changes (role grants asked for, approved and refused) as unusual access", async () => {
    const admin = contextFor(world.people.admin);
    const target = { recordType: "User", recordId: world.people.analyst.id, recordOrganisationId: world.police.id };
    await audit(admin, { action: "privilege.grant_requested", ...target, details: { role: "INTELLIGENCE_SUPERVISOR" } });
    await audit(contextFor(world.people.policeDpo), { action: "privilege.grant_approved", ...target, details: { role: "INTELLIGENCE_SUPERVISOR" } });
    await audit(contextFor(world.people.policeDpo), { action: "privilege.grant_refused", ...target, details: { role: "SYSTEM_ADMINISTRATOR" } });
    const scope = await scopeOf(world.people.policeDpo);
    const found = await privilegeChanges(scope, { from: new Date(Date.now() - 3_600_000), to: new Date(Date.now() + 3_600_000) }, undefined);
    const events = await eventsByIds(scope, found.ids);
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["privilege.grant_requested", "privilege.grant_approved", "privilege.grant_refused"]));
    expect(events.map((e) => auditActionLabel(e.action))).toEqual(expect.arrayContaining(["Asked for a role to be given", "Approved a role", "Refused a role"]));
    // The partner council's DPO does not see the police force's privilege changes.
    const partner = await privilegeChanges(await scopeOf(world.people.partnerDpo), { from: new Date(Date.now() - 3_600_000), to: new Date(Date.now() + 3_600_000) }, undefined);
    expect(partner.ids.filter((id) => found.ids.includes(id))).toEqual([]);
  });
});
