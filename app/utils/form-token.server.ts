import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { clock } from "./clock";

/**
 * One-time form tokens: no duplicate from a double click or a resubmitted form.
 *
 * The loader puts a fresh token in the form (`<FormTokenInput token={...} />`); the action calls
 * `claimFormToken` inside the transaction of its write, before writing. The first submission inserts
 * the token and goes on; a repeat (same token) finds it already used and gets the location the first
 * one redirected to, so it redirects there too and writes nothing. The primary key on the token makes
 * this hold when both arrive at once: the second insert waits for the first transaction and fails.
 */
export const FORM_TOKEN_FIELD = "formToken";

export const formTokenSchema = z.uuid({ message: "This form has expired. Reload the page and try again." });

export function newFormToken(): string {
  return randomUUID();
}

/** `location: null`: the token was used by someone else; answer as for an expired form. */
export type FormTokenClaim = { firstUse: true } | { firstUse: false; location: string | null };

/**
 * Claims `token` for `userId` with `location` (where this submission will send the user). Call it in
 * the write's transaction: if the write rolls back, the token is free again for a retry.
 */
export async function claimFormToken(
  tx: Prisma.TransactionClient,
  token: string,
  userId: string,
  location: string,
): Promise<FormTokenClaim> {
  const inserted = await tx.$executeRaw`
    INSERT INTO "UsedFormToken" ("token", "userId", "location", "usedAt")
    VALUES (${token}::uuid, ${userId}::uuid, ${location}, ${clock.now()})
    ON CONFLICT ("token") DO NOTHING`;
  if (inserted === 1) return { firstUse: true };
  const used = await tx.usedFormToken.findUnique({ where: { token } });
  if (!used || used.userId !== userId) return { firstUse: false, location: null };
  return { firstUse: false, location: used.location };
}
