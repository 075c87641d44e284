import { z } from "zod";

const BASE = "http://portal.invalid";

/**
 * Where to go after sign-in: only a path on this site. Anything that a browser could resolve to
 * another host (//host, /\host, encoded or whitespace variants, schemes) falls back to home.
 *
 * The target is checked as given, then normalised by the URL parser (dot segments, `%2e`), and
 * what is RETURNED is checked again: `/.//evil.example` passes the first checks but normalises
 * to `//evil.example`, a protocol-relative URL to another host (issue 8, defect 2).
 */
export function safeRedirect(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || target.length === 0 || target.length > 2048) return fallback;
  if (!isSameSitePath(target)) return fallback;
  const url = new URL(target, BASE);
  if (url.origin !== BASE) return fallback;
  const normalised = `${url.pathname}${url.search}${url.hash}`;
  return isSameSitePath(normalised) ? normalised : fallback;
}

/**
 * A path a browser resolves on this site whatever page it is on: one leading "/" and not "//" or
 * "/\" (protocol-relative), no control characters or backslashes, neither as written nor once
 * percent-decoded (up to three times, so double-encoded variants are seen for what they are), and
 * it resolves to the same origin.
 */
export function isSameSitePath(value: string): boolean {
  let decoded = value;
  try {
    for (let i = 0; i < 3; i++) {
      const next = decodeURIComponent(decoded);
      if (next === decoded) break;
      decoded = next;
    }
  } catch {
    return false;
  }
  for (const candidate of [value, decoded]) {
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f\\]/.test(candidate)) return false;
    if (!candidate.startsWith("/") || candidate.startsWith("//")) return false;
  }
  try {
    return new URL(value, BASE).origin === BASE && new URL(value, "https://other.invalid/a/b").origin === "https://other.invalid";
  } catch {
    return false;
  }
}

/** `?redirectTo=` in a query schema: always a same-site path, home when missing or unsafe. */
export const redirectToField = z
  .string()
  .optional()
  .transform((value) => safeRedirect(value));

/** The sign-in pages' query string: where to go after signing in. */
export const redirectQuery = z.object({ redirectTo: redirectToField });

/** `path?redirectTo=...`, only when there is somewhere other than home to go back to. */
export function withRedirectTo(path: string, redirectTo: string): string {
  return redirectTo === "/" ? path : `${path}?${new URLSearchParams({ redirectTo })}`;
}
