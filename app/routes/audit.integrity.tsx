import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { z } from "zod";
import { BackToAudit } from "~/components/audit";
import { Button } from "~/components/form";
import { requireAuditAccess } from "~/modules/audit/access.server";
import { requestIntegrityCheck, signCheckpointNow, type SerialisedVerification } from "~/modules/audit/integrity.server";
import { pendingEvents } from "~/modules/audit/sealing.server";
import { formatDateTimeSeconds } from "~/utils/dates";
import { pluralise } from "~/utils/plural";
import { notFound } from "~/modules/auth/auth.server";
import { clock } from "~/utils/clock";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { readForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Audit trail integrity – Partnership Intelligence Portal" }];

const querySchema = z.object({ check: z.string().uuid().optional() });

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAuditAccess(request, context, { action: "verify", subject: "AuditTrail" });
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new Response("Bad request", { status: 400 });
  const [latest, checkpoints, head, pending, check] = await Promise.all([
    prisma.auditCheckpoint.findFirst({
      orderBy: [{ position: { sort: "desc", nulls: "last" } }, { eventId: "desc" }],
      select: { eventId: true, position: true, createdAt: true, keyId: true },
    }),
    prisma.auditCheckpoint.count(),
    prisma.auditSeal.findFirst({ orderBy: { position: "desc" }, select: { position: true, sealedAt: true } }),
    pendingEvents(),
    query.data.check
      ? prisma.integrityCheck.findUnique({ where: { id: query.data.check } })
      : prisma.integrityCheck.findFirst({ orderBy: { requestedAt: "desc" } }),
  ]);
  if (query.data.check && !check) throw notFound();
  return {
    every: env().AUDIT_CHECKPOINT_EVERY,
    checkpoints,
    headPosition: head?.position.toString() ?? null,
    pending: {
      count: pending.count,
      oldestAgeSeconds: pending.oldestOccurredAt ? Math.max(0, Math.round((clock.now().getTime() - pending.oldestOccurredAt.getTime()) / 1000)) : null,
    },
    latest: latest
      ? { eventId: latest.eventId.toString(), position: latest.position?.toString() ?? null, createdAt: latest.createdAt.toISOString(), keyId: latest.keyId }
      : null,
    check: check
      ? {
          id: check.id,
          status: check.status,
          requestedAt: check.requestedAt.toISOString(),
          finishedAt: check.finishedAt?.toISOString() ?? null,
          eventsChecked: check.eventsChecked,
          eventsTotal: check.eventsTotal,
          result: check.result as SerialisedVerification | null,
          error: check.error,
        }
      : null,
  };
}

const intentSchema = z.object({ intent: z.enum(["verify", "checkpoint"]) });

export async function action({ request, context }: ActionFunctionArgs) {
  const { audit } = await requireAuditAccess(request, context, { action: "verify", subject: "AuditTrail" });
  const parsed = intentSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) throw new Response("Unknown request", { status: 400 });
  if (parsed.data.intent === "checkpoint") {
    const checkpoint = await signCheckpointNow(audit);
    return {
      checkpoint: {
        eventId: checkpoint.eventId.toString(),
        position: checkpoint.position?.toString() ?? null,
        createdAt: checkpoint.createdAt.toISOString(),
      },
    };
  }
  // The check reads the whole trail: it runs in the background and this page shows its progress.
  const check = await requestIntegrityCheck(audit);
  return redirect(`/audit/integrity?check=${check.id}`, 303);
}

