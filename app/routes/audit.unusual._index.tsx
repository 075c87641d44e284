import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BackToAudit } from "~/components/audit";
import { requireAuditAccess } from "~/modules/audit/access.server";
import { UNUSUAL_THRESHOLDS } from "~/modules/audit/reports.server";

export const meta: MetaFunction = () => [{ title: "Unusual access – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAuditAccess(request, context, { action: "read", subject: "DataProtectionOversight" });
  return { thresholds: UNUSUAL_THRESHOLDS };
}

export default function UnusualAccess() {
  const { thresholds: t } = useLoaderData<typeof loader>();
  const lists = [
    {
      href: "/audit/unusual/volume",
      label: "Users viewing far more records than their colleagues",
      text: `At least ${t.volumeMinimumRecords} different records, and more than ${t.volumePeerFactor} times the average of the other users in their organisation.`,
    },
    {
      href: "/audit/unusual/out-of-hours",
      label: "Access outside working hours",
      text: `Anything done by a signed-in user before ${String(t.workingHoursStart).padStart(2, "0")}:00 or from ${t.workingHoursEnd}:00 UK time.`,
    },
    { href: "/audit/unusual/denied", label: "Repeated denied attempts", text: `${t.deniedMinimum} or more denied attempts or failed sign-ins by the same person or address.` },
    { href: "/audit/unusual/exports", label: "Exports of many records", text: `Exports of ${t.exportMinimumRows} or more records at once.` },
    {
      href: "/audit/unusual/privileges",
      label: "Privilege changes",
      text: "Every role asked for, approved, refused or cancelled; accounts created; changes of roles, organisation or signatory; refused attempts to change them.",
    },
  ];
  return (
    <>
      <BackToAudit />
      <h1 className="govuk-heading-l">Unusual access</h1>
      <p className="govuk-body">Each list covers the last 30 days unless you choose a period. Opening a list is recorded.</p>
      <ul className="govuk-list">
        {lists.map((list) => (
          <li key={list.href}>
            <Link className="govuk-link govuk-!-font-weight-bold" to={list.href}>
              {list.label}
            </Link>
            <p className="govuk-body govuk-!-margin-bottom-4">{list.text}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
