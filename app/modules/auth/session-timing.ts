/**
 * Every session timing in one place. Idle expiry slides on use; the absolute expiry never moves.
 * The page warns this long before the session ends (GOV.UK's timeout pattern asks for at least
 * two minutes, enough to read the warning and act on it). No server imports: the browser's
 * timeout warning reads this module too.
 */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_WARNING_MS = 2 * 60 * 1000;
/** While the warning is showing, ask the server this often whether another tab kept the session. */
export const SESSION_RECHECK_MS = 30 * 1000;

/** When a session ends, as the server sees it: sent to the page (root loader, GET /session). */
export interface SessionTimes {
  /** The server's time when it answered, so the page can allow for its own clock being off. */
  now: string;
  /** Idle or absolute expiry, whichever comes first. */
  endsAt: string;
  /** True when `endsAt` is the absolute limit: staying active cannot extend the session. */
  endsAtAbsoluteLimit: boolean;
}

export function sessionTimes(session: { expiresAt: Date; absoluteExpiresAt: Date }, now: Date): SessionTimes {
  const absolute = session.absoluteExpiresAt.getTime() <= session.expiresAt.getTime();
  return {
    now: now.toISOString(),
    endsAt: (absolute ? session.absoluteExpiresAt : session.expiresAt).toISOString(),
    endsAtAbsoluteLimit: absolute,
  };
}
