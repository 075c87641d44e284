import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { NotificationBanner } from "~/components/notification-banner";
import { accountOverview, endAllOtherSessions, endOtherSession } from "~/modules/auth/account.server";
import { requireUser } from "~/modules/auth/auth.server";
import { formatDateTime } from "~/utils/dates";
import { RECOVERY_CODE_COUNT } from "~/modules/auth/recovery-codes.server";
import { describeUserAgent } from "~/modules/auth/user-agent";
import { ORGANISATION_TYPE_LABELS, ROLE_LABELS } from "~/modules/organisations/labels";
import { parseForm } from "~/utils/forms.server";
import { parseQuery } from "~/utils/request.server";
import { optionalQuery } from "~/utils/input";
import { ScrollableTable } from "~/components/table";

export const meta: MetaFunction = () => [{ title: "Your account – Partnership Intelligence Portal" }];

const NOTICES = {
  "session-ended": { kind: "success", heading: "The session has been ended" },
  "session-not-found": { kind: "important", heading: "That session had already ended" },
  "other-sessions-ended": { kind: "success", heading: "You have been signed out of all your other sessions" },
  "password-changed": { kind: "success", heading: "Your password has been changed. Any other sessions have been ended" },
  "recovery-codes-low": { kind: "important", heading: "You are running out of recovery codes. Get a new set below" },
} as const;

const noticeQuery = z.object({ notice: optionalQuery(z.enum(Object.keys(NOTICES) as (keyof typeof NOTICES)[])) });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const { user, sessions, recoveryCodesLeft } = await accountOverview(auth);
  const { notice } = parseQuery(request, noticeQuery);
  return {
    notice: notice ? NOTICES[notice] : null,
    user: {
      name: user.name,
      email: user.email,
      organisation: `${user.organisation.name} (${ORGANISATION_TYPE_LABELS[user.organisation.type]})`,
      roles: user.roles.map((role) => ROLE_LABELS[role]),
      isAgreementSignatory: user.isAgreementSignatory,
      mfaSetUp: user.totpEnrolledAt ? formatDateTime(user.totpEnrolledAt) : null,
    },
    recoveryCodesLeft,
    recoveryCodeCount: RECOVERY_CODE_COUNT,
    sessions: sessions.map((session) => ({
      id: session.id,
      isCurrent: session.isCurrent,
      signedIn: session.mfaVerified,
      createdAt: formatDateTime(session.createdAt),
      lastSeenAt: formatDateTime(session.lastSeenAt),
      ipAddress: session.ipAddress ?? "Not known",
      device: describeUserAgent(session.userAgent),
    })),
  };
}

const sessionActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("end-session"), sessionId: z.string().regex(/^[0-9a-f]{64}$/) }),
  z.object({ intent: z.literal("end-other-sessions") }),
]);

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await requireUser(request, context);
  const form = await parseForm(request, sessionActionSchema);
  if (!form.success) throw new Response("Bad request", { status: 400 });
  if (form.data.intent === "end-session") {
    const ended = await endOtherSession(auth, form.data.sessionId);
    return redirect(`/account?notice=${ended ? "session-ended" : "session-not-found"}`);
  }
  await endAllOtherSessions(auth);
  return redirect("/account?notice=other-sessions-ended");
}

export default function Account() {
  const { notice, user, sessions, recoveryCodesLeft, recoveryCodeCount } = useLoaderData<typeof loader>();
  const others = sessions.filter((session) => !session.isCurrent);
  return (
    <>
      {notice ? <NotificationBanner kind={notice.kind} heading={notice.heading} /> : null}
      <h1 className="govuk-heading-l">Your account</h1>

      <h2 className="govuk-heading-m">Your details</h2>
      <dl className="govuk-summary-list govuk-!-margin-bottom-9">
        <SummaryRow label="Name">{user.name}</SummaryRow>
        <SummaryRow label="Email address">{user.email}</SummaryRow>
        <SummaryRow label="Organisation">{user.organisation}</SummaryRow>
        <SummaryRow label={user.roles.length === 1 ? "Role" : "Roles"}>
          <ul className="govuk-list govuk-!-margin-bottom-0">
            {user.roles.map((role) => (
              <li key={role}>{role}</li>
            ))}
          </ul>
        </SummaryRow>
        <SummaryRow label="Agreement signatory">{user.isAgreementSignatory ? "Yes" : "No"}</SummaryRow>
      </dl>
      <p className="govuk-body">
        If any of these details are wrong, ask your organisation&apos;s system administrator to change them.
      </p>

      <h2 className="govuk-heading-m">Signing in</h2>
      <dl className="govuk-summary-list govuk-!-margin-bottom-9">
        <SummaryRow
          label="Password"
          action={
            <Link className="govuk-link" to="/account/password">
              Change<span className="govuk-visually-hidden"> your password</span>
            </Link>
          }
        >
          Set
        </SummaryRow>
        <SummaryRow label="Authenticator app">{user.mfaSetUp ? `Set up on ${user.mfaSetUp}` : "Not set up"}</SummaryRow>
        <SummaryRow
          label="Recovery codes"
          action={
            <Link className="govuk-link" to="/account/recovery-codes">
              Get new codes<span className="govuk-visually-hidden"> (recovery codes)</span>
            </Link>
          }
        >
          {recoveryCodesLeft === 0
            ? "None unused. Get a set so that you can still sign in if you lose your phone"
            : `${recoveryCodesLeft} of ${recoveryCodeCount} unused`}
        </SummaryRow>
      </dl>

      <h2 className="govuk-heading-m">Your sessions</h2>
      <p className="govuk-body">
        These are the browsers signed in to your account. If you do not recognise one, end it and change
        your password.
      </p>
      <ScrollableTable label="Your sessions">
        <table className="govuk-table" data-testid="sessions">
          <caption className="govuk-table__caption govuk-visually-hidden">Your sessions</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Browser</th>
              <th scope="col" className="govuk-table__header">Started</th>
              <th scope="col" className="govuk-table__header">Last active</th>
              <th scope="col" className="govuk-table__header">IP address</th>
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Status or action</span>
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {sessions.map((session) => (
              <tr key={session.id} className="govuk-table__row">
                <td className="govuk-table__cell">
                  {session.device}
                  {session.signedIn ? null : (
                    <>
                      <br />
                      <strong className="govuk-tag govuk-tag--yellow">Password given, security code not yet</strong>
                    </>
                  )}
                </td>
                <td className="govuk-table__cell app-nowrap">{session.createdAt}</td>
                <td className="govuk-table__cell app-nowrap">{session.lastSeenAt}</td>
                <td className="govuk-table__cell">{session.ipAddress}</td>
                <td className="govuk-table__cell">
                  {session.isCurrent ? (
                    <strong className="govuk-tag govuk-tag--green">This session</strong>
                  ) : (
                    <Form method="post" className="app-inline-form">
                      <input type="hidden" name="intent" value="end-session" />
                      <input type="hidden" name="sessionId" value={session.id} />
                      <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                        End session<span className="govuk-visually-hidden"> started {session.createdAt}</span>
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      {others.length > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="end-other-sessions" />
          <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
            Sign out of all other sessions
          </button>
        </Form>
      ) : (
        <p className="govuk-body">You are not signed in anywhere else.</p>
      )}
    </>
  );
}

function SummaryRow({ label, children, action }: { label: string; children: ReactNode; action?: ReactNode }) {
  return (
    <div className={`govuk-summary-list__row${action ? "" : " govuk-summary-list__row--no-actions"}`}>
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
      {action ? <dd className="govuk-summary-list__actions">{action}</dd> : null}
    </div>
  );
}
