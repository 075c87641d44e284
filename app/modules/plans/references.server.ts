import type { Prisma } from "~/generated/prisma/client";

/**
 * References for plan actions (ACT-2026-00001), area plans (CHB-2026-00001) and outcomes
 * (OUT-2026-00001): the year of creation and the next number in that year. A transaction-scoped
 * advisory lock per prefix makes two simultaneous creations take turns, so numbers never collide;
 * the lock ends with the transaction. Numbers are padded so references sort in creation order,
 * which is the order the keyset-paged lists use.
 */
type Prefix = "ACT" | "CHB" | "OUT";

async function lastReference(tx: Prisma.TransactionClient, prefix: Prefix, startsWith: string): Promise<string | null> {
  const where = { reference: { startsWith } };
  const select = { reference: true } as const;
  const orderBy = { reference: "desc" } as const;
  switch (prefix) {
    case "ACT":
      return (await tx.planAction.findFirst({ where, select, orderBy }))?.reference ?? null;
    case "CHB":
      return (await tx.areaPlan.findFirst({ where, select, orderBy }))?.reference ?? null;
    case "OUT":
      return (await tx.outcome.findFirst({ where, select, orderBy }))?.reference ?? null;
  }
}

export async function nextReference(tx: Prisma.TransactionClient, prefix: Prefix, now: Date): Promise<string> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`reference:${prefix}`}))::text AS locked`;
  const start = `${prefix}-${now.getUTCFullYear()}-`;
  const last = await lastReference(tx, prefix, start);
  const next = last ? Number(last.slice(start.length)) + 1 : 1;
  return `${start}${String(next).padStart(5, "0")}`;
}
