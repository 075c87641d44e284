import { randomUUID } from "node:crypto";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { DashboardView, type DashboardData } from "~/components/dashboard";
import { lastTwelveMonths } from "~/modules/dashboard/months";
import { createDissemination, decideDissemination } from "~/modules/dissemination/disseminations.server";
import { recordOutcome } from "~/modules/outcomes/outcomes.server";
import { createAction } from "~/modules/plans/actions.server";
import * as dashboardRoute from "~/routes/dashboard";
import { clock } from "~/utils/clock";
import { prisma } from "~/utils/db.server";
import { newFormToken } from "~/utils/form-token.server";
import { signedInCookie } from "../helpers/factories";
import { makeRequest, run, statusOf } from "../helpers/remix";
import { authFor, createSubmission, createWorld, type World } from "../intelligence/fixtures";

/** The dashboard's charts are in the server's HTML, each with a table of the same, real, counts. */
let world: World;
const DAY = 86_400_000;

beforeAll(async () => {
  world = await createWorld();
  for (let i = 0; i < 3; i += 1) {
    await createSubmission({ submitterId: world.submitter.id, organisationId: world.council.id, agreementId: world.agreement.id, areaId: world.area.id });
  }
  // A high-priority threat of the force, with a Prevent action for the council that is now overdue.
  const threat = await prisma.threat.create({
    data: {
      reference: `THR-D-${randomUUID().slice(0, 8)}`,
      title: "County line into town",
      kind: "COUNTY_LINE",
      threatType: "COUNTY_LINES",
      status: "ACTIVE",
      priority: "HIGH",
      priorityScore: 40,
      organisationId: world.force.id,
      areas: { connect: { id: world.area.id } },
    },
  });
  await clock.at(new Date(Date.now() - 10 * DAY), async () => {
    const created = await createAction(
      await authFor(world.analyst.id, clock.now()),
      { threatId: threat.id },
      { formToken: newFormToken(), strand: "PREVENT", title: "Awareness sessions in schools", description: null, ownerOrganisationId: world.council.id, dueDate: new Date(Date.now() - 3 * DAY) },
      "/here",
    );
    expect(created?.ok).toBe(true);
  });
  const outcome = await recordOutcome(await authFor(world.analyst.id), {
    formToken: newFormToken(),
    kind: "ARREST",
    occurredOn: new Date(),
    areaId: world.area.id,
    quantity: 2,
    valuePence: null,
    drugType: null,
    drugQuantityGrams: undefined,
    sentenceMonths: undefined,
    description: null,
    threatId: threat.id,
    actionId: undefined,
    areaPlanId: undefined,
  });
  expect(outcome.ok).toBe(true);
  // A threat briefing sent to the council, with four eyes.
  const { id } = await createDissemination(await authFor(world.analyst.id), { kind: "THREAT_BRIEFING", id: threat.id }, {
    formToken: randomUUID(),
    classification: "OFFICIAL",
    dataCategories: ["INTELLIGENCE_NARRATIVE"],
    title: "County line into town: briefing for partners",
    body: "A county line is supplying the town; young people are being exploited.",
    handlingCode: "C",
    handlingConditions: "Consult the force before any action.",
    recipientIds: [world.council.id],
  });
  await decideDissemination(await authFor(world.supervisor.id), { formToken: randomUUID(), disseminationId: id, decision: "approve", reason: null });
});

/** One chart's part of the page: its heading, SVG and table (up to the next chart). */
function chart(html: string, title: string): string {
  const start = html.indexOf(`data-chart="${title}"`);
  expect(start, `the chart "${title}"`).toBeGreaterThan(-1);
  const next = html.indexOf("data-chart=", start + 1);
  return html.slice(start, next === -1 ? undefined : next);
}

/** The chart is drawn (an SVG named by its title) and its table has `value` against `label`. */
function expectChart(html: string, title: string, label: string, value: number) {
  const part = chart(html, title);
  expect(part).toMatch(new RegExp(`<svg[^>]*role="img"[^>]*>\\s*<title id="[^"]+">${title}</title><desc`));
  expect(part).toContain(`<th scope="row" class="govuk-table__header">${label}</th><td class="govuk-table__cell govuk-table__cell--numeric">${value}</td>`);
}

