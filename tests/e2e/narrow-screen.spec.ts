import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

/**
 * Every role's main pages on a 320 px wide screen (WCAG 1.4.10 reflow): no axe violations, and
 * nothing makes the page scroll sideways. Wide tables may scroll inside their own box
 * (ScrollableTable, `.app-table-scroll`), which does not widen the page.
 */
test.use({ viewport: { width: 320, height: 640 } });

/** A page to visit: a path, or a list's first record (the first link in its first table). */
type Visit = string | { record: string };

/** Elements reaching past the right edge of the screen, outside a scrollable table: what to fix. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5 && !el.closest(".app-table-scroll") && !el.closest(".govuk-visually-hidden"))
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} "${(el.textContent ?? "").trim().slice(0, 40)}" ${Math.round(el.getBoundingClientRect().right)}px`);
  });
}

async function check(page: Page, visit: Visit) {
  if (typeof visit === "string") {
    await page.goto(visit);
  } else {
    await page.goto(visit.record);
    await page.getByRole("main").getByRole("table").first().getByRole("link").first().click();
    await expect(page).not.toHaveURL(new RegExp(`${visit.record}$`));
  }
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Soft: one run reports every page's problems, not just the first.
  await expectAccessible(page, { soft: true });
  const url = page.url();
  expect.soft(await overflowing(page), `nothing wider than the screen on ${url}`).toEqual([]);
  expect.soft(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(320);
}

const ROLES: { role: string; email: string; pages: Visit[] }[] = [
  {
    role: "partner submitter",
    email: "priya.submitter@telford.gov.example",
    pages: ["/", "/submissions", { record: "/submissions" }, "/submissions/new", "/dashboard", "/actions", "/inbox", "/agreements", "/search", "/account"],
  },
  {
    role: "partner manager",
    email: "mark.manager@telford.gov.example",
    pages: ["/", "/inbox?show=acknowledged", { record: "/inbox?show=acknowledged" }, "/actions", { record: "/actions" }, "/dashboard", "/area-plans", "/approvals/roles", "/agreements", { record: "/agreements" }],
  },
  {
    role: "analyst",
    email: "alex.analyst@westmercia.police.example",
    pages: [
      "/",
      "/triage",
      { record: "/triage" },
      "/threats",
      { record: "/threats" },
      "/dashboard",
      "/disseminations",
      { record: "/disseminations" },
      "/outcomes",
      "/outcomes/new",
      "/area-plans",
      { record: "/area-plans" },
      "/profiles",
      "/search",
    ],
  },
  {
    role: "supervisor",
    email: "sam.supervisor@westmercia.police.example",
    pages: ["/", "/triage/approvals", "/disseminations/approvals", "/threats", "/dashboard"],
  },
  {
    role: "data protection officer",
    email: "dana.dpo@westmercia.police.example",
    pages: ["/", "/audit", "/audit/events", { record: "/audit/events" }, "/audit/records", "/audit/agreements", "/audit/integrity", "/audit/unusual", "/dpo/retention", "/dpo/subject-access", "/agreements"],
  },
  {
    role: "administrator",
    email: "ada.admin@westmercia.police.example",
    pages: ["/", "/admin", "/admin/organisations", { record: "/admin/organisations" }, "/admin/users", { record: "/admin/users" }, "/admin/users/new", "/admin/organisations/new"],
  },
];

for (const { role, email, pages } of ROLES) {
  test(`the ${role}'s pages fit a 320 px screen and pass axe`, async ({ page }) => {
    // Many pages, each checked with axe, on a shared machine.
    test.setTimeout(300_000);
    await signIn(page, email);
    for (const visit of pages) await check(page, visit);
  });
}

test("a threat's pages and its 4P plan fit a 320 px screen and pass axe", async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, "alex.analyst@westmercia.police.example");
  await page.goto("/threats");
  await page.getByRole("main").getByRole("table").first().getByRole("link").first().click();
  const threat = new URL(page.url()).pathname;
  for (const suffix of ["", "/entities", "/score", "/chart", "/plan", "/edit"]) await check(page, `${threat}${suffix}`);
});
