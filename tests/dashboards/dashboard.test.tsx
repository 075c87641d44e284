import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { DashboardView, type DashboardData } from "~/components/dashboard";
import * as dashboardRoute from "~/routes/dashboard";
import { prisma } from "~/utils/db.server";
import { signedInCookie } from "../helpers/factories";
import { makeRequest, run, statusOf } from "../helpers/remix";
import { createSubmission, createWorld, type World } from "../intelligence/fixtures";

/** The dashboard's charts are in the server's HTML, each with a table of the same, real, counts. */
let world: World;

beforeAll(async () => {
  world = await createWorld();
  for (let i = 0; i < 3; i += 1) {
    await createSubmission({ submitterId: world.submitter.id, organisationId: world.council.id, agreementId: world.agreement.id, areaId: world.area.id });
  }
});

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

  it("refuses roles without a dashboard (403, audited)", async () => {
    const outcome = await run(dashboardRoute.loader, makeRequest("/dashboard", { cookie: await signedInCookie(world.forceDpo.id) }));
    expect(statusOf(outcome)).toBe(403);
  });
});
