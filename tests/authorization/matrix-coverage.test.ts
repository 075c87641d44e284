import { describe, expect, it } from "vitest";
import { discoverIntents, discoverRoutes } from "./discover";
import { coverageProblems } from "./run";

/**
 * The authorization matrix covers the whole app: every route file in app/routes, its loader and
 * every intent of its action. A new route or intent fails here, saying what to add to matrix.ts.
 */
const routes = await discoverRoutes();

describe("the authorization matrix", () => {
  it("has an entry for every route file's loader and every action intent, and nothing stale", () => {
    expect(routes.length).toBeGreaterThan(50);
    const problems = coverageProblems(routes);
    expect(problems, `\n${problems.join("\n")}\n`).toEqual([]);
  });

  it("names what is missing, for a route or an intent it has not seen", () => {
    const unknown = { ...routes[0]!, file: "reports.$id.tsx", module: { loader: () => null, action: () => null }, source: `const form = z.object({ intent: z.enum(["publish"]) });` };
    const withIntent = routes.find((r) => r.file === "triage.$id.assess.tsx")!;
    const newIntent = { ...withIntent, source: withIntent.source.replace(`"nfa"]`, `"nfa", "escalate"]`) };
    const problems = coverageProblems([...routes.filter((r) => r !== withIntent), unknown, newIntent]);
    expect(problems.join("\n")).toContain(`app/routes/reports.$id.tsx is not in the authorization matrix. Add to MATRIX in tests/authorization/matrix.ts:\n  "reports.$id.tsx": {`);
    expect(problems.join("\n")).toContain(`intents: { "publish": {`);
    expect(problems).toContain(
      `app/routes/triage.$id.assess.tsx: action intent "escalate" is not in the matrix. Add to its entry in tests/authorization/matrix.ts: intents: { "escalate": { ... } }`,
    );
  });

  it("finds intents however the routes write them", () => {
    expect(discoverIntents(`const s = z.object({ intent: z.enum(["verify", "checkpoint"]) });`)).toEqual(["checkpoint", "verify"]);
    expect(discoverIntents(`z.discriminatedUnion("intent", [z.object({ intent: z.literal("end-session") }), z.object({ intent: z.literal("all") })])`)).toEqual(["all", "end-session"]);
    expect(discoverIntents(`const INTENTS = ["approve", "refuse"] as const;\nconst s = z.object({ intent: z.enum(INTENTS) });`)).toEqual(["approve", "refuse"]);
    expect(discoverIntents(`<button name="intent" value="disable">`)).toEqual(["disable"]);
    expect(discoverIntents(`if (form.get("intent") !== "submit-for-signature") throw x;`)).toEqual(["submit-for-signature"]);
    expect(discoverIntents(`export async function action() { return null; }`)).toEqual([]);
    // An intent read some other way is not silently treated as "no intents".
    expect(discoverIntents(`const which = form.get("intent") as string; switch (which) {}`)).toBeNull();
  });
});
