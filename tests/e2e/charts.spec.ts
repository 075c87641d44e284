import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

/**
 * The pictures of issue 9 without client JavaScript: the dashboard's charts, the Dee line's link
 * chart and a profile's comparison of versions, each in the server's HTML with its table, and axe
 * clean. JavaScript is off, so what shows is what the server rendered.
 */
test.use({ javaScriptEnabled: false });

test("an analyst sees the dashboard's charts, the Dee line's link chart and a profile's changes, all without JavaScript", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "alex.analyst@westmercia.police.example");

  await page.goto("/dashboard");
  await expect(page.getByRole("img", { name: /Open threats by priority/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Outcomes recorded by month/ })).toBeVisible();
  await page.getByText("Show the data as a table").first().click();
  await expect(page.getByRole("table", { name: "Open threats by priority" })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/threats");
  const dee = page.getByRole("row").filter({ hasText: "Dee line" }).getByRole("link").first();
  await dee.click();
  await page.goto(`${page.url().replace(/\?.*$/, "")}/chart`);
  await expect(page.getByTestId("link-chart")).toBeVisible();
  await expect(page.getByTestId("chart-nodes").getByRole("row").filter({ hasText: "07700 900123" })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/profiles");
  await page.getByRole("link", { name: /Telford and Wrekin/ }).first().click();
  await page.getByRole("link", { name: /Compare with the version before.*version 2/ }).click();
  await expect(page.getByRole("heading", { name: "Changes from version 1 to version 2" })).toBeVisible();
  await expect(page.getByTestId("diff").locator("ins").first()).toBeVisible();
  await expectAccessible(page);
});

test("a partner manager sees their organisation's charts, axe clean", async ({ page }) => {
  await signIn(page, "mark.manager@telford.gov.example");
  await page.goto("/dashboard");
  await expect(page.getByRole("img", { name: /Disseminated to you by month/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Your actions by status/ })).toBeVisible();
  await expect(page.getByText("Open threats by priority")).toHaveCount(0);
  await expectAccessible(page);
});
