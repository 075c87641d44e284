import { beforeAll, describe, expect, it } from "vitest";
import { discoverRoutes } from "./discover";
import { HEADER } from "./format";
import { MATRIX } from "./matrix";
import { actionProbes, checkAction } from "./run";
import { createMatrixWorld, type MatrixWorld } from "./world";

/**
 * The authorization matrix, actions (issue 8, "close the classes"): every route's action and every
 * intent of it, for every role and signed out, in a party and a non-party organisation, against own,
 * partner and unrelated records, answers as tests/authorization/matrix.ts says.
 */
const routes = (await discoverRoutes()).filter((route) => typeof route.module.action === "function" && MATRIX[route.file]);
let world: MatrixWorld;

beforeAll(async () => {
  world = await createMatrixWorld();
});

describe("every action and intent, for every principal and record", () => {
  for (const route of routes) {
    for (const [intent] of actionProbes(MATRIX[route.file]!)) {
      it(`${route.file} (${route.pattern})${intent === null ? "" : ` intent "${intent}"`}`, async () => {
        const problems = await checkAction(route, MATRIX[route.file]!, world, intent);
        expect(problems, `\n             ${HEADER}\n${problems.join("\n")}\n`).toEqual([]);
      });
    }
  }
});
