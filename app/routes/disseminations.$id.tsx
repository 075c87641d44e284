import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { DisseminationHeader, DisseminationStatusTag, RequestStatusTag } from "~/components/dissemination";
import { Button, Choices, FormTokenInput, Textarea, valueOf } from "~/components/form";
import { PlainText, SummaryList } from "~/components/intelligence";
import { requireUser } from "~/modules/auth/auth.server";
import {
  answerInformationRequest,
  disseminationForSender,
  DisseminationRefused,
  FormAlreadySent,
  requireSentDissemination,
} from "~/modules/dissemination/disseminations.server";
import { answerSchema } from "~/modules/dissemination/forms.server";
import { DISSEMINATION_KIND_LABELS } from "~/modules/dissemination/labels";
import { formatDateTime } from "~/utils/dates";
import { DATA_CATEGORY_LABELS } from "~/modules/intelligence/labels";
import { newFormToken } from "~/utils/form-token.server";
import { parseFormData, readForm, type FormValues } from "~/utils/forms.server";
import { optionalQuery, uuid } from "~/utils/input";
import { idParam, parseQuery } from "~/utils/request.server";
import { ScrollableTable } from "~/components/table";
import { useFocusOnChoice } from "~/components/use-focus-on-choice";

export const meta: MetaFunction = () => [{ title: "Dissemination – Partnership Intelligence Portal" }];

const DONE_MESSAGES = {
  created: "Dissemination sent for approval. A supervisor other than you must approve it before anyone receives it.",
  answered: "Answer sent. The requesting organisation sees it on the dissemination.",
  declined: "Request declined. The requesting organisation sees your reason.",
} as const;

