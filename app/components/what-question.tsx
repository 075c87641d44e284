import { Form } from "@remix-run/react";
import { Button, Choices, ErrorSummary, FormTokenInput, Textarea, valueOf } from "~/components/form";
import { BackLink } from "~/components/intelligence";
import type { ThreatType } from "~/generated/prisma/enums";
import { enumOptions, THREAT_TYPE_HINTS, THREAT_TYPE_LABELS } from "~/modules/intelligence/labels";
import { TEXT_LIMITS } from "~/modules/intelligence/text";

/**
 * The first question of a submission, for a new draft (/submissions/new/what, which creates the
 * draft on the first save) and an existing one (/submissions/:id/what).
 */
export function WhatQuestion({
  action,
  backTo,
  saved,
  result,
  formToken,
}: {
  action: string;
  backTo: string;
  saved: { threatType: ThreatType | null; narrative: string | null };
  result: { errors: Record<string, string>; values: Record<string, string | string[]> } | undefined;
  formToken?: string;
}) {
  const values = result?.values;
  return (
    <>
      <BackLink to={backTo} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={result?.errors} />
          <span className="govuk-caption-l">Share intelligence</span>
          <h1 className="govuk-heading-l">What do you know?</h1>
          <Form method="post" action={action} noValidate>
            {formToken ? <FormTokenInput token={formToken} /> : null}
            <Choices
              kind="radio"
              name="threatType"
              legend="What type of serious and organised crime is it?"
              hint="Choose the closest match. An analyst can change it later."
              error={result?.errors.threatType}
              options={enumOptions(THREAT_TYPE_LABELS).map((o) => ({ ...o, hint: THREAT_TYPE_HINTS[o.value] }))}
              selected={values ? valueOf(values, "threatType") : (saved.threatType ?? undefined)}
              small
            />
            <Textarea
              name="narrative"
              label="What do you know?"
              hint={`Say what was seen or said, by whom, and how your organisation knows. Do not include the name of the person who told you unless you must. Up to ${TEXT_LIMITS.narrative.toLocaleString("en-GB")} characters.`}
              error={result?.errors.narrative}
              defaultValue={values ? valueOf(values, "narrative") : (saved.narrative ?? "")}
              rows={10}
            />
            <Button>Save and continue</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
