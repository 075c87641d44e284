import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import type { ServerRouteManifest } from "@remix-run/server-runtime/dist/routes";
import remixConfig from "../../remix.config.js";

/**
 * Finds what the authorization matrix must cover by reading the app itself, so a new route file or
 * a new action intent is noticed without anyone remembering to list it:
 *  - the route files and their URLs, from app/routes through Remix's own flat-routes convention;
 *  - each route module's loader and action, by importing it;
 *  - each action's intents, from the route's source.
 */

const APP = path.resolve("app");
const require = createRequire(import.meta.url);
const { flatRoutes } = require("@remix-run/dev/dist/config/flat-routes.js") as {
  flatRoutes: (appDirectory: string, ignored?: string[]) => Record<string, { id: string; file: string; path?: string; index?: boolean; parentId?: string }>;
};

export type RouteModule = { loader?: unknown; action?: unknown; default?: unknown; ErrorBoundary?: unknown };

export interface DiscoveredRoute {
  /** The file name inside app/routes, e.g. "triage.$id.tsx": the matrix's key. */
  file: string;
  id: string;
  /** The URL pattern with parents' segments, e.g. "/submissions/:id/entities/:kind". */
  pattern: string;
  parentId: string;
  /** The route's own path, relative to its parent, as Remix's manifest has it. */
  path: string | undefined;
  index: boolean;
  source: string;
  module: RouteModule;
}

export async function discoverRoutes(): Promise<DiscoveredRoute[]> {
  const manifest = flatRoutes(APP, remixConfig.ignoredRouteFiles);
  const fullPath = (id: string | undefined): string[] => {
    const route = id ? manifest[id] : undefined;
    if (!route) return [];
    return [...fullPath(route.parentId), ...(route.path ? [route.path] : [])];
  };
  const routes: DiscoveredRoute[] = [];
  for (const route of Object.values(manifest)) {
    const file = path.join(APP, route.file);
    routes.push({
      file: path.relative(path.join(APP, "routes"), file),
      id: route.id,
      pattern: `/${fullPath(route.id).join("/")}`,
      parentId: route.parentId ?? "root",
      path: route.path,
      index: route.index ?? false,
      source: readFileSync(file, "utf8"),
      module: (await import(/* @vite-ignore */ file)) as RouteModule,
    });
  }
  return routes.sort((a, b) => a.file.localeCompare(b.file));
}

const STRING_LITERAL = /["']([^"']+)["']/g;
/**
 * The values an action accepts for its `intent` field, read from the route's source in the forms
 * this code base writes them:
 *   intent: z.enum(["a", "b"])        intent: z.enum(INTENTS), const INTENTS = ["a", "b"] in the file
 *   z.object({ intent: z.literal("a"), ... })
 *   name="intent" value="a"           form.get("intent") !== "a"
 * An action that mentions `intent` in a way none of these matches gives `null`, and the matrix
 * fails, asking for one of these forms, rather than silently covering nothing.
 */
export function discoverIntents(source: string): string[] | null {
  const found = new Set<string>();
  for (const match of source.matchAll(/\bintent["']?\s*:\s*z\.enum\(\s*\[([^\]]*)\]/g)) {
    for (const literal of match[1]!.matchAll(STRING_LITERAL)) found.add(literal[1]!);
  }
  // intent: z.enum(INTENTS), with const INTENTS = ["a", "b"] (as const) in the same file.
  for (const match of source.matchAll(/\bintent["']?\s*:\s*z\.enum\(\s*(\w+)\s*\)/g)) {
    const list = new RegExp(`\\b(?:const|let)\\s+${match[1]}\\s*=\\s*\\[([^\\]]*)\\]`).exec(source);
    for (const literal of list?.[1]?.matchAll(STRING_LITERAL) ?? []) found.add(literal[1]!);
  }
  const single: RegExp[] = [
    /\bintent["']?\s*:\s*z\.literal\(\s*["']([^"']+)["']/g,
    /name=["']intent["']\s+value=["']([^"']+)["']/g,
    /value=["']([^"']+)["']\s+name=["']intent["']/g,
    /\.get\(\s*["']intent["']\s*\)\s*[!=]==?\s*["']([^"']+)["']/g,
  ];
  for (const pattern of single) for (const match of source.matchAll(pattern)) found.add(match[1]!);
  if (found.size > 0) return [...found].sort();
  return /["']intent["']|\bintent\s*:/.test(source) ? null : [];
}

/** Fills a route pattern's params: "/a/:id" with { id: "x" } gives "/a/x". */
export function fillPattern(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for :${name} in ${pattern}`);
    return encodeURIComponent(value);
  });
}

/**
 * The app's Remix request handler over the same route modules the matrix calls directly, as the
 * compiler would assemble it (same route ids, paths, nesting and future flags), so `.data` and
 * `?_data=` requests go through Remix's own data-request handling: matching, parent loaders,
 * thrown responses, redirects.
 */
export async function dataRequestHandler(routes: DiscoveredRoute[], serverErrors: unknown[]) {
  const root = (await import("~/root")) as RouteModule;
  const entry = {
    ...(await import("~/entry.server")),
    // Errors Remix would log are kept for the test to report, except its own warning that a
    // single-fetch app was sent a ?_data= request (which the matrix does on purpose).
    handleError(error: unknown) {
      if (error instanceof Error && error.message.includes("should not be making ?_data requests")) return;
      serverErrors.push(error);
    },
  };
  const manifest: ServerRouteManifest = {
    root: { id: "root", path: "", module: root as never },
  };
  for (const route of routes) {
    manifest[route.id] = {
      id: route.id,
      parentId: route.parentId,
      path: route.path,
      index: route.index || undefined,
      module: route.module as never,
    };
  }
  const build: ServerBuild = {
    mode: "production",
    entry: { module: entry as never },
    routes: manifest,
    assets: { entry: { imports: [], module: "" }, routes: {}, url: "", version: "matrix" } as never,
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: remixConfig.future as never,
    isSpaMode: false,
  };
  return createRequestHandler(build, "production");
}
