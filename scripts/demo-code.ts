/** npm run demo:code -- <email> — prints the current TOTP code of a demo account. */
import { currentTotpStep, totpCodeAt, TOTP_PERIOD_SECONDS } from "~/modules/auth/totp.server";
import { DEMO_ACCOUNTS, demoTotpSecret } from "../prisma/seed/demo-accounts";

const email = process.argv[2]?.trim().toLowerCase();
const account = DEMO_ACCOUNTS.find((a) => a.email === email);
if (!email || !account) {
  console.error("Usage: npm run demo:code -- <demo account email>");
  console.error(`Demo accounts: ${DEMO_ACCOUNTS.map((a) => a.email).join(", ")}`);
  process.exit(1);
}
if (account.mfaEnrolled === false) {
  console.error(`${email} has not set up MFA yet: sign in and scan the QR code with an authenticator app.`);
  process.exit(1);
}
const secondsLeft = TOTP_PERIOD_SECONDS - (Math.floor(Date.now() / 1000) % TOTP_PERIOD_SECONDS);
console.log(totpCodeAt(demoTotpSecret(email), currentTotpStep()));
console.error(`(valid for about ${secondsLeft} more seconds)`);
