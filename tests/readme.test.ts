import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoTotpSecretBase32 } from "../prisma/seed/demo-accounts";

/** The README is how a newcomer signs in and configures the portal: keep it true. */
const readme = readFileSync("README.md", "utf8");

describe("README", () => {
  it("lists every demo account with its TOTP secret, and the demo password", () => {
    expect(readme).toContain(DEMO_PASSWORD);
    for (const account of DEMO_ACCOUNTS) {
      const row = readme.split("\n").find((line) => line.startsWith(`| \`${account.email}\``));
      expect(row, account.email).toBeDefined();
      if (account.mfaEnrolled !== false) expect(row).toContain(demoTotpSecretBase32(account.email));
    }
  });

  it("documents every configuration variable", () => {
    const source = readFileSync("app/utils/env.server.ts", "utf8");
    const variables = [...source.matchAll(/^ {4}([A-Z][A-Z0-9_]+): /gm)].map((match) => match[1]);
    expect(variables.length).toBeGreaterThan(10);
    for (const variable of variables) expect(readme, variable).toContain(`\`${variable}\``);
  });

  it("documents exactly the npm scripts package.json has, so none promised does nothing", () => {
    const packageJson = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    const scripts = Object.keys(packageJson.scripts).filter((name) => name !== "postinstall");
    const section = readme.split("\n## Scripts\n")[1]?.split("\n## ")[0] ?? "";
    const documented = [...section.matchAll(/^\| `npm (?:run )?([a-z0-9:-]+)/gm)].map((match) => match[1]);
    expect(documented.sort()).toEqual(scripts.sort());
  });

  it("starts with exactly the two commands the quick start promises", () => {
    expect(readme).toContain("npm install && npm start");
    expect(readme).toContain("npm test");
  });
});
