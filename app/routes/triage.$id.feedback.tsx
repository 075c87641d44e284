import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, ErrorSummary, FormTokenInput, Textarea, valueOf } from "~/components/form";
import { PlainText } from "~/components/intelligence";
import { TriageHeader } from "~/components/triage";
import { formatDateTime } from "~/utils/dates";
import { feedbackSchema } from "~/modules/intelligence/forms";
import { handleTriageForm, loadTriagePage, readTriageAction } from "~/modules/intelligence/triage-route.server";
import { requireAssessable, sendFeedback } from "~/modules/intelligence/triage.server";
import { triagePath } from "~/modules/intelligence/triage-pages";
import { badRequest } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Feedback – Assess intelligence – Partnership Intelligence Portal" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { submission, header, notice, formToken } = await loadTriagePage(request, context, params);
  return { header, notice, formToken, feedback: submission.feedback };
}

const intentSchema = z.object({ intent: z.enum(["feedback"]) });

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { auth, id, formData } = await readTriageAction(request, context, params);
  const parsed = intentSchema.safeParse({ intent: formData.get("intent") });
  if (!parsed.success) throw badRequest("Unknown action");
  // Who may act is asked before the form is read, so a refused user never gets field errors.
  await requireAssessable(auth, id, "submission.feedback_sent");
  return handleTriageForm(parsed.data.intent, formData, feedbackSchema, triagePath(id, "feedback", "feedback-sent"), (data, once) => sendFeedback(auth, id, data, once));
}

export default function FeedbackPage() {
  const { header, notice, formToken, feedback } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <TriageHeader submission={header} current="feedback" notice={result ? null : notice} errorSummary={<ErrorSummary errors={result?.errors} />} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-l">Feedback to the partner</h2>
          <p className="govuk-body">A short update the submitting organisation will see: you said, we did.</p>
          {feedback.length > 0 ? (
            <ul className="govuk-list" data-testid="feedback">
              {feedback.map((f) => (
                <li key={f.id} className="govuk-inset-text">
                  <span className="govuk-body-s govuk-!-display-block">{f.author.name}, {formatDateTime(f.createdAt)}</span>
                  <PlainText text={f.message} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">No feedback has been sent yet.</p>
          )}
          <Form method="post" noValidate key={`${result ? "failed" : formToken}-feedback`}>
            <input type="hidden" name="intent" value="feedback" />
            <FormTokenInput token={formToken} />
            <Textarea name="message" label="Feedback" error={result?.errors.message} defaultValue={result ? valueOf(result.values, "message") : ""} rows={3} />
            <Button variant="secondary">Send feedback</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
