import "@remix-run/node";

declare module "@remix-run/node" {
  /** Single fetch is on (remix.config.js): loaders' and actions' `data()` results are typed as such. */
  interface Future {
    v3_singleFetch: true;
  }
  interface AppLoadContext {
    /** The client's address as Express sees it (honouring TRUST_PROXY_HOPS). */
    clientAddress: string;
    /** Per-response nonce allowed by the Content-Security-Policy. */
    cspNonce: string;
    /** This request's id (server/request-log.ts): also in its log line, X-Request-Id header and audit events. */
    requestId: string;
  }
}
