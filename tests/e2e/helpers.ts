import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { currentTotpStep, totpCodeAt, decodeTotpSecret } from "../../app/modules/auth/totp.server";
import { DEMO_PASSWORD, demoTotpSecretBase32 } from "../../prisma/seed/demo-accounts";

export { DEMO_PASSWORD };

/** The current TOTP code of a demo account, as an authenticator app would show it. */
export function demoCode(email: string, offsetSteps = 0n): string {
  return totpCodeAt(decodeTotpSecret(demoTotpSecretBase32(email)), currentTotpStep() + offsetSteps);
}

/**
 * Signs a demo account in through the real pages (password, then security code).
 * A code can be used once; if the current step's code was just used by an earlier sign-in of the
 * same account, the next step's code (accepted for clock drift) is used.
 */
const lastStepUsed = new Map<string, bigint>();
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in\/code/);
  const step = currentTotpStep();
  const offset = lastStepUsed.get(email) === step ? 1n : 0n;
  lastStepUsed.set(email, step + offset);
  await page.getByLabel("Security code").fill(demoCode(email, offset));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByTestId("user-bar")).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** Fails the test on any axe violation (WCAG 2.2 AA). */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}
