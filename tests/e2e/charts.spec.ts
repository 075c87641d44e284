import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

/**
 * The pictures of issue 9: the dashboard's charts, the Dee line's link chart and a profile's
 * comparison of versions, each with its table and axe clean. Each chart is already in the server's
 * HTML (read without running any script), so none needs client JavaScript to show.
 */
async function serverHtml(page: Page, path: string): Promise<string> {
  const response = await page.request.get(path);
  expect(response.status()).toBe(200);
  return response.text();
}

test("an analyst sees the dashboard's charts, the Dee line's link chart and a profile's changes", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "alex.analyst@westmercia.police.example");

  await page.goto("/dashboard");
  expect((await serverHtml(page, "/dashboard")).match(/<svg class="app-chart__svg"/g)).toHaveLength(7);
  await expect(page.getByRole("img", { name: /Open threats by priority/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Outcomes recorded by month/ })).toBeVisible();
  await page.getByText("Show the data as a table").first().click();
  await expect(page.getByRole("table", { name: "Open threats by priority" })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/threats");
  await page.getByRole("row").filter({ hasText: "Dee line" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: /Dee line/ })).toBeVisible();
  const chart = `${new URL(page.url()).pathname}/chart`;
  expect(await serverHtml(page, chart)).toContain('data-testid="link-chart"');
  await page.goto(chart);
  await expect(page.getByTestId("link-chart")).toBeVisible();
  await expect(page.getByTestId("chart-nodes").getByRole("row").filter({ hasText: "07700 900123" })).toBeVisible();
  await expectAccessible(page);
  // The table beside the drawing leads to the records in it: a piece of intelligence opens its page.
  const intelligence = page.getByTestId("chart-nodes").getByRole("link", { name: /^INT-/ }).first();
  const reference = (await intelligence.textContent())!.trim();
  await intelligence.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);

  await page.goto("/profiles");
  await page.getByRole("link", { name: /Telford and Wrekin/ }).first().click();
  await page.getByRole("link", { name: /Compare with the version before.*version 2/ }).click();
  // Focus moves to the comparison chosen, not left on the link (keyboard and screen-reader users).
  await expect(page.getByRole("heading", { name: "Changes from version 1 to version 2" })).toBeFocused();
  await expect(page.getByTestId("diff").locator("ins").first()).toBeVisible();
  await expectAccessible(page);
});

test("a partner manager sees their organisation's charts, axe clean", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "mark.manager@telford.gov.example");
  await page.goto("/dashboard");
  await expect(page.getByRole("img", { name: /Disseminated to you by month/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Your actions by status/ })).toBeVisible();
  await expect(page.getByText("Open threats by priority")).toHaveCount(0);
  await expectAccessible(page);
});
