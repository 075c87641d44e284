import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";

/** Calls route loaders and actions directly, as Remix would, with a real Request. */
export const testContext: AppLoadContext = { clientAddress: "203.0.113.7", cspNonce: "test-nonce", requestId: "test-request" };

export function makeRequest(
  path: string,
  init: { method?: string; cookie?: string; form?: Record<string, string | string[]>; headers?: Record<string, string> } = {},
): Request {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("Cookie", init.cookie);
  headers.set("User-Agent", headers.get("User-Agent") ?? "vitest");
  let body: URLSearchParams | undefined;
  if (init.form) {
    body = new URLSearchParams();
    for (const [key, value] of Object.entries(init.form)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    }
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  return new Request(`http://localhost${path}`, { method: init.method ?? (body ? "POST" : "GET"), headers, body });
}

type Handler<A> = (args: A) => unknown;

/** Runs a loader or action; a thrown Response (redirect, 404) is returned rather than thrown. */
export async function run<A extends LoaderFunctionArgs | ActionFunctionArgs>(
  handler: Handler<A>,
  request: Request,
  params: Record<string, string> = {},
): Promise<unknown> {
  try {
    // A fresh load context per call, as server/index.ts makes one per HTTP request.
    return await handler({ request, params, context: { ...testContext } } as A);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** The HTTP status of a loader/action outcome: a Response's status, or 200 for plain data. */
export function statusOf(outcome: unknown): number {
  if (outcome instanceof Response) return outcome.status;
  if (outcome && typeof outcome === "object" && "init" in outcome) {
    const init = (outcome as { init?: { status?: number } | null }).init;
    return init?.status ?? 200;
  }
  return 200;
}
