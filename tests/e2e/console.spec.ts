import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

/**
 * A clean browser console: no hydration warnings (GOV.UK Frontend must not change the page before
 * React has hydrated it), no script errors, no failed requests (such as /favicon.ico).
 */
function collectConsoleProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  return problems;
}

/** Waits until GOV.UK Frontend has initialised the page (it adds these classes once it runs). */
async function expectEnhanced(page: Page) {
  await expect(page.locator("body")).toHaveClass(/govuk-frontend-supported/);
  await expect(page.locator(".govuk-skip-link")).toHaveAttribute("data-govuk-skip-link-init", "");
}

test("the sign-in page and signed-in pages load with nothing in the console", async ({ page }) => {
  const problems = collectConsoleProblems(page);

  await page.goto("/sign-in");
  await expectEnhanced(page);
  await signIn(page, "harriet.housing@severnvale.housing.example");
  for (const path of ["/", "/agreements", "/account"]) {
    await page.goto(path);
    await expectEnhanced(page);
  }

  expect(problems).toEqual([]);
});

test("/favicon.ico, which browsers ask for of their own accord, leads to the service's icon", async ({ page }) => {
  const response = await page.request.get("/favicon.ico");
  expect(response.ok()).toBe(true);
  expect(response.url()).toMatch(/\/favicon\.svg$/);
  expect(response.headers()["content-type"]).toContain("image/svg+xml");
});
