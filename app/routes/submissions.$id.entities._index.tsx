import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form";
import { z } from "zod";
import { BackLink } from "~/components/intelligence";
import type { EntityKind } from "~/generated/prisma/enums";
import { draftSentResponse, loadDraft, loadDraftForChange, writeDraft } from "~/modules/intelligence/draft-route.server";
import { keepPageWhenDraftSent } from "~/modules/intelligence/stale-draft";
import { summariseEntities } from "~/modules/intelligence/entities";
import { ENTITY_ADD_LABELS, ENTITY_KIND_SLUGS } from "~/modules/intelligence/labels";
import { removeEntityGroup } from "~/modules/intelligence/submissions.server";
import { parseForm } from "~/utils/forms.server";
import { idParam } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Who and what is involved? – Share intelligence" }];

/** A draft sent meanwhile (another tab): keep the page, with the notice. */
export const shouldRevalidate = keepPageWhenDraftSent;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { draft } = await loadDraft(request, context, idParam(params));
  return { id: draft.id, entities: summariseEntities(draft.entities) };
}

const removeSchema = z.object({ group: z.string().min(1).max(100) });

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { auth, draft, sent } = await loadDraftForChange(request, context, idParam(params));
  const form = await parseForm(request, removeSchema);
  if (sent !== null) return draftSentResponse(sent, form.values);
  if (form.success) {
    const refused = await writeDraft(form.values, () => removeEntityGroup(auth, draft, form.data.group));
    if (refused) return refused;
  }
  return redirect(`/submissions/${draft.id}/entities`);
}

export default function EntitiesStep() {
  const { id, entities } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <BackLink to={`/submissions/${id}/where`} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={result?.errors} />
          <span className="govuk-caption-l">Share intelligence</span>
          <h1 className="govuk-heading-l">Who and what is involved?</h1>
          <p className="govuk-body">
            Add the people, vehicles, addresses, phone numbers, online handles and organisations you know about. Analysts use
            them to link your report with others. Add only what is needed for the purpose of sharing.
          </p>
          {entities.length === 0 ? (
            <p className="govuk-body" data-testid="no-entities">You have not added anyone or anything yet.</p>
          ) : (
            <dl className="govuk-summary-list" data-testid="entity-list">
              {entities.map((entity) => (
                <div key={entity.group} className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">{entity.kindLabel}</dt>
                  <dd className="govuk-summary-list__value">
                    <span className="app-preserve-lines">{entity.value}</span>
                    {entity.facts.map((fact) => (
                      <span key={fact} className="govuk-hint govuk-!-margin-bottom-0 govuk-!-display-block">
                        {fact}
                      </span>
                    ))}
                  </dd>
                  <dd className="govuk-summary-list__actions">
                    <Link className="govuk-link govuk-!-display-block govuk-!-margin-bottom-2" to={`/submissions/${id}/entities/${ENTITY_KIND_SLUGS[entity.kind]}?group=${entity.group}`}>
                      Change<span className="govuk-visually-hidden"> {entity.kindLabel.toLowerCase()} {entity.value}</span>
                    </Link>
                    <Form method="post">
                      <input type="hidden" name="group" value={entity.group} />
                      <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                        Remove<span className="govuk-visually-hidden"> {entity.kindLabel.toLowerCase()} {entity.value}</span>
                      </button>
                    </Form>
                  </dd>
                </div>
              ))}
            </dl>
          )}
          <h2 className="govuk-heading-m">Add someone or something</h2>
          <ul className="govuk-list">
            {(Object.keys(ENTITY_ADD_LABELS) as EntityKind[]).map((kind) => (
              <li key={kind}>
                <Link className="govuk-link" to={`/submissions/${id}/entities/${ENTITY_KIND_SLUGS[kind]}`}>
                  {ENTITY_ADD_LABELS[kind]}
                </Link>
              </li>
            ))}
          </ul>
          <Link to={`/submissions/${id}/grading`} className="govuk-button" role="button" data-module="govuk-button">
            Continue
          </Link>
        </div>
      </div>
    </>
  );
}
