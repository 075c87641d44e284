import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, ErrorSummary, FormTokenInput, Select } from "~/components/form";
import { Breadcrumbs } from "~/components/navigation";
import { NotificationBanner } from "~/components/notification-banner";
import { requireUser } from "~/modules/auth/auth.server";
import { formatDateTime } from "~/utils/dates";
import { allocatableAnalysts, AllocationRefused, assignSubmission, requireAllocatable, submissionForAllocation } from "~/modules/intelligence/allocation.server";
import { describeAge } from "~/utils/age";
import { clock } from "~/utils/clock";
import { newFormToken, formTokenSchema } from "~/utils/form-token.server";
import { parseForm } from "~/utils/forms.server";
import { uuid, queryFlag } from "~/utils/input";
import { idParam, parseQuery } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Assign ${data?.submission.reference ?? "intelligence"} – Partnership Intelligence Portal` },
];

const CHOOSE_ASSIGNEE = "Select who to give it to";

const assignForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("claim"), formToken: formTokenSchema }),
  z.object({
    intent: z.literal("assign"),
    assigneeId: z.string({ message: CHOOSE_ASSIGNEE }).pipe(uuid.catch("")).refine((id) => id !== "", CHOOSE_ASSIGNEE),
    formToken: formTokenSchema,
  }),
]);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const { assigned } = parseQuery(request, z.object({ assigned: queryFlag }));
  const submission = await submissionForAllocation(auth, idParam(params));
  return {
    submission: {
      ...submission,
      age: submission.submittedAt ? describeAge(submission.submittedAt, clock.now()) : null,
    },
    analysts: await allocatableAnalysts(auth),
    userId: auth.user.id,
    assigned,
    formToken: newFormToken(),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const auth = await requireUser(request, context);
  const id = idParam(params);
  await requireAllocatable(auth, id);
  const form = await parseForm(request, assignForm);
  if (!form.success) return { errors: form.errors };
  const assigneeId = form.data.intent === "claim" ? auth.user.id : form.data.assigneeId;
  try {
    const { location } = await assignSubmission(auth, id, {
      assigneeId,
      formToken: form.data.formToken,
      location: `/triage/${id}/assign?assigned=1`,
    });
    return redirect(location);
  } catch (error) {
    if (error instanceof AllocationRefused) return { errors: { [error.field]: error.message } };
    throw error;
  }
}

export default function AssignSubmission() {
  const { submission, analysts, userId, assigned, formToken } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const holder = submission.assignedAnalyst?.name ?? null;
  const mine = submission.assignedAnalystId === userId;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: "Triage queue", to: "/triage" },
          { label: submission.reference ?? "Intelligence", to: `/triage/${submission.id}` },
        ]}
      />
      <ErrorSummary errors={errors} />
      {assigned && holder ? (
        <NotificationBanner kind="success" heading={`${submission.reference} is now in ${mine ? "your queue" : `${holder}'s queue`}`}>
          <p className="govuk-body">
            <Link className="govuk-notification-banner__link" to={`/triage/${submission.id}`}>
              Open {submission.reference}
            </Link>{" "}
            or go to{" "}
            <Link className="govuk-notification-banner__link" to="/triage?queue=mine">
              your queue
            </Link>
            .
          </p>
        </NotificationBanner>
      ) : null}
      <span className="govuk-caption-l">{submission.reference}</span>
      <h1 className="govuk-heading-l">Who is working on this intelligence</h1>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Assigned to</dt>
          <dd className="govuk-summary-list__value" data-testid="assigned-to">
            {holder ? `${holder}${submission.assignedAt ? ` since ${formatDateTime(submission.assignedAt)}` : ""}` : "Nobody yet"}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Waiting</dt>
          <dd className="govuk-summary-list__value">{submission.age ? `${submission.age} since it was received` : "Not received"}</dd>
        </div>
      </dl>
      {mine ? null : (
        <Form method="post" className="govuk-!-margin-bottom-6">
          <FormTokenInput token={formToken} />
          <Button name="intent" value="claim">
            Claim it for yourself
          </Button>
        </Form>
      )}
      <Form method="post">
        <FormTokenInput token={formToken} />
        <h2 className="govuk-heading-m">Give it to someone else</h2>
        <Select
          name="assigneeId"
          label="Analyst or supervisor"
          hint="Only active analysts and supervisors of your force."
          error={errors.assigneeId}
          defaultValue=""
          options={[{ value: "", label: "Choose a person" }, ...analysts.filter((a) => a.id !== submission.assignedAnalystId).map((a) => ({ value: a.id, label: a.id === userId ? `${a.name} (you)` : a.name }))]}
        />
        <Button name="intent" value="assign" variant="secondary">
          Assign
        </Button>
      </Form>
    </>
  );
}
