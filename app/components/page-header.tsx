import { Form, Link, useLocation } from "@remix-run/react";
import type { NavigationItem } from "~/modules/home/home-tasks";

interface HeaderUser {
  name: string;
  organisationName: string;
  roleLabel: string;
  navigation: NavigationItem[];
}

/**
 * Where the current page sits in the navigation: "page" for the item's own page, "true" for a page
 * within its area (as the GOV.UK service navigation marks them), or undefined.
 */
export function currentness(href: string, pathname: string): "page" | "true" | undefined {
  if (pathname === href) return "page";
  if (href !== "/" && pathname.startsWith(`${href}/`)) return "true";
  return undefined;
}

/**
 * Service header. This is not a GOV.UK service, so no crown: the GOV.UK service navigation
 * carries the service name, and a bar shows who is signed in, for which organisation, as what.
 */
export function PageHeader({ user }: { user: HeaderUser | null }) {
  const { pathname } = useLocation();
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
                <button
                  type="button"
                  className="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
                  aria-controls="navigation"
                  hidden
                  aria-hidden="true"
                >
                  Menu
                </button>
                <ul className="govuk-service-navigation__list" id="navigation">
                  {user.navigation.map((item) => {
                    const current = currentness(item.href, pathname);
                    return (
                      <li
                        key={item.href}
                        className={`govuk-service-navigation__item${current ? " govuk-service-navigation__item--active" : ""}`}
                      >
                        <Link className="govuk-service-navigation__link" to={item.href} aria-current={current}>
                          {current ? <strong className="govuk-service-navigation__active-fallback">{item.label}</strong> : item.label}
                        </Link>
                      </li>
                    );
                  })}
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
