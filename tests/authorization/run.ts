import { dataRequestHandler, discoverIntents, fillPattern, type DiscoveredRoute } from "./discover";
import { formatRow, parseRow } from "./format";
import { MATRIX, type Entry, type Rows } from "./matrix";
import { probeLegacyData, probePage, probeSingleFetch, type Code } from "./probe";
import { TARGETS, type Target } from "./targets";
import { PRINCIPALS, withFreshSubmissions, type MatrixWorld, type Principal } from "./world";
import { signedInCookie } from "../helpers/factories";

/** Running the matrix: what each principal gets from a route, and how that differs from matrix.ts. */

type Observed = Record<Principal, Code>;
type DataHandler = Awaited<ReturnType<typeof dataRequestHandler>>;

export function intentsOf(route: DiscoveredRoute): string[] | null {
  return typeof route.module.action === "function" ? discoverIntents(route.source) : [];
}

export function targetsOf(entry: Entry) {
  return TARGETS[entry.targets] as Record<string, (w: MatrixWorld) => Target>;
}

function urlFor(route: DiscoveredRoute, entry: Entry, target: Target) {
  const params = { ...entry.params, ...target.params };
  const query = target.query ?? entry.query;
  return { params, path: `${fillPattern(route.pattern, params)}${query ? `?${query}` : ""}` };
}

function mismatches(label: string, expected: string | undefined, observed: Observed): string[] {
  const parsed = expected === undefined ? undefined : parseRow(expected);
  const wanted = typeof parsed === "object" ? parsed : undefined;
  const wrong = PRINCIPALS.filter((p) => wanted?.[p] !== observed[p]);
  if (wrong.length === 0) return [];
  return [
    `${label}\n    expected ${expected ?? "(no row)"}\n    observed ${formatRow(observed)}\n    differs  ${wrong
      .map((p) => `${p}: ${wanted?.[p] ?? "?"} -> ${observed[p]}`)
      .join(", ")}`,
  ];
}

/**
 * Every principal asks the route's loader about every target, as a page and (where the page is
 * refused) as Remix data requests, which must refuse the same way.
 */
export async function checkLoader(route: DiscoveredRoute, entry: Entry, world: MatrixWorld, handler: DataHandler): Promise<string[]> {
  const problems: string[] = [];
  for (const [name, makeTarget] of Object.entries(targetsOf(entry))) {
    const target = makeTarget(world);
    const { params, path } = urlFor(route, entry, target);
    // ?_data= runs the same loader by an older door: asked of records, where a difference would leak.
    const hasRecord = Object.keys(target.params).length > 0;
    const page = {} as Observed;
    const singleFetch = {} as Observed;
    const legacy = {} as Observed;
    // Loaders change nothing but their own audit events, so the principals ask at the same time.
    await Promise.all(
      PRINCIPALS.map(async (who) => {
        const cookie = world.cookies[who];
        const outcome = await probePage(route.module.loader as never, path, params, cookie);
        page[who] = outcome.code;
        // What a page refuses, its data requests must refuse (an allowed page's data is the page's).
        const refused = ["N", "F", "S"].includes(outcome.code);
        singleFetch[who] = refused ? (await probeSingleFetch(handler, path, cookie)).code : outcome.code;
        legacy[who] = refused && hasRecord ? (await probeLegacyData(handler, path, route.id, cookie)).code : outcome.code;
      }),
    );
    const label = `${route.file} loader, target ${name}`;
    problems.push(...mismatches(label, entry.loader?.[name], page));
    problems.push(...mismatches(`${label}, /${path.split("?")[0]!.slice(1)}.data request (expected: as the page)`, formatRow(page), singleFetch));
    problems.push(...mismatches(`${label}, ?_data=${route.id} request (expected: as the page)`, formatRow(page), legacy));
  }
  return problems;
}

/** The action probes of an entry: its plain action (intent null), or each of its intents. */
export function actionProbes(entry: Entry): [string | null, Rows | undefined][] {
  return entry.action ? [[null, entry.action]] : Object.entries(entry.intents ?? {});
}

