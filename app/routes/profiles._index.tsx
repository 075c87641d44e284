import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, ErrorSummary, FormTokenInput, Select } from "~/components/form";
import { requireUser } from "~/modules/auth/auth.server";
import { formatDate } from "~/utils/dates";
import { listProfiles, requireProfileStart, startProfile } from "~/modules/profiles/profiles.server";
import { VERSION_STATUS_LABELS } from "~/modules/profiles/labels";
import { parseForm } from "~/utils/forms.server";
import { newFormToken, formTokenSchema } from "~/utils/form-token.server";
import { uuid } from "~/utils/input";
import { ScrollableTable } from "~/components/table";

export const meta: MetaFunction = () => [{ title: "SOC local profiles – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  return { ...(await listProfiles(auth)), formToken: newFormToken() };
}

const startSchema = z.object({
  intent: z.literal("start"),
  areaId: uuid.or(z.literal("")).refine((v) => v !== "", "Choose the area"),
  formToken: formTokenSchema,
});

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await requireUser(request, context);
  await requireProfileStart(auth);
  const form = await parseForm(request, startSchema);
  if (!form.success) return { errors: form.errors };
  const started = await startProfile(auth, form.data.areaId, form.data.formToken);
  if ("error" in started) return { errors: { areaId: started.error } };
  if ("repeatOf" in started) return started.repeatOf ? redirect(started.repeatOf) : { errors: { form: "This form has expired. Reload the page and try again." } };
  return redirect(`/profiles/${started.id}`);
}

export default function Profiles() {
  const { profiles, startable, formToken } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && "errors" in result ? result.errors : undefined;
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">SOC local profiles</h1>
      <p className="govuk-body">
        A shared picture of serious and organised crime in each area, published by the police for their partners: a narrative and
        aggregate figures, never personal data.
      </p>
      {profiles.length === 0 ? (
        <p className="govuk-body">There are no profiles you can read yet.</p>
      ) : (
        <ScrollableTable label="Profiles by area">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Profiles by area</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Area</th>
                <th scope="col" className="govuk-table__header">Published by</th>
                <th scope="col" className="govuk-table__header">Published version</th>
                <th scope="col" className="govuk-table__header">Latest version</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {profiles.map((p) => (
                <tr key={p.id} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/profiles/${p.id}`}>{p.areaName}</Link>
                  </td>
                  <td className="govuk-table__cell">{p.ownerName}</td>
                  <td className="govuk-table__cell">{p.published ? `Version ${p.published.number}, ${formatDate(p.published.publishedAt)}` : "Not published yet"}</td>
                  <td className="govuk-table__cell">{p.latest ? `Version ${p.latest.number}: ${VERSION_STATUS_LABELS[p.latest.status]}` : "None"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      {startable.length > 0 ? (
        <Form method="post" noValidate>
          <h2 className="govuk-heading-m">Start a profile</h2>
          <input type="hidden" name="intent" value="start" />
          <FormTokenInput token={formToken} />
          <Select
            name="areaId"
            label="Area"
            error={errors?.areaId}
            options={[{ value: "", label: "Choose an area" }, ...startable.map((a) => ({ value: a.id, label: a.name }))]}
          />
          <Button>Start the profile</Button>
        </Form>
      ) : null}
    </>
  );
}
