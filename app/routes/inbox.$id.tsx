import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { DisseminationHeader, RequestStatusTag } from "~/components/dissemination";
import { Button, FormTokenInput, Textarea, valueOf } from "~/components/form";
import { PlainText, SummaryList } from "~/components/intelligence";
import { requireUser } from "~/modules/auth/auth.server";
import { FormAlreadySent } from "~/modules/dissemination/disseminations.server";
import { acknowledgeSchema, informationRequestSchema } from "~/modules/dissemination/forms.server";
import { acknowledgeDissemination, inboxItem, requestMoreInformation, requireCopy } from "~/modules/dissemination/inbox.server";
import { DISSEMINATION_KIND_LABELS } from "~/modules/dissemination/labels";
import { formatDateTime } from "~/utils/dates";
import { DATA_CATEGORY_LABELS } from "~/modules/intelligence/labels";
import { newFormToken } from "~/utils/form-token.server";
import { parseFormData, readForm, type FormValues } from "~/utils/forms.server";
import { optionalQuery } from "~/utils/input";
import { idParam, parseQuery } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Received dissemination – Partnership Intelligence Portal" }];

const DONE_MESSAGES = {
  acknowledged: "Acknowledged. The sender sees that your organisation has read it.",
  requested: "Request sent. The police owner will answer it or tell you why not; the reply appears here.",
} as const;

const pageQuery = z.object({ done: optionalQuery(z.enum(["acknowledged", "requested"])) });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const id = idParam(params);
  const query = parseQuery(request, pageQuery);
  const d = await inboxItem(auth, id);
  return {
    message: query.done ? DONE_MESSAGES[query.done] : null,
    dissemination: {
      ...d,
      kind: DISSEMINATION_KIND_LABELS[d.kind],
      dataCategories: d.dataCategories.map((c) => DATA_CATEGORY_LABELS[c]),
      sentAt: d.decidedAt ? formatDateTime(d.decidedAt) : "",
      acknowledgedAt: d.acknowledgedAt ? formatDateTime(d.acknowledgedAt) : null,
      requests: d.requests.map((r) => ({
        ...r,
        createdAt: formatDateTime(r.createdAt),
        respondedAt: r.respondedAt ? formatDateTime(r.respondedAt) : null,
      })),
    },
    // One token per form: each form is sent once.
    acknowledgeToken: newFormToken(),
    requestToken: newFormToken(),
  };
}

const intentSchema = z.object({ intent: z.enum(["acknowledge", "request"]) });

type ActionResult = { intent: "acknowledge" | "request"; errors: Record<string, string>; values: FormValues };

export async function action({ request, context, params }: ActionFunctionArgs): Promise<ActionResult | Response> {
  const auth = await requireUser(request, context);
  const id = idParam(params);
  const formData = await readForm(request);
  const parsedIntent = intentSchema.safeParse({ intent: formData.get("intent") });
  if (!parsedIntent.success) throw new Response("Unknown action", { status: 400 });
  const intent = parsedIntent.data.intent;
  // Who may act is asked before the form is read, so a refused user never gets field errors.
  await requireCopy(auth, id, intent === "acknowledge" ? "dissemination.acknowledged" : "dissemination.information_requested");
  try {
    if (intent === "acknowledge") {
      const form = parseFormData(formData, acknowledgeSchema);
      if (!form.success) return { intent, errors: form.errors, values: form.values };
      await acknowledgeDissemination(auth, id, form.data);
      return redirect(`/inbox/${id}?done=acknowledged`);
    }
    const form = parseFormData(formData, informationRequestSchema);
    if (!form.success) return { intent, errors: form.errors, values: form.values };
    await requestMoreInformation(auth, id, form.data);
    return redirect(`/inbox/${id}?done=requested`);
  } catch (error) {
    if (error instanceof FormAlreadySent) {
      if (error.location) return redirect(error.location);
      return { intent, errors: { form: "This form has expired. Reload the page and try again." }, values: {} };
    }
    throw error;
  }
}

export default function ReceivedDissemination() {
  const { dissemination: d, message, acknowledgeToken, requestToken } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <DisseminationHeader back={{ to: "/inbox", label: "Inbox" }} message={message} errors={result?.errors} dissemination={d} />
      <div className="govuk-inset-text">
        <PlainText text={d.body} />
      </div>
      <SummaryList
        rows={[
          { key: "From", value: `${d.senderOrganisation.name}, ${d.sentAt}` },
          { key: "Shared under", value: `${d.agreement.reference}: ${d.agreement.title}` },
          { key: "Handling code", value: d.handlingCode === "C" ? "C: sharing permitted subject to the conditions above" : "P: lawful sharing permitted" },
          { key: "Data categories", value: d.dataCategories.join(", ") },
          {
            key: "Acknowledged",
            value: d.acknowledgedAt ? `By ${d.acknowledgedBy ?? "a former colleague"}, ${d.acknowledgedAt}` : "Not yet",
          },
        ]}
      />
      {d.canAcknowledge ? (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="acknowledge" />
          <FormTokenInput token={acknowledgeToken} />
          <Button>Acknowledge: we have read it</Button>
        </Form>
      ) : null}

      <h2 className="govuk-heading-m">Ask for more</h2>
      {d.requests.length === 0 ? null : (
        <ul className="govuk-list" data-testid="information-requests">
          {d.requests.map((r) => (
            <li key={r.id} className="govuk-!-margin-bottom-4">
              <p className="govuk-body govuk-!-margin-bottom-1">
                {r.requester} asked, {r.createdAt}: <RequestStatusTag status={r.status} />
              </p>
              <div className="govuk-inset-text govuk-!-margin-top-1">
                <PlainText text={r.question} />
              </div>
              {r.response ? (
                <p className="govuk-body">
                  <strong>{r.status === "DECLINED" ? "Declined" : "Answer"}</strong> ({r.respondedAt}): <PlainText text={r.response} />
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {d.canRequest ? (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="request" />
          <FormTokenInput token={requestToken} />
          <Textarea
            name="question"
            label="What more do you need to know, and why?"
            hint="The police owner of this dissemination answers, or tells you why they cannot."
            error={result?.intent === "request" ? result.errors.question : undefined}
            defaultValue={result?.intent === "request" ? valueOf(result.values, "question") : undefined}
            rows={4}
          />
          <Button variant="secondary">Send request</Button>
        </Form>
      ) : null}
    </>
  );
}
