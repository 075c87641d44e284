import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

/**
 * A data protection officer finds who viewed a submission and under which agreement, checks the
 * audit trail has not been altered, and opens each oversight screen (axe on every page).
 * The demo seed records analysts viewing submissions (prisma/seed/audit.ts).
 */
const DPO = "dana.dpo@westmercia.police.example";

test("a DPO finds who viewed a submission and under which agreement, and verifies the trail", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, DPO);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Audit and oversight" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit and oversight" })).toBeVisible();
  await expectAccessible(page);

  // Search for views of submissions.
  await page.getByRole("link", { name: "Search the audit trail" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Search the audit trail" })).toBeVisible();
  await page.getByLabel("Action").selectOption("submission.viewed");
  await page.getByRole("button", { name: "Search" }).click();
  const results = page.getByTestId("audit-events");
  await expect(results).toBeVisible();
  await expectAccessible(page);
  await expect(results.getByText("alex.analyst@westmercia.police.example").first()).toBeVisible();

  // Open one event: who, and under which agreement.
  await results.getByRole("row").filter({ hasText: "alex.analyst@westmercia.police.example" }).first().getByRole("link", { name: /event \d+/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Viewed a submission" })).toBeVisible();
  const summary = page.locator(".govuk-summary-list");
  await expect(summary.getByText("alex.analyst@westmercia.police.example")).toBeVisible();
  // Any agreement: the newest view may be of a record another journey shared under a new agreement.
  await expect(summary.getByText(/^ISA-/)).toBeVisible();
  const agreementReference = (await summary.getByText(/^ISA-/).textContent())!.trim();
  await expectAccessible(page);

  // The submission's history: everyone who saw it, and under which agreement.
  await page.getByRole("link", { name: /see its history/i }).click();
  await expect(page.getByRole("heading", { level: 1, name: "History of a record" })).toBeVisible();
  const access = page.getByTestId("record-access-summary");
  const analystRow = access.getByRole("row").filter({ hasText: "alex.analyst@westmercia.police.example" }).filter({ hasText: "Viewed a submission" });
  await expect(analystRow.first()).toBeVisible();
  await expect(analystRow.first()).toContainText(agreementReference);
  await expectAccessible(page);

  // Verify the trail.
  await page.goto("/audit/integrity");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Check the audit trail" }).click();
  // The check runs in the background: the page shows its progress, then its result.
  await expect(page).toHaveURL(/\/audit\/integrity\?check=[0-9a-f-]{36}$/);
  await expect(page.getByText("The audit trail is intact")).toBeVisible({ timeout: 30_000 });
  await expectAccessible(page);
  await page.getByRole("button", { name: "Sign a checkpoint now" }).click();
  await expect(page.getByText(/Checkpoint signed at event \d+/)).toBeVisible();
});

test("without JavaScript, the background check is followed with its refresh link", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await signIn(page, "tom.dpo@telford.gov.example");
    await page.goto("/audit/integrity");
    await page.getByRole("button", { name: "Check the audit trail" }).click();
    await expect(page).toHaveURL(/\/audit\/integrity\?check=[0-9a-f-]{36}$/);
    const intact = page.getByText("The audit trail is intact");
    for (let attempt = 0; attempt < 30 && !(await intact.isVisible()); attempt++) {
      await expectAccessible(page);
      await page.getByRole("link", { name: "Refresh to see progress" }).click();
    }
    await expect(intact).toBeVisible();
  } finally {
    await context.close();
  }
});

test("every oversight screen opens and is accessible", async ({ page }) => {
  // Many pages, each checked with axe: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  await signIn(page, DPO);

  await page.goto("/audit/agreements");
  await expectAccessible(page);
  const telford = page.getByLabel("Agreement").locator("option", { hasText: "Telford & Wrekin serious and organised crime information sharing agreement" });
  const telfordReference = (await telford.textContent())!.split(":")[0]!.trim();
  await page.getByLabel("Agreement").selectOption({ label: (await telford.textContent())!.trim() });
  await page.getByRole("button", { name: "Show access" }).click();
  await expect(page.getByRole("heading", { level: 2, name: new RegExp(telfordReference) })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/audit/records");
  await page.getByLabel("Type of record").selectOption("Agreement");
  await page.getByLabel("Reference or ID").fill(telfordReference.toLowerCase());
  await page.getByRole("button", { name: "Show history" }).click();
  await expect(page.getByTestId("record-access-summary")).toContainText("Viewed an agreement");
  await expectAccessible(page);

  await page.goto("/audit/unusual");
  await expectAccessible(page);
  for (const name of ["Users viewing far more records", "Access outside working hours", "Repeated denied attempts", "Exports of many records", "Privilege changes"]) {
    await page.goto("/audit/unusual");
    await page.getByRole("link", { name: new RegExp(name) }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
    await expectAccessible(page);
  }

  await page.goto("/dpo/subject-access");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Vehicle registration").fill("zz99 zzz");
  await page.getByLabel("Subject access request").check();
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /name this person|names this person/ })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/dpo/retention");
  await expect(page.getByRole("heading", { level: 1, name: "Retention and review" })).toBeVisible();
  await expectAccessible(page);
});