const pageQuery = z.object({
  done: optionalQuery(z.enum(["created", "answered", "declined"])),
  request: optionalQuery(uuid),
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const id = idParam(params);
  const query = parseQuery(request, pageQuery);
  const d = await disseminationForSender(auth, id);
  const answering = d.canAnswer ? d.requests.find((r) => r.id === query.request && r.status === "OPEN") : undefined;
  return {
    message: query.done ? DONE_MESSAGES[query.done] : null,
    dissemination: {
      ...d,
      kind: DISSEMINATION_KIND_LABELS[d.kind],
      dataCategories: d.dataCategories.map((c) => DATA_CATEGORY_LABELS[c]),
      createdAt: formatDateTime(d.createdAt),
      decidedAt: d.decidedAt ? formatDateTime(d.decidedAt) : null,
      recipients: d.recipients.map((r) => ({ ...r, acknowledgedAt: r.acknowledgedAt ? formatDateTime(r.acknowledgedAt) : null })),
      requests: d.requests.map((r) => ({
        ...r,
        createdAt: formatDateTime(r.createdAt),
        respondedAt: r.respondedAt ? formatDateTime(r.respondedAt) : null,
      })),
    },
    answering: answering ? { id: answering.id, question: answering.question, requester: answering.requester } : null,
    formToken: newFormToken(),
  };
}

const intentSchema = z.object({ intent: z.enum(["answer"]) });

type ActionResult = { errors: Record<string, string>; values: FormValues };

export async function action({ request, context, params }: ActionFunctionArgs): Promise<ActionResult | Response> {
  const auth = await requireUser(request, context);
  const id = idParam(params);
  const formData = await readForm(request);
  if (!intentSchema.safeParse({ intent: formData.get("intent") }).success) throw new Response("Unknown action", { status: 400 });
  // Who may act is asked before the form is read, so a refused user never gets field errors.
  await requireSentDissemination(auth, id, "dissemination.request_answered");
  const form = parseFormData(formData, answerSchema);
  if (!form.success) return { errors: form.errors, values: form.values };
  try {
    await answerInformationRequest(auth, id, form.data);
    return redirect(`/disseminations/${id}?done=${form.data.outcome === "answer" ? "answered" : "declined"}`);
  } catch (error) {
    if (error instanceof FormAlreadySent) {
      if (error.location) return redirect(error.location);
      return { errors: { form: "This form has expired. Reload the page and try again." }, values: form.values };
    }
    if (error instanceof DisseminationRefused) return { errors: { [error.field]: error.message }, values: form.values };
    throw error;
  }
}

export default function DisseminationPage() {
  const { dissemination: d, answering, message, formToken } = useLoaderData<typeof loader>();
  const replyHeading = useFocusOnChoice<HTMLHeadingElement>(answering?.id);
  const result = useActionData<typeof action>();
  return (
    <>
      <DisseminationHeader back={{ to: "/disseminations", label: "Disseminations" }} message={message} errors={result?.errors} dissemination={d} />
      <SummaryList
        rows={[
          { key: "Status", value: <DisseminationStatusTag status={d.status} /> },
          { key: "Written by", value: `${d.author.name}, ${d.createdAt}` },
          {
            key: d.status === "REJECTED" ? "Rejected by" : "Approved by",
            value: d.approver ? `${d.approver.name}, ${d.decidedAt ?? ""}` : "Not decided yet",
          },
          ...(d.decisionNote ? [{ key: "Reason", value: <PlainText text={d.decisionNote} /> }] : []),
          { key: "Data categories", value: d.dataCategories.join(", ") },
          {
            key: "Source",
            value: d.threat ? (
              <Link className="govuk-link" to={`/threats/${d.threat.id}`}>
                {d.threat.reference}: {d.threat.title}
              </Link>
            ) : d.sanitisedReport ? (
              <Link className="govuk-link" to={`/triage/${d.sanitisedReport.submission.id}`}>
                Sanitised report of {d.sanitisedReport.submission.reference}
              </Link>
            ) : (
              "None"
            ),
          },
        ]}
      />
      {d.canApprove ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/disseminations/approvals?dissemination=${d.id}#decide-heading`}>
            Approve or reject this dissemination
          </Link>
        </p>
      ) : null}
      <h2 className="govuk-heading-m">What partners read</h2>
      <div className="govuk-inset-text">
        <PlainText text={d.body} />
      </div>

      <h2 className="govuk-heading-m">Recipients and read receipts</h2>
      <ScrollableTable label="Recipients and read receipts">
        <table className="govuk-table" data-testid="read-receipts">
          <caption className="govuk-table__caption govuk-visually-hidden">Recipients and read receipts</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Organisation</th>
              <th scope="col" className="govuk-table__header">Under agreement</th>
              <th scope="col" className="govuk-table__header">Acknowledged</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {d.recipients.map((r) => (
              <tr key={r.id} className="govuk-table__row">
                <td className="govuk-table__cell">
                  {r.organisation}
                  {r.inForce ? null : (
                    <span className="govuk-hint govuk-!-margin-0 govuk-body-s">Withdrawn: the agreement is no longer in force</span>
                  )}
                </td>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/agreements/${r.agreement.id}`}>
                    {r.agreement.reference}
                  </Link>
                </td>
                <td className="govuk-table__cell">
                  {r.acknowledgedAt ? `By ${r.acknowledgedBy ?? "a former user"}, ${r.acknowledgedAt}` : d.status === "APPROVED" ? "Not yet" : "Not sent"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>

      <h2 className="govuk-heading-m">Requests for more information</h2>
      {d.requests.length === 0 ? (
        <p className="govuk-body">No recipient has asked for more.</p>
      ) : (
        <ul className="govuk-list" data-testid="information-requests">
          {d.requests.map((r) => (
            <li key={r.id} className="govuk-!-margin-bottom-6">
              <h3 className="govuk-heading-s">
                {r.requesterOrganisation}: {r.requester}, {r.createdAt} <RequestStatusTag status={r.status} />
              </h3>
              <div className="govuk-inset-text govuk-!-margin-top-1">
                <PlainText text={r.question} />
              </div>
              {r.response ? (
                <p className="govuk-body">
                  <strong>{r.status === "DECLINED" ? "Declined" : "Answered"}</strong> by {r.respondedBy ?? "a former user"}, {r.respondedAt}:{" "}
                  <PlainText text={r.response} />
                </p>
              ) : d.canAnswer && answering?.id !== r.id ? (
                <Link className="govuk-link" to={`/disseminations/${d.id}?request=${r.id}#answer`}>
                  Answer or decline<span className="govuk-visually-hidden"> the request from {r.requesterOrganisation}</span>
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {answering ? (
        <Form method="post" noValidate id="answer">
          <h3 className="govuk-heading-s" tabIndex={-1} ref={replyHeading}>
            Reply to {answering.requester}
          </h3>
          <input type="hidden" name="intent" value="answer" />
          <input type="hidden" name="requestId" value={answering.id} />
          <FormTokenInput token={formToken} />
          <Choices
            kind="radio"
            name="outcome"
            legend="Your reply"
            error={result?.errors.outcome}
            options={[
              { value: "answer", label: "Answer the request" },
              { value: "decline", label: "Decline the request", hint: "Say why, for example to protect a source or an operation." },
            ]}
            selected={valueOf(result?.values, "outcome")}
          />
          <Textarea
            name="response"
            label="The answer, or your reason for declining"
            error={result?.errors.response ?? result?.errors.requestId}
            defaultValue={valueOf(result?.values, "response")}
          />
          <Button>Send reply</Button>
        </Form>
      ) : null}
    </>
  );
}
