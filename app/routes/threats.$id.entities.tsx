import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import type { EntityKind, PersonPart, VulnerabilityFlag } from "~/generated/prisma/enums";
import { Button, Choices, ErrorSummary, FormTokenInput, Select, Textarea, TextInput, valueOf, valuesOf, type Errors } from "~/components/form";
import { Breadcrumbs, SuccessBanner } from "~/components/navigation";
import { ThreatSections } from "~/components/threats";
import { useFocusOnChoice } from "~/components/use-focus-on-choice";
import { requireUser } from "~/modules/auth/auth.server";
import { ENTITY_KIND_LABELS } from "~/modules/intelligence/labels";
import { addEntitySchema, removeEntitySchema, updateEntitySchema } from "~/modules/threats/forms.server";
import { PERSON_PART_LABELS, VULNERABILITY_FLAG_LABELS } from "~/modules/threats/labels";
import {
  addThreatEntity,
  removeThreatEntity,
  requireThreatAccess,
  threatForEditing,
  ThreatRefused,
  updateThreatEntity,
} from "~/modules/threats/threats.server";
import { newFormToken } from "~/utils/form-token.server";
import { parseFormData, readForm, type FormValues } from "~/utils/forms.server";
import { idParam, parseQuery } from "~/utils/request.server";
import { optionalQuery, queryFlag, uuid } from "~/utils/input";
import { ScrollableTable } from "~/components/table";

export const meta: MetaFunction = () => [{ title: "Threat entities – Partnership Intelligence Portal" }];

const pageQuery = z.object({ added: queryFlag, updated: queryFlag, removed: queryFlag, edit: optionalQuery(uuid) });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const id = idParam(params);
  const { edit, ...banners } = parseQuery(request, pageQuery);
  await requireThreatAccess(auth, id, "update", "threat.viewed");
  const threat = await threatForEditing(auth, id);
  return { threat: { id: threat.id, reference: threat.reference, title: threat.title, entities: threat.entities }, banners, edit: edit ?? null, formToken: newFormToken() };
}

const intentSchema = z.object({ intent: z.enum(["add", "update", "remove"]) });
type Intent = z.infer<typeof intentSchema>["intent"];
type ActionResult = { intent: Intent; entityId?: string; errors: Record<string, string>; values: FormValues };

export async function action({ request, context, params }: ActionFunctionArgs): Promise<ActionResult | Response> {
  const auth = await requireUser(request, context);
  const id = idParam(params);
  const formData = await readForm(request);
  const parsedIntent = intentSchema.safeParse({ intent: formData.get("intent") });
  if (!parsedIntent.success) throw new Response("Unknown action", { status: 400 });
  const intent = parsedIntent.data.intent;
  const attempted = intent === "add" ? "threat.entity_added" : intent === "update" ? "threat.entity_updated" : "threat.entity_removed";
  // Who may act is asked before the form is read, so a refused user never gets field errors.
  await requireThreatAccess(auth, id, "update", attempted);
  const handle = async <S extends z.ZodType>(schema: S, change: (data: z.infer<S>) => Promise<string>): Promise<ActionResult | Response> => {
    const form = parseFormData(formData, schema);
    const entityId = typeof form.values.entityId === "string" ? form.values.entityId : undefined;
    if (!form.success) return { intent, entityId, errors: form.errors, values: form.values };
    try {
      return redirect(await change(form.data));
    } catch (error) {
      if (error instanceof ThreatRefused) return { intent, entityId, errors: { [error.field]: error.message }, values: form.values };
      throw error;
    }
  };
  switch (intent) {
    case "add":
      return handle(addEntitySchema, async (data) => (await addThreatEntity(auth, id, data)).location);
    case "update":
      return handle(updateEntitySchema, async (data) => {
        await updateThreatEntity(auth, id, data);
        return `/threats/${id}/entities?updated=1`;
      });
    case "remove":
      return handle(removeEntitySchema, async (data) => {
        await removeThreatEntity(auth, id, data.entityId);
        return `/threats/${id}/entities?removed=1`;
      });
  }
}

const partOptions = [{ value: "", label: "Not a person" }, ...Object.entries(PERSON_PART_LABELS).map(([value, label]) => ({ value, label }))];
const flagOptions = Object.entries(VULNERABILITY_FLAG_LABELS).map(([value, label]) => ({ value, label }));

function PersonFields({
  prefix,
  errors,
  part,
  flags,
}: {
  prefix: string;
  errors: Errors;
  part?: string | null;
  flags: string[];
}) {
  return (
    <>
      <Select name="part" label={`${prefix}part in the threat (people only)`} error={errors?.part} defaultValue={part ?? ""} options={partOptions} />
      <Choices kind="checkbox" name="vulnerabilityFlags" legend={`${prefix}vulnerability (people only)`} small error={errors?.vulnerabilityFlags} selected={flags} options={flagOptions} />
    </>
  );
}

