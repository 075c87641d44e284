/**
 * Closing the class of issue 8, defect 3: every route in app/routes, found by reading the folder,
 * is called with malformed route parameters and malformed query strings, and never answers 500
 * (a loader or action that throws anything but a Response is what Remix turns into a 500).
 * Malformed route parameters are 404 everywhere: no such page.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createAgreementRow } from "../helpers/agreements";
import { createOrganisation, createUser, signedInCookie } from "../helpers/factories";
import { makeRequest, run, statusOf } from "../helpers/remix";
import { createSubmission } from "../intelligence/fixtures";

type Handler = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown;
interface RouteModule {
  loader?: Handler;
  action?: Handler;
}

const ROUTES_DIR = path.resolve("app/routes");
const routeFiles = readdirSync(ROUTES_DIR)
  .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
  .sort();

/**
 * `agreements.$id.versions.$number.tsx` → its URL and parameter names. A trailing `_` (`triage.$id_.assign`)
 * only opts out of the parent's layout: it is not part of the URL or the parameter's name.
 */
function routeShape(file: string) {
  const segments = file.replace(/\.tsx?$/, "").split(".").filter((s) => s !== "_index").map((s) => s.replace(/_$/, ""));
  const params = segments.filter((s) => s.startsWith("$")).map((s) => s.slice(1));
  const url = (values: Record<string, string>) => "/" + segments.map((s) => (s.startsWith("$") ? encodeURIComponent(values[s.slice(1)]!) : s)).join("/");
  return { params, url };
}

/** Every query-string key the app reads; each route is tried with the ones its source mentions. */
const QUERY_KEYS = [
  "q", "identifier", "areaId", "threatType", "status", "cursor", "justification", "person", "organisation", "recordType",
  "recordId", "record", "agreement", "action", "outcome", "from", "to", "before", "after", "party", "reviewDue", "role",
  "done", "notice", "version", "saved", "expired", "signedOut", "agreementId", "sourceEvaluation", "intelligenceAssessment",
  "queue", "assigned",
];
/** Read by shared helpers rather than the route file (sign-in redirects, draft pages, keyset paging). */
const sharedKeys = (file: string) => [
  ...(file.startsWith("sign-in") ? ["redirectTo"] : []),
  ...(file.startsWith("submissions.$id") ? ["change"] : []),
  "after",
];

const MALFORMED_VALUES = ["a\u0000b", "BOGUS", "9999999999999999999", "x".repeat(3000), "2026-02-30"];
const MALFORMED_PARAMS = ["not-an-id", "9223372036854775808", "\u0000", "00000000-0000-0000-0000-00000000000g", "'; select 1; --", "x".repeat(300)];

let police: string;
let partner: string;
const valid: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  const force = await createOrganisation({ type: "POLICE_FORCE" });
  const council = await createOrganisation({ type: "LOCAL_AUTHORITY" });
  const officer = await createUser({
    roles: ["POLICE_ANALYST", "INTELLIGENCE_SUPERVISOR", "DATA_PROTECTION_OFFICER", "SYSTEM_ADMINISTRATOR"],
    organisationId: force.id,
    signatory: true,
  });
  const submitter = await createUser({ roles: ["PARTNER_SUBMITTER", "PARTNER_MANAGER"], organisationId: council.id, signatory: true });
  police = await signedInCookie(officer.id);
  partner = await signedInCookie(submitter.id);
  const agreement = await createAgreementRow({ parties: [{ organisationId: force.id }, { organisationId: council.id }] });
  const submission = await createSubmission({ submitterId: submitter.id, organisationId: council.id, agreementId: agreement.id });
  const draft = await createSubmission({ submitterId: submitter.id, organisationId: council.id, agreementId: agreement.id, status: "DRAFT" });
  const event = await prisma.auditEvent.findFirst({ select: { id: true } });
  const byPrefix: [string, Record<string, string>][] = [
    ["agreements.", { id: agreement.id, number: "1" }],
    ["admin.users.", { id: submitter.id }],
    ["admin.organisations.", { id: council.id }],
    ["submissions.", { id: draft.id, kind: "person" }],
    ["audit.events.", { id: event ? event.id.toString() : "1" }],
    ["audit.unusual.", { kind: "volume" }],
    ["activate.", { token: "a".repeat(32) }],
    ["", { id: submission.id }],
  ];
  for (const file of routeFiles) valid[file] = byPrefix.find(([prefix]) => file.startsWith(prefix))![1];
});

async function routeModule(file: string): Promise<RouteModule> {
  return (await import(/* @vite-ignore */ path.join(ROUTES_DIR, file))) as RouteModule;
}

const cookieFor = (file: string) => (file.startsWith("submissions.") ? partner : police);

/** The outcome's status; an error other than a thrown Response is what would have been a 500. */
async function statusFrom(handler: Handler, request: Request, params: Record<string, string>): Promise<number> {
  try {
    return statusOf(await run(handler, request, params));
  } catch {
    return 500;
  }
}

describe.each(routeFiles)("%s", (file) => {
  const shape = routeShape(file);
  const source = readFileSync(path.join(ROUTES_DIR, file), "utf8");
  const keys = [...new Set([...QUERY_KEYS.filter((k) => new RegExp(`\\b${k}\\b`).test(source)), ...sharedKeys(file)])];

  it("answers malformed query strings without a 500", async () => {
    const { loader } = await routeModule(file);
    if (!loader) throw new Error(`${file} has no loader: give this walk its GET`);
    const params = valid[file]!;
    const failures: string[] = [];
    for (const key of keys) {
      for (const value of MALFORMED_VALUES) {
        const query = new URLSearchParams({ [key]: value });
        const status = await statusFrom(loader, makeRequest(`${shape.url(params)}?${query}`, { cookie: cookieFor(file) }), params);
        if (status >= 500) failures.push(`?${key}=${JSON.stringify(value.slice(0, 20))}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000); // Hundreds of loader calls: room for a busy machine.

  // Only routes with parameters get this test (no skipped tests for the others).
  if (shape.params.length > 0) it("answers malformed route parameters with 404", async () => {
    const module = await routeModule(file);
    const failures: string[] = [];
    for (const name of shape.params) {
      for (const bad of MALFORMED_PARAMS) {
        const params = { ...valid[file]!, [name]: bad };
        const path = shape.url(params);
        if (module.loader) {
          const status = await statusFrom(module.loader, makeRequest(path, { cookie: cookieFor(file) }), params);
          if (status !== 404) failures.push(`GET ${name}=${JSON.stringify(bad.slice(0, 20))}: ${status}`);
        }
        if (module.action) {
          const request = makeRequest(path, { cookie: cookieFor(file), form: { intent: "x" }, headers: { Origin: "http://localhost" } });
          const status = await statusFrom(module.action, request, params);
          if (status !== 404) failures.push(`POST ${name}=${JSON.stringify(bad.slice(0, 20))}: ${status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

it("found the routes (a guard against the walk silently testing nothing)", () => {
  expect(routeFiles.length).toBeGreaterThan(50);
  expect(routeFiles).toContain("audit.events.$id.tsx");
});
