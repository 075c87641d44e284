import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, ErrorSummary, FormTokenInput, Textarea, TextInput, valueOf } from "~/components/form";
import { NotificationBanner } from "~/components/notification-banner";
import { requireUser } from "~/modules/auth/auth.server";
import { formatDate } from "~/utils/dates";
import { PROFILE_FIGURES, profileDraftSchema } from "~/modules/profiles/figures";
import { decideVersion, requireProfileStep, saveDraft, submitDraft, viewProfile } from "~/modules/profiles/profiles.server";
import { VERSION_STATUS_LABELS } from "~/modules/profiles/labels";
import { parseFormData, readForm, type FormValues } from "~/utils/forms.server";
import { formTokenSchema, newFormToken } from "~/utils/form-token.server";
import { optionalQuery, uuid, versionNumber } from "~/utils/input";
import { idParam, parseQuery } from "~/utils/request.server";
import { ScrollableTable } from "~/components/table";
import { useFocusOnChoice } from "~/components/use-focus-on-choice";

export const meta: MetaFunction = () => [{ title: "SOC local profile – Partnership Intelligence Portal" }];

const DONE_MESSAGES = {
  saved: "Draft saved",
  submitted: "Sent for approval",
  published: "Version published: partners under an agreement in force can now read it",
  rejected: "Version rejected",
} as const;

