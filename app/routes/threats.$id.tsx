import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BackLink, PlainText, StatusTag, SummaryList } from "~/components/intelligence";
import { requireUser } from "~/modules/auth/auth.server";
import { formatDate } from "~/utils/dates";
import { THREAT_TYPE_LABELS } from "~/modules/intelligence/labels";
import { threatDetail } from "~/modules/intelligence/threats.server";
import { idParam } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Threat – Partnership Intelligence Portal" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  return { threat: await threatDetail(auth, idParam(params)) };
}

export default function ThreatPage() {
  const { threat: t } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to="/threats">Threats</BackLink>
      <span className="govuk-caption-l">{t.reference}</span>
      <h1 className="govuk-heading-l">{t.title}</h1>
      <SummaryList
        rows={[
          { key: "Type", value: THREAT_TYPE_LABELS[t.threatType] },
          { key: "Areas", value: t.areas.map((a) => a.name).join(", ") },
          { key: "Lead analyst", value: t.leadAnalyst?.name ?? "None" },
          { key: "Summary", value: <PlainText text={t.summary} /> },
          { key: "Created", value: formatDate(t.createdAt) },
        ]}
      />
      <h2 className="govuk-heading-m">Linked intelligence</h2>
      {t.submissions.length === 0 ? (
        <p className="govuk-body">No intelligence you can see is linked to this threat.</p>
      ) : (
        <ul className="govuk-list" data-testid="threat-submissions">
          {t.submissions.map((s) => (
            <li key={s.id}>
              <Link className="govuk-link" to={`/triage/${s.id}`}>{s.reference}</Link> <StatusTag status={s.status} /> {s.area?.name},{" "}
              {formatDate(s.submittedAt)}
              {s.handlingCode === "C" || s.analystHandlingCode === "C" ? <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-1">Conditions</strong> : null}
            </li>
          ))}
        </ul>
      )}
      <h2 className="govuk-heading-m">People, vehicles and identifiers</h2>
      {t.entities.length === 0 ? (
        <p className="govuk-body">None recorded.</p>
      ) : (
        <SummaryList rows={t.entities.map((e) => ({ key: e.kindLabel, value: [e.value, ...e.facts].join("; ") }))} />
      )}
    </>
  );
}
