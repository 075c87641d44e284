import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, ErrorSummary, Select, Textarea } from "~/components/form";
import { PlainText, StatusTag, SummaryList } from "~/components/intelligence";
import { Breadcrumbs, SuccessBanner } from "~/components/navigation";
import { formatDateTime } from "~/utils/dates";
import { PriorityTag, ThreatSections, ThreatStatusTag } from "~/components/threats";
import { requireUser } from "~/modules/auth/auth.server";
import { maySeeSentDisseminations } from "~/modules/dissemination/disseminations.server";
import { CLASSIFICATION_LABELS } from "~/modules/agreements/labels";
import { formatDate } from "~/utils/dates";
import { ENTITY_KIND_LABELS, THREAT_TYPE_LABELS } from "~/modules/intelligence/labels";
import { statusFormSchema, threatPageQuery } from "~/modules/threats/forms.server";
import { CONFIDENCE_LABELS, PERSON_PART_LABELS, THREAT_KIND_LABELS, THREAT_PRIORITY_LABELS, THREAT_STATUS_LABELS, VULNERABILITY_FLAG_LABELS } from "~/modules/threats/labels";
import { ScoreTrend } from "~/modules/threats/score-trend";
import { changeThreatStatus, requireThreatAccess, threatDetail, ThreatRefused } from "~/modules/threats/threats.server";
import { parseFormData, readForm } from "~/utils/forms.server";
import { idParam, parseQuery } from "~/utils/request.server";
import { ScrollableTable } from "~/components/table";

