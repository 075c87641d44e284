import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

/**
 * Administration journeys: an administrator sets up an organisation and a user; the user activates
 * their account with the one-time link and is taken to MFA enrolment at first sign-in; disabling a
 * signed-in user cuts them off on their next request. axe runs on every administration page.
 */
const ADMIN = "ada.admin@westmercia.police.example";
const ANALYST = "alex.analyst@westmercia.police.example";
const NEW_PASSWORD = "amber lantern orchard ninety";

test.describe.configure({ mode: "serial" });

let admin: Page;

test.beforeAll(async ({ browser }) => {
  admin = await (await browser.newContext()).newPage();
  await signIn(admin, ADMIN);
});

test.afterAll(async () => {
  await admin.context().close();
});

test("the administration overview is reached from the home page and the header", async () => {
  await admin.goto("/");
  await admin.getByRole("link", { name: "Administration overview" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Administration" })).toBeVisible();
  await expectAccessible(admin);
  await expect(admin.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Administration" })).toBeVisible();
});

test("an administrator adds and edits an organisation", async () => {
  await admin.goto("/admin/organisations");
  await expect(admin.getByRole("link", { name: "Telford & Wrekin Council", exact: true })).toBeVisible();
  await expectAccessible(admin);

  await admin.getByRole("button", { name: "Add an organisation" }).click();
  await expect(admin).toHaveURL(/\/admin\/organisations\/new$/);
  await expectAccessible(admin);
  await admin.getByRole("button", { name: "Add organisation" }).click();
  await expect(admin.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(admin.getByRole("link", { name: "Enter the organisation's name" })).toBeVisible();
  await expectAccessible(admin);

  await admin.getByLabel("Name", { exact: true }).fill("Hereford and Worcester Fire and Rescue Service");
  await admin.getByLabel("Short name (optional)").fill("HWFRS");
  await admin.getByLabel("Fire and rescue").check();
  await admin.getByLabel("Herefordshire").check();
  await admin.getByLabel("Worcestershire").check();
  await admin.getByRole("button", { name: "Add organisation" }).click();
  await expect(admin.getByText("The organisation has been saved.")).toBeVisible();
  const row = admin.getByRole("row", { name: /Hereford and Worcester Fire and Rescue Service/ });
  await expect(row).toContainText("Herefordshire, Worcestershire");
  await expectAccessible(admin);

  await row.getByRole("link", { name: "Hereford and Worcester Fire and Rescue Service", exact: true }).click();
  await expect(admin.getByRole("heading", { name: "Edit organisation" })).toBeVisible();
  await expectAccessible(admin);
  await admin.getByLabel("Shropshire").check();
  await admin.getByRole("button", { name: "Save changes" }).click();
  await expect(admin.getByRole("row", { name: /Hereford and Worcester Fire/ })).toContainText(
    "Herefordshire, Shropshire, Worcestershire",
  );
});

test("an administrator creates a user, who activates the account and is asked to set up MFA at first sign-in", async ({
  browser,
}) => {
  const email = `jamie.new.${Date.now()}@telford.gov.example`;
  await admin.goto("/admin/users");
  await expectAccessible(admin);
  await admin.getByRole("button", { name: "Create a user account" }).click();
  await expect(admin.getByRole("heading", { name: "Create a user account" })).toBeVisible();
  await expectAccessible(admin);

  await admin.getByRole("button", { name: "Create account" }).click();
  await expect(admin.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expectAccessible(admin);

  await admin.getByLabel("Full name").fill("Jamie Newman");
  await admin.getByLabel("Work email address").fill(email.toUpperCase());
  await admin.getByLabel("Organisation").selectOption({ label: "Telford & Wrekin Council" });
  await admin.getByLabel("Partner submitter").check();
  await admin.getByRole("group", { name: /sign information sharing agreements/ }).getByLabel("No").check();
  await admin.getByRole("button", { name: "Create account" }).click();

  await expect(admin.getByRole("heading", { name: "Account created" })).toBeVisible();
  await expect(admin.getByText(email)).toBeVisible();
  await expectAccessible(admin);
  const link = (await admin.getByTestId("activation-link").textContent())?.trim() ?? "";
  expect(link).toMatch(/\/activate\/[a-z2-7]{32}$/);

  // The new user, in a browser of their own.
  const newcomerContext = await browser.newContext();
  const newcomer = await newcomerContext.newPage();
  await newcomer.goto(link);
  await expect(newcomer.getByRole("heading", { name: "Set up your account" })).toBeVisible();
  await expectAccessible(newcomer);
  await newcomer.getByLabel("New password", { exact: true }).fill("password1234");
  await newcomer.getByLabel("Confirm new password").fill("password1234");
  await newcomer.getByRole("button", { name: "Set password and continue" }).click();
  await expect(newcomer.getByRole("link", { name: /too easy to guess/ })).toBeVisible();
  await expectAccessible(newcomer);
  await newcomer.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await newcomer.getByLabel("Confirm new password").fill(NEW_PASSWORD);
  await newcomer.getByRole("button", { name: "Set password and continue" }).click();
  await expect(newcomer).toHaveURL(/\/sign-in(\?|$)/);

  await newcomer.getByLabel("Email address").fill(email);
  await newcomer.getByLabel("Password").fill(NEW_PASSWORD);
  await newcomer.getByRole("button", { name: "Sign in" }).click();
  await expect(newcomer).toHaveURL(/\/sign-in\/enrol/);

  // The link worked once only.
  await newcomer.goto(link);
  await expect(newcomer.getByRole("heading", { name: "This link has expired or has already been used" })).toBeVisible();
  await expectAccessible(newcomer);
  await newcomerContext.close();

  await admin.goto(`/admin/users?q=${encodeURIComponent("jamie.new")}`);
  const row = admin.getByRole("row", { name: /Jamie Newman/ });
  await expect(row).toContainText("Active");
  await row.getByRole("link", { name: "Jamie Newman", exact: true }).click();
  await expect(admin.getByRole("heading", { name: "Jamie Newman" })).toBeVisible();
  await expectAccessible(admin);

  await admin.getByRole("button", { name: /Change account details/ }).click();
  await expect(admin.getByRole("heading", { name: "Change account details" })).toBeVisible();
  await expectAccessible(admin);
  await admin.getByLabel("Partner manager").check();
  await admin.getByRole("button", { name: "Save changes" }).click();
  await expect(admin.getByText("The account details have been saved.")).toBeVisible();
  await expect(admin.getByRole("definition").filter({ hasText: "Partner submitter, Partner manager" })).toBeVisible();
});

test("disabling a signed-in user cuts them off on their next request", async ({ browser }) => {
  const analystContext = await browser.newContext();
  const analyst = await analystContext.newPage();
  await signIn(analyst, ANALYST);

  await admin.goto("/admin/users");
  await admin.getByLabel("Name or email address").fill("alex.analyst");
  await admin.getByRole("button", { name: "Apply filters" }).click();
  await expect(admin).toHaveURL(/q=alex.analyst/);
  await expectAccessible(admin);
  await admin.getByRole("link", { name: "Alex Morgan" }).click();
  await expect(admin.getByRole("definition").filter({ hasText: /Yes \(1 session\)/ })).toBeVisible();
  await admin.getByRole("button", { name: "Disable account" }).click();
  await expect(admin.getByText("The account has been disabled and its sessions ended.")).toBeVisible();
  await expectAccessible(admin);

  await analyst.reload();
  await expect(analyst).toHaveURL(/\/sign-in/);
  await expect(analyst.getByTestId("user-bar")).toHaveCount(0);
  await analystContext.close();

  await admin.getByRole("button", { name: "Enable account" }).click();
  await expect(admin.getByText("The account has been enabled.")).toBeVisible();
});

test("an administrator resets a user's MFA and issues a password reset link", async () => {
  // Nadia is used by no other end-to-end test, so resetting her MFA affects nothing else.
  await admin.goto("/admin/users?q=nadia.nurse");
  await admin.getByRole("link", { name: "Nadia Kaur" }).click();
  await admin.getByRole("button", { name: "Reset MFA" }).click();
  await expect(admin.getByText(/MFA has been reset/)).toBeVisible();
  await expect(admin.getByRole("definition").filter({ hasText: /Not set up/ })).toBeVisible();

  await admin.getByRole("button", { name: "Issue a new activation link" }).click();
  await expect(admin.getByRole("heading", { name: /New activation link for Nadia Kaur/ })).toBeVisible();
  await expect(admin.getByTestId("activation-link")).toHaveText(/\/activate\/[a-z2-7]{32}$/);
  await expectAccessible(admin);
});

test("an administrator cannot disable their own account", async () => {
  await admin.goto("/admin/users?q=ada.admin");
  await admin.getByRole("link", { name: "Ada Okafor" }).click();
  await expect(admin.getByText("This is your own account.")).toBeVisible();
  await expect(admin.getByRole("button", { name: "Disable account" })).toHaveCount(0);
  await expectAccessible(admin);
});
