import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireAuditAccess } from "~/modules/audit/access.server";

export const meta: MetaFunction = () => [{ title: "Audit and oversight – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ability, scope } = await requireAuditAccess(request, context, { action: "read", subject: "AuditTrail" });
  return {
    oversight: ability.can("read", "DataProtectionOversight"),
    securityOnly: scope.organisationId === null,
  };
}

const OVERSIGHT_LINKS = [
  { href: "/audit/records", label: "History of a record", text: "Everything that happened to one submission, agreement or account, and who saw it." },
  { href: "/audit/agreements", label: "Access under an agreement", text: "Who accessed what under an agreement over a period, by organisation." },
  { href: "/dpo/subject-access", label: "Subject access search", text: "Find every record naming a person, and who consulted or received it." },
  { href: "/audit/unusual", label: "Unusual access", text: "Heavy viewing, out-of-hours access, repeated denials and large exports." },
  { href: "/dpo/retention", label: "Retention and review", text: "Records past their retention period or due for review: retain or dispose." },
];

export default function AuditHome() {
  const { oversight, securityOnly } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Audit and oversight</h1>
      <p className="govuk-body">
        {securityOnly
          ? "As a system administrator you can see security events: sign-ins, administration and denied access."
          : "You can see events by your organisation's users, about your organisation's records, and under agreements your organisation is party to."}{" "}
        Everything you look at here is itself recorded.
      </p>
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link govuk-!-font-weight-bold" to="/audit/events">
            Search the audit trail
          </Link>
          <p className="govuk-body govuk-!-margin-bottom-4">By person, organisation, record, agreement, action, date and outcome; export as CSV.</p>
        </li>
        <li>
          <Link className="govuk-link govuk-!-font-weight-bold" to="/audit/integrity">
            Check the audit trail has not been altered
          </Link>
          <p className="govuk-body govuk-!-margin-bottom-4">Verify the hash chain and signed checkpoints; sign or download checkpoints.</p>
        </li>
        {oversight
          ? OVERSIGHT_LINKS.map((link) => (
              <li key={link.href}>
                <Link className="govuk-link govuk-!-font-weight-bold" to={link.href}>
                  {link.label}
                </Link>
                <p className="govuk-body govuk-!-margin-bottom-4">{link.text}</p>
              </li>
            ))
          : null}
      </ul>
    </>
  );
}
