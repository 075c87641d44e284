import { randomUUID } from "node:crypto";
import type { TargetKind } from "./targets";
import type { MatrixWorld } from "./world";

/** One row per target: a code per principal (see probe.ts), in the order of the header. */
export type Rows = Record<string, string>;

export interface Entry {
  /** Which records the route is asked about (targets.ts). */
  targets: TargetKind;
  /** Route params that are not the record, e.g. an entity kind. */
  params?: Record<string, string>;
  /** A query string to send. */
  query?: string;
  loader?: Rows;
  /** The action of a route whose action has no intents. */
  action?: Rows;
  /** The action's intents, each with its rows. */
  intents?: Record<string, Rows>;
  /**
   * Form fields for an intent (or "action"), given the world and the target's side. Without them the
   * matrix posts only the intent: an incomplete form, so an allowed principal gets V and nothing
   * changes. Give a complete form where the action would otherwise answer V before asking who you are.
   */
  forms?: Record<string, (w: MatrixWorld, side: MatrixWorld["A"]) => Record<string, string | string[]>>;
  /** The action ends the session it is called with: give each probe a session of its own. */
  freshSession?: boolean;
  /** The action changes the submission it acts on: each intent gets new submissions (no test depends on another). */
  freshSubmissions?: boolean;
}

/**
 * THE AUTHORIZATION MATRIX: what every route answers to whom (issue 8, "close the classes").
 *
 * Keys are file names in app/routes. The tests (matrix-*.test.ts) discover the routes from
 * app/routes and the intents from each route's source, and fail, saying what to add here, when a
 * route, a loader, an action or an intent has no entry. Adding one is adding its rows.
 *
 * Each row is one target record (targets.ts): "A" is a record of side A (world.ts: force A and
 * council A under agreement A), "B" one of side B; "-" for routes without a record. The columns are
 * the principals, one per role on each side, and signed out:
 *   out  signed out                     anA/anB    police analyst, force A / B
 *   subA/subB  partner submitter, council A / B   supA/supB  intelligence supervisor, force A / B
 *   mgrA/mgrB  partner manager, council A / B     dpoA/dpoB  DPO, council A / B; dpoP DPO, force A
 *   (partner managers and supervisors are agreement signatories, as in the demo region)
 *   admA/admB  system administrator, force A / council B
 * So for an "A" row the A columns are a party organisation (own or partner record) and the B
 * columns a non-party organisation (an unrelated record), and the other way round for "B".
 *
 * Codes (probe.ts): Y allowed (2xx, or a redirect that is not to sign-in); V the form came back with
 * errors; N 404; F 403; S redirect to sign-in. Anything else (500, an exception) never belongs here.
 * Actions are posted an incomplete form (only the intent) unless `forms` gives one, so an allowed
 * principal gets V and nothing changes; a refused one gets N, F or S before the form is read.
 *
 * Before writing a row from a failure message's "observed" line, check every code against the
 * design in app/modules/authorization: a row copied from a leak makes the leak the specification.
 */
