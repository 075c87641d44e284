import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, ErrorSummary, FormTokenInput, Select, Textarea, TextInput, valueOf } from "~/components/form";
import { Pagination } from "~/components/navigation";
import { NotificationBanner } from "~/components/notification-banner";
import { requireUser } from "~/modules/auth/auth.server";
import { listGoodPractice, recordGoodPractice, requireGoodPracticeAuthor } from "~/modules/good-practice/good-practice.server";
import { formatDate } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { parseForm, type FormValues } from "~/utils/forms.server";
import { formTokenSchema, newFormToken } from "~/utils/form-token.server";
import { blankToUndefined, keysetCursorFields, optionalQuery, queryFlag, queryText, uuid } from "~/utils/input";
import { keysetParams } from "~/utils/keyset";
import { parseQuery } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Good practice – Partnership Intelligence Portal" }];

const listQuery = z.object({ q: queryText(200), area: optionalQuery(uuid), done: queryFlag, ...keysetCursorFields });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const { q, area, done, after, before } = parseQuery(request, listQuery);
  const [page, areas] = await Promise.all([
    listGoodPractice(auth, { q, areaId: area }, keysetParams({ after, before })),
    // The four (or a few more) areas of the region: a short, fixed list.
    prisma.area.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return {
    page,
    areas,
    filters: { q: q ?? "", area: area ?? "" },
    done,
    mayRecord: auth.ability.can("create", "GoodPractice"),
    formToken: newFormToken(),
  };
}

const optionalText = (max: number, message: string) => z.preprocess(blankToUndefined, z.string().trim().max(max, message).optional());

const recordSchema = z.object({
  intent: z.literal("record"),
  title: z.string().trim().min(1, "Enter a title").max(200, "The title must be 200 characters or fewer"),
  whatWorked: z.string().trim().min(1, "Say what was done").max(5000, "What was done must be 5,000 characters or fewer"),
  whatResulted: z.string().trim().min(1, "Say what resulted").max(5000, "What resulted must be 5,000 characters or fewer"),
  areaId: z.preprocess(blankToUndefined, uuid.optional()),
  linkReference: optionalText(60, "The reference must be 60 characters or fewer"),
  formToken: formTokenSchema,
});

export async function action({ request, context }: ActionFunctionArgs): Promise<Response | { errors: Record<string, string>; values: FormValues }> {
  const auth = await requireUser(request, context);
  await requireGoodPracticeAuthor(auth);
  const form = await parseForm(request, recordSchema);
  if (!form.success) return { errors: form.errors, values: form.values };
  const recorded = await recordGoodPractice(auth, form.data);
  if (!recorded.ok) return { errors: recorded.errors, values: form.values };
  return redirect(recorded.location);
}

export default function GoodPractice() {
  const { page, areas, filters, done, mayRecord, formToken } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = result?.values;
  const filterQuery = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== "")).toString();
  const pageLink = (key: "after" | "before", cursor: string | null) => (cursor ? `/good-practice?${filterQuery ? `${filterQuery}&` : ""}${key}=${cursor}` : null);
  return (
    <>
      <ErrorSummary errors={errors} />
      {done ? <NotificationBanner kind="success" heading="Good practice recorded" /> : null}
      <h1 className="govuk-heading-l">Good practice</h1>
      <p className="govuk-body">What worked, recorded by partners and the police, so others can find it and do the same.</p>

      <Form method="get" className="govuk-!-margin-bottom-6">
        <TextInput name="q" label="Search titles and descriptions" defaultValue={filters.q} width="20" />
        <Select name="area" label="Area" defaultValue={filters.area} options={[{ value: "", label: "All areas" }, ...areas.map((a) => ({ value: a.id, label: a.name }))]} />
        <Button variant="secondary">Apply filters</Button>
      </Form>

      {page.items.length === 0 ? (
        <p className="govuk-body">No good practice matches.</p>
      ) : (
        <ul className="govuk-list" data-testid="good-practice">
          {page.items.map((item) => (
            <li key={item.id} className="govuk-!-margin-bottom-6">
              <h2 className="govuk-heading-m govuk-!-margin-bottom-1">{item.title}</h2>
              <p className="govuk-body-s govuk-!-margin-bottom-2">
                {item.reference} · {item.organisation.name}
                {item.area ? ` · ${item.area.name}` : ""} · {formatDate(item.createdAt)}
                {item.linkedTo.length > 0 ? ` · linked to ${item.linkedTo.join(", ")}` : ""}
              </p>
              <dl className="govuk-summary-list govuk-summary-list--no-border">
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">What was done</dt>
                  <dd className="govuk-summary-list__value app-pre-line">{item.whatWorked}</dd>
                </div>
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">What resulted</dt>
                  <dd className="govuk-summary-list__value app-pre-line">{item.whatResulted}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
      <Pagination previous={pageLink("before", page.previous)} next={pageLink("after", page.next)} />

      {mayRecord ? (
        <Form method="post" noValidate>
          <h2 className="govuk-heading-m">Record good practice</h2>
          <input type="hidden" name="intent" value="record" />
          <FormTokenInput token={formToken} />
          <TextInput name="title" label="Title" error={errors?.title} defaultValue={valueOf(values, "title")} />
          <Textarea name="whatWorked" label="What was done" error={errors?.whatWorked} defaultValue={valueOf(values, "whatWorked")} rows={4} />
          <Textarea name="whatResulted" label="What resulted" error={errors?.whatResulted} defaultValue={valueOf(values, "whatResulted")} rows={4} />
          <Select
            name="areaId"
            label="Area (optional)"
            error={errors?.areaId}
            defaultValue={valueOf(values, "areaId")}
            options={[{ value: "", label: "Not one area" }, ...areas.map((a) => ({ value: a.id, label: a.name }))]}
          />
          <TextInput
            name="linkReference"
            label="Threat, action, plan or outcome reference (optional)"
            hint="For example THR-2026-0001. Only records you can see can be linked."
            error={errors?.linkReference}
            defaultValue={valueOf(values, "linkReference")}
            width="20"
          />
          <Button>Record it</Button>
        </Form>
      ) : null}
    </>
  );
}
