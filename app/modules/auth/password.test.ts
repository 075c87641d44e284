import { describe, expect, it } from "vitest";
import { checkPasswordStrength, hashPassword, verifyPassword } from "./password.server";

describe("password strength (NCSC: length, no composition rules, no common passwords)", () => {
  it.each(["password1234", "qwertyuiop123", "iloveyou12345", "Password123!"])("refuses the common password %j with a reason", (password) => {
    expect(checkPasswordStrength(password)).toMatch(/too easy to guess/i);
  });

  it("refuses passwords under 12 characters, saying so", () => {
    expect(checkPasswordStrength("k9#Lm2@xQ")).toBe("Password must be at least 12 characters");
  });

  it("accepts a long passphrase with no digits, capitals or symbols (no composition rules)", () => {
    expect(checkPasswordStrength("marmalade lighthouse gravel orbit")).toBeNull();
  });

  it("accepts passwords of 64 characters and more", () => {
    const long = "the heron waited by the weir while copper kettles sang in the mill house".slice(0, 72);
    expect(long.length).toBeGreaterThanOrEqual(64);
    expect(checkPasswordStrength(long)).toBeNull();
  });

  it("refuses a password built from the user's own name or email address", () => {
    const inputs = ["nia.starter@telford.gov.example", "nia.starter", "Nia Starter", "Telford & Wrekin Council"];
    expect(checkPasswordStrength("nia.starter@telford", inputs)).toBe("Password must not contain your name, email address or organisation");
    expect(checkPasswordStrength("NiaStarter-2026-x", inputs)).toBe("Password must not contain your name, email address or organisation");
    expect(checkPasswordStrength("marmalade lighthouse gravel orbit", inputs)).toBeNull();
  });
});

describe("password hashing", () => {
  it("uses argon2id with m=19 MiB, t=2, p=1 (ASVS floor)", async () => {
    const hash = await hashPassword("marmalade lighthouse gravel orbit");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("verifies the right password only, and treats a malformed hash as a mismatch", async () => {
    const hash = await hashPassword("marmalade lighthouse gravel orbit");
    expect(await verifyPassword(hash, "marmalade lighthouse gravel orbit")).toBe(true);
    expect(await verifyPassword(hash, "marmalade lighthouse gravel orbiT")).toBe(false);
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
  });
});