const pageQuery = z.object({
  compare: optionalQuery(versionNumber),
  done: optionalQuery(z.enum(Object.keys(DONE_MESSAGES) as [keyof typeof DONE_MESSAGES])),
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const id = idParam(params);
  const query = parseQuery(request, pageQuery);
  const page = await viewProfile(auth, id, query.compare);
  return { ...page, done: query.done ? DONE_MESSAGES[query.done] : null, formToken: newFormToken() };
}

const intentSchema = z.object({ intent: z.enum(["draft", "submit", "decide"]) });
const draftSchema = profileDraftSchema.and(z.object({ formToken: formTokenSchema }));
const submitSchema = z.object({ versionId: uuid });
const decideSchema = z
  .object({
    versionId: uuid,
    decision: z.enum(["approve", "reject"], { message: "Choose whether to publish or reject this version" }),
    note: optionalQuery(z.string().trim().max(2000, "The reason must be 2,000 characters or fewer")),
  })
  .refine((v) => v.decision === "approve" || v.note, { path: ["note"], message: "Give the reason for rejecting this version" });

type ActionResult = { errors: Record<string, string>; values: FormValues };

export async function action({ request, context, params }: ActionFunctionArgs): Promise<ActionResult | Response> {
  const auth = await requireUser(request, context);
  const id = idParam(params);
  const formData = await readForm(request);
  const parsedIntent = intentSchema.safeParse({ intent: formData.get("intent") });
  if (!parsedIntent.success) throw new Response("Unknown action", { status: 400 });
  const { intent } = parsedIntent.data;
  await requireProfileStep(auth, id, intent);

  if (intent === "draft") {
    const form = parseFormData(formData, draftSchema);
    if (!form.success) return { errors: form.errors, values: form.values };
    const { narrative, formToken, ...figures } = form.data;
    const saved = await saveDraft(auth, id, { narrative, figures, formToken });
    if (!saved.ok) return { errors: { form: saved.error }, values: form.values };
    return redirect(saved.location);
  }
  if (intent === "submit") {
    const form = parseFormData(formData, submitSchema);
    if (!form.success) return { errors: { form: "Choose the version to send for approval" }, values: form.values };
    await submitDraft(auth, id, form.data.versionId);
    return redirect(`/profiles/${id}?done=submitted`);
  }
  const form = parseFormData(formData, decideSchema);
  if (!form.success) return { errors: form.errors, values: form.values };
  await decideVersion(auth, id, form.data);
  return redirect(`/profiles/${id}?done=${form.data.decision === "approve" ? "published" : "rejected"}`);
}

type Figures = Record<(typeof PROFILE_FIGURES)[number]["key"], number>;

function FiguresList({ figures }: { figures: Figures }) {
  return (
    <dl className="govuk-summary-list">
      {PROFILE_FIGURES.map((f) => (
        <div key={f.key} className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{f.label}</dt>
          <dd className="govuk-summary-list__value">{figures[f.key].toLocaleString("en-GB")}</dd>
        </div>
      ))}
    </dl>
  );
}

function Narrative({ text }: { text: string }) {
  return (
    <>
      {text.split(/\r?\n\s*\r?\n/).map((paragraph, i) => (
        <p key={i} className="govuk-body app-pre-line">{paragraph}</p>
      ))}
    </>
  );
}

export default function Profile() {
  const { profile, published, history, open, mayDraft, comparison, done, formToken } = useLoaderData<typeof loader>();
  const comparisonHeading = useFocusOnChoice<HTMLHeadingElement>(comparison ? `${comparison.from}-${comparison.to}` : null);
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = result?.values;
  const base = open && open.canEdit ? open : (published ?? null);
  const decidable = open && open.canDecide ? open : null;
  return (
    <>
      <ErrorSummary errors={errors} />
      {done ? <NotificationBanner kind="success" heading={done} /> : null}
      <span className="govuk-caption-l">SOC local profile</span>
      <h1 className="govuk-heading-l">{profile.areaName}</h1>
      <p className="govuk-body">Published by {profile.ownerName}. Aggregate figures and a narrative only: no personal data.</p>

      {published ? (
        <section aria-labelledby="published-heading">
          <h2 id="published-heading" className="govuk-heading-m">
            Published profile (version {published.number}, {formatDate(published.publishedAt)})
          </h2>
          <Narrative text={published.narrative} />
          <h3 className="govuk-heading-s">Figures</h3>
          <FiguresList figures={published.figureValues} />
        </section>
      ) : (
        <p className="govuk-body">This profile has not been published yet.</p>
      )}

      {decidable ? (
        <Form method="post" noValidate>
          <h2 className="govuk-heading-m">Version {decidable.number} awaits your approval</h2>
          <p className="govuk-body">Written by {decidable.authorName}.</p>
          <Narrative text={decidable.narrative} />
          <FiguresList figures={decidable.figureValues} />
          <input type="hidden" name="intent" value="decide" />
          <input type="hidden" name="versionId" value={decidable.id} />
          <div className={`govuk-form-group${errors?.decision ? " govuk-form-group--error" : ""}`}>
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Your decision</legend>
              <div className="govuk-radios" data-module="govuk-radios">
                <div className="govuk-radios__item">
                  <input className="govuk-radios__input" id="decision" name="decision" type="radio" value="approve" />
                  <label className="govuk-label govuk-radios__label" htmlFor="decision">Publish this version to partners</label>
                </div>
                <div className="govuk-radios__item">
                  <input className="govuk-radios__input" id="decision-reject" name="decision" type="radio" value="reject" />
                  <label className="govuk-label govuk-radios__label" htmlFor="decision-reject">Reject it</label>
                </div>
              </div>
            </fieldset>
          </div>
          <Textarea name="note" label="Reason (needed to reject)" error={errors?.note} defaultValue={valueOf(values, "note")} rows={3} />
          <Button>Record the decision</Button>
        </Form>
      ) : null}

      {open && open.canSubmit ? (
        <Form method="post">
          <input type="hidden" name="intent" value="submit" />
          <input type="hidden" name="versionId" value={open.id} />
          <p className="govuk-body">Your draft (version {open.number}) is saved. A supervisor who did not write it must approve it before partners see it.</p>
          <Button variant="secondary">Send version {open.number} for approval</Button>
        </Form>
      ) : null}
      {open && !open.canEdit && !open.canDecide ? (
        <p className="govuk-body">
          Version {open.number} is {VERSION_STATUS_LABELS[open.status].toLowerCase()} ({open.authorName}).
        </p>
      ) : null}

      {mayDraft && (!open || open.canEdit) ? (
        <Form method="post" noValidate>
          <h2 className="govuk-heading-m">{open ? `Edit your draft (version ${open.number})` : "Draft a new version"}</h2>
          <input type="hidden" name="intent" value="draft" />
          <FormTokenInput token={formToken} />
          <Textarea
            name="narrative"
            label="Narrative"
            hint="The SOC picture in this area, for partners. No names, addresses, phone numbers or other personal data."
            error={errors?.narrative}
            defaultValue={valueOf(values, "narrative") ?? base?.narrative ?? ""}
            rows={10}
          />
          {PROFILE_FIGURES.map((f) => (
            <TextInput
              key={f.key}
              name={f.key}
              label={f.label}
              inputMode="numeric"
              width="5"
              error={errors?.[f.key]}
              defaultValue={valueOf(values, f.key) ?? String(base?.figureValues[f.key] ?? 0)}
            />
          ))}
          <Button>Save the draft</Button>
        </Form>
      ) : null}

      {history.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Versions</h2>
          <ScrollableTable label="Every version of this profile, newest first">
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-visually-hidden">Every version of this profile, newest first</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Version</th>
                  <th scope="col" className="govuk-table__header">Status</th>
                  <th scope="col" className="govuk-table__header">Written by</th>
                  <th scope="col" className="govuk-table__header">Decided by</th>
                  <th scope="col" className="govuk-table__header">Changes</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {history.map((v) => (
                  <tr key={v.id} className="govuk-table__row">
                    <td className="govuk-table__cell">{v.number}</td>
                    <td className="govuk-table__cell"><strong className="govuk-tag govuk-tag--grey">{VERSION_STATUS_LABELS[v.status]}</strong></td>
                    <td className="govuk-table__cell">{v.authorName}, {formatDate(v.createdAt)}</td>
                    <td className="govuk-table__cell">{v.approverName ? `${v.approverName}, ${formatDate(v.decidedAt)}${v.decisionNote ? `: ${v.decisionNote}` : ""}` : ""}</td>
                    <td className="govuk-table__cell">
                      {v.number > 1 ? (
                        <Link className="govuk-link" to={`/profiles/${profile.id}?compare=${v.number}#comparison`}>
                          Compare with the version before<span className="govuk-visually-hidden"> (version {v.number})</span>
                        </Link>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
        </>
      ) : null}

      {comparison ? (
        <section id="comparison" aria-labelledby="comparison-heading">
          <h2 id="comparison-heading" className="govuk-heading-m" tabIndex={-1} ref={comparisonHeading}>Changes from version {comparison.from} to version {comparison.to}</h2>
          <h3 className="govuk-heading-s">Narrative</h3>
          <div className="app-diff" data-testid="diff">
            {comparison.narrative.map((part, i) =>
              part.kind === "added" ? (
                <p key={i} className="govuk-body app-diff__added"><ins><span className="govuk-visually-hidden">Added: </span>{part.text}</ins></p>
              ) : part.kind === "removed" ? (
                <p key={i} className="govuk-body app-diff__removed"><del><span className="govuk-visually-hidden">Removed: </span>{part.text}</del></p>
              ) : part.text.trim() === "" ? null : (
                <p key={i} className="govuk-body">{part.text}</p>
              ),
            )}
          </div>
          <ScrollableTable label="Figures">
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--s">Figures</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Figure</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Version {comparison.from}</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Version {comparison.to}</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {comparison.figures.map((f) => (
                  <tr key={f.label} className="govuk-table__row">
                    <th scope="row" className="govuk-table__header">{f.label}</th>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{f.before.toLocaleString("en-GB")}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{f.after !== f.before ? <strong>{f.after.toLocaleString("en-GB")}</strong> : f.after.toLocaleString("en-GB")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
        </section>
      ) : null}
    </>
  );
}
