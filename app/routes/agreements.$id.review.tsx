import { DateInput } from "~/components/date-input";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AgreementHeading } from "~/components/agreements/agreement-sections";
import { Button, Choices, ErrorSummary, Textarea, valueOf } from "~/components/form";
import { reviewFormSchema, type FormActionData } from "~/modules/agreements/forms";
import { optionsFrom, REVIEW_OUTCOMES } from "~/modules/agreements/labels";
import { formatDate } from "~/utils/dates";
import { recordReview } from "~/modules/agreements/lifecycle.server";
import { availableSteps } from "~/modules/agreements/queries.server";
import { actorOf, formError, requireAgreement, runStep } from "~/modules/agreements/route-helpers.server";
import { displayStatus } from "~/modules/agreements/status";
import { parseForm } from "~/utils/forms.server";
import { idParam } from "~/utils/request.server";
import { clock } from "~/utils/clock";

export const meta: MetaFunction = () => [{ title: "Record a review – Partnership Intelligence Portal" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { auth, agreement } = await requireAgreement(request, context, idParam(params), "review");
  const now = clock.now();
  if (!availableSteps(auth.ability, auth.user, agreement, now).includes("review")) throw redirect(`/agreements/${agreement.id}`);
  return {
    agreement: { id: agreement.id, reference: agreement.reference, title: agreement.title, displayStatus: displayStatus(agreement, now), startDate: agreement.startDate },
    reviewDate: agreement.reviewDate,
    endDate: agreement.endDate,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { auth, agreement } = await requireAgreement(request, context, idParam(params), "review");
  const form = await parseForm(request, reviewFormSchema);
  if (!form.success) return formError(form.errors, form.values);
  const outcome = await runStep(auth, request, agreement.id, form.values, () => recordReview(actorOf(auth), agreement.id, form.data));
  if (!outcome.ok) return outcome.response;
  return redirect(`/agreements/${agreement.id}?done=reviewed`);
}

export default function ReviewAgreement() {
  const { agreement, reviewDate, endDate } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormActionData>();
  const values = actionData?.values;
  return (
    <>
      <ErrorSummary errors={actionData?.errors} />
      <AgreementHeading agreement={agreement} title="Record a review" />
      <p className="govuk-body">
        The review was due on {formatDate(reviewDate)}. The agreement ends on {formatDate(endDate)}. Check that the
        purpose, lawful basis, data categories, security and retention are still right, and that sharing has followed them.
      </p>
      <Form method="post" noValidate>
        <Choices
          kind="radio"
          name="outcome"
          legend="What is the outcome of the review?"
          hint="If changes are needed, amend the agreement after recording the review. To stop sharing now, suspend it."
          error={actionData?.errors.outcome}
          options={optionsFrom(REVIEW_OUTCOMES)}
          selected={valueOf(values, "outcome")}
        />
        <Textarea name="notes" label="Notes (optional)" hint="What was checked and what was found." error={actionData?.errors.notes} defaultValue={valueOf(values, "notes")} />
        <DateInput
          name="nextReviewDate"
          legend="Date of the next review"
          hint="No later than the end date. For example, 1 4 2027"
          error={actionData?.errors.nextReviewDate ?? actionData?.errors.form}
          values={values}
        />
        <div className="govuk-button-group">
          <Button>Record review</Button>
          <Link className="govuk-link" to={`/agreements/${agreement.id}`}>
            Cancel
          </Link>
        </div>
      </Form>
    </>
  );
}
