import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary } from "~/components/form";
import { BackLink } from "~/components/intelligence";
import { loadDraft } from "~/modules/intelligence/draft-route.server";
import { THREAT_TYPE_LABELS } from "~/modules/intelligence/labels";
import { deleteDraft, DraftNoLongerEditable } from "~/modules/intelligence/submissions.server";
import { formatDateTime } from "~/utils/dates";
import { idParam } from "~/utils/request.server";
import { parseForm } from "~/utils/forms.server";
import { z } from "zod";

/** The button sends confirm=yes: a post without it (not from this page) deletes nothing. */
const confirmSchema = z.object({ confirm: z.literal("yes", { message: "Select “Delete draft” to delete it" }) });

export const meta: MetaFunction = () => [{ title: "Delete this draft? – Share intelligence" }];

/** Only the draft's author reaches this page (404 for anyone else, as on every question page). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { draft } = await loadDraft(request, context, idParam(params));
  return { id: draft.id, title: draft.threatType ? THREAT_TYPE_LABELS[draft.threatType] : "Untitled draft", updatedAt: formatDateTime(draft.updatedAt) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { auth, draft } = await loadDraft(request, context, idParam(params));
  const form = await parseForm(request, confirmSchema);
  if (!form.success) return { errors: form.errors };
  try {
    await deleteDraft(auth, draft);
  } catch (error) {
    // Sent between the check and the lock: it is no longer a draft, and stays.
    if (error instanceof DraftNoLongerEditable) throw new Response(error.message, { status: 409 });
    throw error;
  }
  return redirect("/submissions?deleted=1");
}

export default function DeleteDraft() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <BackLink to="/submissions" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={result?.errors} />
          <span className="govuk-caption-l">Share intelligence</span>
          <h1 className="govuk-heading-l">Delete this draft?</h1>
          <p className="govuk-body">
            {data.title}, last saved {data.updatedAt}.
          </p>
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              Everything you entered in this draft will be deleted. You cannot undo this.
            </strong>
          </div>
          <Form method="post">
            <div className="govuk-button-group">
              <Button variant="warning" name="confirm" value="yes">
                Delete draft
              </Button>
              <Link className="govuk-link" to="/submissions">
                Cancel
              </Link>
            </div>
          </Form>
        </div>
      </div>
    </>
  );
}
