import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import helmet from "helmet";
import { SCHEDULED_JOBS } from "~/modules/jobs/jobs.server";
import { startScheduler } from "~/modules/jobs/scheduler.server";
import { closeDatabase, database } from "~/utils/db.server";
import { env, type Env } from "~/utils/env.server";
import { rejectCrossSiteWrites, limitBodySize } from "./request-guards";

export const BUILD_PATH = path.resolve("build/index.js");

/**
 * The HTTP server: security headers, request guards, static files, then Remix. `config` defaults to
 * the process's configuration; tests pass another to check production-only behaviour.
 */
export async function createApp(build: ServerBuild, config: Env = env()) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.TRUST_PROXY_HOPS);

  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
          "style-src": ["'self'"],
          "img-src": ["'self'", "data:"],
          "font-src": ["'self'"],
          "connect-src": ["'self'"],
          "object-src": ["'none'"],
          "base-uri": ["'none'"],
          "frame-ancestors": ["'none'"],
          "form-action": ["'self'"],
        },
      },
      strictTransportSecurity: config.isProduction ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      referrerPolicy: { policy: "same-origin" },
      crossOriginEmbedderPolicy: false,
    }),
  );

  // Static assets: Remix's fingerprinted bundles, and GOV.UK Frontend's CSS, JS, fonts and images.
  const govuk = path.resolve("node_modules/govuk-frontend/dist/govuk");
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use("/assets", express.static(path.join(govuk, "assets"), { maxAge: "1d" }));
  app.use("/govuk", express.static(govuk, { maxAge: "1h", index: false }));
  app.use(express.static("public", { maxAge: "1h", index: false }));
  // Browsers ask for /favicon.ico of their own accord, whatever the page's <link rel="icon"> says.
  app.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));

  // Everything past here is dynamic and may be personal: never cache it.
  app.use((_req, res, next) => {
    res.set("Cache-Control", "no-store");
    next();
  });
  app.use(limitBodySize(config.MAX_BODY_BYTES));
  app.use(rejectCrossSiteWrites());

  if (config.BENCH_BASELINE_ROUTE) {
    // The benchmark's baseline: this server's own limit, before sessions, the database or React.
    app.get("/bench/baseline", (_req, res) => {
      res.type("text/plain").send("ok");
    });
  }

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: build.mode,
      getLoadContext: (req, res) => ({
        clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
        cspNonce: res.locals.cspNonce as string,
      }),
    }),
  );
  return app;
}

/** Starts listening; SIGINT/SIGTERM stop accepting requests, finish those in flight, close the database. */
export async function startServer(options: { onListening?: (url: string) => void } = {}): Promise<Server> {
  const config = env();
  const build = (await import(BUILD_PATH)) as ServerBuild;
  const app = await createApp(build);
  const server = app.listen(config.PORT, config.HOST, () => {
    options.onListening?.(`http://localhost:${config.PORT}`);
  });
  const scheduler = startScheduler(database(), SCHEDULED_JOBS, (job, error) => {
    console.error(`Scheduled job ${job.name} failed:`, error);
  });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: shutting down.`);
    server.close(() => {
      void scheduler
        .stop()
        .then(() => closeDatabase())
        .finally(() => process.exit(0));
    });
    server.closeIdleConnections();
    // Do not wait for ever on a stuck connection.
    setTimeout(() => {
      server.closeAllConnections();
    }, 5_000).unref();
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  return server;
}
