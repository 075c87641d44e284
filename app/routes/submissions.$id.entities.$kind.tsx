import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary, Select, TextInput, valueOf } from "~/components/form";
import { DateInput } from "~/components/date-input";
import { BackLink } from "~/components/intelligence";
import type { EntityKind } from "~/generated/prisma/enums";
import { draftSentResponse, loadDraft, loadDraftForChange, writeDraft } from "~/modules/intelligence/draft-route.server";
import { entityFormValues, type EntityInput } from "~/modules/intelligence/entities";
import {
  addressSchema,
  handleSchema,
  organisationEntitySchema,
  personSchema,
  phoneSchema,
  vehicleSchema,
} from "~/modules/intelligence/forms";
import { AGE_RANGES, ENTITY_ADD_LABELS, ENTITY_CHANGE_LABELS, ENTITY_KIND_SLUGS } from "~/modules/intelligence/labels";
import { addEntity, entityGroupOf, replaceEntityGroup, type Draft } from "~/modules/intelligence/submissions.server";
import { keepPageWhenDraftSent } from "~/modules/intelligence/stale-draft";
import { parseFormData, readForm, type FormResult } from "~/utils/forms.server";
import { z } from "zod";
import { notFound, parseParams, parseQuery } from "~/utils/request.server";
import { optionalQuery, uuid } from "~/utils/input";

export const meta: MetaFunction = () => [{ title: "Add someone or something – Share intelligence" }];

const KINDS = Object.keys(ENTITY_KIND_SLUGS) as EntityKind[];
/** The draft's id and the kind of entity from its URL slug (`/entities/vehicle`): otherwise 404. */
const entityParams = z.object({
  id: uuid,
  kind: z
    .string()
    .transform((slug) => KINDS.find((k) => ENTITY_KIND_SLUGS[k] === slug))
    .pipe(z.enum(KINDS as [EntityKind, ...EntityKind[]])),
});

/** A draft sent meanwhile: keep the page, with the notice and what was typed. */
export const shouldRevalidate = keepPageWhenDraftSent;

/** `?group=`: change one thing already added (its form comes filled in); otherwise add a new one. */
const changeQuery = z.object({ group: optionalQuery(uuid) });

/** The rows of the thing being changed, or 404 when the draft has no such thing of this kind. */
function groupToChange(draft: Draft, kind: EntityKind, group: string) {
  const rows = entityGroupOf(draft.entities, group);
  if (rows.length === 0 || rows.some((row) => row.kind !== kind)) throw notFound();
  return rows;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { id, kind } = parseParams(params, entityParams);
  const { group } = parseQuery(request, changeQuery);
  const { draft } = await loadDraft(request, context, id);
  const values = group ? entityFormValues(groupToChange(draft, kind, group)) : null;
  return {
    id: draft.id,
    kind,
    slug: ENTITY_KIND_SLUGS[kind],
    heading: group ? ENTITY_CHANGE_LABELS[kind] : ENTITY_ADD_LABELS[kind],
    group: group ?? null,
    values,
  };
}

