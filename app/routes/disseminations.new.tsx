import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, Choices, ErrorSummary, FormTokenInput, Textarea, TextInput, valueOf, valuesOf } from "~/components/form";
import { BackLink, ClassificationMarking, PlainText } from "~/components/intelligence";
import { requireUser } from "~/modules/auth/auth.server";
import {
  createDissemination,
  DisseminationRefused,
  FormAlreadySent,
  recipientChoices,
  requireSource,
  sourceForDissemination,
  termsProblems,
} from "~/modules/dissemination/disseminations.server";
import { createDisseminationSchema, newDisseminationQuery, sourceOf, termsSchema, type NewDisseminationQuery } from "~/modules/dissemination/forms.server";
import { DISSEMINATION_KIND_LABELS } from "~/modules/dissemination/labels";
import { CLASSIFICATION_HINTS, CLASSIFICATION_LABELS, DATA_CATEGORY_LABELS, enumOptions, HANDLING_CODE } from "~/modules/intelligence/labels";
import { newFormToken } from "~/utils/form-token.server";
import { parseFormData, readForm, type FormValues } from "~/utils/forms.server";
import { parseQuery } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Disseminate to partners – Partnership Intelligence Portal" }];

/** The page's address for a source and chosen terms. */
function pageHref(query: NewDisseminationQuery, terms?: { classification: string; dataCategories: string[] }): string {
  const params = new URLSearchParams();
  if (query.sanitisedReport) params.set("sanitisedReport", query.sanitisedReport);
  if (query.threat) params.set("threat", query.threat);
  if (terms) {
    params.set("classification", terms.classification);
    params.set("categories", terms.dataCategories.join(","));
  }
  return `/disseminations/new?${params.toString()}`;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const query = parseQuery(request, newDisseminationQuery);
  const source = await sourceForDissemination(auth, sourceOf(query));
  const terms = {
    classification: query.classification ?? source.classification,
    dataCategories: query.categories ?? source.dataCategories,
  };
  const termsErrors = termsProblems(source, terms);
  const recipients = Object.keys(termsErrors).length === 0 ? await recipientChoices(auth, terms) : [];
  return {
    source: {
      kind: source.kind,
      reference: source.reference,
      title: source.title,
      body: source.body,
      handlingCode: source.handlingCode,
      handlingConditions: source.handlingConditions,
      classification: source.classification,
    },
    terms,
    termsErrors,
    recipients,
    formToken: newFormToken(),
  };
}

const intentSchema = z.object({ intent: z.enum(["terms", "create"]) });

type ActionResult = { intent: "terms" | "create"; errors: Record<string, string>; values: FormValues };

export async function action({ request, context }: ActionFunctionArgs): Promise<ActionResult | Response> {
  const auth = await requireUser(request, context);
  const query = parseQuery(request, newDisseminationQuery);
  const formData = await readForm(request);
  const parsedIntent = intentSchema.safeParse({ intent: formData.get("intent") });
  if (!parsedIntent.success) throw new Response("Unknown action", { status: 400 });
  const intent = parsedIntent.data.intent;
  // Who may act is asked before the form is read, so a refused user never gets field errors.
  await requireSource(auth, sourceOf(query));
  if (intent === "terms") {
    const form = parseFormData(formData, termsSchema);
    if (!form.success) return { intent, errors: form.errors, values: form.values };
    return redirect(pageHref(query, form.data));
  }
  const form = parseFormData(formData, createDisseminationSchema);
  if (!form.success) return { intent, errors: form.errors, values: form.values };
  try {
    const { id } = await createDissemination(auth, sourceOf(query), form.data);
    return redirect(`/disseminations/${id}?done=created`);
  } catch (error) {
    if (error instanceof FormAlreadySent) {
      if (error.location) return redirect(error.location);
      return { intent, errors: { form: "This form has expired. Reload the page and try again." }, values: form.values };
    }
    if (error instanceof DisseminationRefused) return { intent, errors: { [error.field]: error.message }, values: form.values };
    throw error;
  }
}

