import { chromium, type Page } from "@playwright/test";
import { currentTotpStep, totpCodeAt, decodeTotpSecret } from "../app/modules/auth/totp.server";
import { DEMO_PASSWORD, demoTotpSecretBase32 } from "../prisma/seed/demo-accounts";
const base = "http://localhost:3202";
let stepOff = BigInt(process.env.STEP ?? "0");
async function signIn(page: Page, email: string) {
  await page.goto(base + "/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/sign-in\/code/);
  await page.getByLabel("Security code").fill(totpCodeAt(decodeTotpSecret(demoTotpSecretBase32(email)), currentTotpStep() + stepOff));
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByTestId("user-bar").waitFor();
}
const [email, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage();
await signIn(page, email!);
for (const p of paths) {
  await page.goto(base + p);
  console.log("=====", p, page.url());
  console.log(await page.locator("main").ariaSnapshot());
}
await browser.close();
