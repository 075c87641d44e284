import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AgreementHeading } from "./agreement-sections";
import { Button, ErrorSummary, Textarea, valueOf } from "~/components/form";
import { pluralise } from "~/utils/plural";
import type { FormActionData } from "~/modules/agreements/forms";
import type { DisplayStatus } from "~/modules/agreements/status";

type Step = "suspend" | "reinstate" | "revoke";

const COPY: Record<Step, { title: string; warning: (shared: number) => string; label: string; hint: string; button: string }> = {
  suspend: {
    title: "Suspend the agreement",
    warning: (shared) =>
      `While it is suspended nothing can be shared under it${shared > 0 ? `, and the ${pluralise(shared, "submission")} already shared under it cannot be seen by anyone, from the next page they open` : ""}. It can be reinstated.`,
    label: "Why are you suspending it?",
    hint: "For example a reported handling breach, or a DPIA that needs review. The parties can see this reason.",
    button: "Suspend agreement",
  },
  reinstate: {
    title: "Reinstate the agreement",
    warning: (shared) =>
      `Sharing under the agreement restarts${shared > 0 ? `, and the ${pluralise(shared, "submission")} shared under it can be seen again by those entitled to` : ""}.`,
    label: "Why is it safe to reinstate it?",
    hint: "For example the breach was investigated and the actions agreed are complete.",
    button: "Reinstate agreement",
  },
  revoke: {
    title: "Revoke the agreement",
    warning: (shared) =>
      `Revoking is final. Nothing more can be shared under it${shared > 0 ? `, and the ${pluralise(shared, "submission")} already shared under it cannot be seen by anyone, from the next page they open` : ""}. To share again the parties must agree a new agreement.`,
    label: "Why are you revoking it?",
    hint: "The parties can see this reason.",
    button: "Revoke agreement",
  },
};

interface ReasonStepData {
  agreement: { id: string; reference: string; title: string; displayStatus: DisplayStatus; startDate: string | Date };
  sharedTotal: number;
  otherSuspensions: string[];
}

export function ReasonStepPage({ step }: { step: Step }) {
  const { agreement, sharedTotal, otherSuspensions } = useLoaderData<ReasonStepData>();
  const actionData = useActionData<FormActionData>();
  const others = step === "reinstate" ? otherSuspensions : [];
  const copy =
    others.length > 0
      ? {
          ...COPY.reinstate,
          title: "Lift your organisation's suspension",
          warning: () =>
            `The agreement stays suspended until ${others.join(" and ")} ${others.length === 1 ? "lifts its suspension" : "lift their suspensions"}. Nothing can be shared under it until then.`,
          label: "Why is it safe to lift your suspension?",
          button: "Lift our suspension",
        }
      : COPY[step];
  return (
    <>
      <ErrorSummary errors={actionData?.errors} />
      <AgreementHeading agreement={agreement} title={copy.title} />
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          {copy.warning(sharedTotal)}
        </strong>
      </div>
      <Form method="post" noValidate>
        <Textarea name="reason" label={copy.label} hint={copy.hint} error={actionData?.errors.reason ?? actionData?.errors.form} defaultValue={valueOf(actionData?.values, "reason")} />
        <div className="govuk-button-group">
          <Button variant={step === "reinstate" ? undefined : "warning"}>{copy.button}</Button>
          <Link className="govuk-link" to={`/agreements/${agreement.id}`}>
            Cancel
          </Link>
        </div>
      </Form>
    </>
  );
}
