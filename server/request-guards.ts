import type { RequestHandler } from "express";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for every state-changing request (ASVS 3.5.1): the browser must say the request
 * came from this site, by Sec-Fetch-Site or, for browsers that do not send it, by Origin. A write
 * that proves neither is refused. The session cookie's SameSite attribute is a second layer.
 */
export function rejectCrossSiteWrites(): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const fetchSite = req.get("sec-fetch-site");
    if (fetchSite) {
      if (fetchSite === "same-origin") return next();
      return refuse(res);
    }
    const origin = req.get("origin");
    if (origin && origin === `${req.protocol}://${req.get("host")}`) return next();
    return refuse(res);
  };
}

function refuse(res: Parameters<RequestHandler>[1]) {
  res.status(403).type("text/plain").send("This request did not come from this site, so it was refused.");
}

/**
 * Bodies larger than the limit get 413 before anything reads them. Node's parser never delivers
 * more than Content-Length bytes, so a declared length is a real bound; a body without one
 * (chunked) is refused with 411.
 */
export function limitBodySize(maxBytes: number): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const declared = req.get("content-length");
    if (declared === undefined) {
      if (req.get("transfer-encoding")) {
        res.status(411).type("text/plain").send("A Content-Length header is required.");
        return;
      }
      return next();
    }
    if (!/^\d+$/.test(declared) || Number(declared) > maxBytes) {
      res.status(413).type("text/plain").send("The request was too large.");
      req.resume();
      return;
    }
    next();
  };
}

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

/**
 * Writes carry forms: the two encodings browsers (and Remix's forms and fetchers) send. A body of
 * any other type (JSON, XML, text) gets 415 before anything reads it; app/utils/forms.server.ts
 * checks the same for each action, and answers a form that does not parse with 400.
 */
export function acceptOnlyFormBodies(): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const length = req.get("content-length");
    const hasBody = (length !== undefined && length !== "0") || req.get("transfer-encoding") !== undefined;
    const type = (req.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (!hasBody && type === "") return next();
    if (FORM_TYPES.has(type)) return next();
    res.status(415).type("text/plain").send("Send the form as application/x-www-form-urlencoded or multipart/form-data.");
    req.resume();
  };
}
