/**
 * npm run admin:first-approver -- <email> <ROLE>
 *
 * Gives a new organisation its first approver (partner manager, intelligence supervisor or data
 * protection officer) when nobody there can approve roles yet. Refused as soon as someone can: from
 * then on roles are asked for by an administrator and approved by a second person (README, "Roles").
 * Audited as an approval by the system.
 */
import { SYSTEM_AUDIT_CONTEXT } from "~/modules/audit/audit.server";
import { Role } from "~/generated/prisma/enums";
import { grantFirstApproverRole } from "~/modules/users/role-grants.server";
import { runScript } from "./lib/run-script";

const [email, roleName] = process.argv.slice(2);
const role = Object.values(Role).find((r) => r === roleName);
if (!email || !role) {
  console.error("Usage: npm run admin:first-approver -- <email> <ROLE>");
  console.error(`Roles: ${Object.values(Role).join(", ")}`);
  process.exit(1);
}

await runScript(async () => {
  const result = await grantFirstApproverRole(email, role, { ...SYSTEM_AUDIT_CONTEXT, userAgent: "npm run admin:first-approver" });
  if (!result.ok) {
    console.error(result.message);
    process.exitCode = 1;
    return;
  }
  console.log(`${result.name} (${result.organisation}) now has the role ${role}.`);
});
