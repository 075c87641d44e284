import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useGovukFrontend } from "~/components/govuk-frontend";
import { PageHeader } from "~/components/page-header";
import { SessionTimeoutWarning } from "~/components/session-timeout";
import { useNonce } from "~/components/nonce";
import { getSession } from "~/modules/auth/auth.server";
import { defineAbilityFor } from "~/modules/authorization/ability.server";
import { placesFor } from "~/modules/authorization/navigation.server";
import { navigationFor } from "~/modules/home/home-tasks";
import { primaryRoleLabel } from "~/modules/organisations/labels";
import { sessionTimes } from "~/modules/auth/session-timing";
import { clock } from "~/utils/clock";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: "/govuk/govuk-frontend.min.css" },
  { rel: "stylesheet", href: "/app.css" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const result = await getSession(request, context);
  if (!result?.session.mfaVerified) return { user: null };
  const { user } = result;
  const abilityUser = { ...user, organisationType: user.organisation.type };
  return {
    user: {
      name: user.name,
      email: user.email,
      organisationName: user.organisation.name,
      roleLabel: primaryRoleLabel(user.roles),
      navigation: navigationFor(placesFor(defineAbilityFor(abilityUser), abilityUser)),
      /** For the timeout warning: when this session ends, from its real expiry. */
      session: sessionTimes(result.session, clock.now()),
    },
  };
}

export type RootUser = Awaited<ReturnType<typeof loader>>["user"];

function Document({ children, user }: { children: ReactNode; user: RootUser }) {
  const nonce = useNonce();
  useGovukFrontend();
  return (
    <html lang="en-GB" className="govuk-template">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#1d70b8" />
        <Meta />
        <Links />
      </head>
      <body className="govuk-template__body">
        <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
          Skip to main content
        </a>
        <PageHeader user={user} />
        <div className="govuk-width-container">
          <main className="govuk-main-wrapper" id="main-content" role="main">
            {children}
          </main>
        </div>
        <footer className="govuk-footer">
          <div className="govuk-width-container">
            <div className="govuk-footer__meta">
              <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
                <p className="govuk-body-s">
                  Information on this service is classified OFFICIAL or OFFICIAL-SENSITIVE. Access is
                  logged under the Data Protection Act 2018, section 62.
                </p>
              </div>
            </div>
          </div>
        </footer>
        {user ? <SessionTimeoutWarning times={user.session} /> : null}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { user } = useLoaderData<typeof loader>();
  return (
    <Document user={user}>
      <Outlet />
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user ?? null;
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <Document user={user}>
        <h1 className="govuk-heading-l">Page not found</h1>
        <p className="govuk-body">If you typed the web address, check it is correct.</p>
        <p className="govuk-body">
          If you followed a link to a record, it may not exist, or you may not have access to it under
          an information sharing agreement that is in force.
        </p>
      </Document>
    );
  }
  if (isRouteErrorResponse(error) && (error.status === 400 || error.status === 415)) {
    return (
      <Document user={user}>
        <h1 className="govuk-heading-l">Sorry, there is a problem with the web address or form</h1>
        <p className="govuk-body">
          The web address, or the form that was sent, contains something the service cannot use. If you typed or
          changed the web address, check it is correct.
        </p>
        <p className="govuk-body">
          Otherwise go back to the previous page and try again, or start again from the <a className="govuk-link" href="/">home page</a>.
        </p>
      </Document>
    );
  }
  if (isRouteErrorResponse(error) && error.status === 503) {
    return (
      <Document user={user}>
        <h1 className="govuk-heading-l">Sorry, the service is busy</h1>
        <p className="govuk-body">This page took too long to prepare. Try again in a few minutes.</p>
        <p className="govuk-body">If you were saving something, check whether it was saved before you try again.</p>
      </Document>
    );
  }
  if (isRouteErrorResponse(error) && error.status === 403) {
    return (
      <Document user={user}>
        <h1 className="govuk-heading-l">You do not have permission to do this</h1>
        <p className="govuk-body">Your role does not allow this action. The attempt has been logged.</p>
      </Document>
    );
  }
  return (
    <Document user={user}>
      <h1 className="govuk-heading-l">Sorry, there is a problem with the service</h1>
      <p className="govuk-body">Try again later. What you entered may not have been saved.</p>
    </Document>
  );
}
