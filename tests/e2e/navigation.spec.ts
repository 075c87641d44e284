import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

/** The header offers each role the areas of its work and marks where the user is. */
const menu = (page: Page) => page.getByRole("navigation", { name: "Menu" });
const menuLink = (page: Page, name: string) => menu(page).getByRole("link", { name, exact: true });

async function expectMenu(page: Page, labels: string[]) {
  await expect(menu(page).getByRole("link")).toHaveText(labels);
}

test("a partner's header leads to their work, and marks the current area", async ({ page }) => {
  await signIn(page, "sian.submitter@shropshire.gov.example");
  await expectMenu(page, ["Home", "Dashboard", "Submissions", "Search", "Actions", "Area plans", "Inbox", "Profiles", "Good practice", "Agreements", "Your account"]);
  await expect(menuLink(page, "Home")).toHaveAttribute("aria-current", "page");

  await menuLink(page, "Agreements").click();
  await expect(page).toHaveURL(/\/agreements$/);
  await expect(menuLink(page, "Agreements")).toHaveAttribute("aria-current", "page");
  await expect(menuLink(page, "Home")).not.toHaveAttribute("aria-current");
  await expectAccessible(page);

  await page.goto("/submissions/new");
  await expect(menuLink(page, "Submissions")).toHaveAttribute("aria-current", "true");
  await expectAccessible(page);
});

test("a data protection officer's header leads to agreements and the audit trail", async ({ page }) => {
  await signIn(page, "tom.dpo@telford.gov.example");
  await expectMenu(page, ["Home", "Agreements", "Audit", "Your account"]);
  await menuLink(page, "Audit").click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(menuLink(page, "Audit")).toHaveAttribute("aria-current", "page");
  await expectAccessible(page);
});

test("a supervisor's home page leads with their tasks and counts, each leading to its list", async ({ page }) => {
  await signIn(page, "sam.supervisor@westmercia.police.example");
  await expect(menuLink(page, "Approve disseminations")).toBeVisible();
  const tasks = page.getByTestId("home-tasks");
  await expect(tasks.getByRole("link", { name: "Intelligence not yet assessed" })).toBeVisible();
  await expect(tasks.getByTestId("task-unassessed").getByTestId("task-count")).toHaveText(/^(None|\d+ waiting)$/);
  await expectAccessible(page);
  await tasks.getByRole("link", { name: "Intelligence assigned to you" }).click();
  await expect(page).toHaveURL(/\/triage\?queue=mine$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your queue" })).toBeVisible();
  await expectAccessible(page);
});
