import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/form";
import { BackLink, HandlingConditions, SubmissionDetails } from "~/components/intelligence";
import { loadDraft, loadDraftForChange } from "~/modules/intelligence/draft-route.server";
import { keepPageWhenDraftSent } from "~/modules/intelligence/stale-draft";
import { summariseEntities } from "~/modules/intelligence/entities";
import { draftProblems, DraftNoLongerEditable, DRAFT_STEPS, submitDraft, SubmitRefused } from "~/modules/intelligence/submissions.server";
import { idParam } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Check your answers – Share intelligence" }];

/** A draft sent meanwhile (another tab): keep the page, with the notice. */
export const shouldRevalidate = keepPageWhenDraftSent;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { draft } = await loadDraft(request, context, idParam(params));
  const problems = draftProblems(draft);
  return {
    draft: { ...draft, entities: summariseEntities(draft.entities) },
    problems: DRAFT_STEPS.filter((step) => problems[step]).map((step) => ({ step, message: problems[step]! })),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { auth, draft, sent } = await loadDraftForChange(request, context, idParam(params));
  if (sent !== null) return { error: sent, stale: true };
  try {
    await submitDraft(auth, draft);
  } catch (error) {
    if (error instanceof SubmitRefused) return { error: error.message, stale: false };
    if (error instanceof DraftNoLongerEditable) return { error: error.message, stale: true };
    throw error;
  }
  return redirect(`/submissions/${draft.id}/confirmation`);
}

export default function CheckAnswers() {
  const { draft, problems } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const base = `/submissions/${draft.id}`;
  return (
    <>
      <BackLink to={`${base}/agreement`} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {result?.error || problems.length > 0 ? (
            <div className="govuk-error-summary" data-module="govuk-error-summary">
              <div role="alert">
                <h2 className="govuk-error-summary__title">There is a problem</h2>
                <div className="govuk-error-summary__body">
                  <ul className="govuk-list govuk-error-summary__list">
                    {result?.error ? (
                      <li>
                        {result.stale ? <a href="#main-content">{result.error}</a> : <Link to={`${base}/agreement`}>{result.error}</Link>}
                      </li>
                    ) : null}
                    {problems.map((p) => (
                      <li key={p.step}>
                        <Link to={`${base}/${p.step}?change=1`}>{p.message}</Link>
                      </li>
                    ))}
                  </ul>
                </div>
              </div>
            </div>
          ) : null}
          <span className="govuk-caption-l">Share intelligence</span>
          <h1 className="govuk-heading-l">Check your answers before sending</h1>
          <HandlingConditions code={draft.handlingCode} conditions={draft.handlingConditions} />
          <SubmissionDetails submission={draft} changeBase={base} />
          <h2 className="govuk-heading-m">Now send your intelligence</h2>
          <p className="govuk-body">
            By sending this you confirm that, to the best of your knowledge, the details are correct and that you are sharing
            them under the agreement shown.
          </p>
          <Form method="post" action={`${base}/check`}>
            <Button>Accept and send</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
