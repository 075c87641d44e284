import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useFocusOnChoice } from "~/components/use-focus-on-choice";
import { Button, Choices, ErrorSummary, FormTokenInput, Textarea, valueOf } from "~/components/form";
import { ClassificationMarking, HandlingConditions, PlainText, SummaryList } from "~/components/intelligence";
import { Pagination } from "~/components/navigation";
import { NotificationBanner } from "~/components/notification-banner";
import { requireUser } from "~/modules/auth/auth.server";
import {
  approvalsQueue,
  decideDissemination,
  DisseminationRefused,
  disseminationToDecide,
  FormAlreadySent,
  requireDisseminationApprover,
} from "~/modules/dissemination/disseminations.server";
import { approvalsQuery, decisionSchema } from "~/modules/dissemination/forms.server";
import { DISSEMINATION_KIND_LABELS } from "~/modules/dissemination/labels";
import { formatDateTime } from "~/utils/dates";
import { DATA_CATEGORY_LABELS } from "~/modules/intelligence/labels";
import { newFormToken } from "~/utils/form-token.server";
import { parseFormData, readForm, type FormValues } from "~/utils/forms.server";
import { seekParams } from "~/utils/keyset";
import { parseQuery } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Disseminations to approve – Partnership Intelligence Portal" }];

const DONE_MESSAGES = {
  approved: "Dissemination approved and sent. The recipients see it in their inbox now.",
  rejected: "Dissemination rejected. Nobody receives it; your reason is recorded.",
} as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const query = parseQuery(request, approvalsQuery);
  const page = await approvalsQueue(auth, seekParams(query));
  const selected = query.dissemination ? await disseminationToDecide(auth, query.dissemination) : null;
  return {
    message: query.done ? DONE_MESSAGES[query.done] : null,
    items: page.items.map((d) => ({
      id: d.id,
      reference: d.reference,
      title: d.title,
      kind: DISSEMINATION_KIND_LABELS[d.kind],
      author: d.author.name,
      createdAt: formatDateTime(d.createdAt),
      recipients: d.recipients.map((r) => r.organisation.name),
    })),
    next: page.next,
    previous: page.previous,
    selected: selected
      ? {
          id: selected.id,
          reference: selected.reference,
          kind: DISSEMINATION_KIND_LABELS[selected.kind],
          title: selected.title,
          body: selected.body,
          classification: selected.classification,
          dataCategories: selected.dataCategories.map((c) => DATA_CATEGORY_LABELS[c]),
          handlingCode: selected.handlingCode,
          handlingConditions: selected.handlingConditions,
          author: selected.author.name,
          createdAt: formatDateTime(selected.createdAt),
          recipients: selected.recipients.map((r) => ({ organisation: r.organisation.name, agreement: `${r.agreement.reference}: ${r.agreement.title}` })),
        }
      : null,
    formToken: newFormToken(),
  };
}

type ActionResult = { errors: Record<string, string>; values: FormValues };

export async function action({ request, context }: ActionFunctionArgs): Promise<ActionResult | Response> {
  const auth = await requireUser(request, context);
  // Who may act is asked before the form is read, so a refused user never gets field errors.
  await requireDisseminationApprover(auth);
  const form = parseFormData(await readForm(request), decisionSchema);
  if (!form.success) return { errors: form.errors, values: form.values };
  try {
    const outcome = await decideDissemination(auth, form.data);
    return redirect(`/disseminations/approvals?done=${outcome}`);
  } catch (error) {
    if (error instanceof FormAlreadySent) {
      if (error.location) return redirect(error.location);
      return { errors: { form: "This form has expired. Reload the page and try again." }, values: form.values };
    }
    if (error instanceof DisseminationRefused) return { errors: { [error.field]: error.message }, values: form.values };
    throw error;
  }
}

export default function DisseminationApprovals() {
  const { items, selected, message, next, previous, formToken } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { pathname } = useLocation();
  const decideHeading = useFocusOnChoice<HTMLHeadingElement>(selected?.id);
  return (
    <>
      {message ? <NotificationBanner kind="success" heading={message} /> : null}
      <ErrorSummary errors={result?.errors} />
      <h1 className="govuk-heading-l">Disseminations to approve</h1>
      <p className="govuk-body">
        Nothing reaches a partner until a supervisor other than its author approves it (four eyes). You never see your own
        disseminations here.
      </p>
      {selected ? (
        <section aria-labelledby="decide-heading" className="govuk-!-margin-bottom-8">
          <span className="govuk-caption-m">
            {selected.reference}, {selected.kind}
          </span>
          <h2 className="govuk-heading-m" id="decide-heading" tabIndex={-1} ref={decideHeading}>
            {selected.title}
          </h2>
          <ClassificationMarking classification={selected.classification} />
          <HandlingConditions code={selected.handlingCode} conditions={selected.handlingConditions} />
          <div className="govuk-inset-text">
            <PlainText text={selected.body} />
          </div>
          <SummaryList
            rows={[
              { key: "Written by", value: `${selected.author}, ${selected.createdAt}` },
              { key: "Data categories", value: selected.dataCategories.join(", ") },
              {
                key: "Recipients",
                value: (
                  <ul className="govuk-list">
                    {selected.recipients.map((r) => (
                      <li key={r.organisation}>
                        {r.organisation} <span className="govuk-hint govuk-!-margin-0 govuk-body-s">under {r.agreement}</span>
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
          <Form method="post" noValidate id="decide">
            <FormTokenInput token={formToken} />
            <input type="hidden" name="disseminationId" value={selected.id} />
            <Choices
              kind="radio"
              name="decision"
              legend="Your decision"
              error={result?.errors.decision}
              options={[
                { value: "approve", label: "Approve and send" },
                { value: "reject", label: "Reject" },
              ]}
              selected={valueOf(result?.values, "decision")}
            />
            <Textarea
              name="reason"
              label="Reason (needed to reject)"
              error={result?.errors.reason}
              defaultValue={valueOf(result?.values, "reason")}
              rows={3}
            />
            <Button>Confirm decision</Button>
          </Form>
        </section>
      ) : null}
      <h2 className="govuk-heading-m">Waiting for a decision</h2>
      {items.length === 0 ? (
        <p className="govuk-body">Nothing is waiting for your approval.</p>
      ) : (
        <ul className="govuk-list" data-testid="dissemination-approvals">
          {items.map((d) => (
            <li key={d.id} className="govuk-!-margin-bottom-4">
              <Link className="govuk-link" to={`/disseminations/approvals?dissemination=${d.id}#decide-heading`}>
                {d.title}
                <span className="govuk-visually-hidden">: decide</span>
              </Link>
              <span className="govuk-hint govuk-!-margin-0 govuk-body-s">
                {d.reference}, {d.kind}, by {d.author}, {d.createdAt}
              </span>
              <span className="govuk-hint govuk-!-margin-0 govuk-body-s">To {d.recipients.join(", ")}</span>
            </li>
          ))}
        </ul>
      )}
      <Pagination previous={previous ? `${pathname}?before=${previous}` : null} next={next ? `${pathname}?after=${next}` : null} />
    </>
  );
}
