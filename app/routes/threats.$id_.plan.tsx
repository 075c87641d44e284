import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, ErrorSummary, FormTokenInput } from "~/components/form";
import { NotificationBanner } from "~/components/notification-banner";
import { ActionFields, StrandTables } from "~/components/plans";
import { BackLink } from "~/components/intelligence";
import { DownloadLinks } from "~/components/navigation";
import { ThreatSections } from "~/components/threats";
import { requireUser } from "~/modules/auth/auth.server";
import { createAction, requirePlannableThreat, threatPlan } from "~/modules/plans/actions.server";
import { newActionSchema } from "~/modules/plans/forms.server";
import { newFormToken } from "~/utils/form-token.server";
import { parseForm } from "~/utils/forms.server";
import { queryFlag } from "~/utils/input";
import { idParam, notFound, parseQuery } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "4P plan – Threat – Partnership Intelligence Portal" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const id = idParam(params);
  const { added } = parseQuery(request, z.object({ added: queryFlag }));
  return { ...(await threatPlan(auth, id)), formToken: newFormToken(), added };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const auth = await requireUser(request, context);
  const id = idParam(params);
  await requirePlannableThreat(auth, id);
  const form = await parseForm(request, newActionSchema);
  if (!form.success) return { errors: form.errors, values: form.values };
  const result = await createAction(auth, { threatId: id }, form.data, `/threats/${id}/plan?added=1`);
  if (!result) throw notFound();
  if (!result.ok) return { errors: result.errors, values: form.values };
  throw redirect(result.location);
}

export default function ThreatPlan() {
  const { threat, strands, owners, formToken, added } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <BackLink to={`/threats/${threat.id}`}>Threat {threat.reference}</BackLink>
      {added ? <NotificationBanner kind="success" heading="The action has been added to the plan." /> : null}
      <ErrorSummary errors={actionData?.errors} />
      <span className="govuk-caption-l">{threat.reference}</span>
      <h1 className="govuk-heading-l">4P plan: {threat.title}</h1>
      <ThreatSections id={threat.id} current="/plan" />
      <p className="govuk-body">
        Actions under Pursue, Prevent, Protect and Prepare. Partners see the actions their organisation owns on{" "}
        <Link className="govuk-link" to="/actions">
          their actions
        </Link>
        , with only the title, kind, status and areas of this threat.
      </p>
      <h2 className="govuk-heading-m">Actions</h2>
      <StrandTables strands={strands} />
      <DownloadLinks path={`/threats/${threat.id}/plan/export`} what="this plan's actions" />
      <h2 className="govuk-heading-m" id="add-action">
        Add an action
      </h2>
      <Form method="post" noValidate aria-labelledby="add-action">
        <FormTokenInput token={formToken} />
        <ActionFields owners={owners} errors={actionData?.errors} values={actionData?.values} />
        <Button>Add action</Button>
      </Form>
    </>
  );
}