const thisMonth = () => lastTwelveMonths(clock.now()).at(-1)!.label;

async function dashboardAs(userId: string): Promise<DashboardData> {
  const outcome = await run(dashboardRoute.loader, makeRequest("/dashboard", { cookie: await signedInCookie(userId) }));
  expect(statusOf(outcome)).toBe(200);
  return (outcome as { dashboard: DashboardData }).dashboard;
}

describe("dashboard", () => {
  it("shows an analyst intelligence by area as an SVG chart with its table, counted by the database", async () => {
    const dashboard = await dashboardAs(world.analyst.id);
    const html = renderToStaticMarkup(<DashboardView dashboard={dashboard} />);
    expect(html).toContain("<svg");
    expect(html).toContain("Intelligence received by area");
    expect(html).toContain("Show the data as a table");
    // The table row for the area carries the real count.
    expect(html).toMatch(new RegExp(`<th scope="row" class="govuk-table__header">${world.area.name}</th><td class="govuk-table__cell govuk-table__cell--numeric">3</td>`));
    expect(await prisma.auditEvent.count({ where: { action: "dashboard.viewed", actorUserId: world.analyst.id } })).toBe(1);
  });

  it("shows a partner their own submissions by status", async () => {
    const dashboard = await dashboardAs(world.submitter.id);
    expect(dashboard.kind).toBe("partner");
    const html = renderToStaticMarkup(<DashboardView dashboard={dashboard} />);
    expect(html).toContain("Your submissions by status");
    expect(html).toMatch(/<th scope="row" class="govuk-table__header">Received<\/th><td class="govuk-table__cell govuk-table__cell--numeric">3<\/td>/);
  });

  it("shows an analyst threats by priority and by month, overdue 4P actions and outcomes over time, each drawn and tabled", async () => {
    const html = renderToStaticMarkup(<DashboardView dashboard={await dashboardAs(world.analyst.id)} />);
    expectChart(html, "Open threats by priority", "High", 1);
    expectChart(html, "New threats by month", thisMonth(), 1);
    expectChart(html, "Intelligence received by type", "County lines", 3);
    expectChart(html, "Overdue 4P actions", "Prevent", 1);
    expectChart(html, "Outcomes recorded by month", thisMonth(), 1);
    expectChart(html, "Outcomes in the last 12 months", "Arrests", 2);
    // The other force's analyst counts none of it.
    const other = renderToStaticMarkup(<DashboardView dashboard={await dashboardAs(world.otherAnalyst.id)} />);
    expect(chart(other, "Open threats by priority")).toContain(`<th scope="row" class="govuk-table__header">High</th><td class="govuk-table__cell govuk-table__cell--numeric">0</td>`);
    expect(chart(other, "Overdue 4P actions")).toContain(`<th scope="row" class="govuk-table__header">Prevent</th><td class="govuk-table__cell govuk-table__cell--numeric">0</td>`);
  });

  it("shows a partner its submissions, the actions it owns and what was disseminated to it, and nothing of the police's", async () => {
    const html = renderToStaticMarkup(<DashboardView dashboard={await dashboardAs(world.manager.id)} />);
    expectChart(html, "Your submissions by month", thisMonth(), 3);
    expectChart(html, "Your actions by status", "Not started", 1);
    expectChart(html, "Disseminated to you by month", thisMonth(), 1);
    expect(html).toContain("1 action is overdue.");
    expect(html).not.toContain("Open threats by priority");
    // A council the force shares nothing with: its own, empty, pictures.
    const other = renderToStaticMarkup(<DashboardView dashboard={await dashboardAs(world.otherSubmitter.id)} />);
    expect(chart(other, "Disseminated to you by month")).toContain(`<th scope="row" class="govuk-table__header">${thisMonth()}</th><td class="govuk-table__cell govuk-table__cell--numeric">0</td>`);
    expect(chart(other, "Your actions by status")).toContain(`<th scope="row" class="govuk-table__header">Not started</th><td class="govuk-table__cell govuk-table__cell--numeric">0</td>`);
  });

  it("refuses roles without a dashboard (403, audited)", async () => {
    const outcome = await run(dashboardRoute.loader, makeRequest("/dashboard", { cookie: await signedInCookie(world.forceDpo.id) }));
    expect(statusOf(outcome)).toBe(403);
  });
});
