import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, fillDate, newSession, signIn } from "./helpers";

/**
 * The Telford county line story end to end (the demo seed's Dee line): the analyst finds the line
 * from a new partner report in triage, links the report to it and scores it; briefs Telford &
 * Wrekin Council, which reaches the council only once a second supervisor approves it (four eyes);
 * gives the council a Prevent action on the line's 4P plan. Telford's manager acknowledges the
 * briefing and completes the action with its result; the analyst records the outcome, and the
 * force's dashboard counts it. Every page on the way is checked with axe.
 */
const ANALYST = "alex.analyst@westmercia.police.example";
const SUPERVISOR = "sam.supervisor@westmercia.police.example";
const TELFORD_MANAGER = "mark.manager@telford.gov.example";
const THREAT = "Dee line: county line supplying Brookside, Telford";
const BRIEFING = "Dee line: runners met at Telford bus station";
const ACTION = "Taxi marshal and bus station staff briefing on spotting exploited children";
const RESULT = "Briefed 14 marshals and station staff; two referrals to children's services since.";

async function onPage(page: Page, heading: string | RegExp) {
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expectAccessible(page);
}

/** The count in a dashboard chart's table (shown under the chart on request), by its row label. */
async function dashboardCount(page: Page, chart: string, row: string): Promise<number> {
  const figure = page.locator(".app-chart").filter({ has: page.getByRole("heading", { name: chart, exact: true }) });
  await figure.getByText("Show the data as a table").click();
  const cell = figure.getByRole("table", { name: chart }).getByRole("row").filter({ has: page.getByRole("rowheader", { name: row, exact: true }) }).getByRole("cell");
  return Number(((await cell.textContent()) ?? "").replace(/[^\d]/g, ""));
}

/** Chooses the option of a select whose text includes `text` (options read "REFERENCE: title"). */
async function selectContaining(page: Page, label: string, text: string) {
  const select = page.getByLabel(label, { exact: true });
  const value = await select.locator("option", { hasText: text }).getAttribute("value");
  await select.selectOption(value!);
}