/** Parses the form for `kind` into the typed input the module stores. */
function parseEntity(kind: EntityKind, formData: FormData): FormResult<EntityInput> {
  const wrap = <T,>(result: FormResult<T>, make: (data: T) => EntityInput): FormResult<EntityInput> =>
    result.success ? { success: true, data: make(result.data), values: result.values } : result;
  switch (kind) {
    case "PERSON":
      return wrap(parseFormData(formData, personSchema), (data) => ({ kind, data }));
    case "VEHICLE":
      return wrap(parseFormData(formData, vehicleSchema), (data) => ({ kind, data }));
    case "ADDRESS":
      return wrap(parseFormData(formData, addressSchema), (data) => ({ kind, data }));
    case "PHONE":
      return wrap(parseFormData(formData, phoneSchema), (data) => ({ kind, data }));
    case "ONLINE_HANDLE":
      return wrap(parseFormData(formData, handleSchema), (data) => ({ kind, data }));
    case "ORGANISATION":
      return wrap(parseFormData(formData, organisationEntitySchema), (data) => ({ kind, data }));
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { id, kind } = parseParams(params, entityParams);
  const { group } = parseQuery(request, changeQuery);
  const { auth, draft, sent } = await loadDraftForChange(request, context, id);
  const form = parseEntity(kind, await readForm(request));
  if (sent !== null) return draftSentResponse(sent, form.values);
  if (group) groupToChange(draft, kind, group);
  if (!form.success) return { errors: form.errors, values: form.values };
  const input = form.data;
  const refused = await writeDraft(form.values, async () => {
    if (!group) return addEntity(auth, draft, input);
    // Removed in another tab since the page was loaded: nothing to change.
    if (!(await replaceEntityGroup(auth, draft, group, input))) throw notFound();
  });
  if (refused) return refused;
  return redirect(`/submissions/${draft.id}/entities`);
}

export default function AddEntity() {
  const { id, kind, slug, heading, group, values } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const v = (name: string) => valueOf(result?.values ?? values ?? undefined, name);
  return (
    <>
      <BackLink to={`/submissions/${id}/entities`} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <span className="govuk-caption-l">Share intelligence</span>
          <h1 className="govuk-heading-l">{heading}</h1>
          <Form method="post" action={`/submissions/${id}/entities/${slug}${group ? `?group=${group}` : ""}`} noValidate>
            {kind === "PERSON" ? (
              <>
                <TextInput name="name" label="Full name (optional if you know a nickname)" error={errors?.name} defaultValue={v("name")} autoComplete="off" />
                <TextInput name="nickname" label="Nickname or street name (optional)" hint="For example, the name they use on the street or online." error={errors?.nickname} defaultValue={v("nickname")} autoComplete="off" />
                <DateInput name="dateOfBirth" legend="Date of birth (optional)" hint="For example, 31 3 1990" error={errors?.dateOfBirth} values={result?.values ?? values ?? undefined} />
                <Select
                  name="ageRange"
                  label="Age range, if you do not know the date of birth (optional)"
                  error={errors?.ageRange}
                  defaultValue={v("ageRange") ?? ""}
                  options={[{ value: "", label: "Not known" }, ...AGE_RANGES.map((a) => ({ value: a, label: a }))]}
                />
              </>
            ) : null}
            {kind === "VEHICLE" ? (
              <>
                <TextInput name="registration" label="Registration" hint="For example, AB12 CDE" error={errors?.registration} defaultValue={v("registration")} width="10" autoComplete="off" />
                <TextInput name="make" label="Make and model (optional)" error={errors?.make} defaultValue={v("make")} />
                <TextInput name="colour" label="Colour (optional)" error={errors?.colour} defaultValue={v("colour")} width="20" />
              </>
            ) : null}
            {kind === "ADDRESS" ? (
              <>
                <TextInput name="address" label="Address" hint="For example, Flat 4, 12 High Street, Telford" error={errors?.address} defaultValue={v("address")} autoComplete="off" />
                <TextInput name="postcode" label="Postcode (optional)" error={errors?.postcode} defaultValue={v("postcode")} width="10" autoComplete="off" />
              </>
            ) : null}
            {kind === "PHONE" ? (
              <TextInput name="phone" type="tel" label="Phone number" hint="For example, 07700 900982 or +44 7700 900982" error={errors?.phone} defaultValue={v("phone")} width="20" autoComplete="off" />
            ) : null}
            {kind === "ONLINE_HANDLE" ? (
              <>
                <TextInput name="handle" label="Handle or username" hint="For example, @example_user" error={errors?.handle} defaultValue={v("handle")} width="20" autoComplete="off" spellCheck={false} />
                <TextInput name="platform" label="Platform or app (optional)" hint="For example, Snapchat or Telegram" error={errors?.platform} defaultValue={v("platform")} width="20" />
              </>
            ) : null}
            {kind === "ORGANISATION" ? (
              <TextInput name="name" label="Name of the organisation or business" error={errors?.name} defaultValue={v("name")} autoComplete="off" />
            ) : null}
            <Button>{group ? "Save changes" : "Add"}</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
