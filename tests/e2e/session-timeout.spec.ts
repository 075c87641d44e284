import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

/**
 * The session timeout warning. The server's idle timeout is fixed (30 minutes), so the browser's
 * clock is moved instead (Playwright's clock): the page, told by the server when the session
 * ends, warns two minutes before, asks the server again, and signs out when nobody answers.
 */
test("warns before the session times out, stays signed in on request, and signs out when ignored", async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.install();
  await signIn(page, "gemma.manager@severnvale.housing.example");
  const dialog = page.getByRole("dialog", { name: "You'll be signed out soon" });
  await expect(dialog).toBeHidden();

  // 28½ minutes later (on this browser's clock, held there): the page asks the server, then warns.
  await page.clock.pauseAt(Date.now() + 28.5 * 60_000);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("you will be signed out in 1 minute");
  await expect(dialog.locator("[aria-live=polite]")).toContainText("To protect the information, you will be signed out in 2 minutes.");
  const stay = dialog.getByRole("button", { name: "Stay signed in" });
  await expect(stay).toBeFocused();
  // Focus is kept in the dialog.
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Sign out" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(stay).toBeFocused();

  // Back to the real time, Escape is "Stay signed in": the server extends the session (204).
  await page.clock.setSystemTime(Date.now());
  const extended = page.waitForResponse((r) => r.url().endsWith("/session") && r.request().method() === "POST");
  await page.keyboard.press("Escape");
  expect((await extended).status()).toBe(204);
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("user-bar")).toBeVisible();
  await page.clock.resume();

  // Ignored this time: when the countdown ends the page signs out and shows why.
  await page.clock.fastForward("28:30");
  await expect(dialog).toBeVisible();
  // Checked with the clock running: axe waits on timers, which a held clock never fires.
  await expectAccessible(page);
  await page.clock.fastForward("02:00");
  await expect(page).toHaveURL(/\/sign-in\?timedOut=1$/);
  await expect(page.getByText("You were signed out to protect the information")).toBeVisible();
  // The session has ended on the server too.
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByTestId("user-bar")).toBeHidden();
});

test("the sign out button in the warning signs out at once", async ({ page }) => {
  await page.clock.install();
  await signIn(page, "imran.manager@sath.nhs.example");
  await page.clock.fastForward("28:30");
  const dialog = page.getByRole("dialog", { name: "You'll be signed out soon" });
  await dialog.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
});
