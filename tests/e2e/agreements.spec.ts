import { expect, test } from "@playwright/test";
import { expectAccessible, fillDate, newSession } from "./helpers";

/**
 * The agreement journey: a partner manager drafts an agreement with West Mercia Police and sends it
 * for signature; the two signatories sign, each in their own browser; the agreement becomes
 * active; the force's DPO revokes it. Every page is checked with axe.
 */

const MANAGER = "mark.manager@telford.gov.example";
const SUPERVISOR = "sam.supervisor@westmercia.police.example";
const DPO = "dana.dpo@westmercia.police.example";

const day = (offset: number) => new Date(Date.now() + offset * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
const title = `Telford county lines sharing ${Date.now()}`;

test("a partner manager drafts, both signatories sign, the agreement becomes active, the DPO revokes it", async ({ browser }) => {
  // Three people, a dozen pages, each checked with axe: longer than the default minute on a busy machine.
  test.setTimeout(240_000);
  // ── The partner manager drafts ──
  const manager = await newSession(browser, MANAGER);
  await manager.getByRole("link", { name: "Information sharing agreements" }).first().click();
  await expect(manager.getByRole("heading", { level: 1, name: "Information sharing agreements" })).toBeVisible();
  await expectAccessible(manager);

  await manager.getByRole("link", { name: "Draft a new agreement" }).click();
  await expect(manager.getByRole("heading", { level: 1, name: "Draft a new agreement" })).toBeVisible();
  await expectAccessible(manager);

  // A first attempt with gaps: the error summary explains, and what was typed stays.
  await manager.getByLabel("Title").fill(title);
  await manager.getByRole("button", { name: "Save draft" }).click();
  await expect(manager.getByRole("alert").getByText("There is a problem")).toBeVisible();
  await expect(manager.getByRole("link", { name: "Enter the purpose of sharing" })).toBeVisible();
  await expect(manager.getByLabel("Title")).toHaveValue(title);
  await expectAccessible(manager);

  await manager.locator("#parties-0-role").selectOption({ label: "Joint controller" });
  await manager.locator("#parties-1-organisationId").selectOption({ label: "West Mercia Police" });
  await manager.locator("#parties-1-role").selectOption({ label: "Controller" });
  await manager.locator("#parties-1-leadName").fill("Sam Price");
  await manager.locator("#parties-1-leadEmail").fill(SUPERVISOR);
  await manager.getByLabel("Purpose of sharing").fill("To share intelligence about county lines and cuckooing in Telford so that partners and police act together.");
  await manager.getByLabel("Pursue: prosecute and disrupt").check();
  await manager.getByLabel("Protect: reduce vulnerability").check();
  await manager.getByLabel("Crime and Disorder Act 1998, section 115").check();
  await manager.getByLabel("Data Protection Act 2018 Part 3, section 35 (law enforcement purposes)").check();
  await manager.getByLabel("Person identifiers (names, dates of birth, nicknames)").check();
  await manager.getByLabel("Addresses and locations").check();
  await manager.getByLabel("Intelligence narrative").check();
  await manager.getByLabel("OFFICIAL-SENSITIVE").check();
  await manager.getByLabel("How shared records are disposed of").fill("Erased in the portal at the end of retention; the erasure is logged.");
  await manager.getByLabel("How rights requests are handled").fill("Each controller answers for its own records and consults the other.");
  await fillDate(manager, "Start date", day(0));
  await fillDate(manager, "End date", day(730));
  await fillDate(manager, "Review date", day(365));
  await manager.getByLabel("Completed").check();
  await manager.getByRole("button", { name: "Save draft" }).click();

  await expect(manager.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(manager.getByText("Draft", { exact: true }).first()).toBeVisible();
  await expectAccessible(manager);
  const agreementUrl = new URL(manager.url()).pathname;

  await manager.getByRole("button", { name: "Send for signature" }).click();
  await expect(manager.getByText("Sent for signature.")).toBeVisible();
  await expect(manager.getByText("Awaiting signatures", { exact: true }).first()).toBeVisible();
  await expectAccessible(manager);

  // ── The manager signs for the council ──
  await manager.getByRole("link", { name: "Sign version 1" }).click();
  await expect(manager.getByRole("heading", { level: 1, name: "Sign version 1" })).toBeVisible();
  await expect(manager.getByText("To share intelligence about county lines and cuckooing in Telford")).toBeVisible();
  await expectAccessible(manager);
  await manager.getByRole("button", { name: "Sign version 1" }).click();
  await expect(manager.getByRole("link", { name: "Confirm that you are authorised to sign for your organisation" })).toBeVisible();
  await expectAccessible(manager);
  await manager.getByLabel("I confirm I am authorised to sign for Telford & Wrekin Council").check();
  await manager.getByRole("button", { name: "Sign version 1" }).click();
  await expect(manager.getByText("Signed. The agreement becomes active when every controller has signed.")).toBeVisible();
  await expect(manager.getByText("Awaiting signatures", { exact: true }).first()).toBeVisible();

  // ── The police signatory signs, in their own session, from the home page ──
  const supervisor = await newSession(browser, SUPERVISOR);
  const toSign = supervisor.getByTestId("agreements-to-sign");
  await expect(toSign).toBeVisible();
  await expectAccessible(supervisor);
  await toSign.getByRole("link", { name: new RegExp(title) }).click();
  await expect(supervisor.getByRole("heading", { level: 1, name: "Sign version 1" })).toBeVisible();
  await supervisor.getByLabel("I confirm I am authorised to sign for West Mercia Police").check();
  await supervisor.getByRole("button", { name: "Sign version 1" }).click();
  await expect(supervisor.getByText("Signed by every party. The agreement is now active.")).toBeVisible();
  await expect(supervisor.getByText("Active", { exact: true }).first()).toBeVisible();
  await expectAccessible(supervisor);

  // The manager sees it active too, and the printable document names both signatories.
  await manager.goto(agreementUrl);
  await expect(manager.getByText("Active", { exact: true }).first()).toBeVisible();
  await manager.getByRole("link", { name: "Print view" }).click();
  await expect(manager.getByRole("heading", { level: 2, name: "10. Signatures" })).toBeVisible();
  await expect(manager.getByText(/Signed by Mark Ellis on/)).toBeVisible();
  await expect(manager.getByText(/Signed by Sam Price on/)).toBeVisible();
  await expectAccessible(manager);

  // ── The DPO revokes it ──
  const dpo = await newSession(browser, DPO);
  await dpo.goto(agreementUrl);
  await expectAccessible(dpo);
  await dpo.getByRole("link", { name: "Revoke agreement" }).click();
  await expect(dpo.getByRole("heading", { level: 1, name: "Revoke the agreement" })).toBeVisible();
  await expectAccessible(dpo);
  await dpo.getByRole("button", { name: "Revoke agreement" }).click();
  await expect(dpo.getByRole("link", { name: "Enter the reason" })).toBeVisible();
  await expectAccessible(dpo);
  await dpo.getByLabel("Why are you revoking it?").fill("The council's case management system was compromised; sharing must stop.");
  await dpo.getByRole("button", { name: "Revoke agreement" }).click();
  await expect(dpo.getByText("Agreement revoked.")).toBeVisible();
  await expect(dpo.getByText("Revoked", { exact: true }).first()).toBeVisible();
  await expect(dpo.getByRole("cell", { name: "The council's case management system was compromised; sharing must stop." })).toBeVisible();
  await expectAccessible(dpo);

  // The version page and register reflect it for the manager.
  await manager.goto(`${agreementUrl}/versions/1`);
  await expect(manager.getByRole("heading", { level: 1, name: "Version 1" })).toBeVisible();
  await expectAccessible(manager);
  await manager.goto("/agreements?status=REVOKED");
  await expect(manager.getByRole("link", { name: title })).toBeVisible();
  await expectAccessible(manager);
});

test("the register filters by status and the demo agreements show each state", async ({ browser }) => {
  const supervisor = await newSession(browser, SUPERVISOR);
  await supervisor.goto("/agreements");
  for (const state of ["Active", "Expired", "Awaiting signatures", "Suspended"]) {
    await expect(supervisor.getByRole("table").getByText(state, { exact: true }).first()).toBeVisible();
  }
  await supervisor.getByLabel("Status").selectOption({ label: "Suspended" });
  await supervisor.getByRole("button", { name: "Apply filters" }).click();
  await expect(supervisor.getByRole("link", { name: "Tenancy enforcement and cuckooing information sharing (2025)" })).toBeVisible();
  await expect(supervisor.getByRole("link", { name: /Telford & Wrekin serious and organised crime/ })).toHaveCount(0);
  await expectAccessible(supervisor);
  await supervisor.getByRole("link", { name: "Tenancy enforcement and cuckooing information sharing (2025)" }).click();
  // Who suspended it and whose suspension remains: West Mercia Police's, which only it can lift.
  await expect(supervisor.getByTestId("suspensions-remaining")).toContainText("Suspended by West Mercia Police.");
  await expect(supervisor.getByTestId("suspensions")).toContainText("Suspended pending a DPIA review after a handling breach was reported.");
  await expect(supervisor.getByRole("link", { name: "Reinstate agreement" })).toBeVisible();
  await expectAccessible(supervisor);
});