/** Every principal posts to the action (with one intent) about every target, one after another. */
export async function checkAction(
  route: DiscoveredRoute,
  entry: Entry,
  shared: MatrixWorld,
  intent: string | null,
  handler: DataHandler,
): Promise<string[]> {
  const world = entry.freshSubmissions ? await withFreshSubmissions(shared) : shared;
  const problems: string[] = [];
  const rows = intent === null ? entry.action : entry.intents?.[intent];
  {
    for (const [name, makeTarget] of Object.entries(targetsOf(entry))) {
      const { params, path } = urlFor(route, entry, makeTarget(world));
      const side = name === "B" ? world.B : world.A;
      // Made for each principal, so a form with a one-time token gets a token of its own each time.
      const formFor = () => ({ ...(intent ? { intent } : {}), ...entry.forms?.[intent ?? "action"]?.(world, side) });
      const hasRecord = Object.keys(makeTarget(world).params).length > 0;
      const page = {} as Observed;
      const singleFetch = {} as Observed;
      const details: string[] = [];
      for (const who of PRINCIPALS) {
        const cookie = entry.freshSession && who !== "out" ? await signedInCookie(world.people[who].id) : world.cookies[who];
        const form = formFor();
        const outcome = await probePage(route.module.action as never, path, params, cookie, form);
        page[who] = outcome.code;
        if (outcome.detail) details.push(`${who}: ${outcome.detail}`);
        // The same post as a <Form> makes it (POST /path.data) must be refused the same way.
        const refused = ["N", "F", "S"].includes(outcome.code);
        singleFetch[who] = refused && hasRecord ? (await probeSingleFetch(handler, path, cookie, { form, index: route.index })).code : outcome.code;
      }
      const label = `${route.file} action${intent ? ` intent "${intent}"` : ""}, target ${name}`;
      const found = [...mismatches(label, rows?.[name], page), ...mismatches(`${label}, POST /${path.slice(1)}.data (expected: as the page)`, formatRow(page), singleFetch)];
      problems.push(...found);
      if (found.length && details.length) problems.push(`    ${details.join("\n    ")}`);
    }
  }
  return problems;
}

/** What matrix.ts lacks (or lists in vain) for the routes in app/routes, each with what to write. */
export function coverageProblems(routes: DiscoveredRoute[]): string[] {
  const problems: string[] = [];
  const files = new Set(routes.map((r) => r.file));
  for (const route of routes) {
    const entry = MATRIX[route.file];
    const where = `app/routes/${route.file}`;
    const hasLoader = typeof route.module.loader === "function";
    const hasAction = typeof route.module.action === "function";
    const intents = intentsOf(route);
    if (intents === null) {
      problems.push(`${where}: its action reads an "intent" whose values the matrix cannot find. Declare them in the route as intent: z.enum([...]) (or z.literal(...), or name="intent" value="...")`);
      continue;
    }
    if (!entry) {
      const rows = `{ <target>: "<code for each of: out subA subB mgrA mgrB anA anB supA supB dpoA dpoP dpoB admA admB>" }`;
      const parts = [`targets: "<one of: ${Object.keys(TARGETS).join(", ")}>"`];
      if (hasLoader) parts.push(`loader: ${rows}`);
      if (hasAction && intents.length === 0) parts.push(`action: ${rows}`);
      if (intents.length) parts.push(`intents: { ${intents.map((i) => `"${i}": ${rows}`).join(", ")} }`);
      problems.push(`${where} is not in the authorization matrix. Add to MATRIX in tests/authorization/matrix.ts:\n  "${route.file}": { ${parts.join(", ")} },`);
      continue;
    }
    if (hasLoader && !entry.loader) problems.push(`${where} exports a loader: add loader: { ... } to its entry in tests/authorization/matrix.ts`);
    if (!hasLoader && entry.loader) problems.push(`${where} has no loader: remove loader from its entry in tests/authorization/matrix.ts`);
    if (hasAction && intents.length === 0 && !entry.action) problems.push(`${where} exports an action: add action: { ... } to its entry in tests/authorization/matrix.ts`);
    if (entry.action && (!hasAction || intents.length > 0)) {
      problems.push(`${where}: the matrix lists a plain action, but the route has ${intents.length ? `intents (${intents.join(", ")}): list them under intents` : "no action: remove it"}`);
    }
    for (const intent of intents) {
      if (!entry.intents?.[intent]) problems.push(`${where}: action intent "${intent}" is not in the matrix. Add to its entry in tests/authorization/matrix.ts: intents: { "${intent}": { ... } }`);
    }
    for (const intent of Object.keys(entry.intents ?? {})) {
      if (!intents.includes(intent)) problems.push(`${where} has no action intent "${intent}": remove it from its entry in tests/authorization/matrix.ts`);
    }
    const targets = Object.keys(targetsOf(entry));
    for (const rows of [entry.loader, entry.action, ...Object.values(entry.intents ?? {})]) {
      if (!rows) continue;
      for (const [target, row] of Object.entries(rows)) {
        if (!targets.includes(target)) problems.push(`${where}: unknown target "${target}" for targets "${entry.targets}" (${targets.join(", ")})`);
        const parsed = parseRow(row);
        if (typeof parsed === "string") problems.push(`${where}: the row for target ${target} ${parsed}`);
      }
      for (const target of targets) if (!(target in rows)) problems.push(`${where}: a row for target "${target}" is missing`);
    }
  }
  for (const file of Object.keys(MATRIX)) {
    if (!files.has(file)) problems.push(`tests/authorization/matrix.ts lists ${file}, which is not a route in app/routes: remove its entry`);
  }
  return problems;
}