export const MATRIX: Record<string, Entry> = {
  "_index.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y",
    },
  },
  "account._index.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y",
    },
    intents: {
      "end-session": {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "-": "S    V    V    V    V    V    V    V    V    V    V    V    V    V",
      },
      "end-other-sessions": {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "-": "S    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y",
      },
    },
  },
  "account.password.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    V    V    V    V    V    V    V    V    V    V    V    V    V",
    },
  },
  "account.recovery-codes.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    V    V    V    V    V    V    V    V    V    V    V    V    V",
    },
  },
  "activate.$token.tsx": {
    targets: "none",
    // A well-formed link nobody was given: the page says the link is not valid (a malformed one is 404).
    params: { token: "abcdefghijklmnopqrstuvwxyz234567" },
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "V    V    V    V    V    V    V    V    V    V    V    V    V    V",
    },
  },
  "admin._index.tsx": {
    // The administration area answers 404 to everyone else (its existence is not confirmed).
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    N    N    N    N    N    N    N    N    N    N    N    Y    Y",
    },
  },
  "admin.organisations.$id.tsx": {
    targets: "organisation",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    N    N    N    N    N    N    N    N    N    N    N    Y    Y",
      "B": "S    N    N    N    N    N    N    N    N    N    N    N    Y    Y",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    N    N    N    N    N    N    N    N    N    N    N    V    V",
      "B": "S    N    N    N    N    N    N    N    N    N    N    N    V    V",
    },
  },
  "admin.organisations._index.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    N    N    N    N    N    N    N    N    N    N    N    Y    Y",
    },
  },
  "admin.organisations.new.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    N    N    N    N    N    N    N    N    N    N    N    Y    Y",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    N    N    N    N    N    N    N    N    N    N    N    V    V",
    },
  },
  "admin.users.$id._index.tsx": {
    targets: "user",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    N    N    N    N    N    N    N    N    N    N    N    Y    Y",
      "B": "S    N    N    N    N    N    N    N    N    N    N    N    Y    Y",
    },
    intents: {
      "enable": {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "A": "S    N    N    N    N    N    N    N    N    N    N    N    Y    Y",
        "B": "S    N    N    N    N    N    N    N    N    N    N    N    Y    Y",
      },
      "activation-link": {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "A": "S    N    N    N    N    N    N    N    N    N    N    N    Y    Y",
        "B": "S    N    N    N    N    N    N    N    N    N    N    N    Y    Y",
      },
    },
  },
  "admin.users.$id.disable.tsx": {
    // Confirmation pages: a reason is required, so an incomplete form comes back with errors.
    targets: "user",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    N    N    N    N    N    N    N    N    N    N    N    Y    Y",
      "B": "S    N    N    N    N    N    N    N    N    N    N    N    Y    Y",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    N    N    N    N    N    N    N    N    N    N    N    V    V",
      "B": "S    N    N    N    N    N    N    N    N    N    N    N    V    V",
    },
  },
  "admin.users.$id.reset-mfa.tsx": {
    // Confirmation pages: a reason is required, so an incomplete form comes back with errors.
    targets: "user",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    N    N    N    N    N    N    N    N    N    N    N    Y    Y",
      "B": "S    N    N    N    N    N    N    N    N    N    N    N    Y    Y",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    N    N    N    N    N    N    N    N    N    N    N    V    V",
      "B": "S    N    N    N    N    N    N    N    N    N    N    N    V    V",
    },
  },
  "admin.users.$id.edit.tsx": {
    targets: "user",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    N    N    N    N    N    N    N    N    N    N    N    Y    Y",
      "B": "S    N    N    N    N    N    N    N    N    N    N    N    Y    Y",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    N    N    N    N    N    N    N    N    N    N    N    V    V",
      "B": "S    N    N    N    N    N    N    N    N    N    N    N    V    V",
    },
  },
  "admin.users._index.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    N    N    N    N    N    N    N    N    N    N    N    Y    Y",
    },
  },
  "admin.users.new.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    N    N    N    N    N    N    N    N    N    N    N    Y    Y",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    N    N    N    N    N    N    N    N    N    N    N    V    V",
    },
  },
  "agreements.$id._index.tsx": {
    targets: "agreement",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    Y    N    Y    N    Y    N    Y    N    Y    Y    N    N    N",
      "B": "S    N    Y    N    Y    N    Y    N    Y    N    N    Y    N    N",
    },
    intents: {
      "submit-for-signature": {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "A": "S    F    N    V    N    F    N    V    N    V    V    N    N    N",
        "B": "S    N    F    N    V    N    F    N    V    N    N    V    N    N",
      },
    },
  },
  "agreements.$id.amend.tsx": {
    targets: "agreement",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    F    N    Y    N    F    N    Y    N    Y    Y    N    N    N",
      "B": "S    N    F    N    Y    N    F    N    Y    N    N    Y    N    N",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    F    N    V    N    F    N    V    N    V    V    N    N    N",
      "B": "S    N    F    N    V    N    F    N    V    N    N    V    N    N",
    },
  },
  "agreements.$id.edit.tsx": {
    targets: "agreement",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    F    N    Y    N    F    N    Y    N    Y    Y    N    N    N",
      "B": "S    N    F    N    Y    N    F    N    Y    N    N    Y    N    N",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    F    N    V    N    F    N    V    N    V    V    N    N    N",
      "B": "S    N    F    N    V    N    F    N    V    N    N    V    N    N",
    },
  },
  "agreements.$id.print.tsx": {
    targets: "agreement",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    Y    N    Y    N    Y    N    Y    N    Y    Y    N    N    N",
      "B": "S    N    Y    N    Y    N    Y    N    Y    N    N    Y    N    N",
    },
  },
  "agreements.$id.reinstate.tsx": {
    // The matrix's agreements are in force, not suspended: only an organisation holding an open
    // suspension may lift it (tests/agreements/suspensions.test.ts covers the allowed case), so 403.
    targets: "agreement",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    F    N    F    N    F    N    F    N    F    F    N    N    N",
      "B": "S    N    F    N    F    N    F    N    F    N    N    F    N    N",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    F    N    F    N    F    N    F    N    F    F    N    N    N",
      "B": "S    N    F    N    F    N    F    N    F    N    N    F    N    N",
    },
  },
  "agreements.$id.review.tsx": {
    targets: "agreement",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    F    N    Y    N    F    N    Y    N    Y    Y    N    N    N",
      "B": "S    N    F    N    Y    N    F    N    Y    N    N    Y    N    N",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    F    N    V    N    F    N    V    N    V    V    N    N    N",
      "B": "S    N    F    N    V    N    F    N    V    N    N    V    N    N",
    },
  },
  "agreements.$id.revoke.tsx": {
    targets: "agreement",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    F    N    F    N    F    N    Y    N    Y    Y    N    N    N",
      "B": "S    N    F    N    F    N    F    N    Y    N    N    Y    N    N",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    F    N    F    N    F    N    V    N    V    V    N    N    N",
      "B": "S    N    F    N    F    N    F    N    V    N    N    V    N    N",
    },
  },
  "agreements.$id.sign.tsx": {
    // Partner managers and supervisors here are signatories; the party's own may sign (V: the form is incomplete).
    targets: "agreementAwaitingSignatures",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    F    N    Y    N    F    N    Y    N    F    F    N    N    N",
      "B": "S    N    F    N    Y    N    F    N    Y    N    N    F    N    N",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    F    N    V    N    F    N    V    N    F    F    N    N    N",
      "B": "S    N    F    N    V    N    F    N    V    N    N    F    N    N",
    },
  },
  "agreements.$id.suspend.tsx": {
    targets: "agreement",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    F    N    F    N    F    N    Y    N    Y    Y    N    N    N",
      "B": "S    N    F    N    F    N    F    N    Y    N    N    Y    N    N",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    F    N    F    N    F    N    V    N    V    V    N    N    N",
      "B": "S    N    F    N    F    N    F    N    V    N    N    V    N    N",
    },
  },
  "agreements.$id.versions.$number.tsx": {
    targets: "agreement",
    params: { number: "1" },
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    Y    N    Y    N    Y    N    Y    N    Y    Y    N    N    N",
      "B": "S    N    Y    N    Y    N    Y    N    Y    N    N    Y    N    N",
    },
  },
  "agreements._index.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    F    F",
    },
  },
  "agreements.new.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    F    F    Y    Y    F    F    Y    Y    Y    Y    Y    F    F",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    F    F    V    V    F    F    V    V    V    V    V    F    F",
    },
  },
  "approvals.roles._index.tsx": {
    // Role requests are decided by supervisors (police roles), partner managers (partner roles) and
    // DPOs (DPO and administrator roles); anyone else is told nothing (404).
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    N    N    Y    Y    N    N    Y    Y    Y    Y    Y    N    N",
    },
  },
  "approvals.roles.$id.tsx": {
    // A request id nobody holds: no one learns whether it exists. The action asks whether the request
    // is there and the approver's to decide before it reads the form, so an approver's incomplete
    // form gets 404 too, not field errors that confirm the page (issue 8, point b).
    targets: "none",
    params: { id: "00000000-0000-4000-8000-000000000000" },
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    N    N    N    N    N    N    N    N    N    N    N    N    N",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    N    N    N    N    N    N    N    N    N    N    N    N    N",
    },
  },
  "audit._index.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    F    F    F    F    F    F    F    F    Y    Y    Y    Y    Y",
    },
  },
  "audit.agreements.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    F    F    F    F    F    F    F    F    Y    Y    Y    F    F",
    },
  },
  "audit.events.$id.tsx": {
    targets: "auditEvent",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    F    F    F    F    F    F    F    F    Y    Y    N    N    N",
      "B": "S    F    F    F    F    F    F    F    F    N    N    Y    N    N",
    },
  },
  "audit.events._index.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    F    F    F    F    F    F    F    F    Y    Y    Y    Y    Y",
    },
  },
  "audit.export.tsx": {
    // GET only redirects to the audit search; the export is the POST.
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    F    F    F    F    F    F    F    F    Y    Y    Y    Y    Y",
    },
  },
  "audit.integrity.checkpoints.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    F    F    F    F    F    F    F    F    Y    Y    Y    Y    Y",
    },
  },
  "audit.integrity.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    F    F    F    F    F    F    F    F    Y    Y    Y    Y    Y",
    },
    intents: {
      "verify": {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "-": "S    F    F    F    F    F    F    F    F    Y    Y    Y    Y    Y",
      },
      "checkpoint": {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "-": "S    F    F    F    F    F    F    F    F    Y    Y    Y    Y    Y",
      },
    },
  },
  "audit.records.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    F    F    F    F    F    F    F    F    Y    Y    Y    F    F",
    },
  },
  "audit.unusual.$kind.tsx": {
    targets: "none",
    params: { kind: "denied" },
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    F    F    F    F    F    F    F    F    Y    Y    Y    F    F",
    },
  },
  "audit.unusual._index.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    F    F    F    F    F    F    F    F    Y    Y    Y    F    F",
    },
  },
  "dpo.retention.$id.tsx": {
    targets: "submission",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    F    F    F    F    F    F    F    F    Y    Y    N    F    F",
      "B": "S    F    F    F    F    F    F    F    F    N    N    Y    F    F",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    F    F    F    F    F    F    F    F    V    V    N    F    F",
      "B": "S    F    F    F    F    F    F    F    F    N    N    V    F    F",
    },
  },
  "dpo.retention._index.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    F    F    F    F    F    F    F    F    Y    Y    Y    F    F",
    },
  },
  "dpo.subject-access.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    F    F    F    F    F    F    F    F    Y    Y    Y    F    F",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    F    F    F    F    F    F    F    F    V    V    V    F    F",
    },
  },
  "intelligence.$id.export.tsx": {
    targets: "submission",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    Y    N    Y    N    Y    N    Y    N    N    N    N    N    N",
      "B": "S    N    Y    N    Y    N    Y    N    Y    N    N    N    N    N",
    },
  },
  "search.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    Y    Y    Y    Y    Y    Y    Y    Y    F    F    F    F    F",
    },
  },
  "sign-in._index.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "V    V    V    V    V    V    V    V    V    V    V    V    V    V",
    },
  },
  "sign-in.code.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y",
    },
  },
  "sign-in.enrol.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y",
    },
  },
  "sign-in.recovery.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y",
    },
  },
  "sign-out.tsx": {
    // Signing out ends the session and sends everyone to sign in (S) on purpose.
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    S    S    S    S    S    S    S    S    S    S    S    S    S",
    },
    freshSession: true,
  },
  "submissions.$id._index.tsx": {
    // Police are sent to the triage page for any id (Y: a redirect, before any lookup); it decides there.
    targets: "submission",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    Y    N    Y    N    Y    Y    Y    Y    N    N    N    N    N",
      "B": "S    N    Y    N    Y    Y    Y    Y    Y    N    N    N    N    N",
    },
  },
  "submissions.$id.agreement.tsx": {
    targets: "draft",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    Y    N    N    N    F    F    F    F    F    F    F    F    F",
      "B": "S    N    Y    N    N    F    F    F    F    F    F    F    F    F",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    V    N    N    N    F    F    F    F    F    F    F    F    F",
      "B": "S    N    V    N    N    F    F    F    F    F    F    F    F    F",
    },
  },
  "submissions.$id.check.tsx": {
    targets: "draft",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    Y    N    N    N    F    F    F    F    F    F    F    F    F",
      "B": "S    N    Y    N    N    F    F    F    F    F    F    F    F    F",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    V    N    N    N    F    F    F    F    F    F    F    F    F",
      "B": "S    N    V    N    N    F    F    F    F    F    F    F    F    F",
    },
  },
  "submissions.$id.confirmation.tsx": {
    // The submitting organisation's partners, and the party force's police (who may read it), see the partner view.
    targets: "submission",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    Y    N    Y    N    Y    N    Y    N    N    N    N    N    N",
      "B": "S    N    Y    N    Y    N    Y    N    Y    N    N    N    N    N",
    },
  },
  "submissions.$id.entities.$kind.tsx": {
    targets: "draft",
    params: { kind: "phone" },
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    Y    N    N    N    F    F    F    F    F    F    F    F    F",
      "B": "S    N    Y    N    N    F    F    F    F    F    F    F    F    F",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    V    N    N    N    F    F    F    F    F    F    F    F    F",
      "B": "S    N    V    N    N    F    F    F    F    F    F    F    F    F",
    },
  },
  "submissions.$id.entities._index.tsx": {
    targets: "draft",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    Y    N    N    N    F    F    F    F    F    F    F    F    F",
      "B": "S    N    Y    N    N    F    F    F    F    F    F    F    F    F",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    Y    N    N    N    F    F    F    F    F    F    F    F    F",
      "B": "S    N    Y    N    N    F    F    F    F    F    F    F    F    F",
    },
  },
  "submissions.$id.grading.tsx": {
    targets: "draft",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    Y    N    N    N    F    F    F    F    F    F    F    F    F",
      "B": "S    N    Y    N    N    F    F    F    F    F    F    F    F    F",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    V    N    N    N    F    F    F    F    F    F    F    F    F",
      "B": "S    N    V    N    N    F    F    F    F    F    F    F    F    F",
    },
  },
  "submissions.$id.sharing.tsx": {
    targets: "draft",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    Y    N    N    N    F    F    F    F    F    F    F    F    F",
      "B": "S    N    Y    N    N    F    F    F    F    F    F    F    F    F",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    V    N    N    N    F    F    F    F    F    F    F    F    F",
      "B": "S    N    V    N    N    F    F    F    F    F    F    F    F    F",
    },
  },
  "submissions.$id.what.tsx": {
    targets: "draft",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    Y    N    N    N    F    F    F    F    F    F    F    F    F",
      "B": "S    N    Y    N    N    F    F    F    F    F    F    F    F    F",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    V    N    N    N    F    F    F    F    F    F    F    F    F",
      "B": "S    N    V    N    N    F    F    F    F    F    F    F    F    F",
    },
  },
  "submissions.$id.where.tsx": {
    targets: "draft",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    Y    N    N    N    F    F    F    F    F    F    F    F    F",
      "B": "S    N    Y    N    N    F    F    F    F    F    F    F    F    F",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    V    N    N    N    F    F    F    F    F    F    F    F    F",
      "B": "S    N    V    N    N    F    F    F    F    F    F    F    F    F",
    },
  },
  "submissions._index.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    Y    Y    Y    Y    F    F    F    F    F    F    F    F    F",
    },
  },
  "submissions.new.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    Y    Y    Y    Y    F    F    F    F    F    F    F    F    F",
    },
  },
  "triage._index.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    F    F    F    F    Y    Y    Y    Y    F    F    F    F    F",
    },
  },
  "triage.approvals.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    F    F    F    F    F    F    Y    Y    F    F    F    F    F",
    },
  },
  // --- threats ---
  // Threat records are police-only (rules/threats.ts): the owning force's analysts and supervisors;
  // everyone else, partners included, gets 404 for a record (a partner's share of a threat is shown
  // on the plans pages, never here). Recording a threat is refused by role (403), as the list is.
  // Actions are posted incomplete forms: the allowed get V, nothing changes.
  "threats.$id._index.tsx": {
    targets: "threat",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    N    N    N    N    Y    N    Y    N    N    N    N    N    N",
      "B": "S    N    N    N    N    N    Y    N    Y    N    N    N    N    N",
    },
    intents: {
      "status": {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "A": "S    N    N    N    N    V    N    V    N    N    N    N    N    N",
        "B": "S    N    N    N    N    N    V    N    V    N    N    N    N    N",
      },
    },
  },
  "threats.$id.chart.tsx": {
    targets: "threat",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    N    N    N    N    Y    N    Y    N    N    N    N    N    N",
      "B": "S    N    N    N    N    N    Y    N    Y    N    N    N    N    N",
    },
  },
  "threats.$id.edit.tsx": {
    targets: "threat",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    N    N    N    N    Y    N    Y    N    N    N    N    N    N",
      "B": "S    N    N    N    N    N    Y    N    Y    N    N    N    N    N",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    N    N    N    N    V    N    V    N    N    N    N    N    N",
      "B": "S    N    N    N    N    N    V    N    V    N    N    N    N    N",
    },
  },
  "threats.$id.entities.tsx": {
    targets: "threat",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    N    N    N    N    Y    N    Y    N    N    N    N    N    N",
      "B": "S    N    N    N    N    N    Y    N    Y    N    N    N    N    N",
    },
    intents: {
      "add": {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "A": "S    N    N    N    N    V    N    V    N    N    N    N    N    N",
        "B": "S    N    N    N    N    N    V    N    V    N    N    N    N    N",
      },
      "update": {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "A": "S    N    N    N    N    V    N    V    N    N    N    N    N    N",
        "B": "S    N    N    N    N    N    V    N    V    N    N    N    N    N",
      },
      "remove": {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "A": "S    N    N    N    N    V    N    V    N    N    N    N    N    N",
        "B": "S    N    N    N    N    N    V    N    V    N    N    N    N    N",
      },
    },
  },
  "threats.$id.score.tsx": {
    targets: "threat",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    N    N    N    N    Y    N    Y    N    N    N    N    N    N",
      "B": "S    N    N    N    N    N    Y    N    Y    N    N    N    N    N",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    N    N    N    N    V    N    V    N    N    N    N    N    N",
      "B": "S    N    N    N    N    N    V    N    V    N    N    N    N    N",
    },
  },
  "threats._index.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    F    F    F    F    Y    Y    Y    Y    F    F    F    F    F",
    },
  },
  "threats.new.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    F    F    F    F    Y    Y    Y    Y    F    F    F    F    F",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    F    F    F    F    V    V    V    V    F    F    F    F    F",
    },
  },
  // --- hometasks ---
  // Work allocation: analysts and supervisors of the force claim or assign an open submission shared
  // with it; the other force's do not find it (404); everyone else is refused the area (403), before
  // the form is read. Without a form token the allowed get the form back (V).
  "triage.$id_.assign.tsx": {
    targets: "submission",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    F    F    F    F    Y    N    Y    N    F    F    F    F    F",
      "B": "S    F    F    F    F    N    Y    N    Y    F    F    F    F    F",
    },
    intents: {
      claim: {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "A": "S    F    F    F    F    V    N    V    N    F    F    F    F    F",
        "B": "S    F    F    F    F    N    V    N    V    F    F    F    F    F",
      },
      assign: {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "A": "S    F    F    F    F    V    N    V    N    F    F    F    F    F",
        "B": "S    F    F    F    F    N    V    N    V    F    F    F    F    F",
      },
    },
  },
  // --- dissemination ---
  "disseminations._index.tsx": {
    // The force's analysts and supervisors; partners read theirs in /inbox.
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    F    F    F    F    Y    Y    Y    Y    F    F    F    F    F",
    },
  },
  "disseminations.new.tsx": {
    // Police analysts draft from their own force's threat; supervisors approve, never draft.
    targets: "threatToDisseminate",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    F    F    F    F    Y    N    F    F    F    F    F    F    F",
      "B": "S    F    F    F    F    N    Y    F    F    F    F    F    F    F",
    },
    intents: {
      terms: {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "A": "S    F    F    F    F    V    N    F    F    F    F    F    F    F",
        "B": "S    F    F    F    F    N    V    F    F    F    F    F    F    F",
      },
      create: {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "A": "S    F    F    F    F    V    N    F    F    F    F    F    F    F",
        "B": "S    F    F    F    F    N    V    F    F    F    F    F    F    F",
      },
    },
  },
  "disseminations.approvals.tsx": {
    // Four eyes: intelligence supervisors only.
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    F    F    F    F    F    F    Y    Y    F    F    F    F    F",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    F    F    F    F    F    F    V    V    F    F    F    F    F",
    },
  },
  "disseminations.$id.tsx": {
    // The sending force's view: read receipts and requests; another force's is not there.
    targets: "dissemination",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    F    F    F    F    Y    N    Y    N    F    F    F    F    F",
      "B": "S    F    F    F    F    N    Y    N    Y    F    F    F    F    F",
    },
    intents: {
      answer: {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "A": "S    F    F    F    F    V    N    V    N    F    F    F    F    F",
        "B": "S    F    F    F    F    N    V    N    V    F    F    F    F    F",
      },
    },
  },
  "inbox._index.tsx": {
    // Anyone who may receive for their organisation (police too: a unit can be a recipient).
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    Y    Y    Y    Y    Y    Y    Y    Y    F    F    F    F    F",
    },
  },
  "inbox.$id.tsx": {
    // Only the recipient organisation's users, while the agreement it was sent under is in force.
    targets: "dissemination",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    Y    N    Y    N    N    N    N    N    F    F    F    F    F",
      "B": "S    N    Y    N    Y    N    N    N    N    F    F    F    F    F",
    },
    intents: {
      acknowledge: {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "A": "S    V    N    V    N    N    N    N    N    F    F    F    F    F",
        "B": "S    N    V    N    V    N    N    N    N    F    F    F    F    F",
      },
      request: {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "A": "S    V    N    V    N    N    N    N    N    F    F    F    F    F",
        "B": "S    N    V    N    V    N    N    N    N    F    F    F    F    F",
      },
    },
  },
  // --- plans: 4P plans, Clear, Hold, Build and outcomes (issue 9) ---
  // Partners reach only actions their organisation owns, and area plans they are involved in, under
  // an agreement in force; police analysts and supervisors plan for their own force; DPOs and
  // administrators get nothing here (403 for areas, 404 for records).
  "actions.$id.tsx": {
    targets: "planAction",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    Y    N    Y    N    Y    N    Y    N    N    N    N    N    N",
      "B": "S    N    Y    N    Y    N    Y    N    Y    N    N    N    N    N",
    },
    intents: {
      "progress": {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "A": "S    V    N    V    N    V    N    V    N    N    N    N    N    N",
        "B": "S    N    V    N    V    N    V    N    V    N    N    N    N    N",
      },
      "edit": {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "A": "S    F    N    F    N    V    N    V    N    N    N    N    N    N",
        "B": "S    N    F    N    F    N    V    N    V    N    N    N    N    N",
      },
    },
  },
  "actions._index.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    Y    Y    Y    Y    Y    Y    Y    Y    F    F    F    F    F",
    },
  },
  // An involved partner knows the plan: a change is 403 for it, 404 for everyone else outside the force.
  "area-plans.$id.tsx": {
    targets: "areaPlan",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    Y    N    Y    N    Y    N    Y    N    N    N    N    N    N",
      "B": "S    N    Y    N    Y    N    Y    N    Y    N    N    N    N    N",
    },
    intents: {
      "achieved": {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "A": "S    F    N    F    N    V    N    V    N    N    N    N    N    N",
        "B": "S    N    F    N    F    N    V    N    V    N    N    N    N    N",
      },
      "addAction": {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "A": "S    F    N    F    N    V    N    V    N    N    N    N    N    N",
        "B": "S    N    F    N    F    N    V    N    V    N    N    N    N    N",
      },
      "milestone": {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "A": "S    F    N    F    N    V    N    V    N    N    N    N    N    N",
        "B": "S    N    F    N    F    N    V    N    V    N    N    N    N    N",
      },
      "phase": {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "A": "S    F    N    F    N    V    N    V    N    N    N    N    N    N",
        "B": "S    N    F    N    F    N    V    N    V    N    N    N    N    N",
      },
    },
  },
  "area-plans._index.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    Y    Y    Y    Y    Y    Y    Y    Y    F    F    F    F    F",
    },
  },
  "area-plans.new.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    F    F    F    F    Y    Y    Y    Y    F    F    F    F    F",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    F    F    F    F    V    V    V    V    F    F    F    F    F",
    },
  },
  "outcomes._index.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    F    F    F    F    Y    Y    Y    Y    F    F    F    F    F",
    },
  },
  "outcomes.new.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    F    F    F    F    Y    Y    Y    Y    F    F    F    F    F",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    F    F    F    F    V    V    V    V    F    F    F    F    F",
    },
  },
  "threats.$id_.plan.tsx": {
    targets: "threat",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    F    F    F    F    Y    N    Y    N    F    F    F    F    F",
      "B": "S    F    F    F    F    N    Y    N    Y    F    F    F    F    F",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    F    F    F    F    V    N    V    N    F    F    F    F    F",
      "B": "S    F    F    F    F    N    V    N    V    F    F    F    F    F",
    },
  },
  // --- dashboards (issue 9: dashboard, profiles, good practice) ---
  "dashboard.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    Y    Y    Y    Y    Y    Y    Y    Y    F    F    F    F    F",
    },
  },
  "profiles._index.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y",
    },
    intents: {
      "start": {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "-": "S    F    F    F    F    V    V    V    V    F    F    F    F    F",
      },
    },
  },
  "good-practice.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y",
    },
    intents: {
      "record": {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "-": "S    V    V    V    V    V    V    V    V    F    F    F    F    F",
      },
    },
  },
  "profiles.$id.tsx": {
    targets: "profile",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    Y    N    Y    N    Y    N    Y    N    N    N    N    N    N",
      "B": "S    N    Y    N    Y    N    Y    N    Y    N    N    N    N    N",
    },
    intents: {
      "draft": {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "A": "S    F    N    F    N    V    N    V    N    N    N    N    N    N",
        "B": "S    N    F    N    F    N    V    N    V    N    N    N    N    N",
      },
      "submit": {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "A": "S    F    N    F    N    V    N    V    N    N    N    N    N    N",
        "B": "S    N    F    N    F    N    V    N    V    N    N    N    N    N",
      },
      "decide": {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "A": "S    F    N    F    N    F    N    V    N    N    N    N    N    N",
        "B": "S    N    F    N    F    N    F    N    V    N    N    N    N    N",
      },
    },
  },
  // --- assessment ---
  // The assessment of one submission: a summary and a sub-page per task (issue 10). Every page is
  // the police of a party's; the other force's police get 404, as for a record that does not exist.
  "triage.$id._index.tsx": {
    targets: "submission",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    F    F    F    F    Y    N    Y    N    F    F    F    F    F",
      "B": "S    F    F    F    F    N    Y    N    Y    F    F    F    F    F",
    },
  },
  "triage.$id.history.tsx": {
    targets: "submission",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    F    F    F    F    Y    N    Y    N    F    F    F    F    F",
      "B": "S    F    F    F    F    N    Y    N    Y    F    F    F    F    F",
    },
  },
  "triage.$id.assess.tsx": {
    targets: "submission",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    F    F    F    F    Y    N    Y    N    F    F    F    F    F",
      "B": "S    F    F    F    F    N    Y    N    Y    F    F    F    F    F",
    },
    intents: {
      // The supervisor's status change and NFA find the analyst's already done: V.
      assessment: {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "A": "S    F    F    F    F    Y    N    Y    N    F    F    F    F    F",
        "B": "S    F    F    F    F    N    Y    N    Y    F    F    F    F    F",
      },
      status: {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "A": "S    F    F    F    F    Y    N    V    N    F    F    F    F    F",
        "B": "S    F    F    F    F    N    Y    N    V    F    F    F    F    F",
      },
      nfa: {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "A": "S    F    F    F    F    Y    N    V    N    F    F    F    F    F",
        "B": "S    F    F    F    F    N    Y    N    V    F    F    F    F    F",
      },
    },
    freshSubmissions: true,
    // Complete forms with a one-time token of their own, so that allowed principals get Y (the action
    // asks who may act before it reads the form; tests/intelligence/routes.test.ts checks a refused
    // one never sees field errors). Each intent gets new submissions; on each, the analyst acts first.
    forms: {
      assessment: () => ({ analystSourceEvaluation: "RELIABLE", analystIntelligenceAssessment: "B", analystHandlingCode: "P", riskLevel: "3", formToken: randomUUID() }),
      status: () => ({ status: "BEING_ASSESSED", formToken: randomUUID() }),
      nfa: () => ({ reason: "Already known; nothing further to do", formToken: randomUUID() }),
    },
  },
  "triage.$id.link.tsx": {
    targets: "submission",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    F    F    F    F    Y    N    Y    N    F    F    F    F    F",
      "B": "S    F    F    F    F    N    Y    N    Y    F    F    F    F    F",
    },
    intents: {
      linkThreat: {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "A": "S    F    F    F    F    Y    N    Y    N    F    F    F    F    F",
        "B": "S    F    F    F    F    N    Y    N    Y    F    F    F    F    F",
      },
      createThreat: {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "A": "S    F    F    F    F    Y    N    Y    N    F    F    F    F    F",
        "B": "S    F    F    F    F    N    Y    N    Y    F    F    F    F    F",
      },
    },
    freshSubmissions: true,
    // Complete forms with a one-time token of their own, so that allowed principals get Y (the action
    // asks who may act before it reads the form; tests/intelligence/routes.test.ts checks a refused
    // one never sees field errors). Each intent gets new submissions; on each, the analyst acts first.
    forms: {
      linkThreat: (_, side) => ({ threatId: side.threat.id, formToken: randomUUID() }),
      createThreat: (_, side) => ({ title: "County line into town", threatType: "COUNTY_LINES", areaIds: side.area.id, leadAnalystId: side.analyst.id, formToken: randomUUID() }),
    },
  },
  "triage.$id.sanitise.tsx": {
    targets: "submission",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    F    F    F    F    Y    N    Y    N    F    F    F    F    F",
      "B": "S    F    F    F    F    N    Y    N    Y    F    F    F    F    F",
    },
    intents: {
      sanitise: {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "A": "S    F    F    F    F    Y    N    Y    N    F    F    F    F    F",
        "B": "S    F    F    F    F    N    Y    N    Y    F    F    F    F    F",
      },
      // Only the party's supervisor (four eyes: the analyst wrote the version); the other force's is
      // told in the form, as for a version that does not exist; every other role is refused (403).
      decide: {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "A": "S    F    F    F    F    F    F    Y    V    F    F    F    F    F",
        "B": "S    F    F    F    F    F    F    V    Y    F    F    F    F    F",
      },
    },
    freshSubmissions: true,
    // Complete forms with a one-time token of their own, so that allowed principals get Y (the action
    // asks who may act before it reads the form; tests/intelligence/routes.test.ts checks a refused
    // one never sees field errors). Each intent gets new submissions; on each, the analyst acts first.
    forms: {
      sanitise: () => ({ text: "Sanitised: a flat in the town centre is used to deal drugs.", formToken: randomUUID() }),
      decide: (_, side) => ({ sanitisedId: side.sanitised.id, decision: "reject", decisionNote: "Identifies the source", formToken: randomUUID() }),
    },
  },
  "triage.$id.feedback.tsx": {
    targets: "submission",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    F    F    F    F    Y    N    Y    N    F    F    F    F    F",
      "B": "S    F    F    F    F    N    Y    N    Y    F    F    F    F    F",
    },
    intents: {
      feedback: {
        //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
        "A": "S    F    F    F    F    Y    N    Y    N    F    F    F    F    F",
        "B": "S    F    F    F    F    N    Y    N    Y    F    F    F    F    F",
      },
    },
    freshSubmissions: true,
    // Complete forms with a one-time token of their own, so that allowed principals get Y (the action
    // asks who may act before it reads the form; tests/intelligence/routes.test.ts checks a refused
    // one never sees field errors). Each intent gets new submissions; on each, the analyst acts first.
    forms: {
      feedback: () => ({ message: "Thank you: this helped.", formToken: randomUUID() }),
    },
  },
  // --- consistency ---
  // The first question of a new submission: the draft is made by its first save.
  "submissions.new_.what.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    Y    Y    Y    Y    F    F    F    F    F    F    F    F    F",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    V    V    V    V    F    F    F    F    F    F    F    F    F",
    },
  },
  // Deleting a draft: its author only (404 for colleagues, as on every question page).
  "submissions.$id.delete.tsx": {
    targets: "draft",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    Y    N    N    N    F    F    F    F    F    F    F    F    F",
      "B": "S    N    Y    N    N    F    F    F    F    F    F    F    F    F",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    V    N    N    N    F    F    F    F    F    F    F    F    F",
      "B": "S    N    V    N    N    F    F    F    F    F    F    F    F    F",
    },
  },
  // --- ux ---
  // The session timeout warning's endpoint: every signed-in person asks when their own session ends (GET)
  // and extends it (POST, 204); without a session, sign in.
  "session.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y",
    },
  },
  // --- exports ---
  // Downloads (issue 9): the threat list and outcomes for the police who work on them; a threat's
  // plan actions for its planners, and for a partner that owns an action on it (only its own).
  "threats.export.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    F    F    F    F    Y    Y    Y    Y    F    F    F    F    F",
    },
  },
  // Not nested under the plan page (plan_): that page is the planners' alone.
  "threats.$id_.plan_.export.tsx": {
    targets: "threat",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "A": "S    Y    N    Y    N    Y    N    Y    N    F    F    F    F    F",
      "B": "S    N    Y    N    Y    N    Y    N    Y    F    F    F    F    F",
    },
  },
  "outcomes.export.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    F    F    F    F    Y    Y    Y    Y    F    F    F    F    F",
    },
  },
  // "Confirm it's you" (issue 10): anyone signed in; an incomplete form comes back with errors.
  "confirm-identity.tsx": {
    targets: "none",
    loader: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y",
    },
    action: {
      //    out  subA subB mgrA mgrB anA  anB  supA supB dpoA dpoP dpoB admA admB
      "-": "S    V    V    V    V    V    V    V    V    V    V    V    V    V",
    },
  },
};
