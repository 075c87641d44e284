import { recordAuditEvent, type AuditContext } from "~/modules/audit/audit.server";
import { prisma } from "~/utils/db.server";
import { sessionIdFromToken, validateSessionToken, type SessionUser } from "./session.server";

/**
 * Ends the session behind `token` on the server (so the token is worthless even if the cookie
 * survives somewhere) and records it. An unknown or expired token has nothing to end.
 */
export async function signOut(
  token: string,
  auditContextFor: (user: SessionUser) => AuditContext,
  { timedOut = false }: { timedOut?: boolean } = {},
): Promise<void> {
  const current = await validateSessionToken(token);
  if (!current) return;
  await prisma.$transaction(async (tx) => {
    const removed = await tx.session.deleteMany({ where: { id: sessionIdFromToken(token) } });
    if (removed.count === 0) return;
    await recordAuditEvent(tx, auditContextFor(current.user), {
      action: "auth.sign_out",
      recordType: "User",
      recordId: current.user.id,
      // A timed-out sign-out was the page's, after the user left the timeout warning unanswered.
      details: { secondFactorGiven: current.session.mfaVerified, ...(timedOut ? { timedOut } : {}) },
    });
  });
}
