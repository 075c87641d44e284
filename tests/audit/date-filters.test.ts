import { beforeAll, describe, expect, it } from "vitest";
import * as agreementsRoute from "~/routes/audit.agreements";
import * as eventsRoute from "~/routes/audit.events._index";
import * as exportRoute from "~/routes/audit.export";
import * as unusualKindRoute from "~/routes/audit.unusual.$kind";
import { ukDay } from "~/utils/dates";
import { clock } from "~/utils/clock";
import { signedInCookie } from "../helpers/factories";
import { makeRequest, run, statusOf } from "../helpers/remix";
import { createAuditWorld, type AuditWorld } from "./fixtures";

/**
 * The audit search's and reports' dates are GOV.UK date inputs (from-day, from-month, from-year).
 * A date that is not real is an error beside its field (200, never 500); the links other pages
 * build with from=YYYY-MM-DD still work, and the search's own links carry one value per date.
 */
let world: AuditWorld;
let cookie: string;
beforeAll(async () => {
  world = await createAuditWorld();
  cookie = await signedInCookie(world.people.policeDpo.id);
});

type Page = { errors: Record<string, string> | null; values: Record<string, string> };
const load = async (handler: Parameters<typeof run>[0], path: string, params: Record<string, string> = {}) => {
  const outcome = await run(handler, makeRequest(path, { cookie }), params);
  expect(statusOf(outcome)).toBe(200);
  return outcome as Page;
};
const dates = (name: string, day: string, month: string, year: string) => `${name}-day=${day}&${name}-month=${month}&${name}-year=${year}`;

describe("audit search dates", () => {
  it("gives a date that is not real, or half typed, as its own field's error, keeping what was typed", async () => {
    const page = await load(eventsRoute.loader, `/audit/events?${dates("from", "30", "2", "2026")}&${dates("to", "1", "", "2026")}`);
    expect(page.errors).toEqual({ from: "Date from must be a real date", to: "Date to must include a month" });
    expect(page.values).toMatchObject({ "from-day": "30", "from-month": "2", "from-year": "2026", "to-day": "1" });
    const order = await load(eventsRoute.loader, `/audit/events?${dates("from", "2", "3", "2026")}&${dates("to", "1", "March", "2026")}`);
    expect(order.errors).toEqual({ to: "Date to must be the same as or after date from" });
  });

  it("searches by the days typed, and links with one YYYY-MM-DD value per date", async () => {
    const today = ukDay(clock.now());
    const [year, month, day] = today.split("-");
    const page = await load(eventsRoute.loader, `/audit/events?${dates("from", day!, month!, year!)}&recordType=Submission&recordId=${world.submission.id}`);
    expect(page.errors).toBeNull();
    expect(page.values).toEqual({ from: today, recordType: "Submission", recordId: world.submission.id });
    // A link another page built, as before.
    const linked = await load(eventsRoute.loader, `/audit/events?from=${today}&to=${today}`);
    expect(linked.errors).toBeNull();
    expect(linked.values).toMatchObject({ from: today, to: today });
    expect((await load(eventsRoute.loader, "/audit/events?from=2026-02-30")).errors).toEqual({ from: "Date from must be a real date" });
  });

  it("refuses an export whose dates are not real (400), and exports by the days typed", async () => {
    const post = (form: Record<string, string>) =>
      run(exportRoute.action, makeRequest("/audit/export", { cookie, form, headers: { Origin: "http://localhost" } }));
    expect(statusOf(await post({ "from-day": "31", "from-month": "4", "from-year": "2026" }))).toBe(400);
    expect(statusOf(await post({ "from-day": "1", "from-month": "1", "from-year": "2000", recordType: "Submission", recordId: world.submission.id }))).toBe(200);
  });
});

describe("report periods", () => {
  it("give a date that is not real as its field's error on the unusual access lists and the agreement report", async () => {
    const unusual = await load(unusualKindRoute.loader, `/audit/unusual/volume?${dates("from", "29", "2", "2026")}`, { kind: "volume" });
    expect(unusual.errors).toEqual({ from: "Date from must be a real date" });
    const report = await load(agreementsRoute.loader, `/audit/agreements?agreement=${world.agreement.id}&${dates("to", "x", "1", "2026")}`);
    expect(report.errors).toEqual({ to: "Date to must be a real date" });
  });

  it("read the days typed, or the last 30 days when left blank", async () => {
    const typed = await load(unusualKindRoute.loader, `/audit/unusual/volume?${dates("from", "1", "3", "2026")}&${dates("to", "31", "3", "2026")}`, { kind: "volume" });
    expect(typed).toMatchObject({ errors: null, values: { from: "2026-03-01", to: "2026-03-31" } });
    const blank = await load(agreementsRoute.loader, `/audit/agreements?agreement=${world.agreement.id}&${dates("from", "", "", "")}`);
    expect(blank.errors).toBeNull();
    expect(blank.values).toMatchObject({ agreement: world.agreement.id, to: ukDay(clock.now()) });
  });
});
