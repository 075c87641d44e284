import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { validateSessionToken } from "~/modules/auth/session.server";
import { database, prisma } from "~/utils/db.server";
import { env, parseEnv } from "~/utils/env.server";
import { createUser, signedInCookie } from "../helpers/factories";
import { buildApp, startTestServer, type RunningServer } from "./server";

/**
 * The security baseline every page relies on (issue 2, section 6), checked over HTTP against the
 * real server: CSP with nonces, the other headers, no caching of dynamic pages, CSRF refusal,
 * body limits, GET never changing anything, and production error pages that leak nothing.
 */
let server: RunningServer;

beforeAll(async () => {
  await buildApp();
  server = await startTestServer();
}, 180_000);

afterAll(async () => {
  await server?.close();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.origin}${path}`, { headers, redirect: "manual" });

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`${server.origin}${path}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    redirect: "manual",
  });
}

async function signedIn(roles: Parameters<typeof createUser>[0] = {}) {
  const user = await createUser(roles);
  const cookie = await signedInCookie(user.id);
  return { user, cookie, token: cookie.split("=")[1]! };
}

describe("Content-Security-Policy", () => {
  it("carries a fresh nonce that every script on the page uses, and locks down objects, base and framing", async () => {
    const { cookie } = await signedIn();
    const first = await get("/", { Cookie: cookie });
    expect(first.status).toBe(200);
    const csp = first.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");

    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

    const second = await get("/", { Cookie: cookie });
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
  });
});

describe("session lookup", () => {
  it("reads the session once per page request, though the root and the page's loaders both need it", async () => {
    const { cookie } = await signedIn({ roles: ["SYSTEM_ADMINISTRATOR"] });
    const sessionReads = vi.spyOn(database().prisma.session, "findUnique");
    try {
      for (const path of ["/", "/admin", "/admin/users.data"]) {
        sessionReads.mockClear();
        const response = await get(path, { Cookie: cookie });
        expect(response.status, path).toBe(200);
        await response.arrayBuffer();
        expect(sessionReads, path).toHaveBeenCalledTimes(1);
      }
    } finally {
      sessionReads.mockRestore();
    }
  });
});

describe("favicon", () => {
  it("answers the browser's own request for /favicon.ico with the service's icon rather than a 404", async () => {
    const response = await get("/favicon.ico");
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe("/favicon.svg");
    const icon = await get("/favicon.svg");
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toContain("image/svg+xml");
    await icon.arrayBuffer();
  });
});

describe("other headers", () => {
  it("sends nosniff and a Referrer-Policy on pages and static files, and no X-Powered-By", async () => {
    for (const path of ["/sign-in", "/app.css", "/govuk/govuk-frontend.min.css"]) {
      const response = await get(path);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toMatch(/^(same-origin|no-referrer|strict-origin)/);
      expect(response.headers.get("x-powered-by")).toBeNull();
      await response.arrayBuffer();
    }
  });

  it("never lets signed-in or dynamic pages be cached", async () => {
    const { cookie } = await signedIn({ roles: ["SYSTEM_ADMINISTRATOR"] });
    for (const path of ["/", "/admin", "/admin/users", "/sign-in", "/activate/unknown"]) {
      const response = await get(path, { Cookie: cookie });
      expect(response.headers.get("cache-control")).toBe("no-store");
      await response.arrayBuffer();
    }
  });

  it("sends HSTS in production only", async () => {
    const home = await get("/sign-in");
    expect(home.headers.get("strict-transport-security")).toBeNull();
    await home.arrayBuffer();

    const production = await startTestServer(parseEnv({ ...process.env, NODE_ENV: "production" }));
    try {
      const response = await fetch(`${production.origin}/app.css`);
      expect(response.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}; includeSubDomains/);
      await response.arrayBuffer();
    } finally {
      await production.close();
    }
  });
});

describe("cross-site request forgery", () => {
  async function adminAndTarget() {
    const { cookie } = await signedIn({ roles: ["SYSTEM_ADMINISTRATOR"] });
    const target = await createUser({ roles: ["POLICE_ANALYST"] });
    const disabled = async () => (await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).disabledAt !== null;
    return { cookie, target, disabled, path: `/admin/users/${target.id}/disable` };
  }

  it.each([
    ["a foreign Origin", { Origin: "https://evil.example" }],
    ["Sec-Fetch-Site: cross-site", { "Sec-Fetch-Site": "cross-site" }],
    ["Sec-Fetch-Site: same-site (a sibling subdomain)", { "Sec-Fetch-Site": "same-site" }],
    ["cross-site even with this site's Origin", { "Sec-Fetch-Site": "cross-site", Origin: "SELF" }],
    ["neither Origin nor Sec-Fetch-Site", {}],
  ])("refuses a POST with %s (403) and changes nothing", async (_name, headers: Record<string, string>) => {
    const { cookie, disabled, path } = await adminAndTarget();
    const resolved = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v === "SELF" ? server.origin : v]));
    const response = await post(path, "reason=forged", { Cookie: cookie, ...resolved });
    expect(response.status).toBe(403);
    await response.arrayBuffer();
    expect(await disabled()).toBe(false);
  });

  it("accepts the same POST from this site (so the refusals above are the guard's doing)", async () => {
    const { cookie, disabled, path } = await adminAndTarget();
    const response = await post(path, "reason=left", { Cookie: cookie, Origin: server.origin, "Sec-Fetch-Site": "same-origin" });
    expect(response.status).toBe(302);
    expect(await disabled()).toBe(true);
  });
});

