import { beforeAll, describe, expect, it } from "vitest";
import { dataRequestHandler, discoverRoutes } from "./discover";
import { HEADER } from "./format";
import { MATRIX } from "./matrix";
import { checkLoader } from "./run";
import { createMatrixWorld, type MatrixWorld } from "./world";

/**
 * The authorization matrix, loaders (issue 8, "close the classes"): every route's loader, for every
 * role and signed out, in a party and a non-party organisation, against own, partner and unrelated
 * records, answers as tests/authorization/matrix.ts says; and Remix's data requests for it
 * (`/path.data`, `?_data=`) refuse whatever the page refuses, the same way.
 */
const allRoutes = await discoverRoutes();
const routes = allRoutes.filter((route) => typeof route.module.loader === "function" && MATRIX[route.file]?.loader);
const serverErrors: unknown[] = [];
let world: MatrixWorld;
let handler: Awaited<ReturnType<typeof dataRequestHandler>>;

beforeAll(async () => {
  handler = await dataRequestHandler(allRoutes, serverErrors);
  world = await createMatrixWorld();
}, 120_000);

// A route's probes take a few seconds on an idle machine; give a busy shared CI runner room.
const PER_ROUTE_TIMEOUT = 120_000;

describe("every loader, for every principal and record", () => {
  for (const route of routes) {
    it(`${route.file} (${route.pattern})`, async () => {
      const problems = await checkLoader(route, MATRIX[route.file]!, world, handler);
      expect(problems, `\n             ${HEADER}\n${problems.join("\n")}\n`).toEqual([]);
      expect(serverErrors.splice(0).map(String), "errors Remix logged while answering the data requests").toEqual([]);
    }, PER_ROUTE_TIMEOUT);
  }
});
