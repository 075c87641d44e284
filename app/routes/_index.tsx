import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/modules/auth/auth.server";
import { homePanelsFor } from "~/modules/home/home-panels.server";
import { homeTasksFor } from "~/modules/home/home-tasks";
import { ROLE_LABELS } from "~/modules/organisations/labels";

export const meta: MetaFunction = () => [{ title: "Home – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const { user } = auth;
  return {
    panels: await homePanelsFor(auth),
    name: user.name,
    organisationName: user.organisation.name,
    roles: user.roles.map((role) => ROLE_LABELS[role]),
    sections: homeTasksFor(user.roles),
  };
}

export default function Home() {
  const { name, organisationName, roles, sections, panels } = useLoaderData<typeof loader>();
  return (
    <>
      <span className="govuk-caption-l">{organisationName}</span>
      <h1 className="govuk-heading-l">Welcome, {name}</h1>
      <p className="govuk-body">
        You are signed in as: <strong>{roles.join(", ")}</strong>.
      </p>
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
