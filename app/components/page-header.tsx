import { Form, Link } from "@remix-run/react";

interface HeaderUser {
  name: string;
  organisationName: string;
  roleLabel: string;
  isAdmin: boolean;
}

/**
 * Service header. This is not a GOV.UK service, so no crown: the GOV.UK service navigation
 * carries the service name, and a bar shows who is signed in, for which organisation, as what.
 */
export function PageHeader({ user }: { user: HeaderUser | null }) {
  return (
    <header>
      <section aria-label="Service information" className="govuk-service-navigation" data-module="govuk-service-navigation">
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <span className="govuk-service-navigation__service-name">
              <Link to="/" className="govuk-service-navigation__link">
                Partnership Intelligence Portal
              </Link>
            </span>
            {user ? (
              <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
                <ul className="govuk-service-navigation__list" id="navigation">
                  <li className="govuk-service-navigation__item">
                    <Link className="govuk-service-navigation__link" to="/">
                      Home
                    </Link>
                  </li>
                  {user.isAdmin ? (
                    <li className="govuk-service-navigation__item">
                      <Link className="govuk-service-navigation__link" to="/admin">
                        Administration
                      </Link>
                    </li>
                  ) : null}
                  <li className="govuk-service-navigation__item">
                    <Link className="govuk-service-navigation__link" to="/account">
                      Your account
                    </Link>
                  </li>
                </ul>
              </nav>
            ) : null}
          </div>
        </div>
      </section>
      {user ? (
        <div className="govuk-width-container">
          <div className="app-user-bar govuk-body-s" data-testid="user-bar">
            <span>
              Signed in as <strong>{user.name}</strong>
            </span>
            <span>{user.organisationName}</span>
            <span>{user.roleLabel}</span>
            <Form method="post" action="/sign-out">
              <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                Sign out
              </button>
            </Form>
          </div>
        </div>
      ) : null}
    </header>
  );
}
