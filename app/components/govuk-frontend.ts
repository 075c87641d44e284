import { useEffect } from "react";

let initialised = false;

/**
 * Runs GOV.UK Frontend's JavaScript once React has hydrated the page. Its components mark the
 * elements they enhance (`data-govuk-skip-link-init` and the like) and the body gets classes; done
 * before hydration, the DOM no longer matches the server's HTML and React warns. Once per page load
 * (as the design system's own template does); the flag keeps StrictMode's second effect run from
 * initialising twice.
 */
export function useGovukFrontend(): void {
  useEffect(() => {
    if (initialised) return;
    initialised = true;
    // This code runs as an ES module, which is what the design system's support check asks for.
    document.body.classList.add("js-enabled", "govuk-frontend-supported");
    void import("govuk-frontend").then(({ initAll }) => initAll());
  }, []);
}
