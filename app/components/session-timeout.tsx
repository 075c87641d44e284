import { Form } from "@remix-run/react";
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { SESSION_ABSOLUTE_MS, SESSION_RECHECK_MS, SESSION_WARNING_MS, type SessionTimes } from "~/modules/auth/session-timing";
import { clock } from "~/utils/clock";

/**
 * The GOV.UK session timeout warning. Only with JavaScript (nothing is rendered on the server;
 * without it, the server ends the session on its own and the next request goes to sign in).
 *
 * The server is the authority on when the session ends: the root loader says so with each page,
 * and the page asks GET /session again before warning, while warning and before signing out, so a
 * session kept alive in another tab is not ended here. Its answer is read on this browser's clock
 * by the difference between the clocks measured when the page loaded.
 */

/** When the session ends, on this browser's clock. */
interface End {
  at: number;
  absolute: boolean;
}

/** "1 minute 30 seconds": the visible countdown, to the second. */
export function countdownText(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const parts = [
    minutes > 0 ? `${minutes} minute${minutes === 1 ? "" : "s"}` : null,
    seconds > 0 || minutes === 0 ? `${seconds} second${seconds === 1 ? "" : "s"}` : null,
  ];
  return parts.filter(Boolean).join(" ");
}

/** What screen readers hear: whole minutes, then every 15 seconds (each second would drown the page). */
export function spokenCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return countdownText((seconds > 60 ? Math.ceil(seconds / 60) * 60 : Math.ceil(seconds / 15) * 15) * 1000);
}

const FOCUSABLE = "button:not([disabled]), a[href], input:not([disabled]), [tabindex]:not([tabindex='-1'])";

export function SessionTimeoutWarning({ times }: { times: SessionTimes }) {
  const offset = useRef(0);
  const [end, setEnd] = useState<End | null>(null);
  const [now, setNow] = useState(() => clock.now().getTime());
  /** The end the user chose to read on past (the 12-hour limit cannot be extended). */
  const [dismissed, setDismissed] = useState<number | null>(null);
  const signingOut = useRef(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const headingId = useId();
  const bodyId = useId();

  const toLocal = useCallback((t: SessionTimes): End => ({ at: Date.parse(t.endsAt) - offset.current, absolute: t.endsAtAbsoluteLimit }), []);

  // Each page load or navigation brings the server's word (a navigation also counts as activity).
  useEffect(() => {
    offset.current = Date.parse(times.now) - clock.now().getTime();
    setEnd(toLocal(times));
  }, [times, toLocal]);

  const signOutNow = useCallback(() => {
    if (signingOut.current) return;
    signingOut.current = true;
    // The page is replaced, not kept in history, so nothing on it stays in the browser.
    void fetch("/sign-out?reason=timeout", { method: "POST", body: new URLSearchParams(), redirect: "manual", credentials: "same-origin" })
      .catch(() => null)
      .finally(() => window.location.replace("/sign-in?timedOut=1"));
  }, []);

  /** Asks the server when the session ends. Null when it has ended; undefined when the server did not answer. */
  const recheck = useCallback(async (): Promise<End | null | undefined> => {
    const response = await fetch("/session", { headers: { Accept: "application/json" }, redirect: "manual", credentials: "same-origin" }).catch(() => null);
    // Sent to sign in: the session has ended. A server that is down or busy has not said so.
    if (response?.type === "opaqueredirect") return null;
    if (!response?.ok) {
      // Go on by what this page knew (a fresh object, so the timers are set again from it).
      setEnd((known) => known && { ...known });
      return undefined;
    }
    const next = toLocal((await response.json()) as SessionTimes);
    setEnd(next);
    return next;
  }, [toLocal]);

  const warning = end !== null && end.at - now <= SESSION_WARNING_MS && dismissed !== end.at;

  useEffect(() => {
    if (!end) return;
    const left = end.at - clock.now().getTime();
    setNow(clock.now().getTime());
    if (left > SESSION_WARNING_MS) {
      const timer = setTimeout(() => void recheck().then((e) => e === null && signOutNow()), left - SESSION_WARNING_MS);
      return () => clearTimeout(timer);
    }
    const finish = async () => {
      const latest = await recheck();
      // Ended, or (server unreachable) past the end as this page knows it; else another tab kept it.
      if (latest === null || (latest ?? end).at <= clock.now().getTime()) signOutNow();
    };
    if (left <= 0) {
      void finish();
      return;
    }
    const tick = setInterval(() => setNow(clock.now().getTime()), 1000);
    const ask = setInterval(() => void recheck().then((e) => e === null && signOutNow()), SESSION_RECHECK_MS);
    const timer = setTimeout(() => void finish(), left);
    return () => {
      clearInterval(tick);
      clearInterval(ask);
      clearTimeout(timer);
    };
  }, [end, recheck, signOutNow]);

  // A tab in the background has its timers slowed: look again when it is shown.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === "visible") void recheck().then((e) => e === null && signOutNow());
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [recheck, signOutNow]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (warning && !element.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
      (element.querySelector<HTMLElement>(FOCUSABLE) ?? element).focus();
    } else if (!warning && element.open) {
      element.close();
      returnFocus.current?.focus();
    }
  }, [warning]);

  const stay = useCallback(async () => {
    if (end?.absolute) {
      setDismissed(end.at);
      return;
    }
    const response = await fetch("/session", { method: "POST", body: new URLSearchParams(), redirect: "manual", credentials: "same-origin" }).catch(() => null);
    if (response?.status === 204) {
      if ((await recheck()) === null) signOutNow();
    } else if (response?.type === "opaqueredirect") {
      signOutNow();
    }
  }, [end, recheck, signOutNow]);

  // Focus stays in the dialog: Tab from the last control goes to the first, and back.
  const trapFocus = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== "Tab") return;
    const controls = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = controls[0];
    const last = controls[controls.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  if (!end) return null;
  const left = end.at - now;
  return (
    <dialog
      ref={dialog}
      className="app-timeout-dialog"
      aria-labelledby={headingId}
      aria-describedby={bodyId}
      onKeyDown={trapFocus}
      // Escape is "Stay signed in", not a silent close.
      onCancel={(event) => {
        event.preventDefault();
        void stay();
      }}
      // The browser may close it without a cancellable event (Escape pressed twice): that too is staying.
      onClose={() => {
        if (warning) void stay();
      }}
    >
      <h2 id={headingId} className="govuk-heading-m">
        You&apos;ll be signed out soon
      </h2>
      <div id={bodyId}>
        <p className="govuk-body" aria-hidden="true">
          To protect the information, you will be signed out in <strong>{countdownText(left)}</strong>.
        </p>
        <p className="govuk-visually-hidden" aria-live="polite" aria-atomic="true">
          {warning ? `To protect the information, you will be signed out in ${spokenCountdown(left)}.` : ""}
        </p>
        <p className="govuk-body">
          {end.absolute
            ? `You have been signed in for ${SESSION_ABSOLUTE_MS / 3_600_000} hours, the longest a session can last. Save your work, then sign in again.`
            : "Anything you have not saved will be lost."}
        </p>
      </div>
      <div className="govuk-button-group">
        <button type="button" className="govuk-button" data-module="govuk-button" onClick={() => void stay()}>
          {end.absolute ? "Continue" : "Stay signed in"}
        </button>
        <Form method="post" action="/sign-out" className="app-inline-form">
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Sign out
          </button>
        </Form>
      </div>
    </dialog>
  );
}