test("a triage match leads to the Dee line, which is scored, briefed to Telford, planned, acted on and counted", async ({ page, browser }) => {
  // Three people's sessions over many pages, each checked with axe, on a shared machine.
  test.setTimeout(600_000);

  // ── The analyst finds the line from the taxi marshal's report ──
  await signIn(page, ANALYST);
  await page.getByRole("link", { name: "Triage queue" }).click();
  await onPage(page, "Triage queue");
  await page.getByLabel("Status").selectOption({ label: "Received" });
  await page.getByLabel("Area").selectOption({ label: "Telford and Wrekin" });
  await page.getByLabel("Threat type").selectOption({ label: "County lines" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/status=RECEIVED/);
  await page.getByRole("table", { name: "Submissions to triage" }).getByRole("row").nth(1).getByRole("link").first().click();
  await expect(page.getByText("Taxi marshal at Telford bus station")).toBeVisible();
  const reference = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Assess ", "").trim();
  // The silver Golf and 'Tiny' match reports already on the Dee line: one click links this one too.
  const matches = page.getByRole("region", { name: "Matches in other intelligence" });
  await expect(matches.getByRole("link", { name: new RegExp(THREAT) }).first()).toBeVisible();
  await expectAccessible(page);
  await matches.getByRole("button", { name: /^Link this intelligence to THR-\d{4}-\d{4}.*Dee line/ }).first().click();
  await expect(page.getByTestId("linked-threat")).toContainText(THREAT);
  await expectAccessible(page);
  await page.getByTestId("linked-threat").getByRole("link", { name: new RegExp(THREAT) }).click();
  await onPage(page, THREAT);
  await expect(page.getByTestId("threat-submissions")).toContainText(reference);
  const threatUrl = page.url();

  // ── It is scored (MoRiLE) ──
  const threatPages = page.getByRole("navigation", { name: "Threat pages" });
  await threatPages.getByRole("link", { name: "Score" }).click();
  await onPage(page, "Score the threat");
  for (const [harm, level] of [
    ["Physical harm", "3: Significant"],
    ["Psychological harm", "3: Significant"],
    ["Financial harm", "1: Minor"],
    ["Community and environmental harm", "3: Significant"],
    ["Vulnerability of victims", "4: Critical"],
  ] as const) {
    await page.getByRole("group", { name: harm }).getByLabel(level).check();
  }
  await page.getByRole("group", { name: "How likely is the harm?" }).getByLabel("4: Almost certain").check();
  await page.getByRole("group", { name: "Capacity: people and time to act" }).getByLabel("2: Adequate").check();
  await page.getByRole("group", { name: "Capability: skills, powers and tools to act" }).getByLabel("2: Adequate").check();
  await page.getByRole("group", { name: "Confidence in this assessment" }).getByLabel("High").check();
  await page.getByLabel("Why are you scoring it now?").fill("Runners now met off the Birmingham buses nightly, per the taxi marshal.");
  await page.getByRole("button", { name: "Record the score" }).click();
  await expect(page.getByText(/The threat has been scored: \w+ priority \(\d+\)/)).toBeVisible();
  await expect(page.getByTestId("assessments")).toContainText("Runners now met off the Birmingham buses nightly");
  await expectAccessible(page);

  // ── A briefing for Telford & Wrekin Council, sent for approval ──
  await page.getByRole("link", { name: "Disseminate a briefing on this threat to partners" }).click();
  await onPage(page, "Disseminate to partners");
  await page.getByLabel("Title for partners").fill(BRIEFING);
  await page
    .getByLabel("What partners will read")
    .fill("Teenagers arriving from Birmingham are met at Telford bus station by a silver car and taken to Brookside. Please brief staff who may see them and refer any child at risk to children's services.");
  await page.getByRole("group", { name: "Handling code" }).getByLabel(/^C – /).check();
  await page.getByLabel("Conditions recipients must follow (handling code C)").fill("Do not approach the young people or the driver; refer to children's services.");
  await page.getByRole("group", { name: "Recipient organisations" }).getByLabel("Telford & Wrekin Council", { exact: true }).check();
  await page.getByRole("button", { name: "Send for approval" }).click();
  await onPage(page, BRIEFING);
  await expect(page.getByText("Awaiting approval").first()).toBeVisible();

  // ── A second supervisor approves it (four eyes) ──
  const supervisor = await newSession(browser, SUPERVISOR);
  await supervisor.goto("/disseminations/approvals");
  await onPage(supervisor, "Disseminations to approve");
  await supervisor.getByTestId("dissemination-approvals").getByRole("link", { name: new RegExp(BRIEFING) }).click();
  await expect(supervisor.getByRole("heading", { level: 2, name: BRIEFING })).toBeVisible();
  await expectAccessible(supervisor);
  await supervisor.getByRole("group", { name: "Your decision" }).getByLabel("Approve and send").check();
  await supervisor.getByRole("button", { name: "Confirm decision" }).click();
  await expect(supervisor.getByRole("heading", { level: 1, name: "Disseminations to approve" })).toBeVisible();
  await expect(supervisor.getByTestId("dissemination-approvals").getByRole("link", { name: new RegExp(BRIEFING) })).toHaveCount(0);
  await supervisor.context().close();

  // ── Telford gets a Prevent action on the line's 4P plan ──
  await page.goto(threatUrl);
  await page.getByRole("navigation", { name: "Threat pages" }).getByRole("link", { name: "4P plan" }).click();
  await onPage(page, `4P plan: ${THREAT}`);
  await page.getByRole("group", { name: "Strand" }).getByLabel("Prevent").check();
  await page.getByLabel("Action", { exact: true }).fill(ACTION);
  await page.getByLabel("Owner organisation").selectOption({ label: "Telford & Wrekin Council" });
  await fillDate(page, "Due date", new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
  await page.getByRole("button", { name: "Add action" }).click();
  await expect(page.getByText("The action has been added to the plan.")).toBeVisible();
  await expect(page.getByRole("link", { name: ACTION })).toBeVisible();
  await expectAccessible(page);

  // ── Telford's manager acknowledges the briefing and completes the action ──
  const manager = await newSession(browser, TELFORD_MANAGER);
  await manager.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Inbox" }).click();
  await onPage(manager, "Inbox");
  await manager.getByRole("link", { name: new RegExp(BRIEFING) }).click();
  await onPage(manager, BRIEFING);
  await expect(manager.getByText("Do not approach the young people or the driver")).toBeVisible();
  await manager.getByRole("button", { name: "Acknowledge: we have read it" }).click();
  await expect(manager.getByText(/By Mark Ellis, /)).toBeVisible();
  await expect(manager.getByRole("button", { name: "Acknowledge: we have read it" })).toHaveCount(0);
  await expectAccessible(manager);

  await manager.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Actions" }).click();
  await onPage(manager, "Your organisation's actions");
  await manager.getByRole("link", { name: ACTION }).click();
  await onPage(manager, ACTION);
  await manager.getByRole("group", { name: "Status" }).getByLabel("Completed").check();
  await manager.getByLabel("Result", { exact: true }).fill(RESULT);
  await manager.getByRole("button", { name: "Save progress" }).click();
  await expect(manager.getByRole("group", { name: "Status" }).getByLabel("Completed")).toBeChecked();
  await expect(manager.getByLabel("Result", { exact: true })).toHaveValue(RESULT);
  await expectAccessible(manager);
  await manager.context().close();

  // ── The analyst sees the acknowledgement and the result, records the outcome; the dashboard counts it ──
  await page.goto("/disseminations");
  await page.getByRole("link", { name: BRIEFING }).click();
  await expect(page.getByRole("table", { name: "Recipients and read receipts" })).toContainText("Mark Ellis");
  await page.goto(threatUrl);
  await page.getByRole("navigation", { name: "Threat pages" }).getByRole("link", { name: "4P plan" }).click();
  await expect(page.getByRole("row").filter({ hasText: ACTION })).toContainText("Completed");

  await page.goto("/dashboard");
  await onPage(page, "Dashboard");
  const before = await dashboardCount(page, "Outcomes in the last 12 months", "People safeguarded");
  await page.goto("/outcomes/new");
  await onPage(page, "Record an outcome");
  await page.getByRole("group", { name: "What was the outcome?" }).getByLabel("People safeguarded").check();
  await fillDate(page, "When did it happen?", new Date().toISOString().slice(0, 10));
  await page.getByLabel("Area", { exact: true }).selectOption({ label: "Telford and Wrekin" });
  await page.getByLabel("Number", { exact: true }).fill("2");
  await page.getByLabel("Description (optional)").fill("Two children referred after the bus station briefing.");
  await selectContaining(page, "Threat", THREAT);
  await selectContaining(page, "Action", ACTION);
  await page.getByRole("button", { name: "Record outcome" }).click();
  await expect(page.getByText("The outcome has been recorded.")).toBeVisible();
  await expectAccessible(page);

  await page.goto("/dashboard");
  await onPage(page, "Dashboard");
  expect(await dashboardCount(page, "Outcomes in the last 12 months", "People safeguarded")).toBe(before + 2);
});
