import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";
import { pino, type DestinationStream, type Logger, type LevelWithSilent } from "pino";

/**
 * Structured logs: one JSON line per request, through pino (a small, widely used JSON logger that
 * writes straight to stdout without blocking on a transport). Each line has the time, method, path
 * WITHOUT the query string, status, duration and request id, and nothing else from the request: no
 * query values (search terms, redirect targets), no cookies, no headers, no body, no user, so
 * neither personal data nor tokens reach the log. Who did what is the audit trail's job; the request
 * id links a log line to its audit events.
 */
export type { Logger } from "pino";

export function createLogger(level: LevelWithSilent, destination?: DestinationStream): Logger {
  const options = { level, timestamp: pino.stdTimeFunctions.isoTime, base: { pid: process.pid } };
  return destination ? pino(options, destination) : pino(options);
}

/** What a proxy may pass on as X-Request-Id: short, and nothing that could forge a log line. */
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * Gives every request an id: the proxy's X-Request-Id when there is a trusted proxy in front
 * (TRUST_PROXY_HOPS > 0) and it is sane, otherwise a fresh UUID (a client could otherwise plant
 * ids in the log and the audit trail). Returned as X-Request-Id, kept in res.locals.requestId for
 * the Remix load context.
 */
export function assignRequestId(trustProxyHops: number): RequestHandler {
  return (req, res, next) => {
    const inbound = trustProxyHops > 0 ? req.get("x-request-id") : undefined;
    const id = inbound && SANE_REQUEST_ID.test(inbound) ? inbound : randomUUID();
    res.locals.requestId = id;
    res.setHeader("X-Request-Id", id);
    next();
  };
}

const MAX_LOGGED_PATH = 512;

/** The path of a request target, without the query string or fragment, bounded in length. */
export function loggedPath(originalUrl: string): string {
  const path = originalUrl.split(/[?#]/, 1)[0] ?? "";
  return path.length > MAX_LOGGED_PATH ? `${path.slice(0, MAX_LOGGED_PATH)}…` : path;
}

/** Paths that load balancers poll every few seconds: logged at debug level, not info. */
const PROBES = new Set(["/healthz", "/readyz"]);

/** Logs one line per request when its response finishes (or the client goes away first). */
export function logRequests(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const path = loggedPath(req.originalUrl);
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      const line = {
        method: req.method,
        path,
        status: res.statusCode,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
        requestId: res.locals.requestId as string | undefined,
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (PROBES.has(path) && res.statusCode < 400) logger.debug(line, "request");
      else if (res.statusCode >= 500) logger.error(line, "request");
      else logger.info(line, "request");
    };
    res.once("finish", done);
    res.once("close", done);
    next();
  };
}