describe("request bodies", () => {
  it("answers 413 to a body over MAX_BODY_BYTES, and keeps serving", async () => {
    const { cookie } = await signedIn({ roles: ["SYSTEM_ADMINISTRATOR"] });
    const tooBig = `intent=${"x".repeat(env().MAX_BODY_BYTES)}`;
    const response = await post("/admin/users/new", tooBig, { Cookie: cookie, Origin: server.origin });
    expect(response.status).toBe(413);
    await response.arrayBuffer();

    const after = await get("/", { Cookie: cookie });
    expect(after.status).toBe(200);
    await after.arrayBuffer();
  });

  it("refuses a streamed body with no declared length rather than reading it without bound", async () => {
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("intent=disable"));
        controller.close();
      },
    });
    const response = await fetch(`${server.origin}/admin/users/new`, {
      method: "POST",
      body: stream,
      headers: { Origin: server.origin, "Content-Type": "application/x-www-form-urlencoded" },
      duplex: "half",
    } as RequestInit);
    expect([411, 413]).toContain(response.status);
    await response.arrayBuffer();
  });
});

describe("malformed input (issue 8, defects 2 and 3)", () => {
  it.each([
    ["application/json", '{"email":"a@example.test","password":"x"}'],
    ["text/plain", "email=a@example.test&password=x"],
    ["application/xml", "<signIn><email>a@example.test</email></signIn>"],
  ])("answers a %s body with 415", async (type, body) => {
    const response = await post("/sign-in", body, { "Content-Type": type, Origin: server.origin });
    expect(response.status).toBe(415);
    await response.arrayBuffer();
  });

  it("answers broken multipart with 400 and the service's error page", async () => {
    const response = await post("/sign-in", "--xyz\r\nContent-Disposition: form-da", {
      "Content-Type": "multipart/form-data; boundary=xyz",
      Origin: server.origin,
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("there is a problem with the web address or form");
  });

  it("still accepts a well-formed multipart form", async () => {
    const form = new FormData();
    form.set("email", "nobody@example.test");
    form.set("password", "not the password");
    const response = await fetch(`${server.origin}/sign-in`, { method: "POST", body: form, headers: { Origin: server.origin }, redirect: "manual" });
    expect(response.status).toBe(401);
    await response.arrayBuffer();
  });

  it("answers NUL in a query string with 400 and a bad id with 404, as pages", async () => {
    const { cookie } = await signedIn({ roles: ["DATA_PROTECTION_OFFICER", "POLICE_ANALYST"], organisationType: "POLICE_FORCE" });
    const bad = await get("/search?q=a%00b", { Cookie: cookie });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("there is a problem with the web address or form");
    const missing = await get("/audit/events/9223372036854775808", { Cookie: cookie });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("Page not found");
  });

  it("never redirects a signed-in user to another host", async () => {
    const { cookie } = await signedIn();
    for (const path of ["/sign-in", "/sign-in/code", "/sign-in/recovery"]) {
      const response = await get(`${path}?redirectTo=%2F.%2F%2Fevil.example`, { Cookie: cookie });
      expect(response.status, path).toBe(302);
      expect(response.headers.get("location"), path).toBe("/");
      await response.arrayBuffer();
    }
  });
});

describe("GET never changes state", () => {
  it("GET /sign-out does not sign out", async () => {
    const { token, cookie } = await signedIn();
    const response = await get("/sign-out", { Cookie: cookie });
    await response.arrayBuffer();
    expect(response.headers.get("set-cookie") ?? "").not.toMatch(/Max-Age=0/);
    expect(await validateSessionToken(token)).not.toBeNull();
  });

  it("GET on an admin action URL with the action's fields does nothing", async () => {
    const { cookie } = await signedIn({ roles: ["SYSTEM_ADMINISTRATOR"] });
    const target = await createUser();
    const session = (await signedInCookie(target.id)).split("=")[1]!;
    for (const path of [
      `/admin/users/${target.id}?intent=activation-link`,
      `/admin/users/${target.id}/disable?reason=x`,
      `/admin/users/${target.id}/reset-mfa?reason=x`,
    ]) {
      const response = await get(path, { Cookie: cookie });
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
    const after = await prisma.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(after.disabledAt).toBeNull();
    expect(after.totpSecret).toBe(target.totpSecret);
    expect(await prisma.userActivation.count({ where: { userId: target.id } })).toBe(0);
    expect(await validateSessionToken(session)).not.toBeNull();
  });
});

describe("production error pages", () => {
  it("show no stack trace, SQL or internal names when the database fails", async () => {
    const { cookie } = await signedIn();
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await database().exec(`ALTER TABLE "Session" RENAME TO "Session_hidden_by_test"`);
    try {
      for (const path of ["/", "/_root.data"]) {
        const response = await get(path, { Cookie: cookie });
        expect(response.status).toBe(500);
        const body = await response.text();
        for (const leak of [/\bat .+\.(ts|js):\d+/, /Session_hidden|"Session"/, /relation|does not exist/i, /prisma/i, /SELECT|FROM "/]) {
          expect(body).not.toMatch(leak);
        }
        if (path === "/") expect(body).toContain("Sorry, there is a problem with the service");
      }
    } finally {
      await database().exec(`ALTER TABLE "Session_hidden_by_test" RENAME TO "Session"`);
      quiet.mockRestore();
    }
    const recovered = await get("/", { Cookie: cookie });
    expect(recovered.status).toBe(200);
    await recovered.arrayBuffer();
  });
});
