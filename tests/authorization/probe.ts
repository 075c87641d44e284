import { makeRequest, run, testContext } from "../helpers/remix";

/**
 * What a request got, in the matrix's words:
 *   Y  allowed: 2xx, or a redirect that is not to sign-in
 *   V  the form came back with errors (400/409/422, or an action result carrying `errors` or `error`): past
 *      authorization to validation when the matrix posts a deliberately incomplete form; a refusal
 *      told in the form when the form is complete
 *   N  404 (not found: a record's existence is not disclosed)
 *   F  403 (forbidden by role, where that is the design)
 *   S  redirect to sign-in
 *   anything else is the status itself (500, 405, ...) or E for an exception: never expected.
 */
export type Code = string;

function fromStatus(status: number, location: string | null): Code {
  if (status >= 300 && status < 400) return location?.startsWith("/sign-in") ? "S" : "Y";
  if (status >= 200 && status < 300) return "Y";
  if (status === 400 || status === 409 || status === 422) return "V";
  if (status === 404) return "N";
  if (status === 403) return "F";
  return String(status);
}

type Handler = (args: never) => unknown;

/** An action result that tells the user what is wrong: `errors` (by field) or a single `error`. */
function hasErrors(data: unknown): boolean {
  if (!data || typeof data !== "object") return false;
  const { errors, error } = data as { errors?: unknown; error?: unknown };
  if (error) return true;
  return Boolean(errors) && (typeof errors !== "object" || Object.keys(errors as object).length > 0);
}

/** Calls a loader or action directly, as Remix would for a page. */
export async function probePage(handler: Handler, path: string, params: Record<string, string>, cookie: string | undefined, form?: Record<string, string | string[]>) {
  const request = makeRequest(path, { cookie, form, headers: form ? { Origin: "http://localhost" } : undefined });
  let outcome: unknown;
  try {
    outcome = await run(handler as never, request, params);
  } catch (error) {
    return { code: "E", detail: error instanceof Error ? error.message : String(error) };
  }
  if (outcome instanceof Response) {
    return { code: fromStatus(outcome.status, outcome.headers.get("Location")), detail: "" };
  }
  const init = outcome && typeof outcome === "object" && "init" in outcome ? (outcome as { init?: ResponseInit | null }).init : undefined;
  const data = init !== undefined ? (outcome as { data?: unknown }).data : outcome;
  const code = fromStatus(init?.status ?? 200, new Headers(init?.headers).get("Location"));
  if (code === "Y" && form && hasErrors(data)) return { code: "V", detail: "" };
  return { code, detail: "" };
}

type RequestHandler = (request: Request, context?: typeof testContext) => Promise<Response>;

/**
 * A Remix single-fetch data request (`/path.data`), as the browser makes on client navigation (GET)
 * and when a <Form> posts (POST). A redirect comes back as 202 with the target inside the
 * turbo-stream body.
 */
export async function probeSingleFetch(
  handler: RequestHandler,
  path: string,
  cookie: string | undefined,
  post?: { form: Record<string, string | string[]>; index: boolean },
) {
  const url = new URL(`http://localhost${path}`);
  url.pathname = url.pathname === "/" ? "/_root.data" : `${url.pathname.replace(/\/$/, "")}.data`;
  // A form posted to an index route's action says so, as Remix's <Form> does.
  if (post?.index) url.searchParams.set("index", "");
  const request = post
    ? makeRequest(`${url.pathname}${url.search}`, { cookie, form: post.form, headers: { Origin: "http://localhost", Host: "localhost" } })
    : makeRequest(`${url.pathname}${url.search}`, { cookie });
  const response = await handler(request, { ...testContext });
  const body = await response.text();
  if (response.status === 202) {
    const target = /"redirect","([^"]*)"/.exec(body)?.[1] ?? /"(\/[^"]*)"/.exec(body)?.[1] ?? null;
    return { code: fromStatus(302, target), detail: body.slice(0, 200) };
  }
  return { code: fromStatus(response.status, response.headers.get("Location")), detail: response.status >= 500 ? body.slice(0, 200) : "" };
}

/** A pre-single-fetch data request (`?_data=<route id>`), which Remix 2 still answers. */
export async function probeLegacyData(handler: RequestHandler, path: string, routeId: string, cookie: string | undefined) {
  const separator = path.includes("?") ? "&" : "?";
  const response = await handler(makeRequest(`${path}${separator}_data=${encodeURIComponent(routeId)}`, { cookie }), { ...testContext });
  const body = await response.text();
  const redirect = response.headers.get("X-Remix-Redirect");
  if (redirect) return { code: fromStatus(302, redirect), detail: "" };
  return { code: fromStatus(response.status, response.headers.get("Location")), detail: response.status >= 500 ? body.slice(0, 200) : "" };
}
