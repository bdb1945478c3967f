// Starts GOV.UK Frontend's components (conditional reveals, error summary focus, buttons that
// ignore a double click). Loaded as a module, so browsers too old for it keep the plain pages.
import { initAll } from "../vendor/govuk/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
