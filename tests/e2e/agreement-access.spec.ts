import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, fillDate, newSession } from "./helpers";

/**
 * Access follows agreements, end to end: a partner manager drafts a new agreement with West Mercia
 * Police, both signatories sign in their own sessions and it becomes active; a council partner
 * shares intelligence under that agreement; the police analyst can open it; the DPO revokes the
 * agreement; on the analyst's very next request the record is "Page not found" and it has left the
 * triage queue. (tests/e2e/agreements.spec.ts checks each agreement page with axe; this journey
 * checks the pages it adds.)
 */

const MANAGER = "mark.manager@telford.gov.example";
const SUPERVISOR = "sam.supervisor@westmercia.police.example";
const PARTNER = "priya.submitter@telford.gov.example";
const ANALYST = "alex.analyst@westmercia.police.example";
const DPO = "dana.dpo@westmercia.police.example";

const day = (offset: number) => new Date(Date.now() + offset * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
const title = `Telford cuckooing sharing ${Date.now()}`;

async function draftAgreement(manager: Page): Promise<string> {
  await manager.goto("/agreements/new");
  await expect(manager.getByRole("heading", { level: 1, name: "Draft a new agreement" })).toBeVisible();
  await manager.getByLabel("Title").fill(title);
  await manager.locator("#parties-0-role").selectOption({ label: "Joint controller" });
  await manager.locator("#parties-1-organisationId").selectOption({ label: "West Mercia Police" });
  await manager.locator("#parties-1-role").selectOption({ label: "Controller" });
  await manager.locator("#parties-1-leadName").fill("Sam Price");
  await manager.locator("#parties-1-leadEmail").fill(SUPERVISOR);
  await manager.getByLabel("Purpose of sharing").fill("To share intelligence about cuckooing of council tenants in Telford so that housing and police protect them together.");
  await manager.getByLabel("Protect: reduce vulnerability").check();
  await manager.getByLabel("Crime and Disorder Act 1998, section 115").check();
  await manager.getByLabel("Person identifiers (names, dates of birth, nicknames)").check();
  await manager.getByLabel("Addresses and locations").check();
  await manager.getByLabel("Intelligence narrative").check();
  await manager.getByLabel("OFFICIAL-SENSITIVE").check();
  await manager.getByLabel("How shared records are disposed of").fill("Erased in the portal at the end of retention; the erasure is logged.");
  await manager.getByLabel("How rights requests are handled").fill("Each controller answers for its own records and consults the other.");
  await fillDate(manager, "Start date", day(0));
  await fillDate(manager, "End date", day(365));
  await fillDate(manager, "Review date", day(180));
  await manager.getByLabel("Completed").check();
  await manager.getByRole("button", { name: "Save draft" }).click();
  await expect(manager.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return new URL(manager.url()).pathname;
}

async function sign(page: Page, organisation: string) {
  await expect(page.getByRole("heading", { level: 1, name: "Sign version 1" })).toBeVisible();
  await page.getByLabel(`I confirm I am authorised to sign for ${organisation}`).check();
  await page.getByRole("button", { name: "Sign version 1" }).click();
}

/** The partner's journey through the question pages, choosing the new agreement; returns the reference. */
async function shareUnderAgreement(partner: Page): Promise<string> {
  await partner.goto("/submissions/new");
  await partner.getByRole("button", { name: "Start now" }).click();
  await expect(partner.getByRole("heading", { level: 1, name: "What do you know?" })).toBeVisible();
  await partner.getByLabel("Cuckooing").check();
  await partner.getByLabel("What do you know?").fill("A tenant in Brookside says two men from out of town have stayed in her flat for a week and visitors come and go all night.");
  await partner.getByRole("button", { name: "Save and continue" }).click();

  await expect(partner.getByRole("heading", { level: 1, name: "Where and when did it happen?" })).toBeVisible();
  await partner.getByLabel("Telford and Wrekin").check();
  await partner.getByLabel("Address or place (optional)").fill("Brookside, Telford");
  await fillDate(partner, "Date it was seen or happened", "2026-01-12");
  await partner.getByRole("button", { name: "Save and continue" }).click();

  await expect(partner.getByRole("heading", { level: 1, name: "Who and what is involved?" })).toBeVisible();
  await partner.getByRole("button", { name: "Continue" }).click();

  await expect(partner.getByRole("heading", { level: 1, name: "Grade the intelligence" })).toBeVisible();
  await partner.getByLabel("1 – Reliable").check();
  await partner.getByLabel("C – Known indirectly to the source", { exact: true }).check();
  await partner.getByLabel("P – Lawful sharing permitted").check();
  await partner.getByRole("button", { name: "Save and continue" }).click();

  await expect(partner.getByRole("heading", { level: 1, name: "Classification and data" })).toBeVisible();
  await partner.getByLabel("OFFICIAL-SENSITIVE", { exact: true }).check();
  await partner.getByRole("button", { name: "Save and continue" }).click();

  // The agreement signed minutes ago is offered, since it covers OFFICIAL-SENSITIVE and these categories.
  await expect(partner.getByRole("heading", { level: 1 })).toContainText("Which information sharing agreement");
  await partner.getByLabel(new RegExp(title)).check();
  await partner.getByRole("button", { name: "Save and continue" }).click();

  await expect(partner.getByRole("heading", { level: 1, name: "Check your answers before sending" })).toBeVisible();
  await expect(partner.getByText(title).first()).toBeVisible();
  await partner.getByRole("button", { name: "Accept and send" }).click();
  await expect(partner.getByRole("heading", { name: "Intelligence sent" })).toBeVisible();
  return (await partner.getByTestId("reference").textContent())!.trim();
}

test("revoking an agreement stops the police analyst opening what was shared under it, on the next request", async ({ browser }) => {
  // Five people, two dozen pages: longer than the default minute on a busy machine.
  test.setTimeout(300_000);

  // ── The partner manager drafts and sends for signature, then signs for the council ──
  const manager = await newSession(browser, MANAGER);
  const agreementUrl = await draftAgreement(manager);
  await manager.getByRole("button", { name: "Send for signature" }).click();
  await expect(manager.getByText("Awaiting signatures", { exact: true }).first()).toBeVisible();
  await manager.getByRole("link", { name: "Sign version 1" }).click();
  await sign(manager, "Telford & Wrekin Council");
  await expect(manager.getByText("Signed. The agreement becomes active when every controller has signed.")).toBeVisible();

  // ── The police signatory signs in their own session; the agreement becomes active ──
  const supervisor = await newSession(browser, SUPERVISOR);
  await supervisor.getByTestId("agreements-to-sign").getByRole("link", { name: new RegExp(title) }).click();
  await sign(supervisor, "West Mercia Police");
  await expect(supervisor.getByText("Signed by every party. The agreement is now active.")).toBeVisible();
  await expect(supervisor.getByText("Active", { exact: true }).first()).toBeVisible();

  // ── A Telford partner shares intelligence under it ──
  const partner = await newSession(browser, PARTNER);
  const reference = await shareUnderAgreement(partner);
  expect(reference).toMatch(/^INT-\d{4}-\d{6}$/);

  // ── The analyst finds it in the triage queue and opens it ──
  const analyst = await newSession(browser, ANALYST);
  await analyst.goto("/triage");
  await analyst.getByRole("link", { name: reference, exact: true }).click();
  await expect(analyst.getByRole("heading", { level: 1, name: `Assess ${reference}` })).toBeVisible();
  await expect(analyst.getByText(title).first()).toBeVisible();
  const recordUrl = new URL(analyst.url()).pathname;

  // ── The DPO revokes the agreement, with a reason ──
  const dpo = await newSession(browser, DPO);
  await dpo.goto(agreementUrl);
  await dpo.getByRole("link", { name: "Revoke agreement" }).click();
  await expect(dpo.getByRole("heading", { level: 1, name: "Revoke the agreement" })).toBeVisible();
  await dpo.getByLabel("Why are you revoking it?").fill("The tenant withdrew consent and the council's DPIA no longer supports sharing.");
  await dpo.getByRole("button", { name: "Revoke agreement" }).click();
  await expect(dpo.getByText("Agreement revoked.")).toBeVisible();
  await expect(dpo.getByText("Revoked", { exact: true }).first()).toBeVisible();

  // ── The analyst's next request: the record is not found, and the queue no longer lists it ──
  const response = await analyst.goto(recordUrl);
  expect(response?.status()).toBe(404);
  await expect(analyst.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(analyst.getByText(reference)).toHaveCount(0);
  await expectAccessible(analyst);

  await analyst.goto("/triage?status=all");
  await expect(analyst.getByRole("heading", { level: 1, name: "Triage queue" })).toBeVisible();
  await expect(analyst.getByRole("link", { name: reference })).toHaveCount(0);
  await analyst.goto("/triage");
  await expect(analyst.getByRole("link", { name: reference })).toHaveCount(0);

  // The partner still follows their own organisation's submission (it is theirs, not shared to them).
  await partner.goto("/submissions");
  await expect(partner.getByTestId("submissions")).toContainText(reference);
});
