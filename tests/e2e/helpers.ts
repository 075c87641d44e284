import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type Page } from "@playwright/test";
import { currentTotpStep, totpCodeAt, decodeTotpSecret } from "../../app/modules/auth/totp.server";
import { DEMO_PASSWORD, demoTotpSecretBase32 } from "../../prisma/seed/demo-accounts";

export { DEMO_PASSWORD };

/** The current TOTP code of a demo account, as an authenticator app would show it. */
export function demoCode(email: string, offsetSteps = 0n): string {
  return totpCodeAt(decodeTotpSecret(demoTotpSecretBase32(email)), currentTotpStep() + offsetSteps);
}

/**
 * Signs a demo account in through the real pages (password, then security code).
 * A code can be used once, and the server then refuses every earlier step too. The server accepts
 * the next step's code (clock drift), so two sign-ins of one account within a step are fine; a
 * third waits for the next step rather than fail. Specs run one after another in one worker and
 * share this memory of the last step used per account.
 */
const lastStepUsed = new Map<string, bigint>();
const TOTP_STEP_MS = 30_000;

async function nextUsableStep(email: string): Promise<bigint> {
  for (;;) {
    const current = currentTotpStep();
    const last = lastStepUsed.get(email);
    const candidate = last !== undefined && last >= current ? last + 1n : current;
    if (candidate <= current + 1n) return candidate;
    // Both the current and the next step's codes are spent: wait for the next step to begin.
    await new Promise((resolve) => setTimeout(resolve, TOTP_STEP_MS - (Date.now() % TOTP_STEP_MS) + 250));
  }
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in\/code/);
  const step = await nextUsableStep(email);
  lastStepUsed.set(email, step);
  await page.getByLabel("Security code").fill(totpCodeAt(decodeTotpSecret(demoTotpSecretBase32(email)), step));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByTestId("user-bar")).toBeVisible();
}

/** A separate browser (its own cookies) signed in as `email`: one person's session among several. */
export async function newSession(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** Fails the test on any axe violation (WCAG 2.2 AA); `soft` records the failure and carries on (one check over many pages). */
export async function expectAccessible(page: Page, { soft = false } = {}): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  (soft ? expect.soft : expect)(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`), `axe on ${page.url()}`).toEqual([]);
}

/** Fills a GOV.UK date input (day, month, year fields in a fieldset named `legend`) with an ISO day. */
export async function fillDate(page: Page, legend: string, isoDay: string): Promise<void> {
  const [year, month, day] = isoDay.split("-");
  const group = page.getByRole("group", { name: legend, exact: true });
  await group.getByLabel("Day").fill(String(Number(day)));
  await group.getByLabel("Month").fill(String(Number(month)));
  await group.getByLabel("Year").fill(year!);
}