export default function NewDissemination() {
  const { source, terms, termsErrors, recipients, formToken } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const termsResult = result?.intent === "terms" ? result : undefined;
  const createResult = result?.intent === "create" ? result : undefined;
  const errors = { ...termsErrors, ...termsResult?.errors, ...createResult?.errors };
  const values = createResult?.values;
  return (
    <>
      <BackLink to="/disseminations">Disseminations</BackLink>
      <span className="govuk-caption-l">
        {DISSEMINATION_KIND_LABELS[source.kind]} {source.reference}
      </span>
      <h1 className="govuk-heading-l">Disseminate to partners</h1>
      <ErrorSummary errors={errors} />
      <p className="govuk-body">
        Write what partners will read. It is frozen when it is sent: later changes to the source change nothing sent. A supervisor
        who is not you must approve it before anyone receives it.
      </p>

      <h2 className="govuk-heading-m">1. What it contains</h2>
      <p className="govuk-body">
        The classification and data categories decide who may receive it: only organisations with an agreement in force with your
        force whose classification ceiling and data categories cover them.
      </p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="terms" />
        <Choices
          kind="radio"
          name="classification"
          legend="Classification"
          hint={`The source is ${CLASSIFICATION_LABELS[source.classification]}: the dissemination cannot be classified lower.`}
          error={termsResult?.errors.classification ?? termsErrors.classification}
          options={enumOptions(CLASSIFICATION_LABELS).map((o) => ({ ...o, hint: CLASSIFICATION_HINTS[o.value] }))}
          selected={termsResult ? valueOf(termsResult.values, "classification") : terms.classification}
          small
        />
        <Choices
          kind="checkbox"
          name="dataCategories"
          legend="Data categories it contains"
          error={termsResult?.errors.dataCategories}
          options={enumOptions(DATA_CATEGORY_LABELS)}
          selected={termsResult ? valuesOf(termsResult.values, "dataCategories") : terms.dataCategories}
          small
        />
        <Button variant="secondary">Find who may receive it</Button>
      </Form>

      <h2 className="govuk-heading-m">2. The dissemination</h2>
      <ClassificationMarking classification={terms.classification} />
      <p className="govuk-body">Contains: {terms.dataCategories.map((c) => DATA_CATEGORY_LABELS[c]).join(", ")}</p>
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">The source, as the force holds it</span>
        </summary>
        <div className="govuk-details__text">
          <PlainText text={source.body || "No summary recorded."} />
        </div>
      </details>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="create" />
        <FormTokenInput token={formToken} />
        <input type="hidden" name="classification" value={terms.classification} />
        {terms.dataCategories.map((category) => (
          <input key={category} type="hidden" name="dataCategories" value={category} />
        ))}
        <TextInput name="title" label="Title for partners" error={createResult?.errors.title} defaultValue={valueOf(values, "title") ?? source.title} />
        <Textarea
          name="body"
          label="What partners will read"
          hint="Written for partners: nothing that could identify a source, and only what they need to act."
          error={createResult?.errors.body}
          defaultValue={valueOf(values, "body") ?? source.body}
          rows={10}
        />
        <Choices
          kind="radio"
          name="handlingCode"
          legend="Handling code"
          error={createResult?.errors.handlingCode}
          options={(["P", "C"] as const).map((code) => ({ value: code, label: HANDLING_CODE[code].label, hint: HANDLING_CODE[code].hint }))}
          selected={valueOf(values, "handlingCode") ?? source.handlingCode}
        />
        <Textarea
          name="handlingConditions"
          label="Conditions recipients must follow (handling code C)"
          error={createResult?.errors.handlingConditions}
          defaultValue={valueOf(values, "handlingConditions") ?? source.handlingConditions ?? ""}
          rows={3}
        />
        {recipients.length === 0 ? (
          <div className="govuk-inset-text" id="recipientIds">
            No organisation has an agreement in force with your force that permits this classification and these data categories.
          </div>
        ) : (
          <Choices
            kind="checkbox"
            name="recipientIds"
            legend="Recipient organisations"
            hint="Only organisations whose agreement in force with your force permits what it contains."
            error={createResult?.errors.recipientIds}
            options={recipients.map((r) => ({
              value: r.organisationId,
              label: r.organisationName,
              hint: `Under ${r.agreement.reference}: ${r.agreement.title}`,
            }))}
            selected={valuesOf(values, "recipientIds")}
          />
        )}
        <Button>Send for approval</Button>
      </Form>
    </>
  );
}
