import type { ShouldRevalidateFunction } from "@remix-run/react";

/**
 * For question pages: after an action that found the draft already sent, keep the page as it is
 * (its loader would now answer 404) so the notice and the user's typed values stay on screen.
 */
export const keepPageWhenDraftSent: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  actionResult && typeof actionResult === "object" && "stale" in actionResult && actionResult.stale === true ? false : defaultShouldRevalidate;
