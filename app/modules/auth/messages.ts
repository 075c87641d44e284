/**
 * What the authentication pages say. One wording per situation, and deliberately the same for an
 * unknown email, a wrong password and a disabled account, so the pages reveal nothing about which
 * accounts exist (ASVS 6.3.8).
 */
export const SIGN_IN_FAILED = "Enter a correct email address and password";
export const SECURITY_CODE_WRONG = "Enter the security code shown in your authenticator app now";
export const RECOVERY_CODE_WRONG = "Enter one of your recovery codes that has not been used";

export function tooManyAttempts(wait: string): string {
  return `There have been too many incorrect attempts to sign in. Wait ${wait}, then try again`;
}

export const SESSION_ENDED = "Your session has ended, sign in again";
export const SESSION_TIMED_OUT = "You were signed out to protect the information";
export const IDENTITY_NOT_CONFIRMED = "Enter your password and the security code shown in your authenticator app now";
