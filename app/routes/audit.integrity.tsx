import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { BackToAudit } from "~/components/audit";
import { Button } from "~/components/form";
import { requireAuditAccess } from "~/modules/audit/access.server";
import { signCheckpointNow, verifyAndRecord } from "~/modules/audit/integrity.server";
import { formatLondonTime } from "~/modules/audit/time";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { readForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Audit trail integrity – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAuditAccess(request, context, { action: "verify", subject: "AuditTrail" });
  const [latest, checkpoints, head] = await Promise.all([
    prisma.auditCheckpoint.findFirst({ orderBy: { eventId: "desc" }, select: { eventId: true, createdAt: true, keyId: true } }),
    prisma.auditCheckpoint.count(),
    prisma.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } }),
  ]);
  return {
    every: env().AUDIT_CHECKPOINT_EVERY,
    checkpoints,
    headId: head?.id.toString() ?? null,
    latest: latest ? { eventId: latest.eventId.toString(), createdAt: latest.createdAt.toISOString(), keyId: latest.keyId } : null,
  };
}

const intentSchema = z.object({ intent: z.enum(["verify", "checkpoint"]) });

export async function action({ request, context }: ActionFunctionArgs) {
  const { audit } = await requireAuditAccess(request, context, { action: "verify", subject: "AuditTrail" });
  const parsed = intentSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) throw new Response("Unknown request", { status: 400 });
  if (parsed.data.intent === "checkpoint") {
    const checkpoint = await signCheckpointNow(audit);
    return { intent: "checkpoint" as const, checkpoint: { eventId: checkpoint.eventId.toString(), createdAt: checkpoint.createdAt.toISOString() }, result: null };
  }
  const result = await verifyAndRecord(audit);
  return {
    intent: "verify" as const,
    checkpoint: null,
    result: {
      intact: result.intact,
      eventsChecked: result.eventsChecked,
      checkpointsChecked: result.checkpointsChecked,
      lastEventId: result.lastEventId?.toString() ?? null,
      eventsSinceLatestCheckpoint: result.eventsSinceLatestCheckpoint,
      problemCount: result.problemCount,
      problems: result.problems.slice(0, 20).map((p) => ({ eventId: p.eventId.toString(), kind: p.kind, message: p.message })),
    },
  };
}

export default function Integrity() {
  const { every, checkpoints, headId, latest } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const result = outcome?.result ?? null;
  const signed = outcome?.checkpoint ?? null;
  return (
    <>
      <BackToAudit />
      {result ? (
        result.intact ? (
          <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="verify-title" data-module="govuk-notification-banner">
            <div className="govuk-notification-banner__header">
              <h2 className="govuk-notification-banner__title" id="verify-title">
                Success
              </h2>
            </div>
            <div className="govuk-notification-banner__content">
              <p className="govuk-notification-banner__heading">The audit trail is intact</p>
              <p className="govuk-body">
                {result.eventsChecked} events and {result.checkpointsChecked} signed checkpoints checked, up to event {result.lastEventId ?? "none"}.
                {result.eventsSinceLatestCheckpoint > 0 ? ` ${result.eventsSinceLatestCheckpoint} events are newer than the latest checkpoint.` : ""}
              </p>
            </div>
          </div>
        ) : (
          <div className="govuk-error-summary" data-module="govuk-error-summary">
            <div role="alert">
              <h2 className="govuk-error-summary__title">The audit trail has been altered</h2>
              <div className="govuk-error-summary__body">
                <p className="govuk-body">
                  {result.problemCount} {result.problemCount === 1 ? "problem" : "problems"} found in {result.eventsChecked} events. The first:
                </p>
                <ul className="govuk-list govuk-error-summary__list">
                  {result.problems.map((p, index) => (
                    <li key={index}>
                      <Link to={`/audit/events/${p.eventId}`}>{p.message}</Link>
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          </div>
        )
      ) : null}
      {signed ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="signed-title" data-module="govuk-notification-banner">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="signed-title">
              Success
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">Checkpoint signed at event {signed.eventId}</p>
          </div>
        </div>
      ) : null}
      <h1 className="govuk-heading-l">Check the audit trail has not been altered</h1>
      <p className="govuk-body">
        Each event stores the hash of the one before it. Every {every} events, and whenever you ask, the newest hash is signed with a
        key kept outside the database. Checking recomputes every hash and signature, and names the first event where the trail was
        changed, removed or added to.
      </p>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Newest event</dt>
          <dd className="govuk-summary-list__value">{headId ?? "None yet"}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Latest checkpoint</dt>
          <dd className="govuk-summary-list__value">
            {latest ? `Event ${latest.eventId}, signed ${formatLondonTime(latest.createdAt)} with key ${latest.keyId}` : "None yet"}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Checkpoints</dt>
          <dd className="govuk-summary-list__value">{checkpoints}</dd>
        </div>
      </dl>
      <div className="govuk-button-group">
        <Form method="post">
          <input type="hidden" name="intent" value="verify" />
          <Button>Check the audit trail</Button>
        </Form>
        <Form method="post">
          <input type="hidden" name="intent" value="checkpoint" />
          <Button variant="secondary">Sign a checkpoint now</Button>
        </Form>
      </div>
      <p className="govuk-body">
        <a className="govuk-link" href="/audit/integrity/checkpoints" download>
          Download all checkpoints and the public key (JSON)
        </a>{" "}
        to keep a copy outside the portal. Anyone with it can check the trail with <code>npm run audit:verify -- --checkpoints &lt;file&gt;</code>.
      </p>
    </>
  );
}
