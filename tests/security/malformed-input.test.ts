/**
 * Issue 8, defect 3: malformed input got 500. Every query string and route parameter is parsed
 * with zod at the route (app/utils/request.server.ts): bad query input is 400, a bad id 404, a
 * string with NUL (which PostgreSQL text cannot hold) 400, and a body that is not a form 415.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import * as adminUsersRoute from "~/routes/admin.users._index";
import * as agreementsRoute from "~/routes/agreements._index";
import * as auditEventRoute from "~/routes/audit.events.$id";
import * as auditEventsRoute from "~/routes/audit.events._index";
import * as auditRecordsRoute from "~/routes/audit.records";
import * as searchRoute from "~/routes/search";
import * as signInRoute from "~/routes/sign-in._index";
import * as triageRoute from "~/routes/triage._index";
import { createUser, signedInCookie } from "../helpers/factories";
import { makeRequest, run, statusOf } from "../helpers/remix";

let police: string;
let partner: string;
beforeAll(async () => {
  const analyst = await createUser({
    roles: ["POLICE_ANALYST", "INTELLIGENCE_SUPERVISOR", "DATA_PROTECTION_OFFICER", "SYSTEM_ADMINISTRATOR"],
    organisationType: "POLICE_FORCE",
  });
  police = await signedInCookie(analyst.id);
  partner = await signedInCookie((await createUser({ roles: ["PARTNER_SUBMITTER", "PARTNER_MANAGER"] })).id);
});

type Loader = (args: LoaderFunctionArgs) => unknown;
type Action = (args: ActionFunctionArgs) => unknown;

async function statusFor(handler: Loader | Action, path: string, cookie: string, params: Record<string, string> = {}) {
  return statusOf(await run(handler as Loader, makeRequest(path, { cookie }), params));
}

describe("malformed query strings and ids found by trying (issue 8, defect 3)", () => {
  it.each([
    ["/search?q=a%00b", searchRoute.loader],
    ["/search?identifier=07700%00900123", searchRoute.loader],
    ["/audit/events?person=a%00%40example.test", auditEventsRoute.loader],
    ["/admin/users?q=ada%00", adminUsersRoute.loader],
    ["/audit/records?recordType=Submission&record=INT%00", auditRecordsRoute.loader],
    ["/triage?threatType=BOGUS", triageRoute.loader],
    ["/triage?status=BOGUS", triageRoute.loader],
    ["/audit/events?before=9999999999999999999", auditEventsRoute.loader],
    ["/audit/events?after=9999999999999999999", auditEventsRoute.loader],
    ["/agreements?after=%00", agreementsRoute.loader],
    ["/agreements?before=A%00B", agreementsRoute.loader],
  ] as const)("%s is 400", async (path, loader) => {
    expect(await statusFor(loader, path, police)).toBe(400);
  });

  it.each(["9223372036854775808", "99999999999999999999", "-1", "0", "1.5", "1e3", "abc"])(
    "/audit/events/%s is 404",
    async (id) => {
      expect(await statusFor(auditEventRoute.loader, `/audit/events/${id}`, police, { id })).toBe(404);
    },
  );

  it("a partner's search with NUL is 400 too", async () => {
    expect(await statusFor(searchRoute.loader, "/search?q=%00", partner)).toBe(400);
  });
});

describe("POST bodies that are not forms", () => {
  const post = (headers: Record<string, string>, body: string) =>
    new Request("http://localhost/sign-in", { method: "POST", headers: { "User-Agent": "vitest", ...headers }, body });

  it.each([
    ["application/json", '{"email":"a@example.test","password":"x"}'],
    ["text/plain", "email=a@example.test&password=x"],
    ["application/xml", "<sign-in><email>a@example.test</email></sign-in>"],
  ])("%s is 415", async (type, body) => {
    expect(statusOf(await run(signInRoute.action as Action, post({ "Content-Type": type }, body)))).toBe(415);
  });

  it("broken multipart is 400", async () => {
    const request = post({ "Content-Type": "multipart/form-data; boundary=xyz" }, "--xyz\r\nContent-Disposition: form-da");
    expect(statusOf(await run(signInRoute.action as Action, request))).toBe(400);
  });

  it("multipart without a boundary is 400", async () => {
    const request = post({ "Content-Type": "multipart/form-data" }, "email=a");
    expect(statusOf(await run(signInRoute.action as Action, request))).toBe(400);
  });

  it("NUL in a form field is 400", async () => {
    const request = makeRequest("/sign-in", { form: { email: "a\u0000@example.test", password: "x" } });
    expect(statusOf(await run(signInRoute.action as Action, request))).toBe(400);
  });
});