interface EntityRow {
  id: string;
  kind: EntityKind;
  displayValue: string;
  part: PersonPart | null;
  vulnerabilityFlags: VulnerabilityFlag[];
  notes: string | null;
}

export default function ThreatEntities() {
  const { threat: t, banners, edit, formToken } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const addErrors = actionData?.intent === "add" ? actionData.errors : undefined;
  const addValues = actionData?.intent === "add" ? actionData.values : undefined;
  const entities = t.entities as EntityRow[];
  // One form at a time besides the remove buttons, so every field id on the page is unique.
  const editing = entities.find((e) => e.id === (actionData?.intent === "update" ? actionData.entityId : edit));
  const changeHeading = useFocusOnChoice<HTMLHeadingElement>(editing?.id);
  const editErrors = actionData?.intent === "update" ? actionData.errors : undefined;
  return (
    <>
      <Breadcrumbs items={[{ label: "Threats", to: "/threats" }, { label: t.reference, to: `/threats/${t.id}` }]} />
      {banners.added ? <SuccessBanner>The entity has been linked to the threat.</SuccessBanner> : null}
      {banners.updated ? <SuccessBanner>The entity has been changed.</SuccessBanner> : null}
      {banners.removed ? <SuccessBanner>The entity has been removed from the threat.</SuccessBanner> : null}
      <ErrorSummary errors={actionData?.errors} />
      <span className="govuk-caption-l">{t.reference}</span>
      <h1 className="govuk-heading-l">People, vehicles and identifiers</h1>
      <ThreatSections id={t.id} current="/entities" />
      {t.entities.length === 0 ? (
        <p className="govuk-body">None linked yet.</p>
      ) : (
        <ScrollableTable label={`Linked to ${t.title}`}>
          <table className="govuk-table" data-testid="threat-entities">
            <caption className="govuk-table__caption govuk-table__caption--m">Linked to {t.title}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Kind</th>
                <th scope="col" className="govuk-table__header">Entity</th>
                <th scope="col" className="govuk-table__header">Change</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {entities.map((e) => (
                <tr key={e.id} className="govuk-table__row">
                  <td className="govuk-table__cell">{ENTITY_KIND_LABELS[e.kind]}</td>
                  <td className="govuk-table__cell">
                    <strong>{e.displayValue}</strong>
                    {e.part ? <span className="govuk-tag govuk-tag--grey govuk-!-margin-left-1">{PERSON_PART_LABELS[e.part]}</span> : null}
                    {e.vulnerabilityFlags.length ? (
                      <p className="govuk-body-s govuk-!-margin-bottom-0">Vulnerable: {e.vulnerabilityFlags.map((f) => VULNERABILITY_FLAG_LABELS[f]).join(", ")}</p>
                    ) : null}
                    {e.notes ? <p className="govuk-body-s govuk-!-margin-bottom-0">{e.notes}</p> : null}
                  </td>
                  <td className="govuk-table__cell">
                    <p className="govuk-body">
                      <Link className="govuk-link" to={`?edit=${e.id}#change`}>
                        Change<span className="govuk-visually-hidden"> {e.displayValue}</span>
                      </Link>
                    </p>
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="entityId" value={e.id} />
                      <Button variant="warning">
                        Remove<span className="govuk-visually-hidden"> {e.displayValue}</span>
                      </Button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {editing ? (
            <>
              <h2 className="govuk-heading-m" id="change" tabIndex={-1} ref={changeHeading}>
                Change {editing.displayValue}
              </h2>
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="update" />
                <input type="hidden" name="entityId" value={editing.id} />
                <input type="hidden" name="kind" value={editing.kind} />
                {editing.kind === "PERSON" ? <PersonFields prefix="Their " errors={editErrors} part={editing.part} flags={editing.vulnerabilityFlags} /> : null}
                <Textarea name="notes" label="Notes (optional)" rows={2} error={editErrors?.notes} defaultValue={editing.notes ?? ""} />
                <Button>Save changes</Button>
              </Form>
            </>
          ) : (
            <>
              <h2 className="govuk-heading-m">Link an entity</h2>
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="add" />
                <FormTokenInput token={formToken} />
                <Select
                  name="kind"
                  label="Kind"
                  error={addErrors?.kind}
                  defaultValue={valueOf(addValues, "kind") ?? "PERSON"}
                  options={Object.entries(ENTITY_KIND_LABELS).map(([value, label]) => ({ value, label }))}
                />
                <TextInput name="displayValue" label="Name, registration, address, number or handle" error={addErrors?.displayValue} defaultValue={valueOf(addValues, "displayValue")} />
                <PersonFields prefix="Their " errors={addErrors} part={valueOf(addValues, "part")} flags={valuesOf(addValues, "vulnerabilityFlags")} />
                <Textarea name="notes" label="Notes (optional)" rows={2} error={addErrors?.notes} defaultValue={valueOf(addValues, "notes")} />
                <Button>Link entity</Button>
              </Form>
            </>
          )}
        </div>
      </div>
    </>
  );
}
