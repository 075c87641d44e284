import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { NotificationBanner } from "~/components/notification-banner";
import { formatDate } from "~/utils/dates";
import { requireUser } from "~/modules/auth/auth.server";
import { placesFor } from "~/modules/authorization/navigation.server";
import { homePanelsFor } from "~/modules/home/home-panels.server";
import { homeSectionsFor } from "~/modules/home/home-tasks";
import { agreementWarnings, homeTaskCounts } from "~/modules/home/home-tasks.server";
import { ROLE_LABELS } from "~/modules/organisations/labels";
import { clock } from "~/utils/clock";

export const meta: MetaFunction = () => [{ title: "Home – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const { user } = auth;
  const now = clock.now();
  const [tasks, warnings, panels] = await Promise.all([homeTaskCounts(auth, now), agreementWarnings(auth, now), homePanelsFor(auth, now)]);
  return {
    tasks,
    warnings,
    panels,
    name: user.name,
    organisationName: user.organisation.name,
    roles: user.roles.map((role) => ROLE_LABELS[role]),
    sections: homeSectionsFor(placesFor(auth.ability, { ...user, organisationType: user.organisation.type })),
  };
}

function countText(count: number): string {
  return count === 0 ? "None" : `${count} waiting`;
}

export default function Home() {
  const { name, organisationName, roles, sections, panels, tasks, warnings } = useLoaderData<typeof loader>();
  return (
    <>
      <span className="govuk-caption-l">{organisationName}</span>
      <h1 className="govuk-heading-l">Welcome, {name}</h1>
      <p className="govuk-body">
        You are signed in as: <strong>{roles.join(", ")}</strong>.
      </p>
      {warnings ? (
        <div data-testid="agreement-warning">
          <NotificationBanner
            heading={
              warnings.total === 1
                ? "An agreement your organisation shares under is suspended or ending soon"
                : `${warnings.total} agreements your organisation shares under are suspended or ending soon`
            }
          >
            <ul className="govuk-list">
              {warnings.agreements.map((agreement) => (
                <li key={agreement.id}>
                  <Link className="govuk-notification-banner__link" to={`/agreements/${agreement.id}`}>
                    {agreement.title} ({agreement.reference})
                  </Link>
                  {agreement.suspended ? ": suspended. Nothing can be shared under it until the suspension is lifted." : `: ends on ${formatDate(agreement.endDate)}.`}
                </li>
              ))}
            </ul>
          </NotificationBanner>
        </div>
      ) : null}
      {tasks.length > 0 ? (
        <section className="govuk-!-margin-bottom-8" aria-labelledby="tasks-heading">
          <h2 className="govuk-heading-m" id="tasks-heading">
            Your tasks
          </h2>
          <ul className="govuk-task-list" data-testid="home-tasks">
            {tasks.map((task) => (
              <li key={task.id} className="govuk-task-list__item govuk-task-list__item--with-link" data-testid={`task-${task.id}`}>
                <div className="govuk-task-list__name-and-hint">
                  <Link className="govuk-link govuk-task-list__link" to={task.href} aria-describedby={`task-${task.id}-hint task-${task.id}-status`}>
                    {task.label}
                  </Link>
                  <div id={`task-${task.id}-hint`} className="govuk-task-list__hint">
                    {task.hint}
                  </div>
                </div>
                <div className="govuk-task-list__status" id={`task-${task.id}-status`} data-testid="task-count">
                  {task.count === 0 ? countText(0) : <strong className="govuk-tag govuk-tag--blue">{countText(task.count)}</strong>}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {panels.map((panel) => (
        <div
          key={panel.id}
          className="govuk-notification-banner"
          role="region"
          aria-labelledby={`${panel.id}-title`}
          data-module="govuk-notification-banner"
          data-testid={panel.id}
        >
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id={`${panel.id}-title`}>
              {panel.title}
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            {panel.description ? <p className="govuk-body">{panel.description}</p> : null}
            <ul className="govuk-list">
              {panel.items.map((item) => (
                <li key={item.href}>
                  <Link className="govuk-notification-banner__link" to={item.href}>
                    {item.label}
                  </Link>
                  <br />
                  <span className="govuk-body-s">{item.detail}</span>
                </li>
              ))}
            </ul>
            {panel.more ? (
              <p className="govuk-body">
                <Link className="govuk-notification-banner__link" to={panel.more.href}>
                  {panel.more.label}
                </Link>
              </p>
            ) : null}
          </div>
        </div>
      ))}
      {sections.map((section) => (
        <section key={section.title} className="govuk-!-margin-bottom-8" data-testid="home-section">
          <h2 className="govuk-heading-m">{section.title}</h2>
          <p className="govuk-body">{section.description}</p>
          <ul className="govuk-list">
            {section.links.map((link) => (
              <li key={link.href}>
                <Link className="govuk-link" to={link.href}>
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
