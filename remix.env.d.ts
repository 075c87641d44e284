import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address as Express sees it (honouring TRUST_PROXY_HOPS). */
    clientAddress: string;
    /** Per-response nonce allowed by the Content-Security-Policy. */
    cspNonce: string;
  }
}
