import { z } from "zod";

/** The authenticator app's 6-digit code as typed (spaces allowed); `missing` is the message when blank. */
export function securityCodeField(missing: string) {
  return z
    .string()
    .transform((v) => v.replace(/\s+/g, ""))
    .pipe(z.string().min(1, missing).regex(/^\d{6}$/, "Enter the 6-digit security code"));
}
