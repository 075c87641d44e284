/**
 * Email addresses are stored and compared lower-cased and trimmed, so "Ada@Example.gov" and
 * " ada@example.gov" are one account (and one throttle key). Shared by sign-in and administration.
 */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
