/**
 * Where to go after sign-in: only a path on this site. Anything that a browser could resolve to
 * another host (//host, /\host, encoded or whitespace variants, schemes) falls back to home.
 */
export function safeRedirect(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || target.length === 0 || target.length > 2048) return fallback;
  let decoded = target;
  try {
    // Decode repeatedly so %2F%2F and double-encoded variants are seen for what they are.
    for (let i = 0; i < 3; i++) {
      const next = decodeURIComponent(decoded);
      if (next === decoded) break;
      decoded = next;
    }
  } catch {
    return fallback;
  }
  for (const candidate of [target, decoded]) {
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f\\]/.test(candidate)) return fallback;
    if (!candidate.startsWith("/") || candidate.startsWith("//")) return fallback;
  }
  const url = new URL(target, "http://portal.invalid");
  if (url.origin !== "http://portal.invalid") return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `path?redirectTo=...`, only when there is somewhere other than home to go back to. */
export function withRedirectTo(path: string, redirectTo: string): string {
  return redirectTo === "/" ? path : `${path}?${new URLSearchParams({ redirectTo })}`;
}
