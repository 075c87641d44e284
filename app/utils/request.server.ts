import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { foldDateInputs } from "./date-input";
import { uuid } from "./input";

type Params = LoaderFunctionArgs["params"];

/**
 * Input at the route boundary: every query string and route parameter is parsed here with zod,
 * so no route reads raw input. Bad query input is 400, a route parameter that cannot name a
 * record is 404 (exactly like a record that does not exist), and text containing NUL is refused
 * with 400 (PostgreSQL text cannot hold it, and no person types it). The thrown Responses are
 * rendered by the root ErrorBoundary as GOV.UK error pages.
 *
 * Field schemas (uuid, bigintId, optionalQuery, ...) come from app/utils/input.ts. Build route
 * schemas from those, not from exports of *.server files: a schema at a route's module scope is
 * also evaluated in the browser, where server modules are empty.
 */

export function badRequest(message = "Bad request"): Response {
  return new Response(message, { status: 400, statusText: "Bad Request" });
}

export function notFound(message = "Page not found"): Response {
  return new Response(message, { status: 404, statusText: "Not Found" });
}

export function unsupportedMediaType(): Response {
  return new Response("Send the form as application/x-www-form-urlencoded or multipart/form-data.", {
    status: 415,
    statusText: "Unsupported Media Type",
  });
}

// eslint-disable-next-line no-control-regex
const NUL = /\u0000/;

/** True when any string in `values` (keys included) holds NUL. */
export function containsNul(values: Iterable<[string, unknown]>): boolean {
  for (const [key, value] of values) {
    if (NUL.test(key) || (typeof value === "string" && NUL.test(value))) return true;
  }
  return false;
}

/**
 * The query string as an object, one value per key (the last one given, like `Object.fromEntries`).
 * NUL anywhere in it is 400.
 */
export function queryValues(request: Request): Record<string, string> {
  const searchParams = new URL(request.url).searchParams;
  if (containsNul(searchParams)) throw badRequest("The web address contains a character that is not allowed.");
  return Object.fromEntries(searchParams);
}

/** The query string parsed with `schema`; anything that does not fit is 400. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const result = schema.safeParse(foldDateInputs(queryValues(request)));
  if (!result.success) throw badRequest("The web address is not valid.");
  return result.data;
}

/**
 * For a search form sent by GET, whose mistakes the page shows in an error summary: the values as
 * typed (to show them again) and the parse result. NUL is still 400.
 */
export function safeParseQuery<S extends z.ZodType>(request: Request, schema: S) {
  const values = queryValues(request);
  return { values, result: schema.safeParse(foldDateInputs(values)) };
}

/** Route parameters parsed with `schema`; anything that does not fit is 404, as no such page exists. */
export function parseParams<S extends z.ZodType>(params: Params, schema: S): z.output<S> {
  const result = schema.safeParse(params);
  if (!result.success) throw notFound();
  return result.data;
}

/** `params.id` as a record UUID: the parameter most routes take. */
const idParams = z.object({ id: uuid });

/** The record UUID in `params.id`; anything else is 404. */
export function idParam(params: Params): string {
  return parseParams(params, idParams).id;
}
