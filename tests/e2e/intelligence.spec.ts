import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, fillDate, signIn, signOut } from "./helpers";

/**
 * The intelligence journey: a council partner submits graded intelligence, the analyst triages it
 * and feeds back, the partner sees the feedback. Every page is checked with axe.
 */
const PARTNER = "priya.submitter@telford.gov.example";
const ANALYST = "alex.analyst@westmercia.police.example";
const NARRATIVE = "Two teenagers collected from Telford bus station by a silver Golf most evenings. <script>alert('x')</script>";

async function continueOn(page: Page, heading: RegExp | string) {
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expectAccessible(page);
}

test("a partner submits, the analyst triages and feeds back, the partner sees the feedback", async ({ page }) => {
  // A long journey over many pages, each checked with axe, on a shared machine.
  test.setTimeout(300_000);
  // ── The partner shares intelligence ──
  await signIn(page, PARTNER);
  await page.getByRole("link", { name: "Share new intelligence" }).click();
  await continueOn(page, "Share intelligence with the police");
  await page.getByRole("button", { name: "Start now" }).click();

  await continueOn(page, "What do you know?");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("alert")).toContainText("Select the type of serious and organised crime");
  await expectAccessible(page);
  await page.getByLabel("County lines").check();
  await page.getByLabel("What do you know?").fill(NARRATIVE);
  await page.getByRole("button", { name: "Save and continue" }).click();

  await continueOn(page, "Where and when did it happen?");
  await page.getByLabel("Telford and Wrekin").check();
  await page.getByLabel("Address or place (optional)").fill("Telford bus station");
  await page.getByLabel("Postcode (optional)").fill("not a postcode");
  await fillDate(page, "Date it was seen or happened", "2026-01-05");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter a real UK postcode");
  // What the user typed is kept.
  await expect(page.getByLabel("Address or place (optional)")).toHaveValue("Telford bus station");
  await page.getByLabel("Postcode (optional)").fill("tf3 4hs");
  await page.getByRole("button", { name: "Save and continue" }).click();

  await continueOn(page, "Who and what is involved?");
  await page.getByRole("link", { name: "Add a vehicle" }).click();
  await continueOn(page, "Add a vehicle");
  await page.getByLabel("Registration").fill("bd51 smr");
  await page.getByLabel("Make and model (optional)").fill("Volkswagen Golf");
  await page.getByLabel("Colour (optional)").fill("Silver");
  await page.getByRole("button", { name: "Add" }).click();
  await page.getByRole("link", { name: "Add a phone number" }).click();
  await page.getByLabel("Phone number").fill("07700 900123");
  await page.getByRole("button", { name: "Add" }).click();
  // Shown as on the plate, like a postcode.
  await expect(page.getByTestId("entity-list")).toContainText("BD51 SMR");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Continue" }).click();

  await continueOn(page, "Grade the intelligence");
  await page.getByLabel("2 – Untested").check();
  await page.getByLabel("B – Known indirectly to the source but corroborated").check();
  await page.getByLabel("C – Lawful sharing permitted subject to conditions").check();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter the conditions that apply to sharing");
  await page.getByLabel("Conditions (if you chose C)").fill("Do not approach the taxi marshal who reported this.");
  await page.getByRole("button", { name: "Save and continue" }).click();

  await continueOn(page, "Classification and data");
  await page.getByLabel("OFFICIAL", { exact: true }).check();
  await page.getByRole("button", { name: "Save and continue" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toContainText("Which information sharing agreement");
  await expectAccessible(page);
  await page.getByLabel(/Telford & Wrekin serious and organised crime/).check();
  await page.getByRole("button", { name: "Save and continue" }).click();

  await continueOn(page, "Check your answers before sending");
  await expect(page.getByTestId("handling-conditions")).toContainText("Do not approach the taxi marshal");
  // Script typed into the narrative is shown as text, not run.
  await expect(page.getByText("<script>alert('x')</script>", { exact: false })).toBeVisible();
  await page.getByRole("button", { name: "Accept and send" }).click();

  await expect(page.getByRole("heading", { name: "Intelligence sent" })).toBeVisible();
  await expectAccessible(page);
  const reference = (await page.getByTestId("reference").textContent())!.trim();
  expect(reference).toMatch(/^INT-\d{4}-\d{6}$/);
  await page.getByRole("link", { name: "Your organisation's submissions" }).click();
  await continueOn(page, "Your organisation's submissions");
  await expect(page.getByTestId("submissions")).toContainText(reference);
  await signOut(page);

  // ── The analyst triages and feeds back ──
  await signIn(page, ANALYST);
  await page.getByRole("link", { name: "Triage queue" }).click();
  await continueOn(page, "Triage queue");
  await page.getByRole("link", { name: reference, exact: true }).click();
  await continueOn(page, `Assess ${reference}`);
  await expect(page.getByTestId("handling-conditions")).toContainText("Do not approach the taxi marshal");
  // The seeded Dee line and silver Golf reports match.
  await expect(page.getByTestId("correlations")).toContainText("Phone number +447700900123");
  await expectAccessible(page);
  // Each task has its own page; the analyst's grading is their own choice, never the partner's pre-selected.
  await page.getByRole("navigation", { name: "Pages of this submission" }).getByRole("link", { name: "Assess" }).click();
  await continueOn(page, `Assess ${reference}`);
  await page.getByRole("group", { name: "Risk level" }).getByLabel("4 – High").check();
  await page.getByLabel("Analyst notes (police only, never shown to partners)").fill("Matches the Dee line: police only.");
  await page.getByRole("button", { name: "Save assessment" }).click();
  // The error summary is in view and takes focus.
  await expect(page.locator(".govuk-error-summary")).toBeFocused();
  await expect(page.locator(".govuk-error-summary")).toContainText("Select your source evaluation");
  await page.getByRole("group", { name: "Source evaluation" }).getByLabel("2 – Untested").check();
  await page.getByRole("group", { name: "Intelligence assessment" }).getByLabel(/^B – /).check();
  await page.getByRole("group", { name: "Handling code" }).getByLabel(/^C – /).check();
  await page.getByRole("button", { name: "Save assessment" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Assessment saved" })).toBeVisible();
  await expect(page.getByText("Being assessed").first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("navigation", { name: "Pages of this submission" }).getByRole("link", { name: "Feedback" }).click();
  await page.getByLabel("Feedback", { exact: true }).fill("You said teenagers were being collected; we have linked this to an investigation.");
  await page.getByRole("button", { name: "Send feedback" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Feedback sent" })).toBeVisible();
  await expect(page.getByTestId("feedback")).toContainText("we have linked this to an investigation");
  // Sent: the box is empty again, so a second click cannot send it twice.
  await expect(page.getByLabel("Feedback", { exact: true })).toHaveValue("");
  await expectAccessible(page);
  await page.getByRole("navigation", { name: "Pages of this submission" }).getByRole("link", { name: "History" }).click();
  await expect(page.getByTestId("history")).toContainText("Sent feedback to the partner");

  await page.goto("/search");
  await continueOn(page, "Search intelligence");
  await page.getByLabel("Identifier").fill("BD51SMR");
  await page.getByRole("button", { name: "Search" }).click();
  // Why the analyst is searching is never assumed.
  await expect(page.locator(".govuk-error-summary")).toContainText("Select why you are searching");
  await page.getByLabel("Why are you searching?").selectOption({ label: "Triage of partner intelligence" });
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("search-results")).toContainText(reference);
  await expectAccessible(page);
  await signOut(page);

  // ── The partner sees the feedback, never the analyst's notes ──
  await signIn(page, PARTNER);
  await page.goto("/submissions");
  await page.getByRole("link", { name: reference, exact: true }).click();
  await continueOn(page, `Submission ${reference}`);
  await expect(page.getByTestId("feedback")).toContainText("we have linked this to an investigation");
  await expect(page.getByText("Being assessed")).toBeVisible();
  await expect(page.getByText("Matches the Dee line")).toHaveCount(0);
  await expect(page.getByText("4 – High")).toHaveCount(0);
});

test("a supervisor sees sanitised versions awaiting approval, and threats", async ({ page }) => {
  await signIn(page, "sam.supervisor@westmercia.police.example");
  await page.getByRole("link", { name: "Sanitised versions to approve" }).click();
  await continueOn(page, "Sanitised versions to approve");
  await expect(page.getByTestId("approvals").locator("li").first()).toBeVisible();
  await page.getByTestId("approvals").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Assess INT-");
  await page.getByRole("button", { name: "Approve for dissemination" }).first().click();
  await expect(page.getByRole("alert").filter({ hasText: "Sanitised version approved for dissemination" })).toBeVisible();
  await expect(page.getByText("Approved for dissemination").first()).toBeVisible();
  await expectAccessible(page);
  await page.goto("/threats");
  await continueOn(page, "Threats");
  // The Dee line: the Telford county line, whose intelligence is shared under agreements in force.
  await page.getByTestId("threats").getByRole("row").filter({ hasText: "Dee line" }).getByRole("link").first().click();
  await expect(page.getByTestId("threat-submissions")).toBeVisible();
  await expectAccessible(page);
});
