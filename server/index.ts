import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import helmet from "helmet";
import { SCHEDULED_JOBS } from "~/modules/jobs/jobs.server";
import { startScheduler } from "~/modules/jobs/scheduler.server";
import { cancelOnAbort } from "~/utils/database.server";
import { closeDatabase, database } from "~/utils/db.server";
import { env, type Env } from "~/utils/env.server";
import { addHealthRoutes, Lifecycle } from "./health";
import { assignRequestId, createLogger, logRequests, type Logger } from "./request-log";
import { acceptOnlyFormBodies, rejectCrossSiteWrites, limitBodySize } from "./request-guards";
import { shutDown } from "./shutdown";

export const BUILD_PATH = path.resolve("build/index.js");

export interface AppOptions {
  /** Where request logs go (default: JSON lines on stdout at LOG_LEVEL). */
  logger?: Logger;
  /** Shared with the shutdown: /readyz answers 503 and responses close their connection once stopping. */
  lifecycle?: Lifecycle;
}

/**
 * The HTTP server: request id and log line, health endpoints, security headers, request guards,
 * static files, then Remix. `config` defaults to the process's configuration; tests pass another to
 * check production-only behaviour.
 */
export async function createApp(build: ServerBuild, config: Env = env(), options: AppOptions = {}) {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const lifecycle = options.lifecycle ?? new Lifecycle();
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.TRUST_PROXY_HOPS);

  app.use(assignRequestId(config.TRUST_PROXY_HOPS));
  app.use(logRequests(logger));
  app.use((_req, res, next) => {
    // Draining: finish requests in flight, but keep no connection for another.
    lifecycle.track(res);
    next();
  });
  addHealthRoutes(app, { lifecycle, database });

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
  app.use(acceptOnlyFormBodies());

  if (config.BENCH_BASELINE_ROUTE) {
    // The benchmark's baseline: this server's own limit, before sessions, the database or React.
    app.get("/bench/baseline", (_req, res) => {
      res.type("text/plain").send("ok");
    });
  }

  app.use((_req, res, next) => {
    // A client that goes away before its response is sent (as Remix's own request.signal sees it)
    // cancels the request's statements still running on PostgreSQL.
    const aborted = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) aborted.abort();
    });
    cancelOnAbort(aborted.signal, next);
  });
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: build.mode,
      getLoadContext: (req, res) => ({
        clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
        cspNonce: res.locals.cspNonce as string,
        requestId: res.locals.requestId as string,
      }),
    }),
  );
  return app;
}

/**
 * Starts listening. SIGTERM/SIGINT: /readyz turns 503, the server stops accepting connections and
 * finishes the requests in flight, the scheduler stops and the database closes, all within
 * SHUTDOWN_LIMIT_MS (server/shutdown.ts), even if a connection or the database hangs.
 */
export async function startServer(options: { onListening?: (url: string) => void } = {}): Promise<Server> {
  const config = env();
  const logger = createLogger(config.LOG_LEVEL);
  const lifecycle = new Lifecycle();
  const build = (await import(BUILD_PATH)) as ServerBuild;
  const app = await createApp(build, config, { logger, lifecycle });
  const server = app.listen(config.PORT, config.HOST, () => {
    options.onListening?.(`http://localhost:${config.PORT}`);
  });
  const scheduler = startScheduler(database(), SCHEDULED_JOBS, (job, error) => {
    logger.error({ job: job.name, err: error }, "scheduled job failed");
  });
  const onSignal = (signal: NodeJS.Signals) => {
    if (lifecycle.stopping) {
      logger.warn(`${signal} received again: already shutting down.`);
      return;
    }
    lifecycle.stop();
    logger.info(`${signal} received: shutting down.`);
    // server.close() closes the keep-alive connections idle now; those busy now close once their
    // response is sent (Connection: close, and closeIdleConnections below for responses already under way).
    const closing = setInterval(() => server.closeIdleConnections(), 250);
    const closed = new Promise<void>((resolve, reject) =>
      server.close((error) => {
        clearInterval(closing);
        if (error) reject(error);
        else resolve();
      }),
    );
    void shutDown(
      {
        closeServer: () => closed,
        forceCloseConnections: () => server.closeAllConnections(),
        stopScheduler: () => scheduler.stop(),
        closeDatabase,
      },
      { info: (m) => logger.info(m), warn: (m) => logger.warn(m), error: (m) => logger.error(m) },
      (code) => {
        logger.flush();
        process.exit(code);
      },
    );
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return server;
}
