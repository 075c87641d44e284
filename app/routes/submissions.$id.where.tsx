import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, Choices, ErrorSummary, TextInput, valueOf } from "~/components/form";
import { DateInput } from "~/components/date-input";
import { BackLink } from "~/components/intelligence";
import { utcToUkLocal } from "~/utils/dates";
import { afterStep, changeSuffix, draftSentResponse, loadDraft, loadDraftForChange, writeDraft } from "~/modules/intelligence/draft-route.server";
import { whereSchema } from "~/modules/intelligence/forms";
import { areaOptions, saveDraftStep } from "~/modules/intelligence/submissions.server";
import { keepPageWhenDraftSent } from "~/modules/intelligence/stale-draft";
import { parseForm } from "~/utils/forms.server";
import { idParam } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Where and when? – Share intelligence" }];

/** A draft sent meanwhile: keep the page, with the notice and what was typed. */
export const shouldRevalidate = keepPageWhenDraftSent;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { auth, draft } = await loadDraft(request, context, idParam(params));
  const from = draft.observedFrom ? utcToUkLocal(draft.observedFrom) : null;
  const to = draft.observedTo ? utcToUkLocal(draft.observedTo) : null;
  return {
    id: draft.id,
    suffix: changeSuffix(request),
    areas: await areaOptions(auth),
    saved: {
      areaId: draft.areaId ?? "",
      locationDescription: draft.locationDescription ?? "",
      postcode: draft.postcode ?? "",
      observedFromDate: from?.date ?? "",
      observedFromTime: from && from.time !== "00:00" ? from.time : "",
      observedToDate: to?.date ?? "",
      observedToTime: to && to.time !== "00:00" ? to.time : "",
    } as Record<string, string>,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { auth, draft, sent } = await loadDraftForChange(request, context, idParam(params));
  const form = await parseForm(request, whereSchema);
  if (sent !== null) return draftSentResponse(sent, form.values);
  if (!form.success) return { errors: form.errors, values: form.values };
  const areas = await areaOptions(auth);
  if (!areas.some((a) => a.id === form.data.areaId)) {
    return { errors: { areaId: "Select the area from the list" }, values: form.values };
  }
  const refused = await writeDraft(form.values, () => saveDraftStep(auth, draft, { step: "where", data: form.data }));
  if (refused) return refused;
  return afterStep(request, draft, "entities");
}

export default function WhereStep() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const value = (name: string) => (result?.values ? valueOf(result.values, name) : data.saved[name]);
  return (
    <>
      <BackLink to={data.suffix ? `/submissions/${data.id}/check` : `/submissions/${data.id}/what`} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={result?.errors} />
          <span className="govuk-caption-l">Share intelligence</span>
          <h1 className="govuk-heading-l">Where and when did it happen?</h1>
          <Form method="post" action={`/submissions/${data.id}/where${data.suffix}`} noValidate>
            <Choices
              kind="radio"
              name="areaId"
              legend="Which area is it in?"
              hint="The community safety partnership area."
              error={result?.errors.areaId}
              options={data.areas.map((a) => ({ value: a.id, label: a.name }))}
              selected={value("areaId")}
              small
            />
            <TextInput
              name="locationDescription"
              label="Address or place (optional)"
              hint="For example, a street, a park, a shop or a block of flats."
              error={result?.errors.locationDescription}
              defaultValue={value("locationDescription")}
            />
            <TextInput
              name="postcode"
              label="Postcode (optional)"
              error={result?.errors.postcode}
              defaultValue={value("postcode")}
              width="10"
              autoComplete="off"
            />
            <DateInput
              name="observedFromDate"
              legend="Date it was seen or happened"
              hint="If it went on over a period, give the date it started. For example, 27 3 2026"
              error={result?.errors.observedFromDate}
              values={result?.values ?? data.saved}
            />
            <TextInput
              name="observedFromTime"
              label="Time (optional)"
              hint="In 24-hour format, for example 14:30"
              error={result?.errors.observedFromTime}
              defaultValue={value("observedFromTime")}
              width="5"
            />
            <DateInput
              name="observedToDate"
              legend="Date the period ended (optional)"
              hint="Leave blank if it was a single event."
              error={result?.errors.observedToDate}
              values={result?.values ?? data.saved}
            />
            <TextInput
              name="observedToTime"
              label="End time (optional)"
              error={result?.errors.observedToTime}
              defaultValue={value("observedToTime")}
              width="5"
            />
            <Button>Save and continue</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
