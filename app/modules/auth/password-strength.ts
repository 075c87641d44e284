import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";

/**
 * NCSC guidance: long passwords, no composition rules, block common and guessable ones.
 * zxcvbn-ts estimates guessability against dictionaries of common passwords, names and words.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

const zxcvbn = new ZxcvbnFactory({
  translations: english.translations,
  graphs: common.adjacencyGraphs,
  dictionary: { ...common.dictionary, ...english.dictionary },
});

/** Lower-case letters and digits only, so "Nia.Starter" and "niastarter" compare equal. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

/** Returns a reason the password is refused, or null when it is acceptable. */
export function checkPasswordStrength(password: string, userInputs: string[] = []): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `Password must be at least ${PASSWORD_MIN_LENGTH} characters`;
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`;
  }
  // zxcvbn scores "nia.starter@telford" as strong; a password containing the user's own name or
  // email is guessable by anyone who knows them, so refuse it outright.
  const squashed = squash(password);
  if (userInputs.some((input) => squash(input).length >= 5 && squashed.includes(squash(input)))) {
    return "Password must not contain your name, email address or organisation";
  }
  const result = zxcvbn.check(password, userInputs);
  if (result.score < 3) {
    const warning = result.feedback.warning;
    return warning
      ? `Password is too easy to guess: ${warning.replace(/\.$/, "").toLowerCase()}`
      : "Password is too easy to guess. Try a longer phrase of unrelated words";
  }
  return null;
}
