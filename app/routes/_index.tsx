import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/modules/auth/auth.server";
import { homeTasksFor } from "~/modules/home/home-tasks";
import { ROLE_LABELS } from "~/modules/organisations/labels";

export const meta: MetaFunction = () => [{ title: "Home – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  return {
    name: user.name,
    organisationName: user.organisation.name,
    roles: user.roles.map((role) => ROLE_LABELS[role]),
    sections: homeTasksFor(user.roles),
  };
}

export default function Home() {
  const { name, organisationName, roles, sections } = useLoaderData<typeof loader>();
  return (
    <>
      <span className="govuk-caption-l">{organisationName}</span>
      <h1 className="govuk-heading-l">Welcome, {name}</h1>
      <p className="govuk-body">
        You are signed in as: <strong>{roles.join(", ")}</strong>.
      </p>
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
