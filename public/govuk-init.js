// Progressive enhancement for GOV.UK Frontend components (served as a file so the CSP needs no inline script).
import { initAll } from "/govuk/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
