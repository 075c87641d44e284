import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, Choices, ErrorSummary, FormTokenInput, Select, Textarea, TextInput, valueOf, valuesOf } from "~/components/form";
import { TriageHeader } from "~/components/triage";
import type { AuditAction } from "~/modules/audit/actions";
import { createThreatSchema, linkThreatSchema } from "~/modules/intelligence/forms";
import { enumOptions, THREAT_TYPE_LABELS } from "~/modules/intelligence/labels";
import { handleTriageForm, loadTriagePage, readTriageAction } from "~/modules/intelligence/triage-route.server";
import { assessOptions, createThreatAndLink, linkThreat, requireAssessable } from "~/modules/intelligence/triage.server";
import { triagePath } from "~/modules/intelligence/triage-pages";
import { badRequest } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Threat – Assess intelligence – Partnership Intelligence Portal" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { auth, submission: s, header, notice, formToken } = await loadTriagePage(request, context, params);
  const options = await assessOptions(auth);
  return {
    header,
    notice,
    formToken,
    threat: s.threat,
    threatType: s.threatType,
    areaId: s.areaId,
    userId: auth.user.id,
    options,
  };
}

const intentSchema = z.object({ intent: z.enum(["linkThreat", "createThreat"]) });
type Intent = z.infer<typeof intentSchema>["intent"];

/** What each change is recorded as, also when it is refused. */
const ATTEMPTED: Record<Intent, AuditAction> = {
  linkThreat: "submission.linked",
  createThreat: "threat.created",
};

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { auth, id, formData } = await readTriageAction(request, context, params);
  const parsed = intentSchema.safeParse({ intent: formData.get("intent") });
  if (!parsed.success) throw badRequest("Unknown action");
  const intent = parsed.data.intent;
  // Who may act is asked before the form is read, so a refused user never gets field errors.
  await requireAssessable(auth, id, ATTEMPTED[intent]);
  switch (intent) {
    case "linkThreat":
      // Also the correlation panel's one-click link (the summary page posts here with the threat's id).
      return handleTriageForm(intent, formData, linkThreatSchema, triagePath(id, "link", "linked"), (data, once) => linkThreat(auth, id, data.threatId, once));
    case "createThreat":
      return handleTriageForm(intent, formData, createThreatSchema, triagePath(id, "link", "threat-created"), (data, once) => createThreatAndLink(auth, id, data, once));
  }
}

export default function LinkPage() {
  const { header, notice, formToken, threat, threatType, areaId, userId, options } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = (intent: Intent) => (result?.intent === intent ? result : undefined);
  const errorsFor = (intent: Intent) => failed(intent)?.errors;
  const pick = (intent: Intent, name: string, fallback: string | null | undefined) => {
    const values = failed(intent)?.values;
    return values ? valueOf(values, name) : (fallback ?? undefined);
  };
  const creating = failed("createThreat");
  return (
    <>
      <TriageHeader submission={header} current="link" notice={result ? null : notice} errorSummary={<ErrorSummary errors={result?.errors} />} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-l">Threat</h2>
          <p className="govuk-body" data-testid="linked-threat">
            {threat ? (
              <>
                Linked to <Link className="govuk-link" to={`/threats/${threat.id}`}>{`${threat.reference}: ${threat.title}`}</Link>.
              </>
            ) : (
              "Not linked to a threat."
            )}
          </p>
          {options.threats.length > 0 ? (
            <Form method="post" noValidate key={`${result ? "failed" : formToken}-linkThreat`}>
              <input type="hidden" name="intent" value="linkThreat" />
              <FormTokenInput token={formToken} />
              <Select name="threatId" label={threat ? "Link to a different threat" : "Link to an existing threat"} error={errorsFor("linkThreat")?.threatId}
                defaultValue={pick("linkThreat", "threatId", "")}
                options={[{ value: "", label: "Choose a threat" }, ...options.threats.map((t) => ({ value: t.id, label: `${t.reference}: ${t.title}` }))]} />
              <Button variant="secondary">Link to threat</Button>
            </Form>
          ) : null}
          <h2 className="govuk-heading-m" id="createThreat">Create a new threat and link this submission</h2>
          <Form method="post" noValidate key={`${result ? "failed" : formToken}-createThreat`}>
            <input type="hidden" name="intent" value="createThreat" />
            <FormTokenInput token={formToken} />
            <TextInput name="title" label="Title" error={errorsFor("createThreat")?.title} defaultValue={pick("createThreat", "title", "")} />
            <Select name="threatType" label="Type" error={errorsFor("createThreat")?.threatType}
              defaultValue={pick("createThreat", "threatType", threatType)} options={enumOptions(THREAT_TYPE_LABELS)} />
            <Choices kind="checkbox" name="areaIds" legend="Areas" small error={errorsFor("createThreat")?.areaIds}
              options={options.areas.map((a) => ({ value: a.id, label: a.name }))}
              selected={creating ? valuesOf(creating.values, "areaIds") : areaId ? [areaId] : []} />
            <Select name="leadAnalystId" label="Lead analyst" error={errorsFor("createThreat")?.leadAnalystId}
              defaultValue={pick("createThreat", "leadAnalystId", userId)}
              options={options.analysts.map((a) => ({ value: a.id, label: a.name }))} />
            <Textarea name="summary" label="Summary (optional)" error={errorsFor("createThreat")?.summary} defaultValue={pick("createThreat", "summary", "")} rows={3} />
            <Button variant="secondary">Create threat and link</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
