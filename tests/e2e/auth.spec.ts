import { expect, test, type Page } from "@playwright/test";
import { currentTotpStep, decodeTotpSecret, totpCodeAt } from "../../app/modules/auth/totp.server";
import { DEMO_PASSWORD, demoCode, expectAccessible, signIn, signOut } from "./helpers";

/**
 * Sign-in journeys through the real pages. Each test uses its own demo account, so a security
 * code used here is never the one another test (or spec) needs in the same 30 seconds.
 */

async function enterPassword(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A refused attempt: wait until the page has the answer (the password field is emptied then). */
async function enterRefusedPassword(page: Page, email: string, password = DEMO_PASSWORD) {
  await enterPassword(page, email, password);
  await expect(page.getByLabel("Password")).toHaveValue("");
}

async function enterCode(page: Page, code: string) {
  await page.getByLabel("Security code").fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
}

test("a demo user signs in with a password and a security code, and sees their account", async ({ page }) => {
  await page.goto("/sign-in");
  await expectAccessible(page);
  await enterPassword(page, "rory.analyst@rocu.police.example");
  await expect(page).toHaveURL(/\/sign-in\/code$/);
  await expect(page.getByRole("heading", { name: "Enter your security code" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Use a recovery code instead" }).click();
  await expect(page.getByLabel("Recovery code")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Use your authenticator app instead" }).click();
  await enterCode(page, demoCode("rory.analyst@rocu.police.example"));
  await expect(page.getByTestId("user-bar")).toContainText("Rory Bennett");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Your account" }).first().click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByTestId("sessions")).toContainText("This session");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Change your password" }).click();
  await expect(page.getByRole("heading", { name: "Change your password" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter your current password");
  await expectAccessible(page);
  await page.goto("/account/recovery-codes");
  await expect(page.getByRole("heading", { name: "Get new recovery codes" })).toBeVisible();
  await expectAccessible(page);
});

test("a wrong password or security code is refused with an error summary", async ({ page }) => {
  const email = "hannah.submitter@herefordshire.gov.example";
  await page.goto("/sign-in");
  await enterRefusedPassword(page, email, "not-the-demo-password");
  await expect(page.getByRole("alert")).toContainText("Enter a correct email address and password");
  // What the user typed survives, apart from the password.
  await expect(page.getByLabel("Email address")).toHaveValue(email);
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expectAccessible(page);

  await enterPassword(page, email);
  await expect(page).toHaveURL(/\/sign-in\/code$/);
  await enterCode(page, "000000");
  await expect(page.getByRole("alert")).toContainText("Enter the security code shown in your authenticator app now");
  await expectAccessible(page);
  await enterCode(page, demoCode(email));
  await expect(page.getByTestId("user-bar")).toBeVisible();
});

test("a new starter sets up an authenticator app, saves recovery codes, and can sign in with one", async ({ page }) => {
  const email = "new.starter@telford.gov.example";
  await page.goto("/sign-in");
  await enterPassword(page, email);
  await expect(page).toHaveURL(/\/sign-in\/enrol$/);
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  await expectAccessible(page);

  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s+/g, "");
  await enterCode(page, "000000");
  await expect(page.getByRole("alert")).toContainText("Enter the security code shown in your authenticator app now");
  await enterCode(page, totpCodeAt(decodeTotpSecret(secret), currentTotpStep()));

  await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeVisible();
  const codes = await page.getByTestId("recovery-codes").locator("li").allTextContents();
  expect(codes).toHaveLength(10);
  await expectAccessible(page);
  await page.getByRole("button", { name: "I have saved my recovery codes" }).click();
  await expect(page.getByTestId("user-bar")).toContainText("Nia Starter");

  await signOut(page);
  await enterPassword(page, email);
  await expect(page).toHaveURL(/\/sign-in\/code$/);
  await page.getByRole("link", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(codes[0]!.trim());
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByTestId("user-bar")).toContainText("Nia Starter");
});

test("repeated failures lock the account for a while, saying nothing about whether it exists", async ({ page }) => {
  const throttled = /There have been too many incorrect attempts to sign in\. Wait \d+ minutes?, then try again/;
  await page.goto("/sign-in");
  for (let i = 1; i <= 4; i++) {
    await enterRefusedPassword(page, "jordan.reed@severnvale.housing.example", `wrong password ${i}`);
    await expect(page.getByRole("alert")).toContainText("Enter a correct email address and password");
  }
  await enterRefusedPassword(page, "jordan.reed@severnvale.housing.example", "wrong password 5");
  await expect(page.getByRole("alert")).toContainText(throttled);
  // Now even the right password is refused, without being checked.
  await enterRefusedPassword(page, "jordan.reed@severnvale.housing.example");
  await expect(page.getByRole("alert")).toContainText(throttled);
  await expect(page).toHaveURL(/\/sign-in(\?index)?$/);
  await expectAccessible(page);

  // An account that does not exist is throttled in exactly the same words.
  for (let i = 1; i <= 5; i++) await enterRefusedPassword(page, "nobody@severnvale.housing.example", `guess ${i}`);
  await expect(page.getByRole("alert")).toContainText(throttled);
});

test("after signing out, the back button shows the sign-in page, not the account", async ({ page }) => {
  await signIn(page, "wendy.submitter@worcestershire.gov.example");
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await signOut(page);
  await expect(page.getByText("You have signed out")).toBeVisible();
  await expectAccessible(page);
  await page.goBack();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your account" })).toHaveCount(0);
});

test("a session cookie replayed after sign-out is refused with the session-ended message", async ({ page, browser }) => {
  const email = "will.manager@worcestershire.gov.example";
  await signIn(page, email);
  const cookies = await page.context().cookies();
  expect(cookies.some((cookie) => cookie.name.endsWith("portal_session"))).toBe(true);
  await signOut(page);

  const other = await browser.newContext();
  try {
    await other.addCookies(cookies);
    const stolen = await other.newPage();
    await stolen.goto("/account");
    await expect(stolen).toHaveURL(/\/sign-in\?redirectTo=%2Faccount&expired=1$/);
    await expect(stolen.getByText("Your session has ended, sign in again")).toBeVisible();
    await expectAccessible(stolen);

    // Signing in again from there returns to the page that was asked for.
    await enterPassword(stolen, email);
    await expect(stolen).toHaveURL(/\/sign-in\/code\?redirectTo=%2Faccount$/);
    // The code from the first sign-in cannot be reused: take the next one (allowed for clock drift).
    await enterCode(stolen, demoCode(email, 1n));
    await expect(stolen).toHaveURL(/\/account$/);
    await expect(stolen.getByRole("heading", { name: "Your account" })).toBeVisible();
  } finally {
    await other.close();
  }
});

test("redirectTo after sign-in never leaves the portal", async ({ page, baseURL }) => {
  for (const attack of ["//evil.example", "/\\evil.example", "%2F%2Fevil.example", "/%2F%2Fevil.example", "/\t/evil.example", "https://evil.example"]) {
    await page.goto(`/sign-in?redirectTo=${encodeURIComponent(attack)}`);
    await expect(page.locator('input[name="redirectTo"]')).toHaveValue("/");
  }
  // A full sign-in that starts from an attack link ends on the portal's home page.
  const email = "gareth.manager@herefordshire.gov.example";
  await page.goto(`/sign-in?redirectTo=${encodeURIComponent("//evil.example/phish")}`);
  await enterPassword(page, email);
  await expect(page).toHaveURL(/\/sign-in\/code$/);
  // Tamper with the hidden field on the code page as an attacker's page might.
  await page.locator('input[name="redirectTo"]').evaluate((input: HTMLInputElement) => (input.value = "/\\evil.example"));
  await enterCode(page, demoCode(email));
  await expect(page.getByTestId("user-bar")).toBeVisible();
  expect(page.url()).toBe(`${baseURL}/`);
});
