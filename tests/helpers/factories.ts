import { randomUUID } from "node:crypto";
import type { OrganisationType, Role } from "~/generated/prisma/enums";
import { REAUTHENTICATION_WINDOW_MS } from "~/modules/auth/reauthentication.server";
import { createSession, sessionCookieName, sessionIdFromToken } from "~/modules/auth/session.server";
import { clock } from "~/utils/clock";
import { prisma } from "~/utils/db.server";
import { encodeTotpSecret, generateTotpSecret } from "~/modules/auth/totp.server";

/** A fast, valid argon2id hash of "correct horse battery staple 42" (tests avoid re-hashing per user). */
let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = "correct horse battery staple 42";
async function testPasswordHash() {
  const { hashPassword } = await import("~/modules/auth/password.server");
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return cachedHash;
}

export async function createOrganisation(overrides: { name?: string; type?: OrganisationType } = {}) {
  return prisma.organisation.create({
    data: { name: overrides.name ?? `Org ${randomUUID().slice(0, 8)}`, type: overrides.type ?? "LOCAL_AUTHORITY" },
  });
}

export async function createUser(
  overrides: {
    roles?: Role[];
    organisationId?: string;
    organisationType?: OrganisationType;
    email?: string;
    signatory?: boolean;
    disabled?: boolean;
    mfaEnrolled?: boolean;
  } = {},
) {
  const organisationId =
    overrides.organisationId ?? (await createOrganisation({ type: overrides.organisationType })).id;
  const enrolled = overrides.mfaEnrolled ?? true;
  return prisma.user.create({
    data: {
      email: overrides.email ?? `user-${randomUUID().slice(0, 8)}@example.test`,
      name: "Test User",
      organisationId,
      roles: overrides.roles ?? ["PARTNER_SUBMITTER"],
      isAgreementSignatory: overrides.signatory ?? false,
      passwordHash: await testPasswordHash(),
      totpSecret: enrolled ? encodeTotpSecret(generateTotpSecret()) : null,
      totpEnrolledAt: enrolled ? new Date() : null,
      disabledAt: overrides.disabled ? new Date() : null,
    },
    include: { organisation: true },
  });
}

/** A Cookie header for a fully signed-in (MFA-verified) session of `userId`. */
export async function signedInCookie(userId: string): Promise<string> {
  const { token } = await createSession(userId, { mfaVerified: true });
  return `${sessionCookieName()}=${token}`;
}

/** A signed-in session whose last proof of identity is older than the re-authentication window. */
export async function staleSignedInCookie(userId: string): Promise<string> {
  const { token } = await createSession(userId, { mfaVerified: true });
  await prisma.session.update({
    where: { id: sessionIdFromToken(token) },
    data: { reauthenticatedAt: new Date(clock.now().getTime() - REAUTHENTICATION_WINDOW_MS - 60_000) },
  });
  return `${sessionCookieName()}=${token}`;
}
