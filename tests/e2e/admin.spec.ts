import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, newSession, signIn } from "./helpers";

/**
 * Administration journeys: an administrator sets up an organisation and a user; the user activates
 * their account with the one-time link and is taken to MFA enrolment at first sign-in; disabling a
 * signed-in user cuts them off on their next request. The roles an administrator gives wait for a
 * second person (four eyes): the organisation's partner manager approves or refuses them, and the
 * DPO finds it all under "Privilege changes". axe runs on every page.
 */
const ADMIN = "ada.admin@westmercia.police.example";
const ANALYST = "alex.analyst@westmercia.police.example";
const TELFORD_MANAGER = "mark.manager@telford.gov.example";
const DPO = "dana.dpo@westmercia.police.example";
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
  await expect(admin.getByText(/roles you chose give no access until a second person approves them/)).toBeVisible();
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
  await admin.getByLabel(/^Partner manager/).check();
  await admin.getByRole("button", { name: "Save changes" }).click();
  await expect(admin.getByText(/The roles you added give no access until a second person approves them/)).toBeVisible();
  const awaiting = admin.getByRole("definition").filter({ hasText: /to be approved by/ });
  await expect(awaiting).toContainText("Partner submitter");
  await expect(awaiting).toContainText("Partner manager");
  await expectAccessible(admin);
});

test("the partner manager approves one role and refuses the other, with a reason", async ({ browser }) => {
  test.slow(); // a second person signs in (password and security code)
  const manager = await newSession(browser, TELFORD_MANAGER);
  await manager.goto("/");
  const panel = manager.getByTestId("role-requests");
  await expect(panel).toContainText("2 roles waiting for your approval");
  await expectAccessible(manager);
  await manager.goto("/approvals/roles");
  await expect(manager.getByRole("heading", { level: 1, name: "Roles to approve" })).toBeVisible();
  await expectAccessible(manager);

  await manager.getByRole("link", { name: /Decide.*Partner submitter for Jamie Newman/ }).click();
  await expect(manager.getByRole("heading", { level: 1, name: "Partner submitter for Jamie Newman" })).toBeVisible();
  await expectAccessible(manager);
  await manager.getByLabel("Approve", { exact: true }).check();
  await manager.getByRole("button", { name: "Save decision" }).click();
  await expect(manager.getByText(/Role approved/)).toBeVisible();

  await manager.getByRole("link", { name: /Decide.*Partner manager for Jamie Newman/ }).click();
  await manager.getByLabel("Refuse", { exact: true }).check();
  await manager.getByRole("button", { name: "Save decision" }).click();
  await expect(manager.getByRole("link", { name: "Enter why you are refusing this role" })).toBeVisible();
  await expectAccessible(manager);
  await manager.getByLabel(/^Reason/).fill("Jamie does not manage the partnership's agreements");
  await manager.getByRole("button", { name: "Save decision" }).click();
  await expect(manager.getByText(/Role refused/)).toBeVisible();
  await expect(manager.getByText("There are no roles waiting for your approval.")).toBeVisible();
  await manager.context().close();

  await admin.goto("/admin/users?q=jamie.new");
  await admin.getByRole("link", { name: "Jamie Newman", exact: true }).click();
  await expect(admin.getByRole("definition").filter({ hasText: /^Partner submitter$/ })).toBeVisible();
  await expect(admin.getByText(/to be approved by/)).toHaveCount(0);
});

test("an administrator cannot change their own roles; the DPO finds the attempt under privilege changes", async ({ browser }) => {
  test.slow(); // a second person signs in (password and security code)
  await admin.goto("/admin/users?q=ada.admin");
  await admin.getByRole("link", { name: "Ada Okafor" }).click();
  await admin.getByRole("button", { name: /Change account details/ }).click();
  await expect(admin.getByText(/This is your own account/)).toBeVisible();
  await admin.getByLabel(/^Police analyst/).check();
  await admin.getByRole("button", { name: "Save changes" }).click();
  await expect(admin.getByRole("link", { name: /You cannot change your own roles, organisation or signatory flag/ })).toBeVisible();
  await expectAccessible(admin);

  const dpo = await newSession(browser, DPO);
  await dpo.goto("/audit/unusual");
  await dpo.getByRole("link", { name: "Privilege changes" }).click();
  await expect(dpo.getByRole("heading", { level: 1, name: "Privilege changes" })).toBeVisible();
  await expect(dpo.getByText("Asked for a role to be given").first()).toBeVisible();
  await expect(dpo.getByText("Access denied").first()).toBeVisible();
  await expectAccessible(dpo);
  await dpo.context().close();
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
  await expect(admin.getByRole("heading", { name: "Are you sure you want to disable this account?" })).toBeVisible();
  await expectAccessible(admin);
  await admin.getByRole("button", { name: "Disable account" }).click();
  await expect(admin.getByRole("link", { name: "Enter why you are disabling this account" })).toBeVisible();
  await expectAccessible(admin);
  await admin.getByLabel("Why are you disabling this account?").fill("Suspected misuse reported by the DPO");
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
  await expect(admin.getByRole("heading", { name: "Are you sure you want to reset MFA for this account?" })).toBeVisible();
  await expectAccessible(admin);
  await admin.getByLabel("Why are you resetting MFA?").fill("Lost phone; identity checked in person");
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