export const meta: MetaFunction = () => [{ title: "Threat – Partnership Intelligence Portal" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const id = idParam(params);
  const banners = parseQuery(request, threatPageQuery);
  return {
    threat: await threatDetail(auth, id),
    banners,
    canUpdate: auth.ability.can("update", "Threat"),
    canSeeDisseminations: maySeeSentDisseminations(auth),
    canDisseminate: auth.ability.can("create", "Dissemination"),
  };
}

const intentSchema = z.object({ intent: z.enum(["status"]) });

export async function action({ request, context, params }: ActionFunctionArgs) {
  const auth = await requireUser(request, context);
  const id = idParam(params);
  const formData = await readForm(request);
  const parsedIntent = intentSchema.safeParse({ intent: formData.get("intent") });
  if (!parsedIntent.success) throw new Response("Unknown action", { status: 400 });
  // Who may act is asked before the form is read, so a refused user never gets field errors.
  await requireThreatAccess(auth, id, "update", "threat.status_changed");
  const form = parseFormData(formData, statusFormSchema);
  if (!form.success) return { errors: form.errors, values: form.values };
  try {
    await changeThreatStatus(auth, id, form.data.status, form.data.reason);
  } catch (error) {
    if (error instanceof ThreatRefused) return { errors: { [error.field]: error.message }, values: form.values };
    throw error;
  }
  return redirect(`/threats/${id}?status=1`);
}

export default function ThreatPage() {
  const { threat: t, banners, canUpdate, canSeeDisseminations, canDisseminate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <Breadcrumbs items={[{ label: "Threats", to: "/threats" }]} />
      {banners.created ? <SuccessBanner>The threat {t.reference} has been recorded.</SuccessBanner> : null}
      {banners.updated ? <SuccessBanner>The threat&apos;s details have been saved.</SuccessBanner> : null}
      {banners.status ? <SuccessBanner>The threat&apos;s status is now {THREAT_STATUS_LABELS[t.status].toLowerCase()}.</SuccessBanner> : null}
      {banners.scored ? <SuccessBanner>The threat has been scored: {t.priority ? THREAT_PRIORITY_LABELS[t.priority].toLowerCase() : ""} priority ({t.priorityScore}).</SuccessBanner> : null}
      <ErrorSummary errors={actionData?.errors} />
      <span className="govuk-caption-l">{t.reference}</span>
      <h1 className="govuk-heading-l">{t.title}</h1>
      <ThreatSections id={t.id} current="" />
      <SummaryList
        rows={[
          { key: "Kind", value: THREAT_KIND_LABELS[t.kind] },
          { key: "Type", value: THREAT_TYPE_LABELS[t.threatType] },
          { key: "Status", value: <ThreatStatusTag status={t.status} /> },
          { key: "Priority", value: <PriorityTag priority={t.priority} score={t.priorityScore} /> },
          { key: "Areas", value: t.areas.map((a) => a.name).join(", ") },
          { key: "Lead analyst", value: t.leadAnalyst?.name ?? "None" },
          { key: "Classification", value: CLASSIFICATION_LABELS[t.classification] },
          { key: "Summary", value: <PlainText text={t.summary} /> },
          { key: "Recorded", value: formatDate(t.createdAt) },
        ]}
      />

      {canUpdate ? (
        <details className="govuk-details" open={Boolean(actionData?.errors)}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Change the status</span>
          </summary>
          <div className="govuk-details__text">
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="status" />
              <Select
                name="status"
                label="New status"
                error={actionData?.errors?.status}
                defaultValue={(actionData?.values?.status as string | undefined) ?? ""}
                options={[{ value: "", label: "Choose a status" }, ...Object.entries(THREAT_STATUS_LABELS).map(([value, label]) => ({ value, label }))]}
              />
              <Textarea name="reason" label="Why is the status changing?" rows={3} error={actionData?.errors?.reason} defaultValue={actionData?.values?.reason as string | undefined} />
              <Button variant="secondary">Change status</Button>
            </Form>
          </div>
        </details>
      ) : null}

      {canSeeDisseminations || canDisseminate ? (
        <>
          <h2 className="govuk-heading-m">Briefings to partners</h2>
          <ul className="govuk-list">
            {canSeeDisseminations ? (
              <li>
                <Link className="govuk-link" to={`/disseminations?threat=${t.id}`}>
                  Disseminations about this threat
                </Link>
              </li>
            ) : null}
            {canDisseminate ? (
              <li>
                <Link className="govuk-link" to={`/disseminations/new?threat=${t.id}`}>
                  Disseminate a briefing on this threat to partners
                </Link>
              </li>
            ) : null}
          </ul>
        </>
      ) : null}

      <h2 className="govuk-heading-m">Risk scoring</h2>
      {t.assessments.length === 0 ? (
        <p className="govuk-body">
          Not scored yet. <Link className="govuk-link" to={`/threats/${t.id}/score`}>Score this threat</Link>
        </p>
      ) : (
        <>
          <ScoreTrend points={t.assessments.map((a) => ({ at: a.assessedAt, score: a.score }))} />
          <ScrollableTable label="Every scoring, oldest first">
            <table className="govuk-table" data-testid="assessments">
              <caption className="govuk-table__caption govuk-table__caption--s">Every scoring, oldest first</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">When</th>
                  <th scope="col" className="govuk-table__header">By</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Harm</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Likelihood</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Capacity, capability</th>
                  <th scope="col" className="govuk-table__header">Confidence</th>
                  <th scope="col" className="govuk-table__header">Score and priority</th>
                  <th scope="col" className="govuk-table__header">Why</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {t.assessments.map((a) => (
                  <tr key={a.id} className="govuk-table__row">
                    <td className="govuk-table__cell">{formatDateTime(a.assessedAt)}</td>
                    <td className="govuk-table__cell">{a.assessedBy.name}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">
                      {a.harmPhysical + a.harmPsychological + a.harmFinancial + a.harmCommunity + a.harmVictimVulnerability}
                    </td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{a.likelihood}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">
                      {a.capacity}, {a.capability}
                    </td>
                    <td className="govuk-table__cell">{CONFIDENCE_LABELS[a.confidence]}</td>
                    <td className="govuk-table__cell"><PriorityTag priority={a.priority} score={a.score} /></td>
                    <td className="govuk-table__cell"><PlainText text={a.reason} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
        </>
      )}

      <h2 className="govuk-heading-m">People, vehicles and identifiers linked by analysts</h2>
      {t.entities.length === 0 ? (
        <p className="govuk-body">None yet. <Link className="govuk-link" to={`/threats/${t.id}/entities`}>Add entities</Link></p>
      ) : (
        <SummaryList
          rows={t.entities.map((e) => ({
            key: ENTITY_KIND_LABELS[e.kind],
            value: [
              e.displayValue,
              e.part ? PERSON_PART_LABELS[e.part] : null,
              e.vulnerabilityFlags.length ? `Vulnerable: ${e.vulnerabilityFlags.map((f) => VULNERABILITY_FLAG_LABELS[f].toLowerCase()).join(", ")}` : null,
            ]
              .filter(Boolean)
              .join("; "),
          }))}
        />
      )}

      <h2 className="govuk-heading-m">Linked intelligence</h2>
      {t.submissions.length === 0 ? (
        <p className="govuk-body">No intelligence you can see is linked to this threat.</p>
      ) : (
        <ul className="govuk-list" data-testid="threat-submissions">
          {t.submissions.map((s) => (
            <li key={s.id}>
              <Link className="govuk-link" to={`/triage/${s.id}`}>{s.reference}</Link> <StatusTag status={s.status} /> {s.area?.name}, {formatDate(s.submittedAt)}
              {s.handlingCode === "C" || s.analystHandlingCode === "C" ? <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-1">Conditions</strong> : null}
            </li>
          ))}
        </ul>
      )}
      <h2 className="govuk-heading-m">People, vehicles and identifiers in the intelligence</h2>
      {t.intelligenceEntities.length === 0 ? (
        <p className="govuk-body">None recorded.</p>
      ) : (
        <SummaryList rows={t.intelligenceEntities.map((e) => ({ key: e.kindLabel, value: [e.value, ...e.facts].join("; ") }))} />
      )}
    </>
  );
}