function CheckProgress({ check }: { check: { id: string; status: string; eventsChecked: number; eventsTotal: number } }) {
  const revalidator = useRevalidator();
  // With JavaScript, follow the progress; without it, the link below does the same.
  useEffect(() => {
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 1000);
    return () => clearInterval(timer);
  }, [revalidator]);
  const percent = check.eventsTotal > 0 ? Math.min(100, Math.floor((check.eventsChecked / check.eventsTotal) * 100)) : 0;
  return (
    <div className="govuk-inset-text" role="status" aria-labelledby="progress-title">
      <h2 className="govuk-heading-m" id="progress-title">
        {check.status === "QUEUED" ? "Your check is waiting to start" : "Checking the audit trail"}
      </h2>
      <p className="govuk-body">
        {check.status === "QUEUED"
          ? "It starts within a few seconds. You can leave this page: the check carries on and its result is shown here."
          : `Checked ${pluralise(check.eventsChecked, "sealed event")} of about ${check.eventsTotal.toLocaleString("en-GB")} (${percent}%).`}
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/audit/integrity?check=${check.id}`}>
          Refresh to see progress
        </Link>
      </p>
    </div>
  );
}

function CheckResult({ result, finishedAt }: { result: SerialisedVerification; finishedAt: string | null }) {
  const unsealed =
    result.unsealed.count > 0
      ? ` ${pluralise(result.unsealed.count, "newer event was", "newer events were")} not sealed yet (the oldest is event ${result.unsealed.oldestEventId}${result.unsealed.oldestOccurredAt ? `, written ${formatDateTimeSeconds(result.unsealed.oldestOccurredAt)}` : ""}).`
      : "";
  if (result.intact) {
    return (
      <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="verify-title" data-module="govuk-notification-banner">
        <div className="govuk-notification-banner__header">
          <h2 className="govuk-notification-banner__title" id="verify-title">
            Success
          </h2>
        </div>
        <div className="govuk-notification-banner__content">
          <p className="govuk-notification-banner__heading">The audit trail is intact</p>
          <p className="govuk-body">
            {pluralise(result.eventsChecked, "sealed event")} and {pluralise(result.checkpointsChecked, "signed checkpoint")}{" "}
            checked, up to position {result.lastPosition ?? "none"}
            {finishedAt ? ` (finished ${formatDateTimeSeconds(finishedAt)})` : ""}.
            {result.eventsSinceLatestCheckpoint > 0 ? ` ${pluralise(result.eventsSinceLatestCheckpoint, "event is", "events are")} newer than the latest checkpoint.` : ""}
            {unsealed}
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary">
      <div role="alert">
        <h2 className="govuk-error-summary__title">The audit trail has been altered</h2>
        <div className="govuk-error-summary__body">
          <p className="govuk-body">
            {pluralise(result.problemCount, "problem", "problems")} found in {pluralise(result.eventsChecked, "sealed event")}. The first:
          </p>
          <ul className="govuk-list govuk-error-summary__list">
            {result.problems.map((p, index) => (
              <li key={index}>
                <Link to={`/audit/events/${p.eventId}`}>{p.message}</Link>
              </li>
            ))}
          </ul>
          {unsealed ? <p className="govuk-body">{unsealed.trim()}</p> : null}
        </div>
      </div>
    </div>
  );
}

export default function Integrity() {
  const { every, checkpoints, headPosition, pending, latest, check } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const signed = outcome?.checkpoint ?? null;
  const running = check && (check.status === "QUEUED" || check.status === "RUNNING");
  return (
    <>
      <BackToAudit />
      {check && running ? <CheckProgress check={check} /> : null}
      {check?.status === "DONE" && check.result ? <CheckResult result={check.result} finishedAt={check.finishedAt} /> : null}
      {check?.status === "FAILED" ? (
        <div className="govuk-error-summary" data-module="govuk-error-summary">
          <div role="alert">
            <h2 className="govuk-error-summary__title">The check could not finish</h2>
            <div className="govuk-error-summary__body">
              <p className="govuk-body">{check.error ?? "It stopped with an error."} Try again; if it fails again, ask the service team.</p>
            </div>
          </div>
        </div>
      ) : null}
      {signed ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="signed-title" data-module="govuk-notification-banner">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="signed-title">
              Success
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">
              Checkpoint signed at event {signed.eventId}
              {signed.position ? ` (position ${signed.position})` : ""}
            </p>
          </div>
        </div>
      ) : null}
      <h1 className="govuk-heading-l">Check the audit trail has not been altered</h1>
      <p className="govuk-body">
        Every event is written with the change or view it records. Within a second or so it is sealed: given its place in a
        chain where each seal stores the hash of the one before it. At least every {every} events, and every minute while
        events arrive, the newest seal is signed with a key kept outside the database. Checking recomputes every hash and
        signature in the background, names the first event where the trail was changed, removed or added to, and reports any
        events not sealed yet.
      </p>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Sealed events</dt>
          <dd className="govuk-summary-list__value">{headPosition ? Number(headPosition).toLocaleString("en-GB") : "None yet"}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Waiting to be sealed</dt>
          <dd className="govuk-summary-list__value">
            {pending.count === 0
              ? "None"
              : `${pluralise(pending.count, "event", "events")}, the oldest written ${pluralise(pending.oldestAgeSeconds ?? 0, "second", "seconds")} ago`}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Latest checkpoint</dt>
          <dd className="govuk-summary-list__value">
            {latest
              ? `Event ${latest.eventId}${latest.position ? ` (position ${latest.position})` : ""}, signed ${formatDateTimeSeconds(latest.createdAt)} with key ${latest.keyId}`
              : "None yet"}
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
