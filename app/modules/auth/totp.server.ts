import { timingSafeEqual, randomBytes } from "node:crypto";
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI, generateHOTP } from "@oslojs/otp";
import { clock } from "~/utils/clock";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
const ISSUER = "Partnership Intelligence Portal";

export function generateTotpSecret(): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(randomBytes(20));
}

/** Secrets are stored base32-encoded (the form authenticator apps show for manual entry). */
export function encodeTotpSecret(secret: Uint8Array): string {
  return encodeBase32UpperCaseNoPadding(secret);
}

export function decodeTotpSecret(encoded: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(decodeBase32IgnorePadding(encoded));
}

export function totpKeyUri(email: string, secret: Uint8Array): string {
  return createTOTPKeyURI(ISSUER, email, secret, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

export function currentTotpStep(now = clock.now().getTime()): bigint {
  return BigInt(Math.floor(now / 1000 / TOTP_PERIOD_SECONDS));
}

export function totpCodeAt(secret: Uint8Array, step: bigint): string {
  return generateHOTP(secret, step, TOTP_DIGITS);
}

/**
 * Checks a code against the current step and one either side (clock drift), refusing any step at or
 * before `lastUsedStep` so a code cannot be replayed. Returns the matched step, or null.
 */
export function verifyTotpCode(
  secret: Uint8Array,
  code: string,
  lastUsedStep: bigint | null,
  now = clock.now().getTime(),
): bigint | null {
  const cleaned = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(cleaned)) return null;
  const current = currentTotpStep(now);
  for (const step of [current - 1n, current, current + 1n]) {
    if (lastUsedStep !== null && step <= lastUsedStep) continue;
    const expected = Buffer.from(totpCodeAt(secret, step));
    if (timingSafeEqual(expected, Buffer.from(cleaned))) return step;
  }
  return null;
}
